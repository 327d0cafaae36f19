// Sentence segmentation: ICU first, news abbreviations second.
#include "stet/segment.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <string>

#include "ascii.h"

namespace stet {
namespace {

Span Trim(std::string_view text, Span span) {
  while (span.start < span.end && IsAsciiSpace(text[span.start])) ++span.start;
  while (span.end > span.start && IsAsciiSpace(text[span.end - 1])) --span.end;
  return span;
}

// Words that stand before a name and never end a sentence.
constexpr std::array<std::string_view, 38> kTitles = {
    "mr",  "mrs",    "ms",  "dr",  "prof", "gen",  "sen",  "rep",  "gov",  "lt",
    "col", "capt",   "sgt", "adm", "maj",  "cmdr", "rev",  "hon",  "pres", "supt",
    "det", "insp",   "fr",  "st",  "mt",   "ft",   "gens", "sens", "reps", "no",
    "vs",  "messrs", "cpl", "pvt", "brig", "atty", "amb",  "dept"};
// Abbreviations that are followed by a number or a name mid-sentence.
constexpr std::array<std::string_view, 17> kBeforeNumbers = {
    "jan", "feb", "mar", "apr", "aug", "sept", "sep",    "oct", "nov",
    "dec", "fig", "p",   "pp",  "vol", "art",  "approx", "sec"};
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

template <std::size_t N>
bool Contains(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

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

// A list item's marker standing alone: "1.", "a.", "2.)", "• 9.".
bool IsListMarker(std::string_view segment) {
  const Span trimmed = Trim(segment, {0, segment.size()});
  segment = segment.substr(trimmed.start, trimmed.end - trimmed.start);
  const std::string_view word = LastWord(segment);
  if (segment.size() > word.size() + 4) return false;  // room for a bullet before it
  std::size_t i = 0;
  while (i < word.size() && std::isalnum(static_cast<unsigned char>(word[i])) != 0) ++i;
  const std::string_view rest = word.substr(i);
  const bool short_marker =
      i >= 1 && i <= 3 && (i == 1 || std::isdigit(static_cast<unsigned char>(word[0])) != 0);
  return short_marker && (rest == "." || rest == ".)");
}

// True when a break ICU put between `before` and `after` is not a sentence end.
bool IsFalseBreak(std::string_view before, std::string_view after) {
  if (IsListMarker(before)) return true;
  const std::string_view word = LastWord(before);
  if (word.size() < 2) return false;
  // The opener is compared without its apostrophe part: "I'm" as "I".
  std::string_view next = FirstWord(after);
  next = next.substr(0, std::min(next.find('\''), next.find("\u2019")));
  if (next.empty()) return false;
  const bool next_lower = std::islower(static_cast<unsigned char>(next.front())) != 0;
  // "Yahoo! in the ...": no English sentence opens in lower case.
  if (next_lower && (word.back() == '!' || word.back() == '?')) return true;
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

}  // namespace

std::vector<Span> Paragraphs(std::string_view text) {
  std::vector<Span> paragraphs;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const Span line = Trim(text, {start, end});
    if (line.end > line.start) paragraphs.push_back(line);
    start = end + 1;
  }
  return paragraphs;
}

Result<std::vector<Span>> Sentences(std::string_view text) {
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> iterator(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), error));
  if (U_FAILURE(error)) {
    return Status::InvalidInput(std::string("segment sentences: ICU break rules: ") +
                                u_errorName(error));
  }
  std::vector<Span> sentences;
  for (const Span& paragraph : Paragraphs(text)) {
    const std::string_view body = text.substr(paragraph.start, paragraph.end - paragraph.start);
    UText* utext = utext_openUTF8(nullptr, body.data(), static_cast<int64_t>(body.size()), &error);
    if (U_FAILURE(error)) return Status::InvalidInput("segment sentences: not UTF-8");
    iterator->setText(utext, error);
    std::size_t start = 0;
    for (int32_t boundary = iterator->next(); boundary != icu::BreakIterator::DONE;
         boundary = iterator->next()) {
      const auto at = static_cast<std::size_t>(boundary);
      if (at < body.size() && IsFalseBreak(body.substr(start, at - start), body.substr(at)))
        continue;
      const Span sentence = Trim(text, {paragraph.start + start, paragraph.start + at});
      if (sentence.end > sentence.start) sentences.push_back(sentence);
      start = at;
    }
    utext_close(utext);
  }
  return sentences;
}

}  // namespace stet
