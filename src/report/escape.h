// Article text made safe for each output format, and the markers that let a
// format escape the text around a marked change before it writes its own
// tags for it.
#ifndef STET_SRC_REPORT_ESCAPE_H_
#define STET_SRC_REPORT_ESCAPE_H_

#include <string>
#include <string_view>

#include "stet/compare.h"

namespace stet::report {

// Markers that no text stet stores can hold: the bytes 0xF8-0xFB never occur
// in valid UTF-8. A renderer marks changes with them, escapes the result and
// only then turns them into its tags (Retag), so that no article text is
// ever read as markup.
inline constexpr InlineMarkers kSentinels{"\xF8", "\xF9", "\xFA", "\xFB"};

// `marked` (changes marked with kSentinels) with `escape` applied to the text
// and the sentinels replaced by `tags`.
std::string Retag(std::string_view marked, std::string (*escape)(std::string_view),
                  const InlineMarkers& tags);

// Text shown as written by a CommonMark or GitHub renderer: every character
// that could start emphasis, code, a link, raw HTML, an entity or a
// strikethrough, or close a heading, is backslash-escaped.
std::string EscapeMarkdown(std::string_view text);

// Text for HTML element content and quoted attribute values: & < > " '.
std::string EscapeHtml(std::string_view text);

// Text for XML element content and attributes (an Atom feed): as
// EscapeHtml, and the control characters XML 1.0 forbids (all below 0x20
// but tab, line feed and carriage return) left out.
std::string EscapeXml(std::string_view text);

// Text for a terminal: a control character (an escape sequence in an
// article could recolour or retitle the terminal) shows as '?'.
std::string EscapeTerminal(std::string_view text);

// How the text outputs mark changes: git's word-diff brackets, and with
// colour the brackets stay (colour is never the only cue).
inline constexpr InlineMarkers kBrackets{"[-", "-]", "{+", "+}"};
inline constexpr InlineMarkers kColouredBrackets{"\x1b[31m[-", "-]\x1b[0m", "\x1b[32m{+",
                                                 "+}\x1b[0m"};
inline constexpr InlineMarkers kHtmlTags{"<del>", "</del>", "<ins>", "</ins>"};

// Whether `url` may be written as a link: http or https, no spaces, quotes,
// angle brackets or control characters. Anything else is shown as text only
// (a javascript: URL is never a link).
bool LinkableUrl(std::string_view url);

}  // namespace stet::report

#endif  // STET_SRC_REPORT_ESCAPE_H_
