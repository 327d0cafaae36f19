// stet/feeds.h: the articles a site's feeds list.
//
// Reads RSS 2.0, RSS 1.0 (RDF), Atom and sitemaps (news sitemaps, plain
// URL sets and sitemap indexes) with libxml2's XML parser, never loading
// anything from the network and never expanding external entities. Finds
// the feeds a home page names with <link rel="alternate">.
#ifndef STET_FEEDS_H_
#define STET_FEEDS_H_

#include <string>
#include <string_view>
#include <vector>

#include "stet/fetch.h"
#include "stet/status.h"

namespace stet {

struct FeedItem {
  std::string url;        // absolute, resolved against the feed's URL
  std::string title;      // "" when the feed gives none
  std::string published;  // as the feed writes it; "" when none
};

struct Feed {
  // "rss", "rdf", "atom", "sitemap" or "sitemapindex".
  std::string format;
  std::vector<FeedItem> items;
  // A sitemap index lists sitemaps, not articles: their URLs.
  std::vector<std::string> feeds;
};

// Reads a feed. `url` (may be empty) resolves relative links. Items
// without a usable http(s) link are left out; an item listed twice is
// listed once. Fails with kInvalidInput ("not a feed: ...") when the bytes
// are not XML or not one of the formats.
Result<Feed> ParseFeed(std::string_view bytes, std::string_view url = {});

// The feeds an HTML page names: <link rel="alternate"> with an RSS, Atom
// or RDF type, made absolute against `url`, in page order.
std::vector<std::string> FeedLinksOf(std::string_view html, std::string_view url = {});

// The feeds `url` stands for: itself when it serves a feed, else the feeds
// the page there names (a site's home page). Fails with kNetwork when the
// fetch fails and kInvalidInput ("no feed found ...") when it is neither.
Result<std::vector<std::string>> DiscoverFeeds(std::string_view url, const FetchOptions& options);

}  // namespace stet

#endif  // STET_FEEDS_H_
