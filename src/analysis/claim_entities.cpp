// Entities that join or leave a claim (src/analysis/claim_entities.h).
#include "analysis/claim_entities.h"

#include <xxhash.h>

#include <algorithm>
#include <cstddef>
#include <optional>

#include "analysis/attribution.h"
#include "analysis/claim_parts.h"
#include "analysis/claim_wording.h"
#include "analysis/name_keys.h"
#include "analysis/quote_spans.h"
#include "analysis/span_sets.h"
#include "analysis/structure.h"
#include "base/ascii.h"
#include "base/word_list.h"
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

// The tokens of the few bytes after `span`, within its sentence: what
// follows a name.
std::vector<Token> TokensAfter(std::string_view text, Span sentence, Span span) {
  return Tokens(text, {span.end, std::min(sentence.end, span.end + 24)});
}

// Whether a source, quotation or number holds a name: theirs to report.
bool LeftOut(const Side& side, Span entity) {
  return WithinAny(entity, side.left_out) ||
         std::any_of(side.left_out.begin(), side.left_out.end(),
                     [&](Span s) { return s.end > s.start && Overlaps(entity, s); });
}

// Whether a name ends in a word for a place ("Mill Row", "the Pellworth
// Ridge footpath"): a street, a hill or a river is no person or
// organisation joining or leaving a claim. Not when it only qualifies a
// body named after it ("the Tarrow Valley flood authority").
bool NamesAPlace(std::string_view text, Span sentence, Span entity) {
  static const WordSet kPlaceWords(
      "street st road rd lane avenue ave row drive way boulevard close crescent terrace square "
      "place ridge hill hills mountain mountains valley river lake bay island islands park "
      "bridge footpath path trail coast beach harbour harbor creek forest moor heath common "
      "green");
  const std::size_t space = text.substr(entity.start, entity.end - entity.start).rfind(' ');
  if (space == std::string_view::npos) return false;  // one word: "Hill" may be a surname
  if (!kPlaceWords.Contains(Lower(text, {entity.start + space + 1, entity.end}))) return false;
  const std::vector<Token> next = TokensAfter(text, sentence, entity);
  return next.empty() || !next.front().word() ||
         kPlaceWords.Contains(Lower(text, next.front().span()));
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

}  // namespace

bool NameIndex::Has(std::string_view lower_word) {
  if (lower_word.empty()) return true;  // nothing to look for
  if (!made_ && reads_ < kReadsBeforeIndex) {
    ++reads_;
    return Read(lower_word);
  }
  if (!made_) Make();
  return std::binary_search(names_.begin(), names_.end(),
                            XXH3_64bits(lower_word.data(), lower_word.size()));
}

// The words Make indexes, each compared with `lower_word` as its key
// would be (NameKey's: ASCII lowered, a possessive dropped).
bool NameIndex::Read(std::string_view lower_word) const {
  const char first_key = lower_word.front();
  for (std::size_t s = 0; s < segmented_.tokens.size(); ++s) {
    for (const Token& token : segmented_.tokens[s]) {
      if (!token.word()) continue;
      const auto first = static_cast<unsigned char>(text_[token.span().start]);
      if (first < 0x80 && (first < 'A' || first > 'Z')) continue;
      std::string_view word =
          text_.substr(token.span().start, token.span().end - token.span().start);
      if (IsAscii(word)) {
        // Most capitalised words are turned away by their first letter.
        if (AsciiLowerChar(word.front()) != first_key) continue;
        if (word.ends_with("'s")) word.remove_suffix(2);
        if (word.size() != lower_word.size()) continue;
        bool same = true;
        for (std::size_t k = 1; k < word.size() && same; ++k)
          same = AsciiLowerChar(word[k]) == lower_word[k];
        if (same) return true;
      } else if (name_keys::StartsUpper(word) && name_keys::NameKey(word) == lower_word) {
        return true;
      }
    }
  }
  return false;
}

void NameIndex::Make() {
  made_ = true;
  // A text names the same people again and again: the keys are made
  // distinct whenever the array is full, before it grows. Gathered whole,
  // they were 1 MB at the peak of a 300k-word diff, for 65 names.
  names_.reserve(1024);
  auto add = [this](std::uint64_t key) {
    if (names_.size() == names_.capacity()) {
      std::sort(names_.begin(), names_.end());
      names_.erase(std::unique(names_.begin(), names_.end()), names_.end());
      // Mostly distinct: grow now, so that the next few keys do not sort
      // them all again.
      if (names_.size() > names_.capacity() / 2) names_.reserve(2 * names_.capacity());
    }
    names_.push_back(key);
  };
  // Lowered in a buffer of the stack: a text has thousands of capitalised
  // words, and the index is made for each comparison.
  char buffer[64];
  for (std::size_t s = 0; s < segmented_.tokens.size(); ++s) {
    for (const Token& token : segmented_.tokens[s]) {
      if (!token.word()) continue;
      // Most words open with an ASCII byte that is no capital.
      const auto first = static_cast<unsigned char>(text_[token.span().start]);
      if (first < 0x80 && (first < 'A' || first > 'Z')) continue;
      const std::string_view word =
          text_.substr(token.span().start, token.span().end - token.span().start);
      if (!name_keys::StartsUpper(word)) continue;
      const bool possessive = word.ends_with("'s") || word.ends_with("\u2019s");
      if (word.size() <= sizeof buffer && IsAscii(word) && !possessive) {
        for (std::size_t k = 0; k < word.size(); ++k) buffer[k] = AsciiLowerChar(word[k]);
        add(XXH3_64bits(buffer, word.size()));
      } else {
        const std::string key = name_keys::NameKey(word);
        add(XXH3_64bits(key.data(), key.size()));
      }
    }
  }
  std::sort(names_.begin(), names_.end());
  names_.erase(std::unique(names_.begin(), names_.end()), names_.end());
}

std::vector<Entity> NewEntities(const Side& side, const Side& other,
                                std::vector<std::size_t>& settled) {
  std::vector<Entity> out;
  // The other sentence's lower-case words, read when an entity meets a
  // change: most edited sentences have none that does.
  std::optional<std::vector<std::string>> other_words;
  auto in_other = [&](const std::string& word) {
    if (!other_words) other_words = LowerCaseWords(other.text, other.sentence);
    return std::find(other_words->begin(), other_words->end(), word) != other_words->end();
  };
  for (Span entity : side.entities) {
    std::size_t change = side.changed.size();
    for (std::size_t w = 0; w < side.changed.size() && change == side.changed.size(); ++w) {
      if (side.changed[w].end > side.changed[w].start && Overlaps(entity, side.changed[w]))
        change = w;
    }
    if (change == side.changed.size()) continue;
    // A name in a source, a quotation or a number is theirs to report.
    if (LeftOut(side, entity)) {
      settled.push_back(change);
      continue;
    }
    const std::string last = name_keys::LastName(side.text, entity);
    const std::vector<std::string> roles = RolesOf(side.text, side.sentence, entity);
    // Named in the other version, perhaps in lower case ("the port
    // authority" beside "the Kelm Port Authority") or by role ("The mayor"
    // -> "Mayor Sofia Marchetti"); an example in a list; a dateline.
    // The other sentence is read before the other text's index of names,
    // which is made at its first question.
    if (in_other(last) || side.named_in_other(last) ||
        NamesAPlace(side.text, side.sentence, entity) ||
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
      const bool respelt = name_keys::IsRespelling(old_name, new_name);
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

namespace {

// Whether a verb of saying or of evidence follows a name, over punctuation
// ("FerroTess says", "the publisher, Harwick Science, said", "Trials by
// the Institute show").
bool SpeaksNext(std::string_view text, Span sentence, Span name) {
  static const WordSet kEvidence("show shows showed shown find finds found suggest suggests");
  for (const Token& token : TokensAfter(text, sentence, name)) {
    if (!token.word()) continue;
    const std::string word = Lower(text, token.span());
    return claim_parts::IsReportingWord(word) || kEvidence.Contains(word);
  }
  return false;
}

}  // namespace

std::vector<Swap> Swaps(const Side& before, std::vector<Entity>& removed, const Side& after,
                        std::vector<Entity>& added, std::size_t changes) {
  // The entity of `side` in change w's span on that side, not a source,
  // quotation or number's.
  auto entity_in = [](const Side& side, std::size_t w) -> std::optional<Span> {
    if (w >= side.changed.size()) return std::nullopt;
    const Span changed = side.changed[w];
    if (changed.end <= changed.start) return std::nullopt;
    for (Span entity : side.entities) {
      if (Overlaps(entity, changed) && !LeftOut(side, entity)) return entity;
    }
    return std::nullopt;
  };
  std::vector<Swap> swaps;
  for (std::size_t w = 0; w < changes; ++w) {
    auto at = [w](const Entity& entity) { return entity.change == w; };
    const auto gone = std::find_if(removed.begin(), removed.end(), at);
    const auto come = std::find_if(added.begin(), added.end(), at);
    if (gone == removed.end() && come == added.end()) continue;
    // The other side's name may be no new one (named elsewhere too); it
    // still took the place of this one.
    const std::optional<Span> old_name =
        gone != removed.end() ? std::optional<Span>(gone->span) : entity_in(before, w);
    const std::optional<Span> new_name =
        come != added.end() ? std::optional<Span>(come->span) : entity_in(after, w);
    if (!old_name || !new_name) continue;
    swaps.push_back({*old_name, *new_name, w,
                     SpeaksNext(before.text, before.sentence, *old_name) ||
                         SpeaksNext(after.text, after.sentence, *new_name)});
    std::erase_if(removed, at);
    std::erase_if(added, at);
  }
  return swaps;
}

}  // namespace stet::claim_entities
