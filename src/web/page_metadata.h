// The metadata a page states about its article: JSON-LD (schema.org
// Article types), OpenGraph and other <meta> tags, <link rel="canonical">,
// the <title>. Read in the order Readability.js reads them, so that a page
// gives the title and byline a reader view would show.
#ifndef STET_SRC_WEB_PAGE_METADATA_H_
#define STET_SRC_WEB_PAGE_METADATA_H_

#include <libxml/tree.h>

#include <string>
#include <string_view>

namespace stet::html {

struct PageMetadata {
  std::string title;          // headline, site name suffix removed; "" if none
  std::string byline;         // author(s); "" if the metadata names none
  std::string published;      // as stated, ISO 8601 from JSON-LD or meta
  std::string canonical_url;  // absolute when `page_url` allowed; "" if none
  std::string site_name;      // og:site_name or JSON-LD publisher name
  std::string article_body;   // JSON-LD articleBody; "" if none
};

// Reads the metadata of a parsed page. `page_url` may be empty.
PageMetadata ReadMetadata(xmlDoc* doc, std::string_view page_url);

// How much of `b`'s words also occur in `a`: 1 when all, 0 when none, by
// the length of the words of `b` missing from `a` (Readability.js's
// _textSimilarity, ASCII word characters only as in its /\W+/).
double TextSimilarity(std::string_view a, std::string_view b);

// `text` without a leading "By " (any case) and surrounding white space.
std::string CleanByline(std::string_view text);

// `url` made absolute against `base`; `url` itself when that fails.
std::string ResolveUrl(std::string_view url, std::string_view base);

}  // namespace stet::html

#endif  // STET_SRC_WEB_PAGE_METADATA_H_
