// Character references as the HTML standard decodes them where libxml2's
// HTML 4 parser does not (numeric references 128-159 as windows-1252, 0,
// surrogates and values past U+10FFFF as U+FFFD, the legacy entities
// without a semicolon), repaired by the pre-pass (StripUnread) before the
// parse.
#ifndef STET_SRC_WEB_CHAR_REFS_H_
#define STET_SRC_WEB_CHAR_REFS_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace stet::html {

// Appends input[from, to) to `out` with its character references in a form
// libxml2 decodes as the standard does. `in_attribute`: the bytes are an
// attribute value, where a legacy entity before a letter, digit or '=' is
// text (href="?a=1&copy=2").
void AppendRepairingRefs(std::string_view input, std::size_t from, std::size_t to,
                         bool in_attribute, std::string& out);

}  // namespace stet::html

#endif  // STET_SRC_WEB_CHAR_REFS_H_
