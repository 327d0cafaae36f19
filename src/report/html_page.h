// The frame of every HTML page stet writes: one self-contained document with
// its style inline, no script and a Content-Security-Policy that lets it
// load nothing from anywhere, so an archived article's words can never
// become a request or a program.
#ifndef STET_SRC_REPORT_HTML_PAGE_H_
#define STET_SRC_REPORT_HTML_PAGE_H_

#include <string>
#include <string_view>

namespace stet::report {

// The policy every page carries (and the review server sends, adding
// frame-ancestors, which a <meta> cannot): nothing but the page's own inline
// style and data: images.
inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; "
    "base-uri 'none'";

// From <!DOCTYPE html> to the opening <body>, with `title` (plain text),
// then `navigation` (markup, written as it is).
std::string HtmlPageStart(std::string_view title, std::string_view navigation = "");

// An article's URL under its title: a link for http and https (one that
// tells the site nothing of where the reader came from), else its text.
std::string UrlParagraph(std::string_view url);

// The closing tags.
std::string HtmlPageEnd();

}  // namespace stet::report

#endif  // STET_SRC_REPORT_HTML_PAGE_H_
