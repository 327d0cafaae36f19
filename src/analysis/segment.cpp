// Sentence segmentation: Unicode's rules under ICU's suppressions first
// (analysis/sentence_breaks.h), news abbreviations second. Tokens are in
// tokens.cpp.
#include "stet/segment.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>

#include "analysis/keyed_tokens.h"
#include "analysis/sentence_split.h"
#include "base/ascii.h"
#include "base/word_list.h"

namespace stet {
namespace {

Span Trim(std::string_view text, Span span) {
  while (span.start < span.end && IsAsciiSpace(text[span.start])) ++span.start;
  while (span.end > span.start && IsAsciiSpace(text[span.end - 1])) --span.end;
  return span;
}

// Titles that stand before a name, and "e.g.", "i.e.", "cf.", "viz.":
// none of them ends a sentence.
constexpr std::array<std::string_view, 42> kTitles = {
    "e.g",  "i.e",  "cf",     "viz",  "mr",   "mrs",  "ms",   "dr",  "prof", "gen",  "sen",
    "rep",  "gov",  "lt",     "col",  "capt", "sgt",  "adm",  "maj", "cmdr", "rev",  "hon",
    "pres", "supt", "det",    "insp", "fr",   "st",   "mt",   "ft",  "gens", "sens", "reps",
    "no",   "vs",   "messrs", "cpl",  "pvt",  "brig", "atty", "amb", "dept"};
// Abbreviations that are followed by a number or a name mid-sentence.
constexpr std::array<std::string_view, 19> kBeforeNumbers = {
    "jan", "feb", "mar", "apr", "aug", "sept",   "sep", "oct",     "nov",    "dec",
    "fig", "p",   "pp",  "vol", "art", "approx", "sec", "n\u00B0", "n\u00BA"};
// Company and name suffixes: "Acme Inc. said", "the GmbH & Co. KG". Like
// acronyms, they end a sentence only before a sentence opener.
constexpr std::array<std::string_view, 9> kSuffixes = {"inc", "corp", "co",  "ltd", "jr",
                                                       "sr",  "bros", "llc", "plc"};
// After "a.m." or "p.m." a capitalised word opens a new sentence unless it
// names the day, month or time zone of the time ("at 6 p.m. Monday").
constexpr std::array<std::string_view, 28> kAfterTimes = {
    "Monday",  "Tuesday",   "Wednesday", "Thursday", "Friday",   "Saturday", "Sunday",
    "January", "February",  "March",     "April",    "May",      "June",     "July",
    "August",  "September", "October",   "November", "December", "Jan",      "Feb",
    "ET",      "EST",       "EDT",       "PT",       "PST",      "GMT",      "UTC"};
// Words that usually open a sentence: after an acronym such as "U.S." or
// "p.m.", a capitalised word from this list starts a new sentence, any
// other capitalised word continues the same one ("the U.S. Senate").
constexpr std::array<std::string_view, 62> kSentenceStarters = {
    "The",  "A",     "An",    "He",    "She",       "It",      "They",  "We",     "I",
    "You",  "But",   "And",   "Or",    "So",        "Yet",     "In",    "On",     "At",
    "For",  "This",  "That",  "These", "Those",     "There",   "Their", "His",    "Her",
    "Its",  "Our",   "My",    "Your",  "When",      "While",   "After", "Before", "If",
    "As",   "Some",  "Many",  "Most",  "Meanwhile", "However", "How",   "What",   "Why",
    "Who",  "Where", "Which", "Did",   "Do",        "Does",    "Is",    "Are",    "Was",
    "Were", "Has",   "Have",  "Will",  "Can",       "Then",    "Now",   "Still"};

// The last whitespace-separated word of `text`, without leading brackets or quotes.
std::string_view LastWord(std::string_view text) {
  std::size_t end = text.size();
  while (end > 0 && IsAsciiSpace(text[end - 1])) --end;
  std::size_t start = end;
  while (start > 0 && !IsAsciiSpace(text[start - 1])) --start;
  std::string_view word = text.substr(start, end - start);
  while (!word.empty() && (word.front() == '(' || word.front() == '"' || word.front() == '[')) {
    word.remove_prefix(1);
  }
  return word;
}

std::string_view FirstWord(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size() && IsAsciiSpace(text[start])) ++start;
  std::size_t end = start;
  while (end < text.size() && !IsAsciiSpace(text[end])) ++end;
  std::string_view word = text.substr(start, end - start);
  while (!word.empty() && std::ispunct(static_cast<unsigned char>(word.back())) != 0)
    word.remove_suffix(1);
  return word;
}

// The marker that opens a list item ("1.", "b)", "(c)", "2.)", "• 9.") at
// the start of `text`: its bytes and where its number or letter is.
struct ListMarker {
  std::string bullet;  // "• ", "⁃", "" ...
  bool parenthesis = false;
  std::string value;       // "1", "b"
  std::string terminator;  // ".", ")", ".)"
  std::size_t length = 0;  // bytes up to the space after it
};

std::optional<ListMarker> ReadListMarker(std::string_view text) {
  ListMarker marker;
  std::size_t at = 0;
  for (std::string_view bullet : {"\u2022", "\u2043", "-", "*"}) {
    if (text.starts_with(bullet)) {
      at = bullet.size();
      while (at < text.size() && text[at] == ' ') ++at;
      marker.bullet = std::string(text.substr(0, at));
      break;
    }
  }
  if (at < text.size() && text[at] == '(') marker.parenthesis = true, ++at;
  const std::size_t value_start = at;
  while (at < text.size() && at - value_start < 3 &&
         std::isdigit(static_cast<unsigned char>(text[at])))
    ++at;
  if (at == value_start && at < text.size() && std::isalpha(static_cast<unsigned char>(text[at])))
    ++at;
  if (at == value_start) return std::nullopt;
  marker.value = std::string(text.substr(value_start, at - value_start));
  for (std::string_view terminator : {".)", ".", ")"}) {
    if (text.substr(at).starts_with(terminator)) {
      marker.terminator = std::string(terminator);
      break;
    }
  }
  if (marker.terminator.empty() || (marker.parenthesis && marker.terminator != ")")) {
    return std::nullopt;
  }
  at += marker.terminator.size();
  if (at >= text.size() || text[at] != ' ') return std::nullopt;
  marker.length = at;
  return marker;
}

// A list item's marker standing alone: "1.", "a.", "2.)", "• 9.", "⁃10.".
bool IsListMarker(std::string_view segment) {
  const Span trimmed = Trim(segment, {0, segment.size()});
  const std::string marker_text(segment.substr(trimmed.start, trimmed.end - trimmed.start));
  const std::optional<ListMarker> marker = ReadListMarker(marker_text + " ");
  return marker && marker->length == marker_text.size();
}

// `word` without the closing quote marks and brackets after its last
// punctuation: "time?'" as "time?", "said.”" as "said.".
std::string_view WithoutClosers(std::string_view word) {
  for (;;) {
    if (!word.empty() && (word.back() == '\'' || word.back() == '"' || word.back() == ')')) {
      word.remove_suffix(1);
    } else if (word.ends_with("\u201D") || word.ends_with("\u2019")) {  // ” ’
      word.remove_suffix(3);
    } else {
      return word;
    }
  }
}

// True when a break ICU put between `before` and `after` is not a sentence end.
bool IsFalseBreak(std::string_view before, std::string_view after) {
  if (IsListMarker(before)) return true;
  // A sentence has a letter or a digit; points alone (". . . .") join the next.
  if (std::none_of(before.begin(), before.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
               static_cast<unsigned char>(c) >= 0x80;
      })) {
    return true;
  }
  // A break with no space before it sits inside a word or name ("Yahoo!J",
  // "!Kung", "[?][note]"): not a sentence end.
  if (!before.empty() && !IsAsciiSpace(before.back()) && !after.empty() &&
      !IsAsciiSpace(after.front())) {
    return true;
  }
  // A spaced ellipsis (". . .") marks an omission inside a sentence; four
  // points are a sentence end followed by one.
  const std::string_view trimmed = before.substr(0, Trim(before, {0, before.size()}).end);
  if (trimmed.ends_with(". . .") && !trimmed.ends_with(". . . .")) return true;
  // A citation in parentheses after a quotation belongs to its sentence:
  // '..." (Smith 55).' - a parenthesis with no sentence end inside,
  // followed by a full stop or comma.
  if (const std::size_t open = after.find_first_not_of(" \t");
      open != std::string_view::npos && after[open] == '(') {
    const std::size_t close = after.find(')', open);
    if (close != std::string_view::npos && close + 1 < after.size() &&
        (after[close + 1] == '.' || after[close + 1] == ',') &&
        after.substr(open, close - open).find_first_of(".!?") == std::string_view::npos) {
      return true;
    }
  }
  const std::string_view word = WithoutClosers(LastWord(before));
  if (word.size() < 2) return false;
  // Names spelled with an exclamation mark.
  if (word == "Yahoo!" || word == "Jeopardy!" || word == "Yum!") return true;
  // The opener is compared without its apostrophe part: "I'm" as "I".
  std::string_view next = FirstWord(after);
  next = next.substr(0, std::min(next.find('\''), next.find("\u2019")));
  if (next.empty()) return false;
  const bool next_lower = std::islower(static_cast<unsigned char>(next.front())) != 0;
  // "Yahoo! in the ...", "'Well?' she asked": no English sentence opens in
  // lower case; nor does one end without a terminal mark (ICU ends one at
  // every line break, also where a line wraps a sentence).
  if (next_lower && (word.back() == '!' || word.back() == '?')) return true;
  if (next_lower && word.back() != '.') return true;
  if (word.back() != '.') return false;
  const std::string_view stem = word.substr(0, word.size() - 1);
  const bool next_digit = std::isdigit(static_cast<unsigned char>(next.front())) != 0;
  if (next_lower) return true;  // "e.g. the", "p.m. on"
  const std::string lower = AsciiLower(stem);
  if (Contains(kTitles, lower)) return true;
  if (lower == "a.m" || lower == "p.m") return Contains(kAfterTimes, next);
  // A capitalised title after an acronym opens a sentence ("6 P.M. Mr. Smith").
  const bool next_is_title = Contains(kTitles, AsciiLower(next));
  if (Contains(kBeforeNumbers, lower) && (next_digit || !Contains(kSentenceStarters, next)))
    return true;
  // Initials and dotted acronyms: "J.", "J.D.", "U.S.", "a.m.".
  const bool dotted = stem.find('.') != std::string_view::npos;
  const bool initial =
      stem.size() == 1 && std::isupper(static_cast<unsigned char>(stem.front())) != 0;
  if (initial || Contains(kSuffixes, lower)) {
    return !Contains(kSentenceStarters, next) && !next_is_title;
  }
  if (dotted && std::all_of(stem.begin(), stem.end(), [](char c) {
        return c == '.' || std::isalpha(static_cast<unsigned char>(c)) != 0;
      })) {
    return !Contains(kSentenceStarters, next) && !next_is_title;
  }
  return false;
}

std::string NextValue(const std::string& value) {
  if (std::isdigit(static_cast<unsigned char>(value[0])) != 0) {
    return std::to_string(std::stoi(value) + 1);
  }
  return std::string(1, static_cast<char>(value[0] + 1));
}

// Whether offset `at` lies in a web or mail address ("www.site.Com",
// "http://a.B.com", "x@y.Org"), where a point is no sentence end.
bool InsideAddress(std::string_view body, std::size_t at) {
  std::size_t start = at, end = at;
  while (start > 0 && !IsAsciiSpace(body[start - 1])) --start;
  while (end < body.size() && !IsAsciiSpace(body[end])) ++end;
  const std::string_view word = body.substr(start, end - start);
  return word.starts_with("www.") || word.find("://") != std::string_view::npos ||
         word.find('@') != std::string_view::npos;
}

// Sentence starts ICU does not see, as offsets into `body` (a paragraph):
// each next item of a list written on one line ("1. The first 2. The
// second"), a capitalised word glued to a full stop ("world.Today",
// "1,000.That"), a full-width full stop, and the sentence after a
// footnote mark ("martyr.[1] The emperor").
std::vector<std::size_t> ExtraStarts(std::string_view body) {
  std::vector<std::size_t> starts;
  // A list opens the paragraph or follows a sentence end ("Finally, this.
  // 1. The first 2. The second", "... store. w) hello x) hello"); inside a
  // paragraph only digits and lower-case letters count, as "A. Smith"
  // reads like an initial.
  std::size_t list_end = 0;  // a list's items are not searched again
  auto list_from = [&](std::size_t at) {
    if (at > 0 && at < list_end) return;
    std::optional<ListMarker> marker = ReadListMarker(body.substr(at));
    if (!marker || (at > 0 && std::isupper(static_cast<unsigned char>(marker->value[0])) != 0)) {
      return;
    }
    std::size_t from = at;
    std::vector<std::size_t> items;
    for (int item = 0; item < 1000; ++item) {
      marker->value = NextValue(marker->value);
      const std::string next = " " + marker->bullet + (marker->parenthesis ? "(" : "") +
                               marker->value + marker->terminator + " ";
      const std::size_t found = body.find(next, from);
      if (found == std::string_view::npos) break;
      items.push_back(found + 1);
      from = found + 1;
    }
    if (items.empty()) return;  // one marker alone is no list
    if (at > 0) starts.push_back(at);
    starts.insert(starts.end(), items.begin(), items.end());
    list_end = from + 1;
  };
  list_from(0);
  // Inside a paragraph a list opens after a sentence end, or anywhere with a
  // bullet or a first marker ("1.", "a)", "(a)") before a capital, when its
  // next item follows.
  for (std::size_t at = body.find(' '); at != std::string_view::npos && at + 1 < body.size();
       at = body.find(' ', at + 1)) {
    const char next = body[at + 1];
    const bool after_end =
        at > 0 && (body[at - 1] == '.' || body[at - 1] == '?' || body[at - 1] == '!');
    const char after_next = at + 2 < body.size() ? body[at + 2] : ' ';
    const bool first_marker =
        ((next == '1' || next == 'a') && (after_next == '.' || after_next == ')')) || next == '(' ||
        static_cast<unsigned char>(next) == 0xE2 || next == '*';
    if (after_end) {
      list_from(at + 1);
    } else if (first_marker) {
      // "for 1. above" is a reference, not a list: an item opens in capitals.
      const std::optional<ListMarker> marker = ReadListMarker(body.substr(at + 1));
      const std::size_t item = at + 1 + (marker ? marker->length + 1 : 0);
      if (marker && item < body.size() && std::isupper(static_cast<unsigned char>(body[item])) != 0)
        list_from(at + 1);
    }
  }
  auto is_lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto is_upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '.' && body[i] != '!' && body[i] != '?') continue;
    const char c = body[i];
    const std::string_view rest = body.substr(i + 1);
    // "What do you see? - Posted ...": a dash after a question or
    // exclamation opens the next sentence.
    if (c == '?' || c == '!') {
      for (std::string_view dash : {" - ", " \u2014 ", " \u2013 "}) {
        if (rest.starts_with(dash) && rest.size() > dash.size() && is_upper(rest[dash.size()])) {
          starts.push_back(i + 2);
        }
      }
    }
    // "compounds. . . . The": a full stop, then an ellipsis opening the next.
    if (c == '.' && i > 0 && std::isalnum(static_cast<unsigned char>(body[i - 1])) != 0 &&
        rest.starts_with(" . . . ") && rest.size() > 7 && is_upper(rest[7])) {
      starts.push_back(i + 2);
    }
    if (i < 2 || i + 2 >= body.size()) continue;
    if (c == '.' && (is_lower(body[i - 1]) || is_digit(body[i - 1])) &&
        (is_lower(body[i - 2]) || is_digit(body[i - 2])) && is_upper(body[i + 1]) &&
        is_lower(body[i + 2]) && !InsideAddress(body, i)) {
      starts.push_back(i + 1);
    } else if (c == '.' && (is_lower(body[i - 1]) || body[i - 1] == ')') && is_digit(body[i + 1])) {
      // Footnote numbers flattened onto the full stop: "consultation.11 12
      // Take", "(1987).1 According".
      std::size_t at = i + 1;
      for (;;) {
        std::size_t digits = at;
        while (digits < body.size() && is_digit(body[digits]) && digits - at < 3) ++digits;
        if (digits == at || (digits < body.size() && !IsAsciiSpace(body[digits]))) break;
        at = digits;
        if (at + 1 < body.size() && is_digit(body[at + 1])) {
          ++at;
          continue;
        }
        if (at + 1 < body.size() && is_upper(body[at + 1])) starts.push_back(at + 1);
        break;
      }
    } else if ((c == '.' || c == '!' || c == '?') && body[i + 1] == '[' && is_digit(body[i + 2])) {
      std::size_t at = i + 1;
      while (at < body.size() && body[at] == '[') {
        std::size_t close = at + 1;
        while (close < body.size() && is_digit(body[close])) ++close;
        if (close >= body.size() || body[close] != ']' || close == at + 1) break;
        at = close + 1;
      }
      if (at > i + 1 && at + 1 < body.size() && body[at] == ' ' && is_upper(body[at + 1]))
        starts.push_back(at + 1);
    }
  }
  for (std::size_t at = body.find("\uFF0E"); at != std::string_view::npos;
       at = body.find("\uFF0E", at + 3)) {
    if (at + 3 < body.size() && !IsAsciiSpace(body[at + 3])) starts.push_back(at + 3);
  }
  std::sort(starts.begin(), starts.end());
  return starts;
}

}  // namespace

Result<SegmentedText> Segment(std::string_view text) {
  Result<std::vector<Span>> sentences = Sentences(text);
  if (!sentences.ok()) return sentences.status();
  SegmentedText segmented;
  segmented.sentences = std::move(*sentences);
  // English news runs about 6.6 bytes a token; ShrinkToFit gives back what
  // a text of longer words leaves unused.
  segmented.tokens.Reserve(segmented.sentences.size(), text.size() / 6);
  segmented.sentence_keys.reserve(segmented.sentences.size());
  for (const Span& sentence : segmented.sentences) AppendKeyedTokens(text, sentence, segmented);
  segmented.tokens.ShrinkToFit();
  return segmented;
}

std::vector<Span> Paragraphs(std::string_view text) {
  std::vector<Span> paragraphs;
  std::size_t start = 0;
  bool continues = false;  // the previous line was wrapped inside a sentence
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const Span line = Trim(text, {start, end});
    if (line.end > line.start) {
      const char first = text[line.start];
      if (continues && first >= 'a' && first <= 'z') {
        paragraphs.back().end = line.end;
      } else {
        paragraphs.push_back(line);
      }
      const auto last = static_cast<unsigned char>(text[line.end - 1]);
      continues = std::isalnum(last) != 0 || last == ',';
    } else {
      continues = false;
    }
    start = end + 1;
  }
  return paragraphs;
}

Status AppendSentences(const SentenceBreaker& breaker, std::string_view text, Span paragraph,
                       std::vector<Span>& sentences) {
  const std::string_view body = text.substr(paragraph.start, paragraph.end - paragraph.start);
  // Unicode's boundaries under ICU's suppressions, then the starts they
  // miss; a forced start is kept, the others are checked against the news
  // rules.
  thread_local std::vector<std::size_t> breaks;
  if (Status status = breaker.Breaks(body, breaks); !status.ok()) return status;
  std::vector<std::pair<std::size_t, bool>> boundaries;
  boundaries.reserve(breaks.size());
  for (std::size_t at : breaks) boundaries.emplace_back(at, false);
  for (std::size_t start : ExtraStarts(body)) boundaries.emplace_back(start, true);
  std::sort(boundaries.begin(), boundaries.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
  std::size_t start = 0;
  for (const auto& [at, forced] : boundaries) {
    if (at <= start) continue;
    if (!forced && at < body.size() &&
        IsFalseBreak(body.substr(start, at - start), body.substr(at))) {
      continue;
    }
    const Span sentence = Trim(text, {paragraph.start + start, paragraph.start + at});
    if (sentence.end > sentence.start) sentences.push_back(sentence);
    start = at;
  }
  if (start < body.size()) {
    const Span sentence = Trim(text, {paragraph.start + start, paragraph.end});
    if (sentence.end > sentence.start) sentences.push_back(sentence);
  }
  return Status::Ok();
}

Result<std::vector<Span>> Sentences(std::string_view text) {
  const SentenceBreaker& breaker = SentenceBreaker::ForThisThread();
  std::vector<Span> sentences;
  for (const Span& paragraph : Paragraphs(text)) {
    if (Status status = AppendSentences(breaker, text, paragraph, sentences); !status.ok()) {
      return status;
    }
  }
  return sentences;
}

}  // namespace stet
