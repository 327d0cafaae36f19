// stet/fetch.h: getting a page over HTTP(S).
//
// One GET with libcurl, bounded in every way a hostile or broken server can
// stretch it: redirects, connect and total time, body size (after
// decompression, so a gzip bomb is cut off too). Conditional requests let an
// unchanged page cost one round trip and no extraction.
#ifndef STET_FETCH_H_
#define STET_FETCH_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "stet/status.h"

namespace stet {

struct FetchOptions {
  int max_redirects = 10;
  long connect_timeout_ms = 10'000;
  long total_timeout_ms = 60'000;            // the whole transfer, redirects included
  std::size_t max_bytes = 10 * 1024 * 1024;  // of the decoded body
  std::string user_agent;                    // "" = DefaultUserAgent()
  // Validators of the last fetch; when set, the server may answer 304.
  std::string if_none_match;      // an ETag, sent as If-None-Match
  std::string if_modified_since;  // a Last-Modified value, sent as If-Modified-Since
};

struct FetchedPage {
  std::string url;        // the URL asked for
  std::string final_url;  // where redirects ended
  long http_status = 0;   // 200-299, or 304 when not_modified
  bool not_modified = false;
  std::string etag;           // of the response, "" when none
  std::string last_modified;  // of the response, "" when none
  std::string content_type;   // e.g. "text/html; charset=utf-8"
  std::string body;           // decoded from gzip/deflate/br; empty on 304
};

// True when `text` starts with http:// or https:// (any case): what Fetch
// accepts, and how commands tell a URL from a file name.
bool IsHttpUrl(std::string_view text);

// "stet/<version> (+https://github.com/stet-news/stet)".
std::string DefaultUserAgent();

// Fetches `url` (http or https only). Fails with kNetwork, the message
// naming the URL and the cause: `https://x/y: HTTP 404 Not Found`, a
// redirect loop, too many redirects, a timeout, a body over the cap, a
// connection or TLS failure; kInvalidInput when `url` is not http(s).
Result<FetchedPage> Fetch(std::string_view url, const FetchOptions& options = {});

}  // namespace stet

#endif  // STET_FETCH_H_
