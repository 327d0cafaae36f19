// Entities that join or leave a claim (src/analysis/claim_entities.h).
#include "analysis/claim_entities.h"

#include <xxhash.h>

#include <algorithm>
#include <cstddef>

#include "analysis/attribution.h"
#include "analysis/claim_parts.h"
#include "analysis/claim_wording.h"
#include "analysis/name_keys.h"
#include "analysis/quote_spans.h"
#include "analysis/span_sets.h"
#include "analysis/structure.h"
#include "base/ascii.h"
#include "stet/text.h"

namespace stet::claim_entities {
namespace {

std::string Lower(std::string_view text, Span span) {
  return AsciiLower(text.substr(span.start, span.end - span.start));
}

// The words of a span written in lower case: a role or a name's last word
// there names no one ("the mayor", "the port authority").
std::vector<std::string> LowerCaseWords(std::string_view text, Span span) {
  std::vector<std::string> words;
  for (const Token& token : Tokens(text, span)) {
    const char first = text[token.span().start];
    if (token.word() && first >= 'a' && first <= 'z')
      words.push_back(name_keys::NameKey(
          text.substr(token.span().start, token.span().end - token.span().start)));
  }
  return words;
}

// Whether the entity is one of a list's examples: "including", "such as",
// "like" or "among them" before it in its clause.
// The words around an entity read only so far from it (from a space, so
// no word is cut): a sentence of thousands of names would otherwise be
// read once for each.
constexpr std::size_t kNearEntity = 160;

bool InExampleList(std::string_view text, Span sentence, Span entity) {
  std::size_t from = sentence.start;
  if (entity.start - sentence.start > kNearEntity) {
    const std::size_t space = text.rfind(' ', entity.start - kNearEntity);
    if (space != std::string_view::npos && space > sentence.start) from = space;
  }
  const std::vector<Token> tokens = Tokens(text, {from, entity.start});
  for (std::size_t k = tokens.size(); k > 0 && tokens.size() - k < 10; --k) {
    const Token& token = tokens[k - 1];
    const std::string word = Lower(text, token.span());
    if (!token.word() && word != "," && word != "\u2019" && word != "'") return false;
    if (word == "including" || word == "like" || word == "among" ||
        (word == "as" && k >= 2 && Lower(text, tokens[k - 2].span()) == "such")) {
      return true;
    }
  }
  return false;
}

// The role words of an entity and of its apposition ("Mayor Sofia
// Marchetti", "Pavel Ostrander, a spokesman").
std::vector<std::string> RolesOf(std::string_view text, Span sentence, Span entity) {
  std::vector<std::string> roles;
  std::size_t until = sentence.end;
  if (sentence.end - entity.end > kNearEntity) {
    const std::size_t space = text.find(' ', entity.end + kNearEntity);
    if (space != std::string_view::npos && space < sentence.end) until = space;
  }
  const std::vector<Token> after = Tokens(text, {entity.end, until});
  std::size_t end = entity.end;
  if (after.size() >= 3 && Lower(text, after[0].span()) == "," &&
      (Lower(text, after[1].span()) == "a" || Lower(text, after[1].span()) == "the")) {
    end = after[std::min<std::size_t>(after.size() - 1, 4)].span().end;
  }
  for (const Token& token : Tokens(text, {entity.start, end})) {
    if (!token.word()) continue;
    const std::string lower = Lower(text, token.span());
    if (attribution::IsRoleWord(lower)) roles.push_back(lower);
  }
  return roles;
}

std::size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

bool NameIndex::Has(std::string_view lower_word) {
  if (lower_word.empty()) return true;  // nothing to look for
  if (!made_) Make();
  return std::binary_search(names_.begin(), names_.end(),
                            XXH3_64bits(lower_word.data(), lower_word.size()));
}

void NameIndex::Make() {
  made_ = true;
  // Lowered in a buffer of the stack: a text has thousands of capitalised
  // words, and the index is made for each comparison.
  char buffer[64];
  for (const std::vector<Token>& tokens : segmented_.tokens) {
    for (const Token& token : tokens) {
      if (!token.word()) continue;
      const std::string_view word =
          text_.substr(token.span().start, token.span().end - token.span().start);
      if (!name_keys::StartsUpper(word)) continue;
      const bool possessive = word.ends_with("'s") || word.ends_with("\u2019s");
      if (word.size() <= sizeof buffer && IsAscii(word) && !possessive) {
        for (std::size_t k = 0; k < word.size(); ++k) buffer[k] = AsciiLowerChar(word[k]);
        names_.push_back(XXH3_64bits(buffer, word.size()));
      } else {
        const std::string key = name_keys::NameKey(word);
        names_.push_back(XXH3_64bits(key.data(), key.size()));
      }
    }
  }
  std::sort(names_.begin(), names_.end());
  names_.erase(std::unique(names_.begin(), names_.end()), names_.end());
}

std::vector<Entity> NewEntities(const Side& side, const Side& other,
                                std::vector<std::size_t>& settled) {
  std::vector<Entity> out;
  const std::vector<std::string> other_words = LowerCaseWords(other.text, other.sentence);
  auto in_other = [&](const std::string& word) {
    return std::find(other_words.begin(), other_words.end(), word) != other_words.end();
  };
  for (Span entity : side.entities) {
    std::size_t change = side.changed.size();
    for (std::size_t w = 0; w < side.changed.size() && change == side.changed.size(); ++w) {
      if (side.changed[w].end > side.changed[w].start && Overlaps(entity, side.changed[w]))
        change = w;
    }
    if (change == side.changed.size()) continue;
    // A name in a source, a quotation or a number is theirs to report.
    if (WithinAny(entity, side.left_out) ||
        std::any_of(side.left_out.begin(), side.left_out.end(),
                    [&](Span s) { return s.end > s.start && Overlaps(entity, s); })) {
      settled.push_back(change);
      continue;
    }
    const std::string last = name_keys::LastName(side.text, entity);
    const std::vector<std::string> roles = RolesOf(side.text, side.sentence, entity);
    // Named in the other version, perhaps in lower case ("the port
    // authority" beside "the Kelm Port Authority") or by role ("The mayor"
    // -> "Mayor Sofia Marchetti"); an example in a list; a dateline.
    if (side.named_in_other(last) || in_other(last) ||
        std::any_of(roles.begin(), roles.end(), in_other) ||
        InExampleList(side.text, side.sentence, entity) ||
        entity.end <= structure::DatelineEnd(side.text, side.sentence)) {
      settled.push_back(change);
      continue;
    }
    out.push_back({entity, change});
  }
  return out;
}

namespace {

// The initials of a name's capitalised words: "Harbour Workers’ Union" ->
// "hwu".
std::string Initials(std::string_view text, Span span) {
  std::string out;
  for (const Token& token : Tokens(text, span)) {
    const char first = text[token.span().start];
    if (token.word() && first >= 'A' && first <= 'Z') out += static_cast<char>(first - 'A' + 'a');
  }
  return out;
}

// A name's words as keys, joined by spaces: "Marek Šťastný" -> "marek
// stastny".
std::string FoldedName(std::string_view text, Span span) {
  std::string out;
  for (const Token& token : Tokens(text, span)) {
    if (!token.word()) continue;
    if (!out.empty()) out += ' ';
    out +=
        name_keys::NameKey(text.substr(token.span().start, token.span().end - token.span().start));
  }
  return out;
}

}  // namespace

void DropRespellings(std::string_view before_text, std::vector<Entity>& removed,
                     std::string_view after_text, std::vector<Entity>& added,
                     std::vector<std::size_t>& settled) {
  for (std::size_t r = 0; r < removed.size();) {
    const std::string old_name = FoldedName(before_text, removed[r].span);
    bool dropped = false;
    for (std::size_t a = 0; a < added.size() && !dropped; ++a) {
      const std::string new_name = FoldedName(after_text, added[a].span);
      const std::size_t longest = std::max(old_name.size(), new_name.size());
      const bool respelt = longest >= 4 && EditDistance(old_name, new_name) * 5 <= longest;
      const bool initials =
          (new_name.size() >= 2 && Initials(before_text, removed[r].span) == new_name) ||
          (old_name.size() >= 2 && Initials(after_text, added[a].span) == old_name);
      if (respelt || initials) {
        settled.push_back(added[a].change);
        settled.push_back(removed[r].change);
        added.erase(added.begin() + static_cast<std::ptrdiff_t>(a));
        dropped = true;
      }
    }
    if (dropped) {
      removed.erase(removed.begin() + static_cast<std::ptrdiff_t>(r));
    } else {
      ++r;
    }
  }
}

}  // namespace stet::claim_entities
