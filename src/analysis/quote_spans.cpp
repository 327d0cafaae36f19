// Quotation spans: a mark that opens, the mark that closes it.
#include "analysis/quote_spans.h"

#include <algorithm>
#include <array>
#include <utility>

#include "analysis/attribution.h"
#include "base/ascii.h"

namespace stet {
namespace {

// Whether a straight double quote at `at` opens a quotation: at the start
// or after a space or opening bracket, and not before a space.
bool OpensStraight(std::string_view text, std::size_t at, std::size_t end) {
  const bool before_ok = at == 0 || IsAsciiSpace(text[at - 1]) || text[at - 1] == '(' ||
                         text[at - 1] == '[' || text[at - 1] == '-' ||
                         static_cast<unsigned char>(text[at - 1]) >= 0x80;
  const bool after_ok = at + 1 < end && !IsAsciiSpace(text[at + 1]);
  return before_ok && after_ok;
}

// Whether a straight double quote at `at` closes a quotation: after a
// non-space, and before a space, punctuation or the end.
bool ClosesStraight(std::string_view text, std::size_t at, std::size_t end) {
  if (at == 0 || IsAsciiSpace(text[at - 1])) return false;
  if (at + 1 >= end) return true;
  const char next = text[at + 1];
  return IsAsciiSpace(next) || next == '.' || next == ',' || next == ';' || next == ':' ||
         next == ')' || next == '?' || next == '!' || static_cast<unsigned char>(next) >= 0x80;
}

// The positions of a few byte values in text[.., end), found left to
// right: one memchr (vectorised in glibc) per value, each answer kept until
// passed. Most bytes of a text lie between quotation marks, and a loop
// testing each byte was most of the time spent finding quotations.
template <std::size_t N>
class ByteFinder {
 public:
  ByteFinder(std::string_view text, std::size_t end, std::array<char, N> bytes)
      : text_(text), end_(end), bytes_(bytes) {
    next_.fill(kUnknown);
  }

  // The first position at or after `from` holding one of the bytes, or the
  // end.
  std::size_t Next(std::size_t from) {
    std::size_t first = end_;
    for (std::size_t i = 0; i < N; ++i) {
      if (next_[i] == kUnknown || next_[i] < from) {
        const void* found =
            from < end_ ? std::memchr(text_.data() + from, bytes_[i], end_ - from) : nullptr;
        next_[i] = found == nullptr
                       ? end_
                       : static_cast<std::size_t>(static_cast<const char*>(found) - text_.data());
      }
      first = std::min(first, next_[i]);
    }
    return first;
  }

 private:
  static constexpr std::size_t kUnknown = std::string_view::npos;
  std::string_view text_;
  std::size_t end_;
  std::array<char, N> bytes_;
  std::array<std::size_t, N> next_;
};

constexpr std::string_view kOpenSingle = "\u2018";   // ‘
constexpr std::string_view kCloseSingle = "\u2019";  // ’ (also the apostrophe)

// The closing mark of a quotation opened at `inner` by a double mark, curly
// or straight: writers and CMSs mix them (“The budget is balanced," she
// said), so either kind closes either. Returns {position, length}, or
// {npos, 0}.
std::pair<std::size_t, std::size_t> DoubleCloser(std::string_view text, std::size_t inner,
                                                 std::size_t end) {
  ByteFinder<2> marks(text, end, {'"', '\xE2'});  // ” starts with 0xE2
  for (std::size_t at = marks.Next(inner); at < end; at = marks.Next(at + 1)) {
    if (text.substr(at, 3) == kCloseCurly) return {at, 3};
    if (text[at] == '"' && ClosesStraight(text, at, end)) return {at, 1};
  }
  return {std::string_view::npos, 0};
}

// The ’ that closes a quotation opened by ‘ (British style): before a
// space, punctuation or the end, so that an apostrophe ("club’s") is not.
std::pair<std::size_t, std::size_t> SingleCloser(std::string_view text, std::size_t inner,
                                                 std::size_t end) {
  for (std::size_t at = text.find(kCloseSingle, inner); at != std::string_view::npos && at < end;
       at = text.find(kCloseSingle, at + 3)) {
    const std::size_t after = at + 3;
    if (after >= end || IsAsciiSpace(text[after]) || text[after] == ',' || text[after] == '.' ||
        text[after] == ';' || text[after] == ':' || text[after] == '?' || text[after] == '!') {
      return {at, 3};
    }
  }
  return {std::string_view::npos, 0};
}

}  // namespace

std::vector<RawQuote> QuotesInParagraph(std::string_view text, Span paragraph) {
  std::vector<RawQuote> quotes;
  // Only '"' and the lead bytes of “ „ ‘ (0xE2) and « (0xC2) can open one.
  ByteFinder<3> leads(text, paragraph.end, {'"', '\xE2', '\xC2'});
  std::size_t at = paragraph.start;
  while ((at = leads.Next(at)) < paragraph.end) {
    std::string_view rest = text.substr(at, paragraph.end - at);
    std::size_t open_length = 0;
    enum class Closer { kDouble, kGuillemet, kSingle } closer = Closer::kDouble;
    if (rest.starts_with(kOpenCurly) || rest.starts_with(kOpenLow)) {
      open_length = 3;
    } else if (rest.starts_with(kOpenGuillemet)) {
      open_length = 2;
      closer = Closer::kGuillemet;
    } else if (rest.front() == '"' && OpensStraight(text, at, paragraph.end)) {
      open_length = 1;
    } else if (rest.starts_with(kOpenSingle) &&
               (at == paragraph.start || IsAsciiSpace(text[at - 1]) || text[at - 1] == '(')) {
      open_length = 3;
      closer = Closer::kSingle;
    } else {
      ++at;
      continue;
    }
    const std::size_t inner = at + open_length;
    std::pair<std::size_t, std::size_t> found{std::string_view::npos, 0};
    if (closer == Closer::kDouble) found = DoubleCloser(text, inner, paragraph.end);
    if (closer == Closer::kSingle) found = SingleCloser(text, inner, paragraph.end);
    if (closer == Closer::kGuillemet) {
      const std::size_t close = text.find(kCloseGuillemet, inner);
      if (close != std::string_view::npos && close < paragraph.end) found = {close, 2};
    }
    if (closer == Closer::kSingle && found.first == std::string_view::npos) {
      ++at;  // an opening single mark left open is no quotation (‘90s)
      continue;
    }
    std::size_t close = found.first;
    RawQuote quote;
    if (close == std::string_view::npos || close >= paragraph.end) {
      quote.closed = false;
      close = paragraph.end;
    }
    const std::size_t after = quote.closed ? close + found.second : paragraph.end;
    Span words{inner, close};
    while (words.start < words.end && IsAsciiSpace(text[words.start])) ++words.start;
    while (words.end > words.start && IsAsciiSpace(text[words.end - 1])) --words.end;
    if (words.end > words.start) {
      quote.parts.push_back(words);
      quote.with_marks.push_back({at, after});
      quotes.push_back(std::move(quote));
    }
    at = after;
  }
  return quotes;
}

bool StartsLower(std::string_view text) {
  for (char c : text) {
    if (c >= 'a' && c <= 'z') return true;
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return false;
  }
  return false;
}

bool EndsSentence(std::string_view text) {
  while (!text.empty() && (text.back() == '\'' || text.back() == ' ')) text.remove_suffix(1);
  if (text.ends_with("\u2019")) text.remove_suffix(3);
  return !text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?' ||
                           text.back() == ',' || text.ends_with("\u2014"));
}

std::size_t WordCount(std::string_view text) {
  std::size_t count = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = IsAsciiSpace(c);
    if (!space && !in_word) ++count;
    in_word = !space;
  }
  return count;
}

// A quoted title: every longer word capitalised and no sentence punctuation
// ("One Hundred Years of Solitude", "Operation Freedom").
bool LooksLikeTitle(std::string_view text) {
  if (EndsSentence(text) || WordCount(text) > 12) return false;
  std::size_t start = 0;
  bool any = false;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);
    if (word.size() > 3 && !attribution::IsUpperStart(word)) return false;
    any = any || attribution::IsUpperStart(word);
    start = end + 1;
  }
  return any && attribution::IsUpperStart(text);
}

namespace {

void Append(RawQuote& into, const RawQuote& part) {
  into.parts.insert(into.parts.end(), part.parts.begin(), part.parts.end());
  into.with_marks.insert(into.with_marks.end(), part.with_marks.begin(), part.with_marks.end());
  into.closed = part.closed;
}

// “We want peace,” he said, “but not at any price.”: the second part
// opens in lower case right after a short attribution ending in a comma.
bool IsSplitContinuation(std::string_view text, const RawQuote& first, const RawQuote& second) {
  const std::size_t gap_start = first.with_marks.back().end;
  const std::size_t gap_end = second.with_marks.front().start;
  if (gap_end <= gap_start || gap_end - gap_start > 80) return false;
  const std::string_view first_words =
      text.substr(first.parts.back().start, first.parts.back().end - first.parts.back().start);
  if (!first_words.ends_with(",")) return false;
  const std::string_view gap = text.substr(gap_start, gap_end - gap_start);
  const std::size_t last = gap.find_last_not_of(" \t");
  if (last == std::string_view::npos || (gap[last] != ',' && gap[last] != ':')) return false;
  if (gap.find('.') != std::string_view::npos) return false;
  const std::string_view second_words = text.substr(
      second.parts.front().start, second.parts.front().end - second.parts.front().start);
  if (!StartsLower(second_words)) return false;
  const std::vector<attribution::Word> words = attribution::WordsIn(text, {gap_start, gap_end});
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (attribution::IsCue(words, k)) return true;
  }
  return false;
}

}  // namespace

std::vector<RawQuote> FindQuotations(std::string_view text, const std::vector<Span>& paragraphs) {
  std::vector<RawQuote> all;
  bool continues = false;  // the last quote was left open at its paragraph's end
  for (const Span& paragraph : paragraphs) {
    std::vector<RawQuote> found = QuotesInParagraph(text, paragraph);
    for (std::size_t k = 0; k < found.size(); ++k) {
      RawQuote& quote = found[k];
      const bool opens_paragraph = quote.with_marks.front().start == paragraph.start;
      if (k == 0 && continues && opens_paragraph && !all.empty()) {
        Append(all.back(), quote);
        continues = !quote.closed;
        continue;
      }
      if (!all.empty() && IsSplitContinuation(text, all.back(), quote)) {
        Append(all.back(), quote);
        continues = !quote.closed;
        continue;
      }
      continues = !quote.closed;
      all.push_back(std::move(quote));
    }
    if (found.empty()) continues = false;
  }
  return all;
}

}  // namespace stet
