// Where quotations stand in a text: the spans between quotation marks,
// before anyone is found to have said them (quotes.cpp).
#ifndef STET_SRC_ANALYSIS_QUOTE_SPANS_H_
#define STET_SRC_ANALYSIS_QUOTE_SPANS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "stet/segment.h"

namespace stet {

// The quotation marks read: curly, low (German), guillemets and straight.
inline constexpr std::string_view kOpenCurly = "\u201C";   // “
inline constexpr std::string_view kCloseCurly = "\u201D";  // ”
inline constexpr std::string_view kOpenLow = "\u201E";     // „
inline constexpr std::string_view kOpenGuillemet = "\u00AB";
inline constexpr std::string_view kCloseGuillemet = "\u00BB";

inline bool IsOpenMark(std::string_view mark) {
  return mark == kOpenCurly || mark == kOpenLow || mark == kOpenGuillemet || mark == "\"";
}
inline bool IsCloseMark(std::string_view mark) {
  return mark == kCloseCurly || mark == kCloseGuillemet || mark == "\"";
}

// One quotation: its parts (more than one when it is split by an
// attribution or runs over paragraphs), each with and without its marks.
struct RawQuote {
  std::vector<Span> parts;       // the words inside the marks
  std::vector<Span> with_marks;  // each part with its marks
  bool closed = true;
};

// The quotation spans of one paragraph of `text`; an unclosed one runs to
// the paragraph's end.
std::vector<RawQuote> QuotesInParagraph(std::string_view text, Span paragraph);

// Every quotation of `text`, joining a quote split by its attribution
// (“We want peace,” he said, “but not at any price.”) and one running over
// paragraphs into one quote of several parts. `paragraphs`:
// Paragraphs(text).
std::vector<RawQuote> FindQuotations(std::string_view text, const std::vector<Span>& paragraphs);

// What the words inside the marks look like.
bool StartsLower(std::string_view text);   // the first letter is lower case
bool EndsSentence(std::string_view text);  // ends with . ! ? , or a dash
std::size_t WordCount(std::string_view text);
// A quoted title: every longer word capitalised and no sentence
// punctuation ("One Hundred Years of Solitude", "Operation Freedom").
bool LooksLikeTitle(std::string_view text);

}  // namespace stet

#endif  // STET_SRC_ANALYSIS_QUOTE_SPANS_H_
