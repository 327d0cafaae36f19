// Quotation spans: a mark that opens, the mark that closes it.
#include "analysis/quote_spans.h"

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

}  // namespace

std::vector<RawQuote> QuotesInParagraph(std::string_view text, Span paragraph) {
  std::vector<RawQuote> quotes;
  std::size_t at = paragraph.start;
  while (at < paragraph.end) {
    // Only '"' and the lead bytes of “ „ (0xE2) and « (0xC2) can open one.
    const auto lead = static_cast<unsigned char>(text[at]);
    if (lead != '"' && lead != 0xE2 && lead != 0xC2) {
      ++at;
      continue;
    }
    std::string_view rest = text.substr(at, paragraph.end - at);
    std::size_t open_length = 0;
    std::string_view closer;
    if (rest.starts_with(kOpenCurly) || rest.starts_with(kOpenLow)) {
      open_length = 3;
      closer = kCloseCurly;
    } else if (rest.starts_with(kOpenGuillemet)) {
      open_length = 2;
      closer = kCloseGuillemet;
    } else if (rest.front() == '"' && OpensStraight(text, at, paragraph.end)) {
      open_length = 1;
      closer = "\"";
    } else {
      ++at;
      continue;
    }
    const std::size_t inner = at + open_length;
    std::size_t close = text.find(closer, inner);
    RawQuote quote;
    if (close == std::string_view::npos || close >= paragraph.end) {
      quote.closed = false;
      close = paragraph.end;
    }
    const std::size_t after = quote.closed ? close + closer.size() : paragraph.end;
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

// `text` with ASCII letters in lower case, branch-free so that it
// vectorises (a whole article is lowered once per extraction).
std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    const auto byte = static_cast<unsigned char>(c);
    c = static_cast<char>(byte | (static_cast<unsigned char>(byte - 'A') < 26 ? 0x20 : 0));
  }
  return out;
}

}  // namespace stet
