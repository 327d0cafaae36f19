// The claim parts of a sentence: quantities, negations, certainty markers,
// sources, names and correction notices (src/analysis/claim_parts.h).
//
// Hand-written over stet's tokens, for the same reason as quotes: the
// markers of news claims (numbers and their units, "not" and "ruled out",
// "might" and "is prepared to", "according to") are closed lists and short
// patterns, and no Debian-packaged C++ library offers them.
#include "analysis/claim_parts.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <optional>

#include "base/ascii.h"
#include "base/word_list.h"

namespace stet {
namespace claim_parts {
namespace {

constexpr std::array<std::string_view, 20> kSmallNumbers = {
    "zero",     "one",     "two",     "three",     "four",     "five",    "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::array<std::string_view, 8> kTens = {"twenty", "thirty",  "forty",  "fifty",
                                                   "sixty",  "seventy", "eighty", "ninety"};
constexpr std::array<std::string_view, 10> kOrdinals = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"};
// Words before a number that belong to the quantity ("just one day").
constexpr std::array<std::string_view, 12> kQuantityModifiers = {
    "just", "nearly", "almost", "about", "around",        "roughly",
    "only", "over",   "under",  "some",  "approximately", "least"};
constexpr std::array<std::string_view, 14> kNegators = {
    "not", "never",  "no",     "none",   "nobody",  "nothing", "neither",
    "nor", "cannot", "denied", "denies", "refused", "refuses", "rejected"};
constexpr std::array<std::string_view, 12> kHedges = {
    "might",      "may",    "could",   "possibly", "reportedly", "allegedly",
    "apparently", "likely", "perhaps", "hinted",   "suggested",  "unlikely"};
constexpr std::array<std::string_view, 6> kFirm = {"will",       "confirmed", "must",
                                                   "definitely", "certainly", "vowed"};
// Words that carry no claim of their own: a change made only of them is no
// claim edit.
constexpr std::array<std::string_view, 24> kFunctionWords = {
    "the",  "a",  "an",   "and", "or", "but", "of", "to", "in",   "on",   "at",   "for",
    "with", "by", "that", "as",  "is", "was", "be", "it", "this", "from", "also", "then"};
constexpr std::array<std::string_view, 19> kNotNames = {
    "The",      "A",      "An",       "In",     "On", "At", "But", "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday", "I",  "He", "She", "It",     "They"};
constexpr std::array<std::string_view, 18> kRoleWords = {
    "president", "vice",        "secretary",  "minister", "prime",   "envoy",
    "special",   "senator",     "governor",   "mayor",    "general", "chancellor",
    "spokesman", "spokeswoman", "ambassador", "director", "chief",   "defense"};

struct Piece {
  Span span;
  std::string_view text;
  std::string lower;
  bool word;
};

std::vector<Piece> Pieces(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<Piece> pieces;
  pieces.reserve(tokens.size());
  for (const Token& token : tokens) {
    const std::string_view piece = text.substr(token.span.start, token.span.end - token.span.start);
    pieces.push_back({token.span, piece, AsciiLower(piece), token.word});
  }
  return pieces;
}

}  // namespace

bool IsUpper(std::string_view word) {
  return !word.empty() && word.front() >= 'A' && word.front() <= 'Z';
}

namespace {

std::optional<double> NumberWord(std::string_view lower) {
  for (std::size_t k = 0; k < kSmallNumbers.size(); ++k) {
    if (kSmallNumbers[k] == lower) return static_cast<double>(k);
  }
  for (std::size_t k = 0; k < kTens.size(); ++k) {
    if (kTens[k] == lower) return static_cast<double>(20 + 10 * k);
  }
  if (lower == "hundred") return 100;
  if (lower == "thousand") return 1e3;
  if (lower == "million" || lower == "millions") return 1e6;
  if (lower == "billion" || lower == "billions") return 1e9;
  if (lower == "dozen") return 12;
  if (lower == "half") return 0.5;
  for (std::size_t k = 0; k < kOrdinals.size(); ++k) {
    if (kOrdinals[k] == lower) return static_cast<double>(k + 1);
  }
  return std::nullopt;
}

}  // namespace

std::string Singular(std::string word) {
  if (word.size() > 3 && word.ends_with("s") && !word.ends_with("ss")) word.pop_back();
  return word;
}

namespace {

// A quantity starting at pieces[k], or nullopt; `end` is set past it.
std::optional<Quantity> QuantityAt(const std::vector<Piece>& pieces, std::size_t k,
                                   std::size_t& end) {
  const Piece& piece = pieces[k];
  if (!piece.word) return std::nullopt;
  Quantity quantity;
  std::size_t last = k;
  const std::string& lower = piece.lower;
  const bool has_digit =
      std::any_of(lower.begin(), lower.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (has_digit) {
    // "G-7", "COVID-19": a name with a number.
    const std::size_t dash = lower.rfind('-');
    std::string digits = lower;
    if (dash != std::string::npos && dash > 0 &&
        !std::isdigit(static_cast<unsigned char>(lower[0]))) {
      quantity.unit = std::string(piece.text.substr(0, dash + 1));
      digits = lower.substr(dash + 1);
    }
    std::string cleaned;
    for (char c : digits) {
      if ((c >= '0' && c <= '9') || c == '.') cleaned += c;
    }
    if (cleaned.empty()) return std::nullopt;
    quantity.value = std::atof(cleaned.c_str());
    if (lower.ends_with("st") || lower.ends_with("nd") || lower.ends_with("rd") ||
        lower.ends_with("th")) {
      quantity.unit = "ordinal";
    }
  } else {
    // Number words, "three-year-long" included.
    const std::string first = lower.substr(0, lower.find('-'));
    std::optional<double> value = NumberWord(first);
    if (!value) return std::nullopt;
    if (first == "half" || first == "second") {
      // "half" and "second" are numbers only before a unit noun.
      if (k + 1 >= pieces.size() || !pieces[k + 1].word) return std::nullopt;
    }
    quantity.value = *value;
    if (lower.find('-') != std::string::npos) {
      const std::size_t dash = lower.find('-');
      const std::size_t next_dash = lower.find('-', dash + 1);
      quantity.unit = Singular(lower.substr(
          dash + 1, next_dash == std::string::npos ? std::string::npos : next_dash - dash - 1));
    }
    while (last + 1 < pieces.size()) {
      std::optional<double> more = NumberWord(pieces[last + 1].lower);
      if (!more || Contains(kOrdinals, pieces[last + 1].lower)) break;
      quantity.value = *more >= 100 ? quantity.value * *more : quantity.value + *more;
      ++last;
    }
  }
  // Unit after: "%", "percent", "million", a noun.
  if (last + 1 < pieces.size()) {
    const Piece& next = pieces[last + 1];
    if (next.text == "%" || next.lower == "percent") {
      quantity.unit = "%";
      ++last;
    } else if (next.lower == "million" || next.lower == "billion" || next.lower == "trillion") {
      quantity.value *= next.lower == "million" ? 1e6 : next.lower == "billion" ? 1e9 : 1e12;
      ++last;
    }
    if (quantity.unit.empty() && last + 1 < pieces.size() && pieces[last + 1].word &&
        !IsUpper(pieces[last + 1].text) && !Contains(kFunctionWords, pieces[last + 1].lower)) {
      quantity.unit = Singular(pieces[last + 1].lower);
      ++last;
    }
  }
  // Currency before, modifiers before.
  std::size_t first = k;
  if (first > 0 && (pieces[first - 1].text == "$" || pieces[first - 1].text == "\u20AC" ||
                    pieces[first - 1].text == "\u00A3")) {
    --first;
    quantity.unit = std::string(pieces[first].text) + quantity.unit;
  }
  while (first > 0 && Contains(kQuantityModifiers, pieces[first - 1].lower)) --first;
  quantity.span = {pieces[first].span.start, pieces[last].span.end};
  end = last + 1;
  return quantity;
}

// Spans of negating words and phrases; "not only" is no negation, "ruled
// out" and "rule out" are (a denial).
std::vector<Span> Negations(const std::vector<Piece>& pieces) {
  std::vector<Span> found;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    const std::string& lower = pieces[k].lower;
    if (!pieces[k].word) continue;
    if (lower == "not" && k + 1 < pieces.size() && pieces[k + 1].lower == "only") continue;
    const bool contracted = lower.ends_with("n't") || lower.ends_with("n\u2019t");
    const bool denial =
        (lower == "ruled" || lower == "rule" || lower == "rules" || lower == "ruling") &&
        k + 1 < pieces.size() && pieces[k + 1].lower == "out";
    if (denial) {
      found.push_back({pieces[k].span.start, pieces[k + 1].span.end});
    } else if (contracted || Contains(kNegators, lower)) {
      found.push_back(pieces[k].span);
    }
  }
  return found;
}

void Certainty(const std::vector<Piece>& pieces, std::vector<Span>& hedges,
               std::vector<Span>& firm) {
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    const std::string& lower = pieces[k].lower;
    if (!pieces[k].word) continue;
    // "is expected to", "is prepared to", "is set to"
    if ((lower == "expected" || lower == "prepared" || lower == "set" || lower == "poised") &&
        k > 0 && k + 1 < pieces.size() && pieces[k + 1].lower == "to" &&
        (pieces[k - 1].lower == "is" || pieces[k - 1].lower == "are" ||
         pieces[k - 1].lower == "was" || pieces[k - 1].lower == "were")) {
      const Span span{pieces[k - 1].span.start, pieces[k + 1].span.end};
      (lower == "expected" ? hedges : firm).push_back(span);
      continue;
    }
    if (Contains(kHedges, lower)) hedges.push_back(pieces[k].span);
    if (Contains(kFirm, lower)) firm.push_back(pieces[k].span);
  }
}

// The end of a noun phrase naming a source from pieces[k]: an optional
// "the", then capitalised words (or up to four words) before punctuation.
std::size_t SourceEnd(const std::vector<Piece>& pieces, std::size_t k) {
  std::size_t end = k;
  if (end < pieces.size() && pieces[end].lower == "the") ++end;
  while (end < pieces.size() && pieces[end].word && end - k < 6 &&
         (IsUpper(pieces[end].text) || pieces[end].lower == "of")) {
    ++end;
  }
  return end;
}

std::vector<Span> Sources(const std::vector<Piece>& pieces) {
  std::vector<Span> found;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    const std::string& lower = pieces[k].lower;
    std::size_t name = SIZE_MAX;
    if (lower == "according" && k + 1 < pieces.size() && pieces[k + 1].lower == "to") {
      name = k + 2;
    } else if (lower == "citing") {
      name = k + 1;
    } else if (lower == "reported" && k + 1 < pieces.size() && pieces[k + 1].lower == "by") {
      name = k + 2;
    }
    if (name != SIZE_MAX) {
      const std::size_t end = SourceEnd(pieces, name);
      if (end > name) found.push_back({pieces[k].span.start, pieces[end - 1].span.end});
      continue;
    }
    // "Reuters reported", "The Wall Street Journal reported"
    if ((lower == "reported" || lower == "reports") && k > 0 && IsUpper(pieces[k - 1].text)) {
      std::size_t start = k - 1;
      while (start > 0 && (IsUpper(pieces[start - 1].text) || pieces[start - 1].lower == "the"))
        --start;
      found.push_back({pieces[start].span.start, pieces[k].span.end});
    }
  }
  return found;
}

// Named people and organisations: runs of capitalised words (with the
// lower-case role words before them: "special envoy Keith Kellogg").
std::vector<Span> Entities(const std::vector<Piece>& pieces) {
  std::vector<Span> found;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    if (!pieces[k].word || !IsUpper(pieces[k].text) || Contains(kNotNames, pieces[k].text))
      continue;
    std::size_t end = k + 1;
    while (end < pieces.size() && pieces[end].word &&
           (IsUpper(pieces[end].text) || (pieces[end].lower == "of" && end + 1 < pieces.size() &&
                                          IsUpper(pieces[end + 1].text)))) {
      ++end;
    }
    // A lone capitalised word opening the sentence (perhaps after a quote
    // mark) is no name by itself.
    const bool opens = std::none_of(pieces.begin(), pieces.begin() + static_cast<std::ptrdiff_t>(k),
                                    [](const Piece& piece) { return piece.word; });
    if (opens && end == k + 1) continue;
    std::size_t start = k;
    while (start > 0 && Contains(kRoleWords, pieces[start - 1].lower)) --start;
    found.push_back({pieces[start].span.start, pieces[end - 1].span.end});
    k = end - 1;
  }
  return found;
}

bool IsCorrection(std::string_view sentence) {
  const std::string lower = AsciiLower(sentence.substr(0, 60));
  for (std::string_view opener :
       {"correction:", "corrections:", "clarification:", "editor's note", "editor\u2019s note",
        "an earlier version of this", "a previous version of this", "this article has been updated",
        "this story has been updated", "this article was updated", "update:", "updated:"}) {
    if (lower.starts_with(opener)) return true;
  }
  return false;
}

}  // namespace

bool IsFunctionWord(std::string_view lower) {
  return Contains(kFunctionWords, lower);
}

Claim ClaimOf(std::string_view text, const SegmentedText& segmented, std::size_t s) {
  Claim claim;
  claim.sentence = s;
  claim.span = segmented.sentences[s];
  const std::vector<Piece> pieces = Pieces(text, segmented.tokens[s]);
  for (std::size_t k = 0; k < pieces.size();) {
    std::size_t end = k + 1;
    if (std::optional<Quantity> quantity = QuantityAt(pieces, k, end)) {
      claim.quantities.push_back(*quantity);
      k = end;
    } else {
      ++k;
    }
  }
  claim.negations = Negations(pieces);
  Certainty(pieces, claim.hedges, claim.firm);
  claim.sources = Sources(pieces);
  claim.entities = Entities(pieces);
  claim.correction = IsCorrection(text.substr(claim.span.start, claim.span.end - claim.span.start));
  return claim;
}

}  // namespace claim_parts

std::vector<Claim> FindClaims(std::string_view text, const SegmentedText& segmented) {
  std::vector<Claim> claims;
  claims.reserve(segmented.sentences.size());
  for (std::size_t s = 0; s < segmented.sentences.size(); ++s) {
    claims.push_back(claim_parts::ClaimOf(text, segmented, s));
  }
  return claims;
}

}  // namespace stet
