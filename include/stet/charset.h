// stet/charset.h: a web page's bytes as UTF-8.
//
// Pages arrive in many encodings, declared in the HTTP header, in the page
// or not at all. Extraction and storage work on UTF-8, so every page is
// converted once, here, with ICU's converters.
#ifndef STET_CHARSET_H_
#define STET_CHARSET_H_

#include <string>
#include <string_view>

#include "stet/status.h"

namespace stet {

struct DecodedPage {
  std::string utf8;     // the page as UTF-8, byte order mark removed
  std::string charset;  // the encoding it was read in, e.g. "UTF-8", "windows-1252"
};

// Decides a page's encoding, in the order a browser does: a byte order mark;
// the charset of the HTTP Content-Type (`http_charset`, may be empty); a
// <meta charset> or <meta http-equiv="Content-Type"> in the first 1024
// bytes; when the bytes are not UTF-8, such a <meta> later in the first 64
// KB (a browser decodes again when it meets one); else UTF-8 when the bytes
// are valid UTF-8, else windows-1252. As in browsers, ISO-8859-1 and
// US-ASCII labels are read as windows-1252, and an unknown label (or a
// <meta> naming UTF-16) is ignored. `charset` is the encoding's usual name ("windows-1250",
// "Shift_JIS"), not ICU's own. Bytes invalid in the encoding become U+FFFD.
// Fails with kInvalidInput only when ICU cannot convert at all.
Result<DecodedPage> HtmlToUtf8(std::string_view bytes, std::string_view http_charset = {});

// The charset parameter of a Content-Type header value
// (`text/html; charset="ISO-8859-1"` gives `ISO-8859-1`), or "".
std::string CharsetOfContentType(std::string_view content_type);

}  // namespace stet

#endif  // STET_CHARSET_H_
