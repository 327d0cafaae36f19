// stet/text.h: checking and normalising article text.
//
// Stored text is kept as given (line endings made LF); identity of content
// is decided on a normalised form so that whitespace-only edits and Unicode
// spelling variants (composed or decomposed accents) are not new revisions.
#ifndef STET_TEXT_H_
#define STET_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "stet/status.h"

namespace stet {

// The largest input accepted unless the caller sets another limit.
inline constexpr std::size_t kDefaultMaxInputBytes = 10 * 1024 * 1024;

// Checks that `bytes` can be stored as article text: not empty once
// whitespace is removed, no NUL byte (a binary file), valid UTF-8.
// The error names the first offending byte offset. `bytes` is not changed.
Status CheckText(std::string_view bytes);

// The text as it is stored: a leading UTF-8 byte order mark removed, CRLF
// and lone CR turned into LF, in place (a moved-in text is not copied).
// REQUIRES: CheckText(bytes).ok().
std::string StorableText(std::string bytes);

// The form used to decide whether two texts are the same revision: Unicode
// NFC, every run of whitespace (including no-break and other Unicode spaces,
// and line breaks) collapsed into one space, leading and trailing space
// removed. REQUIRES: valid UTF-8.
std::string NormalizedText(std::string_view text);

// The form in which sentences and words are compared and hashed when two
// revisions are aligned: NormalizedText, with typographic quote marks and
// apostrophes (‘ ’ “ ” „ « » ′ ″), dashes and hyphens (‐ – — −) and the
// ellipsis (…) spelled as their ASCII counterparts (' " - ...), so that a
// newsroom's switch of quote style is not a word change. Display and byte
// offsets always use the original text. REQUIRES: valid UTF-8.
std::string MatchingForm(std::string_view text);

// XXH3-128 of NormalizedText(text), as "xxh3-128:" + 32 lower-case hex digits.
std::string ContentHash(std::string_view text);

// True when the bytes look like an HTML document rather than plain text.
bool LooksLikeHtml(std::string_view bytes);

// Checks that `path` names a readable file (not a directory). Fails with
// kInvalidInput naming the path.
Status CheckInputPath(const std::string& path);

// Reads a whole file for use as input. Fails with kInvalidInput naming the
// path when it is missing, a directory, unreadable or larger than
// `max_bytes`. A path of "-" reads standard input.
Result<std::string> ReadInputFile(const std::string& path,
                                  std::size_t max_bytes = kDefaultMaxInputBytes);

}  // namespace stet

#endif  // STET_TEXT_H_
