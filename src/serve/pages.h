// The review server's own pages: navigation, an article's revisions, search
// results, a quote's history and errors. Every piece of archive text in them
// is escaped; they load nothing and run nothing (report/html_page.h).
#ifndef STET_SRC_SERVE_PAGES_H_
#define STET_SRC_SERVE_PAGES_H_

#include <string>
#include <string_view>
#include <vector>

#include "stet/archive.h"
#include "stet/quote_history.h"
#include "stet/quotes.h"

namespace stet::serve {

// The bar at the top of every page: recent changes, search (with `query` in
// its box), the feed.
std::string Navigation(std::string_view query = "");

// One article's revisions, newest first, each with its materiality, a link
// to its comparison with the one before and to its stored page; the quotes
// of the latest revision, each linked to its history.
std::string ArticlePage(const std::vector<RevisionInfo>& revisions,
                        const std::vector<Quote>& latest_quotes);

// A search's results: each article with what matched (URL, title or a
// speaker).
struct SearchHit {
  ArticleSummary article;
  std::string matched;  // "url", "title" or "speaker: NAME"
};
std::string SearchPage(std::string_view query, const std::vector<SearchHit>& hits,
                       std::size_t searched);

// The quote holding `words` through every revision of an article.
std::string QuoteHistoryPage(const RevisionInfo& latest, std::string_view words,
                             const std::vector<QuoteSighting>& history);

// A page saying what went wrong, for a status code.
std::string ErrorPage(int status, std::string_view message);

// `text` made safe inside a URL's query or path segment (percent-encoded).
std::string UrlEncode(std::string_view text);

}  // namespace stet::serve

#endif  // STET_SRC_SERVE_PAGES_H_
