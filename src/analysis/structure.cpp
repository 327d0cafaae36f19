// Structural lines of an article (src/analysis/structure.h).
//
// Hand-written over stet's tokens: the shapes are a few closed lists
// (print-line openers, time zones, months) and line tests (alone on its
// line, no sentence punctuation at the end, no lower-case word), which no
// Debian-packaged library offers for news text.
#include "analysis/structure.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <string.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "analysis/span_sets.h"
#include "base/ascii.h"
#include "base/word_list.h"

namespace stet::structure {
namespace {

// Words a byline or a dash-led signature may hold besides capitalised
// names: "By Dana Whitcombe and Ola Berg of the Kelm Post".
constexpr std::array<std::string_view, 18> kBylineWords = {
    "by",  "and", "of",  "the", "in", "for", "staff",    "with",          "de",
    "van", "von", "der", "la",  "le", "al",  "reporter", "correspondent", "writer"};

constexpr std::array<std::string_view, 9> kBylineOpeners = {
    "reporting by",  "additional reporting by", "editing by",   "written by", "compiled by",
    "contributing:", "with reporting by",       "reported by:", "story by"};

constexpr std::array<std::string_view, 12> kPrintLineOpeners = {
    "as published in",
    "a version of this article appears in print",
    "a version of this article appeared in print",
    "a version of this story appeared",
    "a version of this story appears",
    "this article appeared in print",
    "this article appeared in the",
    "this story appeared in print",
    "published in print",
    "copyright ",
    "\u00a9",
    "all rights reserved"};

constexpr std::array<std::string_view, 9> kCreditOpeners = {
    "photo:", "photograph:",   "photo by ", "photo credit", "credit:",
    "image:", "illustration:", "(ap photo", "video:"};

// The words of a timestamp line besides numbers: "Updated Dec. 1, 2026,
// 8:45 p.m. ET", "Posted Tuesday at noon".
constexpr std::array<std::string_view, 56> kTimeWords = {
    "am",      "pm",        "et",        "est",       "edt",     "ct",       "cst",      "cdt",
    "pt",      "pst",       "pdt",       "gmt",       "bst",     "utc",      "cet",      "cest",
    "updated", "update",    "published", "posted",    "last",    "modified", "at",       "on",
    "today",   "yesterday", "noon",      "midnight",  "local",   "time",     "and",      "jan",
    "feb",     "mar",       "apr",       "may",       "jun",     "jul",      "aug",      "sep",
    "sept",    "oct",       "nov",       "dec",       "january", "february", "march",    "april",
    "june",    "july",      "august",    "september", "october", "november", "december", "of"};

constexpr std::array<std::string_view, 14> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon",    "tue",     "tues",      "wed",      "thu",    "thurs",    "fri"};

constexpr std::array<std::string_view, 13> kZones = {"et",  "est", "edt", "ct",  "cst", "cdt", "pt",
                                                     "pst", "pdt", "gmt", "bst", "utc", "cet"};

bool HasLower(std::string_view word) {
  for (char c : word) {
    if (c >= 'a' && c <= 'z') return true;
  }
  return false;
}

bool HasDigit(std::string_view word) {
  for (char c : word) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

// Lower case without full stops: "p.m." -> "pm", "Dec." -> "dec".
std::string Folded(std::string_view word) {
  std::string out;
  for (char c : word) {
    if (c != '.') out += AsciiLowerChar(c);
  }
  return out;
}

// Whether the text holds a letter or a digit in any script.
bool HasAlphanumeric(std::string_view text) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c > 0 && u_isalnum(c)) return true;
  }
  return false;
}

bool AloneOnLine(std::string_view text, Span span) {
  for (std::size_t at = span.start; at > 0 && text[at - 1] != '\n'; --at) {
    if (!IsAsciiSpace(text[at - 1])) return false;
  }
  for (std::size_t at = span.end; at < text.size() && text[at] != '\n'; ++at) {
    if (!IsAsciiSpace(text[at])) return false;
  }
  return true;
}

// Whether `span` lies on a short line that opens with a section's kicker
// ("Analysis: A record fine for Orbit. Will it matter?"): a headline, each
// of its sentences, though one ends with a full stop.
bool OnKickerLine(std::string_view text, Span span) {
  constexpr std::size_t kLongestHeadline = 200;  // bytes: a paragraph is no headline
  constexpr std::size_t kLongestKicker = 16;
  // The line's start, looked for no further back than a headline goes.
  const std::size_t from = span.start > kLongestHeadline ? span.start - kLongestHeadline : 0;
  // memrchr: string_view's rfind reads a byte at a time.
  const auto* newline =
      static_cast<const char*>(memrchr(text.data() + from, '\n', span.start - from));
  if (newline == nullptr && from > 0) return false;
  const std::size_t start =
      newline == nullptr ? from : static_cast<std::size_t>(newline - text.data()) + 1;
  // Most lines have no colon near their start: turned away before the
  // rest of the line is read.
  const std::string_view opening = TrimAsciiSpace(text.substr(start, span.end - start));
  const std::size_t colon = opening.substr(0, kLongestKicker + 1).find(':');
  if (colon == std::string_view::npos) return false;
  // The rest of the line, read no further than a headline could go.
  const std::string_view rest = text.substr(span.end, kLongestHeadline + 1);
  const std::size_t line_end = rest.find('\n');
  const std::size_t end = span.end + (line_end == std::string_view::npos ? rest.size() : line_end);
  if (end - start > kLongestHeadline) return false;
  static const WordSet kKickers(
      "analysis explainer live opinion comment factbox factcheck q&a watch listen exclusive "
      "breaking review interview obituary profile editorial timeline podcast video ");
  std::string kicker = AsciiLower(opening.substr(0, colon));
  std::erase(kicker, ' ');  // "Fact check"
  return kKickers.Contains(kicker);
}

bool OpensLine(std::string_view text, std::size_t start) {
  for (std::size_t at = start; at > 0 && text[at - 1] != '\n'; --at) {
    if (!IsAsciiSpace(text[at - 1])) return false;
  }
  return true;
}

// Whether a line ends as a sentence does: a full stop, question or
// exclamation mark or ellipsis, perhaps inside closing marks or brackets.
// A line without the quotation marks and brackets that close it.
std::string_view WithoutClosers(std::string_view line) {
  line = TrimAsciiSpace(line);
  for (bool stripped = true; stripped && !line.empty();) {
    stripped = false;
    for (std::string_view closer : {"\u201d", "\u2019", "\"", "'", ")", "]"}) {
      if (line.ends_with(closer)) {
        line.remove_suffix(closer.size());
        line = TrimAsciiSpace(line);
        stripped = true;
      }
    }
  }
  return line;
}

bool EndsAsSentence(std::string_view line) {
  line = WithoutClosers(line);
  return line.ends_with(".") || line.ends_with("!") || line.ends_with("?") ||
         line.ends_with("\u2026");
}

bool StartsWithDash(std::string_view line) {
  line = TrimAsciiSpace(line);
  return line.starts_with("\u2014") || line.starts_with("\u2013") || line.starts_with("-") ||
         line.starts_with("\u2015");
}

// Every word a name or one of the byline words.
bool NamesOnly(std::span<const std::string_view> words, std::size_t from) {
  if (words.size() <= from || words.size() > 12) return false;
  for (std::size_t k = from; k < words.size(); ++k) {
    if (HasLower(words[k].substr(0, 1)) && !Contains(kBylineWords, AsciiLower(words[k])))
      return false;
  }
  return true;
}

// Whether a line is a time stamp, read word by word between spaces (the
// segmenter's tokens cut "p.m." and "8:45" apart).
bool IsTimestamp(std::string_view line) {
  // Word by word: a sentence is turned away at its first word that is no
  // time's. Every sentence a comparison adds or removes is asked: the
  // lists are tables.
  static const WordSet weekdays(kWeekdays);
  static const WordSet time_words(kTimeWords);
  std::size_t words = 0;
  bool dated = false;
  for (std::size_t start = 0; start < line.size();) {
    std::size_t end = start;  // a loop: find_first_of asks memchr once a byte
    while (end < line.size() && line[end] != ' ' && line[end] != '\t' && line[end] != '\n') ++end;
    std::string_view word = line.substr(start, end - start);
    start = end + 1;
    while (!word.empty() && (word.back() == ',' || word.back() == ';')) word.remove_suffix(1);
    if (word.empty()) continue;
    if (++words > 12) return false;  // a sentence, not a time stamp
    if (HasDigit(word)) {
      dated = true;
      continue;
    }
    // Folded on the stack: no word of the lists has 16 bytes, so a word
    // that folds to more is none of theirs (and this turns most sentences
    // away at their first word).
    std::array<char, 16> folded_bytes;
    std::size_t folded_size = 0;
    for (char c : word) {
      if (c == '.') continue;
      if (folded_size == folded_bytes.size()) return false;
      folded_bytes[folded_size++] = AsciiLowerChar(c);
    }
    const std::string_view folded(folded_bytes.data(), folded_size);
    if (weekdays.Contains(folded)) {
      dated = true;
      continue;
    }
    if (!time_words.Contains(folded)) return false;
    if (folded != "updated" && folded != "update" && folded != "published" && folded != "posted" &&
        folded != "last" && folded != "modified" && folded != "at" && folded != "on" &&
        folded != "and" && folded != "of" && folded != "local" && folded != "time") {
      dated = true;  // a month, a zone, "noon"
    }
  }
  return dated;
}

// How a correction notice opens ("Correction: ...", a wire's "Corrects
// spelling of name in paragraph 5"), and the pieces a notice names before
// what was done to it ("This article has been ...").
constexpr std::array<std::string_view, 13> kNoticeOpeners = {"correction:",
                                                             "corrections:",
                                                             "correction,",
                                                             "correction (",
                                                             "clarification,",
                                                             "clarification:",
                                                             "editor's note",
                                                             "editor\u2019s note",
                                                             "an earlier version of this",
                                                             "a previous version of this",
                                                             "update:",
                                                             "updated:",
                                                             "corrects "};
constexpr std::array<std::string_view, 4> kNoticePieces = {"this article ", "this story ",
                                                           "this report ", "this post "};

}  // namespace

bool IsCorrectionNotice(std::string_view sentence) {
  // A notice in brackets is one all the same: "(This story has been
  // corrected to show ...)".
  while (!sentence.empty() &&
         (sentence.front() == '(' || sentence.front() == '[' || IsAsciiSpace(sentence.front())))
    sentence.remove_prefix(1);
  // Most sentences open with a letter no notice opens with: they are turned
  // away before a lower-case copy is made.
  if (sentence.empty()) return false;
  const char first = AsciiLowerChar(sentence.front());
  auto opens = [first](std::string_view start) { return start.front() == first; };
  if (std::none_of(kNoticeOpeners.begin(), kNoticeOpeners.end(), opens) &&
      std::none_of(kNoticePieces.begin(), kNoticePieces.end(), opens)) {
    return false;
  }
  const std::string lower = AsciiLower(sentence.substr(0, 60));
  for (std::string_view opener : kNoticeOpeners) {
    if (lower.starts_with(opener)) return true;
  }
  // "This article has been corrected to show ...", "This story was
  // amended": the piece, then what was done to it.
  for (std::string_view piece : kNoticePieces) {
    if (!lower.starts_with(piece)) continue;
    const std::string_view rest = std::string_view(lower).substr(piece.size());
    for (std::string_view done : {"has been ", "was "}) {
      if (!rest.starts_with(done)) continue;
      for (std::string_view what : {"updated", "corrected", "amended", "changed", "revised"}) {
        if (rest.substr(done.size()).starts_with(what)) return true;
      }
    }
  }
  return false;
}

LineKind LineKindOf(std::string_view text, const SegmentedText& segmented, std::size_t s) {
  const Span span = segmented.sentences[s];
  const std::string_view sentence = text.substr(span.start, span.end - span.start);
  if (!HasAlphanumeric(sentence)) return LineKind::kSeparator;
  // The first words, on the stack: no test below reads past the 25th, and
  // this is asked of every sentence a comparison adds, removes or edits.
  std::array<std::string_view, 26> first_words;
  std::size_t word_count = 0;
  for (const Token& token : segmented.tokens[s]) {
    if (!token.word()) continue;
    if (word_count < first_words.size())
      first_words[word_count] =
          text.substr(token.span().start, token.span().end - token.span().start);
    ++word_count;
  }
  const std::span<const std::string_view> words(first_words.data(),
                                                std::min(word_count, first_words.size()));
  const std::string_view opening = TrimAsciiSpace(sentence).substr(0, 48);
  std::array<char, 48> lower_bytes;
  LowerAsciiInto(lower_bytes.data(), opening);
  const std::string_view lower(lower_bytes.data(), opening.size());
  // Most sentences open with a byte no opener does: the lists are not read.
  static const std::array<bool, 256> kOpenerFirsts = [] {
    std::array<bool, 256> firsts{};
    auto add = [&](const auto& openers) {
      for (std::string_view opener : openers) firsts[static_cast<unsigned char>(opener[0])] = true;
    };
    add(kPrintLineOpeners);
    add(kCreditOpeners);
    add(kBylineOpeners);
    return firsts;
  }();
  if (!lower.empty() && kOpenerFirsts[static_cast<unsigned char>(lower[0])]) {
    // An opener of another first byte is passed over without a call to
    // memcmp.
    auto opens = [&](std::string_view opener) {
      return opener[0] == lower[0] && lower.starts_with(opener);
    };
    for (std::string_view opener : kPrintLineOpeners) {
      if (opens(opener)) return LineKind::kPrintLine;
    }
    for (std::string_view opener : kCreditOpeners) {
      if (opens(opener)) return LineKind::kCredit;
    }
    for (std::string_view opener : kBylineOpeners) {
      if (opens(opener)) return LineKind::kByline;
    }
  }
  if (!words.empty() && AsciiCaseEqual(words.front(), "by") && NamesOnly(words, 1)) {
    return LineKind::kByline;
  }
  if (StartsWithDash(sentence) && NamesOnly(words, 0)) return LineKind::kByline;
  if (IsTimestamp(sentence)) return LineKind::kTimestamp;
  // "Here is what we know.", "Here's what you need to know:", "Here are
  // the key points."
  if (words.size() <= 10 && (lower.starts_with("here is ") || lower.starts_with("here's ") ||
                             lower.starts_with("here\u2019s ") || lower.starts_with("here are ")))
    return LineKind::kSignpost;
  const bool any_lower = std::any_of(words.begin(), words.end(), HasLower);
  if (!words.empty() && words.size() <= 8 && !any_lower) return LineKind::kLabel;
  // A line alone that asks, "Explainer: What is a tailings dam?", heads
  // what follows as a headline without a full stop does.
  if (AloneOnLine(text, span) &&
      (!EndsAsSentence(sentence) || WithoutClosers(sentence).ends_with("?")) &&
      words.size() <= 25) {
    return LineKind::kHeadline;
  }
  if (OnKickerLine(text, span)) return LineKind::kHeadline;
  return LineKind::kNone;
}

const TextEdit* WithoutStructuralEnds(const TextEdit& edit, std::string_view before,
                                      const SegmentedText& before_text, std::string_view after,
                                      const SegmentedText& after_text, TextEdit& trimmed) {
  // The first and last prose sentence of a side, read inwards from its
  // ends: a sentence between them is never asked. {0, 0} when the side is
  // structural lines only (and left whole).
  auto prose = [](const std::vector<std::size_t>& sentences, const SegmentedText& text,
                  std::string_view bytes) -> std::pair<std::size_t, std::size_t> {
    auto structural = [&](std::size_t k) {
      return LineKindOf(bytes, text, sentences[k]) != LineKind::kNone;
    };
    std::size_t first = 0;
    while (first < sentences.size() && structural(first)) ++first;
    if (first == sentences.size()) return {0, 0};
    std::size_t last = sentences.size();
    while (last - 1 > first && structural(last - 1)) --last;
    return {first, last};
  };
  const auto [before_first, before_last] = prose(edit.before_sentences, before_text, before);
  const auto [after_first, after_last] = prose(edit.after_sentences, after_text, after);
  const bool prose_before = before_last > 0, prose_after = after_last > 0;
  if (!prose_before && !prose_after) return nullptr;
  auto whole = [](std::size_t first, std::size_t last, const std::vector<std::size_t>& sentences) {
    return last == 0 || (first == 0 && last == sentences.size());
  };
  if (whole(before_first, before_last, edit.before_sentences) &&
      whole(after_first, after_last, edit.after_sentences))
    return &edit;
  trimmed = edit;
  auto trim = [](std::size_t first, std::size_t last, std::vector<std::size_t>& sentences) {
    if (last == 0) return;
    sentences.erase(sentences.begin() + static_cast<std::ptrdiff_t>(last), sentences.end());
    sentences.erase(sentences.begin(), sentences.begin() + static_cast<std::ptrdiff_t>(first));
  };
  trim(before_first, before_last, trimmed.before_sentences);
  trim(after_first, after_last, trimmed.after_sentences);
  trimmed.before = Union(before_text.sentences[trimmed.before_sentences.front()],
                         before_text.sentences[trimmed.before_sentences.back()]);
  trimmed.after = Union(after_text.sentences[trimmed.after_sentences.front()],
                        after_text.sentences[trimmed.after_sentences.back()]);
  std::erase_if(trimmed.words, [&](const WordChange& change) {
    return !Overlaps(change.before, trimmed.before) && !Overlaps(change.after, trimmed.after);
  });
  return &trimmed;
}

std::size_t QuestionMark(std::string_view text, Span sentence, const std::vector<Span>& quotes) {
  const std::string_view line =
      WithoutClosers(text.substr(sentence.start, sentence.end - sentence.start));
  if (!line.ends_with("?")) return std::string_view::npos;
  const std::size_t at = static_cast<std::size_t>(line.data() - text.data()) + line.size() - 1;
  return WithinAny({at, at + 1}, quotes) ? std::string_view::npos : at;
}

std::size_t EntryTimeEnd(std::string_view text, Span sentence) {
  if (!OpensLine(text, sentence.start)) return sentence.start;
  std::size_t at = sentence.start;
  auto skip_spaces = [&] {
    while (at < sentence.end && IsAsciiSpace(text[at])) ++at;
  };
  auto next_word = [&]() -> std::string_view {
    std::size_t end = at;
    while (end < sentence.end && !IsAsciiSpace(text[end])) ++end;
    return text.substr(at, end - at);
  };
  skip_spaces();
  // The time: "8:45", "14:05", "6Q30" (a typo is still the entry's time).
  // Most lines open with no digit: turned away before their word is read.
  if (at == sentence.end || !(text[at] >= '0' && text[at] <= '9')) return sentence.start;
  std::string_view time = next_word();
  while (!time.empty() && (time.back() == ':' || time.back() == ',')) time.remove_suffix(1);
  if (time.empty() || time.size() > 5 || !(time.front() >= '0' && time.front() <= '9'))
    return sentence.start;
  const bool clock = time.find(':') != std::string_view::npos;
  at += time.size();
  skip_spaces();
  std::string_view word = next_word();
  std::string folded = Folded(word);
  while (!folded.empty() && (folded.back() == ':' || folded.back() == ',')) folded.pop_back();
  if (folded == "am" || folded == "pm") {
    at += word.size();
    skip_spaces();
    word = next_word();
    folded = Folded(word);
    while (!folded.empty() && (folded.back() == ':' || folded.back() == ',')) folded.pop_back();
  } else if (!clock) {
    return sentence.start;  // "212 drivers": a number, not a time
  }
  if (Contains(kZones, folded)) at += word.size();
  skip_spaces();
  for (std::string_view separator : {":", "\u2014", "\u2013", "-", "|"}) {
    if (text.substr(at).starts_with(separator)) {
      at += separator.size();
      break;
    }
  }
  return at;
}

std::vector<bool> EntriesAtEnds(std::string_view text, const SegmentedText& segmented,
                                const std::vector<bool>& only_here) {
  const std::size_t count = segmented.sentences.size();
  std::vector<bool> at_ends(count, false);
  // Most revisions drop no sentence: no line need be read for a time.
  if (std::none_of(only_here.begin(), only_here.end(), [](bool here) { return here; }))
    return at_ends;
  // Each entry: its sentences, from the one opening its line with a time
  // to the last before the next line. Sentences above the first entry
  // (a headline, a summary) belong to none.
  struct Entry {
    std::size_t first = 0, end = 0;
    bool new_here = true;
  };
  std::vector<Entry> entries;
  bool in_entry = false;
  for (std::size_t s = 0; s < count; ++s) {
    const Span span = segmented.sentences[s];
    if (OpensLine(text, span.start)) {
      in_entry = EntryTimeEnd(text, span) > span.start;
      if (in_entry) entries.push_back({s, s, true});
    }
    if (!in_entry) continue;
    entries.back().end = s + 1;
    entries.back().new_here = entries.back().new_here && only_here[s];
  }
  const bool shared = std::any_of(entries.begin(), entries.end(),
                                  [](const Entry& entry) { return !entry.new_here; });
  if (entries.size() < 2 || !shared) return at_ends;
  auto mark = [&](const Entry& entry) {
    for (std::size_t s = entry.first; s < entry.end; ++s) at_ends[s] = true;
  };
  for (auto it = entries.begin(); it != entries.end() && it->new_here; ++it) mark(*it);
  for (auto it = entries.rbegin(); it != entries.rend() && it->new_here; ++it) mark(*it);
  return at_ends;
}

std::size_t DatelineEnd(std::string_view text, Span sentence) {
  // Most sentences open with a word in lower case after its capital.
  std::size_t first_end = sentence.start;
  while (first_end < sentence.end && !IsAsciiSpace(text[first_end]) && text[first_end] != ',')
    ++first_end;
  if (first_end - sentence.start < 2 ||
      HasLower(text.substr(sentence.start, first_end - sentence.start)))
    return sentence.start;
  // Only its first sixteen tokens are read, all within its first twelve
  // runs of non-space (a token never spans a space): a wire's dateline
  // carries its date, agency and update tag ("MARLOW, Nov 18 (Meridian
  // Wire) (Updates with charges) -").
  std::size_t window = sentence.start;
  for (int runs = 0; runs < 12 && window < sentence.end; ++runs) {
    while (window < sentence.end && IsAsciiSpace(text[window])) ++window;
    while (window < sentence.end && !IsAsciiSpace(text[window])) ++window;
  }
  const std::vector<Token> tokens = Tokens(text, {sentence.start, window});
  if (tokens.empty() || !tokens.front().word()) return sentence.start;
  const std::string_view first = text.substr(
      tokens.front().span().start, tokens.front().span().end - tokens.front().span().start);
  if (first.size() < 2 || HasLower(first)) return sentence.start;
  // A city in capitals and a comma ("SAN ARELO,") opens a wire's
  // dateline; only then may it run past eight tokens or end in a hyphen
  // ("UK inflation rose to 3.2% in May - its highest" has no dateline).
  std::size_t caps = 1;
  while (caps < tokens.size() && tokens[caps].word() &&
         !HasLower(text.substr(tokens[caps].span().start,
                               tokens[caps].span().end - tokens[caps].span().start)))
    ++caps;
  const bool city = caps < tokens.size() && text[tokens[caps].span().start] == ',';
  for (std::size_t k = 1; k < tokens.size() && k < (city ? 16 : 8); ++k) {
    const Span span = tokens[k].span();
    const std::string_view piece = text.substr(span.start, span.end - span.start);
    if (piece == "\u2014" || piece == "\u2013" || piece == "--") return span.end;
    // A hyphen standing alone between spaces, as wires type the dash.
    if (city && piece == "-" && span.start > 0 && text[span.start - 1] == ' ' &&
        span.end < text.size() && text[span.end] == ' ')
      return span.end;
  }
  return sentence.start;
}

}  // namespace stet::structure
