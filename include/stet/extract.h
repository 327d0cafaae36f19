// stet/extract.h: the article a web page holds.
//
// A news page is mostly not the article: navigation, share bars, related
// links, ads, cookie banners, comments, captions, "updated 5 minutes ago"
// lines and view counters surround a few paragraphs of body text. The
// extractor keeps the body and the metadata a reviewer needs, and drops the
// rest so that a page whose only change is boilerplate gives the same text
// (and so no new revision).
#ifndef STET_EXTRACT_H_
#define STET_EXTRACT_H_

#include <string>
#include <string_view>

#include "stet/status.h"

namespace stet {

// The version of the extraction rules. Stored with every revision extracted
// from a page; a change of rules bumps it so that `stet reextract` can tell
// which revisions an older extractor produced. 2: ruby annotations left out;
// a late <meta> charset followed for pages that are not UTF-8.
inline constexpr int kExtractorVersion = 2;

struct ExtractedArticle {
  std::string title;      // the headline, without a " | Site Name" suffix
  std::string byline;     // the author(s) as the page names them; "" when none
  std::string published;  // publication time as the page states it (ISO 8601
                          // when JSON-LD or a meta tag gives one); "" when none
  // The page's own name for itself: <link rel="canonical">, else og:url,
  // made absolute against the page's URL; "" when the page names none.
  std::string canonical_url;
  std::string text;  // the body: paragraphs separated by one blank line
};

// Extracts the article from one HTML document.
// REQUIRES: `html` is UTF-8 (HtmlToUtf8 in stet/charset.h converts a page).
// `page_url` (may be empty) is used to resolve relative URLs.
// Fails with kInvalidInput ("no article text found") when the page holds no
// body text. Never prints; safe to call from several threads at once.
Result<ExtractedArticle> ExtractArticle(std::string_view html, std::string_view page_url = {});

}  // namespace stet

#endif  // STET_EXTRACT_H_
