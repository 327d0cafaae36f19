// Quantities of a claim: numbers in digits and words with their units,
// clock times, weekdays and months (src/analysis/claim_pieces.h).
//
// Hand-written for the reason claim_parts.cpp gives: numbers as news
// writes them ("£2m", "8 per cent", "three-year-long", "6-1", "half an
// hour") are short patterns no Debian-packaged C++ library reads.
#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "analysis/claim_parts.h"
#include "analysis/claim_pieces.h"
#include "base/word_list.h"

namespace stet::claim_parts {
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
}  // namespace

namespace {

// Every number word with its value, looked up by hash: quantities ask for
// every word of a changed sentence.
const std::unordered_map<std::string_view, double>& NumberValues() {
  static const std::unordered_map<std::string_view, double> values = [] {
    std::unordered_map<std::string_view, double> out;
    for (std::size_t k = 0; k < kSmallNumbers.size(); ++k)
      out[kSmallNumbers[k]] = static_cast<double>(k);
    for (std::size_t k = 0; k < kTens.size(); ++k) out[kTens[k]] = static_cast<double>(20 + 10 * k);
    // Ordinals after the words above: "second" is 2 (and "a second" no
    // number, see QuantityAt).
    for (std::size_t k = 0; k < kOrdinals.size(); ++k)
      out.emplace(kOrdinals[k], static_cast<double>(k + 1));
    // "hundreds", "thousands" and "dozens" are orders of size: "thousands
    // of farmers" -> "hundreds of farmers" is a number changed.
    for (const auto& [word, value] : {std::pair<std::string_view, double>{"hundred", 100},
                                      {"hundreds", 100},
                                      {"thousand", 1e3},
                                      {"thousands", 1e3},
                                      {"dozens", 12},
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
  return values;
}

}  // namespace

// Most words asked about are no number: a word set turns them away for a
// fraction of the map's hash (number words were 4% of the claims).
const WordSet& NumberWords() {
  static const WordSet numbers = [] {
    std::vector<std::string_view> words;
    for (const auto& [word, value] : NumberValues()) words.push_back(word);
    return WordSet(words);
  }();
  return numbers;
}

std::optional<double> NumberWord(std::string_view lower) {
  if (!NumberWords().Contains(lower)) return std::nullopt;
  const auto found = NumberValues().find(lower);
  if (found == NumberValues().end()) return std::nullopt;
  return found->second;
}

std::string_view Singular(std::string_view word) {
  if (word.size() > 3 && word.ends_with("s") && !word.ends_with("ss")) word.remove_suffix(1);
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

// The meridiem a piece ends with: "am" or "pm" after its digits ("4pm",
// "30am"), or "" when it has none.
std::string_view MeridiemSuffix(std::string_view lower) {
  if (lower.size() > 2 && (lower.ends_with("am") || lower.ends_with("pm")))
    return lower.substr(lower.size() - 2);
  return {};
}

// A time of day from pieces[k]: "6:30 p.m.", "9 p.m.", "14:05", and the
// forms written in one piece, "4pm", "10:40pm", "4.30am" (British style:
// a full stop between hours and minutes, with "am" or "pm" after it, or
// "4.30" would be a decimal), as minutes after midnight with the unit
// "time".
std::optional<Quantity> TimeAt(const std::vector<Piece>& pieces, std::size_t k, std::size_t& end) {
  std::string_view lower = pieces[k].lower;
  const std::size_t digits = std::min(lower.find_first_not_of("0123456789"), lower.size());
  if (digits == 0 || digits > 2) return std::nullopt;
  double hours = std::atof(std::string(lower.substr(0, digits)).c_str()), minutes = 0;
  std::string_view rest = lower.substr(digits);
  bool clock = false, pm = false, meridiem = false;
  if (rest.size() >= 3 && rest[0] == '.' && AllDigits(rest.substr(1, 2))) {
    minutes = std::atof(std::string(rest.substr(1, 2)).c_str());
    rest.remove_prefix(3);
    clock = true;
  }
  if (!rest.empty()) {
    if (rest != "am" && rest != "pm") return std::nullopt;
    meridiem = true;
    pm = rest == "pm";
  }
  std::size_t next = k + 1;
  if (!clock && !meridiem && next + 1 < pieces.size() && pieces[next].text == ":" &&
      pieces[next].span.start == pieces[k].span.end) {
    // "10:40", "10:40pm": the minutes, with the meridiem they may carry.
    const std::string_view after_colon = pieces[next + 1].lower;
    const std::string_view suffix = MeridiemSuffix(after_colon);
    const std::string_view two = after_colon.substr(0, after_colon.size() - suffix.size());
    if (two.size() == 2 && AllDigits(two)) {
      minutes = std::atof(std::string(two).c_str());
      clock = true;
      meridiem = !suffix.empty();
      pm = suffix == "pm";
      next += 2;
    }
  }
  std::size_t after = next;
  if (!meridiem && next < pieces.size()) {
    after = AmPmEnd(pieces, next, pm);
    meridiem = after != next;
  }
  // "4.30" with no meridiem is a decimal; "14:05" is a clock.
  if (!meridiem && (!clock || lower.size() != digits)) return std::nullopt;
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
  static constexpr std::array<std::string_view, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  // Asked of every capitalised word: most are no day or month, and one
  // lookup says so before the lists are read in turn.
  static const WordSet kCalendarNames = [] {
    std::vector<std::string_view> names(kWeekdays.begin(), kWeekdays.end());
    names.insert(names.end(), kMonths.begin(), kMonths.end());
    return WordSet(names);
  }();
  std::string_view text = pieces[k].text;
  if (!IsUpper(text)) return std::nullopt;  // days and months are capitalised
  if (text.ends_with("\u2019s")) text.remove_suffix(4);
  if (text.ends_with("'s")) text.remove_suffix(2);
  if (!kCalendarNames.Contains(text)) return std::nullopt;
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

// A number at pieces[k], in digits (`has_digit`) or in words, with its
// unit, currency and modifiers (QuantityAt asks it once the piece can be
// one).
std::optional<Quantity> NumberAt(const std::vector<Piece>& pieces, std::size_t k, std::size_t& end,
                                 bool has_digit) {
  const Piece& piece = pieces[k];
  const std::string_view lower = piece.lower;
  Quantity quantity;
  std::size_t last = k;
  if (has_digit) {
    // "G-7", "COVID-19": a name with a number.
    const std::size_t dash = lower.rfind('-');
    std::string_view digits = lower;
    if (dash != std::string::npos && dash > 0 &&
        !std::isdigit(static_cast<unsigned char>(lower[0]))) {
      quantity.unit = std::string(piece.text.substr(0, dash + 1));
      digits = lower.substr(dash + 1);
    }
    // A score or a range, "6-1", "10-12": both numbers, apart.
    const std::size_t range_dash = digits.find('-');
    if (range_dash != std::string_view::npos && range_dash > 0 && range_dash + 1 < digits.size() &&
        std::isdigit(static_cast<unsigned char>(digits[0])) &&
        std::isdigit(static_cast<unsigned char>(digits[range_dash + 1]))) {
      quantity.unit = "range";
      quantity.value = std::atof(std::string(digits.substr(0, range_dash)).c_str()) * 1e6 +
                       std::atof(std::string(digits.substr(range_dash + 1)).c_str());
      quantity.span = piece.span;
      end = k + 1;
      return quantity;
    }
    // The digits and points, in a buffer kept per thread; read as atof
    // would (the longest prefix that is a number, else 0) by from_chars, at
    // a quarter of its cost: this is asked of every number of every claim.
    // Past a double's range, atof itself says what it reads.
    thread_local std::string cleaned;
    cleaned.clear();
    for (char c : digits) {
      if ((c >= '0' && c <= '9') || c == '.') cleaned += c;
    }
    if (cleaned.empty()) return std::nullopt;
    quantity.value = 0;
    if (std::from_chars(cleaned.data(), cleaned.data() + cleaned.size(), quantity.value).ec ==
        std::errc::result_out_of_range)
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
    // "no one was hurt", "every one of them", "one another": a pronoun.
    if (lower == "one" &&
        ((k > 0 && (pieces[k - 1].lower == "no" || pieces[k - 1].lower == "every" ||
                    pieces[k - 1].lower == "any")) ||
         (k + 1 < pieces.size() && pieces[k + 1].lower == "another")))
      return std::nullopt;
    quantity.value = *value;
    // A fraction: "a third of", "one quarter of", "fell by a fifth in",
    // "a quarter." (not "a fifth term": an ordinal before its noun).
    const bool fraction_word =
        first == "quarter" || (Contains(kOrdinals, first) && first != "first" && first != "second");
    // Nor "a third-party app", nor "once a quarter" (a period).
    const bool fraction_follows =
        (k + 1 >= pieces.size() || !pieces[k + 1].word || pieces[k + 1].lower == "of" ||
         IsFunctionWord(pieces[k + 1].lower)) &&
        lower == first &&
        !(k >= 2 && (pieces[k - 2].lower == "once" || pieces[k - 2].lower == "twice" ||
                     pieces[k - 2].lower == "times"));
    if (fraction_word && k > 0 && (pieces[k - 1].lower == "a" || pieces[k - 1].lower == "one") &&
        fraction_follows) {
      quantity.value = first == "quarter" ? 0.25 : 1.0 / *value;
      quantity.unit = "fraction";
      quantity.span = {pieces[k - 1].span.start, piece.span.end};
      end = k + 1;
      return quantity;
    }
    std::size_t unit_dash = lower.find('-');
    if (unit_dash != std::string::npos && *value >= 20 && *value < 100) {
      // "sixty-one", "twenty-five-year-old".
      const std::size_t next = lower.find('-', unit_dash + 1);
      const std::optional<double> ones =
          NumberWord(lower.substr(unit_dash + 1, next - unit_dash - 1));
      if (ones && *ones >= 1 && *ones <= 9) {
        quantity.value += *ones;
        unit_dash = next;
      }
    }
    if (unit_dash != std::string::npos) {
      const std::size_t dash = unit_dash;
      const std::size_t next_dash = lower.find('-', dash + 1);
      quantity.unit = std::string(Singular(lower.substr(
          dash + 1, next_dash == std::string::npos ? std::string::npos : next_dash - dash - 1)));
    }
    // "three hundred", "twenty five": cardinals add up or multiply; an
    // ordinal takes none ("third quarter" is a period, not 3.25), and a
    // fraction word counts the cardinal's parts ("three quarter" is 0.75).
    while (!Contains(kOrdinals, first) && last + 1 < pieces.size()) {
      std::optional<double> more = NumberWord(pieces[last + 1].lower);
      if (!more || Contains(kOrdinals, pieces[last + 1].lower)) break;
      const bool part = *more > 0 && *more < 1;  // "half", "quarter"
      quantity.value = *more >= 100 || part ? quantity.value * *more : quantity.value + *more;
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
    // "half an hour": the article between is the unit's.
    if (quantity.unit.empty() && quantity.value == 0.5 && last + 2 < pieces.size() &&
        (pieces[last + 1].lower == "a" || pieces[last + 1].lower == "an")) {
      ++last;
    }
    if (quantity.unit.empty() && last + 1 < pieces.size() && pieces[last + 1].word &&
        !IsUpper(pieces[last + 1].text) && !FunctionWords().Contains(pieces[last + 1].lower)) {
      quantity.unit = std::string(Singular(pieces[last + 1].lower));
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

}  // namespace

std::optional<Quantity> QuantityAt(const std::vector<Piece>& pieces, std::size_t k,
                                   std::size_t& end) {
  const Piece& piece = pieces[k];
  if (!piece.word) return std::nullopt;
  const std::string_view lower = piece.lower;
  // Asked of every word of a claim: most are no number, and are turned
  // away here, before a quantity is made. Times open with a digit; days
  // and months are capitalised; number words have no digit.
  const bool has_digit = (piece.classes & kHasDigit) != 0;
  if (has_digit) {
    if (std::optional<Quantity> time = TimeAt(pieces, k, end)) return time;
  } else {
    if (IsUpper(piece.text)) {
      if (std::optional<Quantity> date = CalendarAt(pieces, k, end)) return date;
    }
    // A number word, alone or opening a hyphened one ("twenty-five").
    const bool number = (piece.classes & kHasHyphen)
                            ? NumberWord(lower.substr(0, lower.find('-'))).has_value()
                            : (piece.classes & kNumberWord) != 0;
    if (!number) return std::nullopt;
  }
  return NumberAt(pieces, k, end, has_digit);
}

}  // namespace stet::claim_parts
