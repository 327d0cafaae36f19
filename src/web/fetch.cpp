// Fetching with libcurl's easy interface (opened at run time, see
// curl_library.h). libcurl follows redirects itself; the header callback
// sees every response of the chain, so it keeps the last response's
// validators and the Location of each hop, which is how a loop is told
// apart from a merely long chain.
#include "stet/fetch.h"

#include <algorithm>
#include <memory>
#include <vector>

#include "base/ascii.h"
#include "base/curl_library.h"
#include "stet/clock.h"
#include "web/transfer.h"

namespace stet {
namespace {

using Collected = PreparedTransfer::Collected;

// `location` resolved against `base`, as libcurl's URL parser does it.
std::string Resolve(const CurlLibrary& curl, const std::string& base, const std::string& location) {
  CurlUrlPtr handle(curl.url(), CurlFree<CURLU>{&curl});
  if (!handle || curl.url_set(handle.get(), CURLUPART_URL, base.c_str(), 0) != CURLUE_OK ||
      curl.url_set(handle.get(), CURLUPART_URL, location.c_str(), 0) != CURLUE_OK) {
    return location;
  }
  char* resolved = nullptr;
  if (curl.url_get(handle.get(), CURLUPART_URL, &resolved, 0) != CURLUE_OK) return location;
  return CurlString(resolved, CurlFree<char>{&curl}).get();
}

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* collected = static_cast<Collected*>(user);
  const size_t bytes = size * count;
  if (collected->body.size() + bytes > collected->max_bytes) {
    collected->over_cap = true;
    return 0;  // makes libcurl stop with CURLE_WRITE_ERROR
  }
  collected->body.append(data, bytes);
  return bytes;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* collected = static_cast<Collected*>(user);
  const size_t bytes = size * count;
  const std::string_view line = TrimAsciiSpace(std::string_view(data, bytes));
  if (line.rfind("HTTP/", 0) == 0) {
    // A new response of the chain: its headers replace the last one's.
    collected->etag.clear();
    collected->last_modified.clear();
    collected->retry_after.clear();
    collected->reason.clear();
    const std::size_t code = line.find(' ');
    const std::size_t reason = code == std::string_view::npos ? code : line.find(' ', code + 1);
    if (reason != std::string_view::npos)
      collected->reason = TrimAsciiSpace(line.substr(reason + 1));
    return bytes;
  }
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return bytes;
  const std::string name = AsciiLower(TrimAsciiSpace(line.substr(0, colon)));
  const std::string_view value = TrimAsciiSpace(line.substr(colon + 1));
  if (name == "etag") collected->etag = value;
  if (name == "last-modified") collected->last_modified = value;
  if (name == "retry-after") collected->retry_after = value;
  if (name == "location" && !collected->hops.empty()) {
    collected->hops.push_back(
        Resolve(*collected->curl, collected->hops.back(), std::string(value)));
  }
  return bytes;
}

// Retry-After is a number of seconds or an HTTP date (RFC 9110 10.2.3);
// -1 when absent or unreadable.
long RetryAfterSeconds(std::string_view value) {
  if (value.empty()) return -1;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return value.size() > 9 ? 999'999'999L : std::stol(std::string(value));
  }
  Result<UnixSeconds> when = ParsePublishedTime(value);
  if (!when.ok()) return -1;
  return static_cast<long>(std::max<UnixSeconds>(0, *when - Now()));
}

std::string SizeText(std::size_t bytes) {
  if (bytes % (1024 * 1024) == 0) return std::to_string(bytes / (1024 * 1024)) + " MiB";
  if (bytes % 1024 == 0) return std::to_string(bytes / 1024) + " KiB";
  return std::to_string(bytes) + " bytes";
}

std::string SecondsText(long milliseconds) {
  if (milliseconds % 1000 == 0) return std::to_string(milliseconds / 1000) + " s";
  return std::to_string(milliseconds) + " ms";
}

// A failed transfer, in words a user can act on, and the few words that
// group it with failures of the same cause.
struct TransferFailure {
  std::string message;
  std::string cause;
};

TransferFailure DescribeFailure(CURLcode code, const Collected& collected,
                                const FetchOptions& options, const char* detail,
                                const CurlLibrary& curl) {
  switch (code) {
    case CURLE_WRITE_ERROR:
    case CURLE_FILESIZE_EXCEEDED:
      if (collected.over_cap || code == CURLE_FILESIZE_EXCEEDED)
        return {"page larger than the " + SizeText(options.max_bytes) + " limit", "too large"};
      break;
    case CURLE_OPERATION_TIMEDOUT:
      return {"timed out (limit " + SecondsText(options.total_timeout_ms) + ")", "timed out"};
    case CURLE_TOO_MANY_REDIRECTS: {
      const auto& hops = collected.hops;
      for (std::size_t i = 0; i < hops.size(); ++i) {
        if (std::find(hops.begin() + static_cast<std::ptrdiff_t>(i) + 1, hops.end(), hops[i]) !=
            hops.end()) {
          return {"redirect loop (" + hops[i] + " is reached again)", "redirect loop"};
        }
      }
      return {"more than " + std::to_string(options.max_redirects) + " redirects",
              "too many redirects"};
    }
    case CURLE_COULDNT_RESOLVE_HOST:
      return {"cannot resolve the host", "cannot resolve the host"};
    case CURLE_COULDNT_CONNECT:
      return {"cannot connect" + (detail[0] ? ": " + std::string(detail) : std::string()),
              "cannot connect"};
    case CURLE_UNSUPPORTED_PROTOCOL:
      // Also what libcurl says of an answer that is not HTTP at all (it
      // refuses HTTP/0.9, whose "answer" is any bytes).
      if (std::string_view(detail).find("HTTP/0.9") != std::string_view::npos) {
        return {"the server's answer is not HTTP", "not HTTP"};
      }
      if (collected.hops.size() > 1) {
        return {"redirected to a scheme other than http or https", "redirected off the web"};
      }
      break;
    default:
      break;
  }
  return {detail[0] ? std::string(detail) : std::string(curl.easy_strerror(code)), "network error"};
}

}  // namespace

bool IsHttpUrl(std::string_view text) {
  const std::string lower = AsciiLower(text.substr(0, 8));
  return lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0;
}

std::string DefaultUserAgent() {
  return "stet/0.1 (+https://github.com/stet-news/stet)";
}

std::string HostOf(std::string_view url) {
  Result<const CurlLibrary*> loaded = Curl();
  if (!loaded.ok()) return "";
  const CurlLibrary& curl = **loaded;
  CurlUrlPtr handle(curl.url(), CurlFree<CURLU>{&curl});
  const std::string text(url);
  if (!handle || curl.url_set(handle.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK) return "";
  char* host = nullptr;
  if (curl.url_get(handle.get(), CURLUPART_HOST, &host, 0) != CURLUE_OK) return "";
  std::string result = AsciiLower(CurlString(host, CurlFree<char>{&curl}).get());
  char* port = nullptr;
  if (curl.url_get(handle.get(), CURLUPART_PORT, &port, 0) == CURLUE_OK) {
    result += ":" + std::string(CurlString(port, CurlFree<char>{&curl}).get());
  }
  return result;
}

PreparedTransfer::PreparedTransfer(const CurlLibrary& curl, std::string url,
                                   const FetchOptions& options)
    : curl_(curl),
      url_(std::move(url)),
      options_(options),
      agent_(options.user_agent.empty() ? DefaultUserAgent() : options.user_agent),
      easy_(curl.easy_init(), CurlFree<CURL>{&curl}),
      headers_(nullptr, CurlFree<curl_slist>{&curl}) {}

Result<std::unique_ptr<PreparedTransfer>> PreparedTransfer::Make(const CurlLibrary& curl,
                                                                 std::string url,
                                                                 const FetchOptions& options) {
  if (!IsHttpUrl(url)) {
    return Status::InvalidInput(url + ": only http and https URLs can be fetched");
  }
  // A line break in a header value would end it and start another header.
  for (const std::string* value :
       {&options.user_agent, &options.if_none_match, &options.if_modified_since}) {
    if (std::any_of(value->begin(), value->end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; })) {
      return Status::InvalidInput(url + ": a header value holds a control character");
    }
  }
  std::unique_ptr<PreparedTransfer> made(new PreparedTransfer(curl, std::move(url), options));
  if (!made->easy_) return Status::Network(made->url_ + ": libcurl could not start a transfer");
  auto add_header = [&](const std::string& line) {
    curl_slist* grown = curl.slist_append(made->headers_.get(), line.c_str());
    if (grown != nullptr) {
      (void)made->headers_.release();
      made->headers_.reset(grown);
    }
  };
  add_header("Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.5");
  if (!options.if_none_match.empty()) add_header("If-None-Match: " + options.if_none_match);
  if (!options.if_modified_since.empty())
    add_header("If-Modified-Since: " + options.if_modified_since);

  Collected& collected = made->collected_;
  collected.max_bytes = options.max_bytes;
  collected.curl = &curl;
  collected.hops.push_back(made->url_);
  CURL* handle = made->easy_.get();
  curl.easy_setopt(handle, CURLOPT_URL, made->url_.c_str());
  curl.easy_setopt(handle, CURLOPT_ERRORBUFFER, made->error_);
  curl.easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl.easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  curl.easy_setopt(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl.easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 1L);
  curl.easy_setopt(handle, CURLOPT_MAXREDIRS, static_cast<long>(options.max_redirects));
  curl.easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, options.connect_timeout_ms);
  curl.easy_setopt(handle, CURLOPT_TIMEOUT_MS, options.total_timeout_ms);
  curl.easy_setopt(handle, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl decodes
  curl.easy_setopt(handle, CURLOPT_USERAGENT, made->agent_.c_str());
  curl.easy_setopt(handle, CURLOPT_HTTPHEADER, made->headers_.get());
  curl.easy_setopt(handle, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_bytes));
  curl.easy_setopt(handle, CURLOPT_WRITEFUNCTION, &OnBody);
  curl.easy_setopt(handle, CURLOPT_WRITEDATA, &collected);
  curl.easy_setopt(handle, CURLOPT_HEADERFUNCTION, &OnHeader);
  curl.easy_setopt(handle, CURLOPT_HEADERDATA, &collected);
  curl.easy_setopt(handle, CURLOPT_PRIVATE, made.get());
  return made;
}

void PreparedTransfer::SetPost(std::string_view body, const std::string& content_type) {
  curl_slist* grown = curl_.slist_append(headers_.get(), ("Content-Type: " + content_type).c_str());
  if (grown != nullptr) {
    (void)headers_.release();
    headers_.reset(grown);
  }
  CURL* handle = easy_.get();
  curl_.easy_setopt(handle, CURLOPT_HTTPHEADER, headers_.get());
  curl_.easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_.easy_setopt(handle, CURLOPT_COPYPOSTFIELDS, body.data());
}

FetchOutcome PreparedTransfer::Finish(CURLcode code) {
  FetchOutcome outcome;
  CURL* handle = easy_.get();
  long status = 0;
  curl_.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
  outcome.http_status = status;
  outcome.retry_after_seconds = RetryAfterSeconds(collected_.retry_after);
  if (code != CURLE_OK) {
    TransferFailure failure = DescribeFailure(code, collected_, options_, error_, curl_);
    outcome.page = Status::Network(url_ + ": " + failure.message);
    outcome.cause = std::move(failure.cause);
    return outcome;
  }
  FetchedPage page;
  page.url = url_;
  char* effective = nullptr;
  curl_.easy_getinfo(handle, CURLINFO_EFFECTIVE_URL, &effective);
  page.final_url = effective != nullptr ? effective : url_;
  char* content_type = nullptr;
  curl_.easy_getinfo(handle, CURLINFO_CONTENT_TYPE, &content_type);
  if (content_type != nullptr) page.content_type = content_type;
  page.http_status = status;
  page.etag = std::move(collected_.etag);
  page.last_modified = std::move(collected_.last_modified);
  if (status == 304) {
    page.not_modified = true;
    outcome.page = std::move(page);
    return outcome;
  }
  if (status >= 300 && status < 400) {
    outcome.page = Status::Network(url_ + ": HTTP " + std::to_string(status) +
                                   " redirect without a Location to follow");
    outcome.cause = "HTTP " + std::to_string(status);
    return outcome;
  }
  if (status < 200 || status >= 300) {
    std::string message = url_ + ": HTTP " + std::to_string(status);
    if (!collected_.reason.empty()) message += " " + collected_.reason;
    if (page.final_url != url_) message += " (at " + page.final_url + ")";
    outcome.page = Status::Network(message);
    outcome.cause = "HTTP " + std::to_string(status);
    return outcome;
  }
  page.body = std::move(collected_.body);
  outcome.page = std::move(page);
  return outcome;
}

Result<FetchedPage> Fetch(std::string_view url, const FetchOptions& options) {
  std::string target(url);
  Result<const CurlLibrary*> loaded = Curl();
  if (!loaded.ok()) {
    if (!IsHttpUrl(target)) {
      return Status::InvalidInput(target + ": only http and https URLs can be fetched");
    }
    return Status::Network(target + ": " + loaded.status().message());
  }
  const CurlLibrary& curl = **loaded;
  Result<std::unique_ptr<PreparedTransfer>> transfer =
      PreparedTransfer::Make(curl, std::move(target), options);
  if (!transfer.ok()) return transfer.status();
  const CURLcode code = curl.easy_perform((*transfer)->handle());
  return std::move((*transfer)->Finish(code).page);
}

Result<long> PostJson(std::string_view url, std::string_view json, const FetchOptions& options) {
  std::string target(url);
  Result<const CurlLibrary*> loaded = Curl();
  if (!loaded.ok()) return Status::Network(target + ": " + loaded.status().message());
  const CurlLibrary& curl = **loaded;
  Result<std::unique_ptr<PreparedTransfer>> transfer =
      PreparedTransfer::Make(curl, std::move(target), options);
  if (!transfer.ok()) return transfer.status();
  (*transfer)->SetPost(json, "application/json");
  const CURLcode code = curl.easy_perform((*transfer)->handle());
  FetchOutcome outcome = (*transfer)->Finish(code);
  if (!outcome.page.ok()) return outcome.page.status();
  return outcome.http_status;
}

}  // namespace stet
