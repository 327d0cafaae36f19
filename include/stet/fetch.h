// stet/fetch.h: getting a page over HTTP(S).
//
// One GET with libcurl, bounded in every way a hostile or broken server can
// stretch it: redirects, connect and total time, body size (after
// decompression, so a gzip bomb is cut off too). Conditional requests let an
// unchanged page cost one round trip and no extraction.
#ifndef STET_FETCH_H_
#define STET_FETCH_H_

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

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

// POSTs `json` to `url` (a webhook), bounded as Fetch is. Returns the
// HTTP status (2xx); any other answer or a transfer failure is kNetwork.
Result<long> PostJson(std::string_view url, std::string_view json,
                      const FetchOptions& options = {});

// What one fetch gave, with what a scheduler needs besides the page.
struct FetchOutcome {
  Result<FetchedPage> page = Status::Network("not fetched");
  // Why it failed, in a few words that group failures: "HTTP 500",
  // "timed out", "cannot connect", "too large"; "" when it did not fail.
  std::string cause;
  long http_status = 0;           // of the last response, also on failure; 0 when none
  long retry_after_seconds = -1;  // the server's Retry-After, -1 when none
};

// The host a URL's requests go to, as politeness counts them: the lower
// case host name and the port when one is given ("example.com",
// "127.0.0.1:8080"); "" when `url` cannot be parsed.
std::string HostOf(std::string_view url);

struct FetchRequest {
  std::string url;
  FetchOptions options;
};

struct FetchManyOptions {
  int max_per_host = 2;   // connections to one host at a time
  int max_total = 64;     // transfers at a time, all hosts together
  long min_delay_ms = 0;  // between the starts of two requests to one host
  // Hosts (HostOf) that want a longer delay (a robots.txt Crawl-delay).
  std::map<std::string, long> host_delay_ms;
  // Polled between steps; when it returns true the fetches in flight are
  // abandoned and the queued ones never start (reported as skipped).
  std::function<bool()> stop;
};

// What the caller wants after a fetch completed.
enum class AfterFetch {
  kGoOn,
  kHoldHost,  // start no more requests to this request's host in this call
};

// Fetches every request, concurrently through libcurl's multi interface
// (connections are kept alive and reused, HTTP/2 where offered), at most
// `max_per_host` at a time and `min_delay_ms` apart per host, the hosts
// served in turn. `done` is called on the calling thread as each request
// completes; `skipped` for each one never completed (its host held, or
// `stop`), with the reason. Every request gets exactly one of the two.
void FetchMany(const std::vector<FetchRequest>& requests, const FetchManyOptions& options,
               const std::function<AfterFetch(std::size_t index, FetchOutcome outcome)>& done,
               const std::function<void(std::size_t index, std::string_view reason)>& skipped);

}  // namespace stet

#endif  // STET_FETCH_H_
