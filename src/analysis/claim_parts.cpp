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
#include <unordered_map>
#include <utility>

#include "analysis/structure.h"
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
// Certainty lowered: modals, reported or expected outcomes ("was
// projected as the winner", "is believed to have", "early returns showed
// her leading").
const WordSet& Hedges() {
  static const WordSet words(
      "might may could possibly reportedly allegedly apparently likely perhaps "
      "hinted suggested unlikely projected forecast predicted anticipated "
      "believed understood thought appeared appears seemed seems leading "
      "probably presumably purportedly suspect suspects suspected believe "
      "believes showed shows indicated indicates ");
  return words;
}
// Certainty raised. "will" is not among them: "will cut 300 jobs" and
// "has cut 300 jobs" differ in tense, not in how sure the writer is.
constexpr std::array<std::string_view, 5> kFirm = {"confirmed", "must", "definitely", "certainly",
                                                   "vowed"};
// Words that carry no claim of their own: a change made only of them is no
// claim edit. Articles, prepositions, conjunctions, pronouns and
// auxiliaries.
const WordSet& FunctionWords() {
  static const WordSet words(
      "the a an and or but of to in on at for with by that as is was be it "
      "this from also then are were been being has have had do does did would "
      "shall should can will he she its they them their his her him we us our "
      "you your these those who which whose there here into onto upon so not "
      "after before despite although though while because during until without "
      "within amid against among between through across above below toward "
      "towards via per if when where whether ");
  return words;
}
constexpr std::array<std::string_view, 19> kNotNames = {
    "The",      "A",      "An",       "In",     "On", "At", "But", "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday", "I",  "He", "She", "It",     "They"};
// Months (and their abbreviations) and time zones: dates, not names.
const WordSet& CalendarWords() {
  static const WordSet words(
      "January February March April May June July August September October "
      "November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec ET "
      "EST EDT GMT BST UTC CET PT PST PDT CT CST ");
  return words;
}
constexpr std::array<std::string_view, 18> kRoleWords = {
    "president", "vice",        "secretary",  "minister", "prime",   "envoy",
    "special",   "senator",     "governor",   "mayor",    "general", "chancellor",
    "spokesman", "spokeswoman", "ambassador", "director", "chief",   "defense"};

struct Piece {
  Span span;
  std::string_view text;
  std::string_view lower;  // into the sentence's lower-case copy
  bool word;
};

// The pieces of a sentence; `lower` is the sentence in lower case, from
// offset `base` of the text, and outlives them.
std::vector<Piece> Pieces(std::string_view text, std::string_view lower, std::size_t base,
                          const std::vector<Token>& tokens) {
  std::vector<Piece> pieces;
  pieces.reserve(tokens.size());
  for (const Token& token : tokens) {
    const std::size_t length = token.span.end - token.span.start;
    pieces.push_back({token.span, text.substr(token.span.start, length),
                      lower.substr(token.span.start - base, length), token.word});
  }
  return pieces;
}

}  // namespace

bool IsUpper(std::string_view word) {
  return !word.empty() && word.front() >= 'A' && word.front() <= 'Z';
}

namespace {

// Every number word with its value, looked up by hash: quantities ask for
// every word of a changed sentence.
std::optional<double> NumberWord(std::string_view lower) {
  static const std::unordered_map<std::string_view, double> values = [] {
    std::unordered_map<std::string_view, double> out;
    for (std::size_t k = 0; k < kSmallNumbers.size(); ++k)
      out[kSmallNumbers[k]] = static_cast<double>(k);
    for (std::size_t k = 0; k < kTens.size(); ++k) out[kTens[k]] = static_cast<double>(20 + 10 * k);
    // Ordinals after the words above: "second" is 2 (and "a second" no
    // number, see QuantityAt).
    for (std::size_t k = 0; k < kOrdinals.size(); ++k)
      out.emplace(kOrdinals[k], static_cast<double>(k + 1));
    for (const auto& [word, value] : {std::pair<std::string_view, double>{"hundred", 100},
                                      {"thousand", 1e3},
                                      {"million", 1e6},
                                      {"millions", 1e6},
                                      {"billion", 1e9},
                                      {"billions", 1e9},
                                      {"dozen", 12},
                                      {"half", 0.5},
                                      {"quarter", 0.25}}) {
      out[word] = value;
    }
    return out;
  }();
  const auto found = values.find(lower);
  if (found == values.end()) return std::nullopt;
  return found->second;
}

}  // namespace

std::string Singular(std::string word) {
  if (word.size() > 3 && word.ends_with("s") && !word.ends_with("ss")) word.pop_back();
  return word;
}

namespace {

bool AllDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Past an "a.m." or "p.m." written from pieces[k] on (the tokenizer cuts
// it at its full stops), or k when there is none; `pm` says which.
std::size_t AmPmEnd(const std::vector<Piece>& pieces, std::size_t k, bool& pm) {
  std::string folded;
  for (std::size_t j = k; j < pieces.size() && j < k + 4; ++j) {
    if (j > k && pieces[j].span.start != pieces[j - 1].span.end) break;
    for (char c : pieces[j].lower) {
      if (c != '.') folded += c;
    }
    if (folded == "am" || folded == "pm") {
      pm = folded == "pm";
      // Its closing full stop, if the tokenizer left it apart.
      if (j + 1 < pieces.size() && pieces[j + 1].text == "." &&
          pieces[j + 1].span.start == pieces[j].span.end && !pieces[j].text.ends_with("."))
        ++j;
      return j + 1;
    }
    if (folded.size() > 2) break;
  }
  return k;
}

// A time of day from pieces[k]: "6:30 p.m.", "9 p.m.", "14:05", as minutes
// after midnight with the unit "time".
std::optional<Quantity> TimeAt(const std::vector<Piece>& pieces, std::size_t k, std::size_t& end) {
  if (!AllDigits(pieces[k].lower) || pieces[k].lower.size() > 2) return std::nullopt;
  double hours = std::atof(std::string(pieces[k].lower).c_str()), minutes = 0;
  std::size_t next = k + 1;
  const bool clock = next + 1 < pieces.size() && pieces[next].text == ":" &&
                     pieces[next].span.start == pieces[k].span.end &&
                     pieces[next + 1].lower.size() == 2 && AllDigits(pieces[next + 1].lower);
  if (clock) {
    minutes = std::atof(std::string(pieces[next + 1].lower).c_str());
    next += 2;
  }
  bool pm = false;
  const std::size_t after = next < pieces.size() ? AmPmEnd(pieces, next, pm) : next;
  if (after == next && !clock) return std::nullopt;
  if (pm && hours < 12) hours += 12;
  Quantity quantity;
  quantity.value = hours * 60 + minutes;
  quantity.unit = "time";
  quantity.span = {pieces[k].span.start, pieces[after - 1].span.end};
  end = after;
  return quantity;
}

// A weekday or a month named with a capital ("on Sunday", "in May"): the
// date of an event is one of its values. "May" is the month only after a
// preposition or before a day ("in May", "May 3"), else the verb.
std::optional<Quantity> CalendarAt(const std::vector<Piece>& pieces, std::size_t k,
                                   std::size_t& end) {
  static constexpr std::array<std::string_view, 7> kWeekdays = {
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  static constexpr std::array<std::string_view, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  std::string_view text = pieces[k].text;
  if (!IsUpper(text)) return std::nullopt;  // days and months are capitalised
  if (text.ends_with("\u2019s")) text.remove_suffix(4);
  if (text.ends_with("'s")) text.remove_suffix(2);
  Quantity quantity;
  for (std::size_t d = 0; d < kWeekdays.size(); ++d) {
    if (text == kWeekdays[d]) {
      quantity.value = static_cast<double>(d + 1);
      quantity.unit = "weekday";
    }
  }
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    if (text != kMonths[m]) continue;
    if (text == "May") {
      const bool after_preposition =
          k > 0 && (pieces[k - 1].lower == "in" || pieces[k - 1].lower == "since" ||
                    pieces[k - 1].lower == "until" || pieces[k - 1].lower == "by" ||
                    pieces[k - 1].lower == "of" || pieces[k - 1].lower == "early" ||
                    pieces[k - 1].lower == "late" || pieces[k - 1].lower == "mid");
      const bool before_day = k + 1 < pieces.size() && AllDigits(pieces[k + 1].lower);
      if (!after_preposition && !before_day) return std::nullopt;
    }
    quantity.value = static_cast<double>(m + 1);
    quantity.unit = "month";
  }
  if (quantity.unit.empty()) return std::nullopt;
  quantity.span = pieces[k].span;
  end = k + 1;
  return quantity;
}

// A quantity starting at pieces[k], or nullopt; `end` is set past it.
std::optional<Quantity> QuantityAt(const std::vector<Piece>& pieces, std::size_t k,
                                   std::size_t& end) {
  const Piece& piece = pieces[k];
  if (!piece.word) return std::nullopt;
  if (std::optional<Quantity> time = TimeAt(pieces, k, end)) return time;
  if (std::optional<Quantity> date = CalendarAt(pieces, k, end)) return date;
  Quantity quantity;
  std::size_t last = k;
  const std::string_view lower = piece.lower;
  const bool has_digit =
      std::any_of(lower.begin(), lower.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (has_digit) {
    // "G-7", "COVID-19": a name with a number.
    const std::size_t dash = lower.rfind('-');
    std::string_view digits = lower;
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
    // Money shorthand: "£2m", "$1.5bn", "€40k" (after a currency sign only:
    // "a 5m wall" is five metres).
    const bool money = k > 0 && (pieces[k - 1].text == "$" || pieces[k - 1].text == "\u20AC" ||
                                 pieces[k - 1].text == "\u00A3");
    if (money && digits.ends_with("bn")) {
      quantity.value *= 1e9;
    } else if (money && digits.ends_with("m")) {
      quantity.value *= 1e6;
    } else if (money && digits.ends_with("k")) {
      quantity.value *= 1e3;
    }
    if (lower.ends_with("st") || lower.ends_with("nd") || lower.ends_with("rd") ||
        lower.ends_with("th")) {
      quantity.unit = "ordinal";
    }
  } else {
    // Number words, "three-year-long" included.
    const std::string_view first = lower.substr(0, lower.find('-'));
    std::optional<double> value = NumberWord(first);
    if (!value) return std::nullopt;
    if (first == "half" || first == "second") {
      // "half" and "second" are numbers only before a unit noun.
      if (k + 1 >= pieces.size() || !pieces[k + 1].word) return std::nullopt;
    }
    quantity.value = *value;
    // A fraction: "a third of", "one quarter of".
    const bool fraction_word =
        first == "quarter" || (Contains(kOrdinals, first) && first != "first" && first != "second");
    if (fraction_word && k > 0 && (pieces[k - 1].lower == "a" || pieces[k - 1].lower == "one") &&
        k + 1 < pieces.size() && pieces[k + 1].lower == "of") {
      quantity.value = first == "quarter" ? 0.25 : 1.0 / *value;
      quantity.unit = "fraction";
      quantity.span = {pieces[k - 1].span.start, piece.span.end};
      end = k + 1;
      return quantity;
    }
    if (lower.find('-') != std::string::npos) {
      const std::size_t dash = lower.find('-');
      const std::size_t next_dash = lower.find('-', dash + 1);
      quantity.unit = Singular(std::string(lower.substr(
          dash + 1, next_dash == std::string::npos ? std::string::npos : next_dash - dash - 1)));
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
    } else if (next.lower == "per" && last + 2 < pieces.size() &&
               pieces[last + 2].lower == "cent") {
      quantity.unit = "%";  // "8 per cent"
      last += 2;
    } else if (next.lower == "million" || next.lower == "billion" || next.lower == "trillion") {
      quantity.value *= next.lower == "million" ? 1e6 : next.lower == "billion" ? 1e9 : 1e12;
      ++last;
    }
    if (quantity.unit.empty() && last + 1 < pieces.size() && pieces[last + 1].word &&
        !IsUpper(pieces[last + 1].text) && !FunctionWords().Contains(pieces[last + 1].lower)) {
      quantity.unit = Singular(std::string(pieces[last + 1].lower));
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
    const std::string_view lower = pieces[k].lower;
    if (!pieces[k].word) continue;
    if (lower == "not" && k + 1 < pieces.size() && pieces[k + 1].lower == "only") continue;
    // "almost nothing", "hardly any": a small amount, not a denial.
    if (k > 0 && (pieces[k - 1].lower == "almost" || pieces[k - 1].lower == "nearly" ||
                  pieces[k - 1].lower == "virtually" || pieces[k - 1].lower == "hardly"))
      continue;
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
    const std::string_view lower = pieces[k].lower;
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
    // "May" inside a sentence, capitalised, is the month.
    const bool month = lower == "may" && k > 0 && IsUpper(pieces[k].text);
    if (Hedges().Contains(lower) && !month) hedges.push_back(pieces[k].span);
    if (Contains(kFirm, lower)) firm.push_back(pieces[k].span);
  }
}

// Where a source's noun phrase from pieces[k] ends: at punctuation, a
// quotation mark, "that", or after eight words ("according to the
// transport ministry", "citing two officials familiar with the talks").
std::size_t PhraseEnd(const std::vector<Piece>& pieces, std::size_t k) {
  std::size_t end = k;
  while (end < pieces.size() && pieces[end].word && end - k < 8 && pieces[end].lower != "that" &&
         pieces[end].lower != "on" && pieces[end].lower != "in" && pieces[end].lower != "after" &&
         pieces[end].lower != "before") {
    ++end;
  }
  return end;
}

bool IsSubjectPronoun(std::string_view lower) {
  return lower == "he" || lower == "she" || lower == "they" || lower == "it" || lower == "we" ||
         lower == "i" || lower == "you";
}

// The verbs a source speaks through ("Police said", "officials told
// Radio Kelm", "the ministry announced"), in their finite forms. Fewer than
// the reporting verbs of quotes: "hinted" and "suggested" say how sure the
// writer is, and "terms" or "notes" are nouns as often as verbs.
const WordSet& SourceVerbs() {
  static const WordSet words(
      "said says say told tells reported reports report announced announces "
      "confirmed confirms confirm stated claimed claim estimated estimates "
      "estimate wrote testified testifies alleged alleges insisted insists "
      "acknowledged acknowledges disclosed discloses revealed reveals declared "
      "declares suspect suspects suspected believe believes maintains "
      "concluded ");
  return words;
}

bool IsSourceVerb(std::string_view lower) {
  return SourceVerbs().Contains(lower);
}

// A clause boundary before pieces[k]: the sentence's start, punctuation
// other than a full stop in an abbreviation, a quotation mark, "that".
bool BoundaryBefore(const std::vector<Piece>& pieces, std::size_t k) {
  if (k == 0) return true;
  const Piece& before = pieces[k - 1];
  return (!before.word && before.text != "." && before.text != "\u2019" && before.text != "'" &&
          before.text != "-") ||
         before.lower == "that";
}

std::vector<Span> Sources(const std::vector<Piece>& pieces) {
  std::vector<Span> found;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    const std::string_view lower = pieces[k].lower;
    std::size_t name = SIZE_MAX;
    if (lower == "according" && k + 1 < pieces.size() && pieces[k + 1].lower == "to") {
      name = k + 2;
    } else if (lower == "citing") {
      name = k + 1;
    } else if (lower == "reported" && k + 1 < pieces.size() && pieces[k + 1].lower == "by") {
      name = k + 2;
    }
    if (name != SIZE_MAX) {
      const std::size_t end = PhraseEnd(pieces, name);
      if (end > name) found.push_back({pieces[k].span.start, pieces[end - 1].span.end});
      continue;
    }
    // A source calling an outcome: "with Channel 9 calling it at 9 p.m.",
    // "with the Associated Press projecting her the winner".
    if (lower == "with") {
      for (std::size_t v = k + 2; v < pieces.size() && v <= k + 5 && pieces[v].word; ++v) {
        if (pieces[v].lower == "calling" || pieces[v].lower == "projecting" ||
            pieces[v].lower == "declaring" || pieces[v].lower == "reporting") {
          found.push_back({pieces[k + 1].span.start, pieces[v].span.end});
          break;
        }
      }
    }
    // A subject speaking through a reporting verb: "Police said", "the
    // ministry announced", "officials told Radio Kelm"; or after it at the
    // end of a clause: "…, said the ministry."
    if (!pieces[k].word || IsUpper(pieces[k].text) || !IsSourceVerb(lower)) continue;
    // Back to the clause's start, over an abbreviation's or an initial's
    // full stop ("Mr. Fairweather said", "Julian R. Fairweather said").
    std::size_t start = k;
    while (start > 0 && k - start < 8) {
      const Piece& previous = pieces[start - 1];
      if (previous.word && !BoundaryBefore(pieces, start)) {
        --start;
      } else if (previous.text == "." && start >= 2 && pieces[start - 2].word &&
                 pieces[start - 2].text.size() <= 3 && IsUpper(pieces[start - 2].text)) {
        start -= 2;
      } else {
        break;
      }
    }
    const bool subject =
        start < k && BoundaryBefore(pieces, start) && !IsSubjectPronoun(pieces[start].lower);
    std::size_t end = k + 1;
    if (lower == "told") end = PhraseEnd(pieces, k + 1);  // the outlet told
    if (subject) {
      found.push_back({pieces[start].span.start, pieces[end - 1].span.end});
    } else if (start == k && k + 1 < pieces.size() && pieces[k + 1].word) {
      // "…, said the ministry." — to the clause's end.
      const std::size_t after = PhraseEnd(pieces, k + 1);
      const bool clause_end = after >= pieces.size() || !pieces[after].word;
      if (after > k + 1 && clause_end && !IsSubjectPronoun(pieces[k + 1].lower)) {
        found.push_back({pieces[k].span.start, pieces[after - 1].span.end});
      }
    }
  }
  return found;
}

// Named people and organisations: runs of capitalised words (with the
// lower-case role words before them: "special envoy Keith Kellogg").
std::vector<Span> Entities(const std::vector<Piece>& pieces) {
  std::vector<Span> found;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    if (!pieces[k].word || !IsUpper(pieces[k].text) || Contains(kNotNames, pieces[k].text) ||
        CalendarWords().Contains(pieces[k].text))
      continue;
    std::size_t end = k + 1;
    while (end < pieces.size()) {
      const bool next_upper = end + 1 < pieces.size() && IsUpper(pieces[end + 1].text);
      // A plural possessive inside the name: "Harbour Workers' Union".
      const bool apostrophe = (pieces[end].text == "'" || pieces[end].text == "\u2019") &&
                              pieces[end].span.start == pieces[end - 1].span.end && next_upper;
      if (apostrophe) {
        ++end;
      } else if (pieces[end].word &&
                 (IsUpper(pieces[end].text) || (pieces[end].lower == "of" && next_upper))) {
        ++end;
      } else {
        break;
      }
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

}  // namespace

bool IsFunctionWord(std::string_view lower) {
  return FunctionWords().Contains(lower);
}

bool IsReportingWord(std::string_view lower) {
  return IsSourceVerb(lower);
}

Claim ClaimOf(std::string_view text, const SegmentedText& segmented, std::size_t s) {
  Claim claim;
  claim.sentence = s;
  claim.span = segmented.sentences[s];
  const std::string lower =
      AsciiLower(text.substr(claim.span.start, claim.span.end - claim.span.start));
  const std::vector<Piece> pieces = Pieces(text, lower, claim.span.start, segmented.tokens[s]);
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
  claim.correction = structure::IsCorrectionNotice(
      text.substr(claim.span.start, claim.span.end - claim.span.start));
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
