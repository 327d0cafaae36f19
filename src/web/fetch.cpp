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

namespace stet {
namespace {

// What the callbacks collect during one transfer.
struct Transfer {
  std::size_t max_bytes = 0;
  bool over_cap = false;
  std::string body;
  std::string reason;  // of the last status line: "Not Found"
  std::string etag;
  std::string last_modified;
  // The URL asked for, then every redirect target made absolute, in order.
  std::vector<std::string> hops;
  const CurlLibrary* curl = nullptr;
};

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

std::string_view TrimSpace(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  return text;
}

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const size_t bytes = size * count;
  if (transfer->body.size() + bytes > transfer->max_bytes) {
    transfer->over_cap = true;
    return 0;  // makes libcurl stop with CURLE_WRITE_ERROR
  }
  transfer->body.append(data, bytes);
  return bytes;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const size_t bytes = size * count;
  const std::string_view line = TrimSpace(std::string_view(data, bytes));
  if (line.rfind("HTTP/", 0) == 0) {
    // A new response of the chain: its headers replace the last one's.
    transfer->etag.clear();
    transfer->last_modified.clear();
    transfer->reason.clear();
    const std::size_t code = line.find(' ');
    const std::size_t reason = code == std::string_view::npos ? code : line.find(' ', code + 1);
    if (reason != std::string_view::npos) transfer->reason = TrimSpace(line.substr(reason + 1));
    return bytes;
  }
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return bytes;
  const std::string name = AsciiLower(TrimSpace(line.substr(0, colon)));
  const std::string_view value = TrimSpace(line.substr(colon + 1));
  if (name == "etag") transfer->etag = value;
  if (name == "last-modified") transfer->last_modified = value;
  if (name == "location" && !transfer->hops.empty()) {
    transfer->hops.push_back(Resolve(*transfer->curl, transfer->hops.back(), std::string(value)));
  }
  return bytes;
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

// The message for a failed transfer, in words a user can act on.
std::string TransferError(CURLcode code, const Transfer& transfer, const FetchOptions& options,
                          const char* detail, const CurlLibrary& curl) {
  switch (code) {
    case CURLE_WRITE_ERROR:
    case CURLE_FILESIZE_EXCEEDED:
      if (transfer.over_cap || code == CURLE_FILESIZE_EXCEEDED)
        return "page larger than the " + SizeText(options.max_bytes) + " limit";
      break;
    case CURLE_OPERATION_TIMEDOUT:
      return "timed out (limit " + SecondsText(options.total_timeout_ms) + ")";
    case CURLE_TOO_MANY_REDIRECTS: {
      const auto& hops = transfer.hops;
      for (std::size_t i = 0; i < hops.size(); ++i) {
        if (std::find(hops.begin() + static_cast<std::ptrdiff_t>(i) + 1, hops.end(), hops[i]) !=
            hops.end()) {
          return "redirect loop (" + hops[i] + " is reached again)";
        }
      }
      return "more than " + std::to_string(options.max_redirects) + " redirects";
    }
    case CURLE_COULDNT_RESOLVE_HOST:
      return "cannot resolve the host";
    case CURLE_COULDNT_CONNECT:
      return "cannot connect" + (detail[0] ? ": " + std::string(detail) : std::string());
    case CURLE_UNSUPPORTED_PROTOCOL:
      // Also what libcurl says of an answer that is not HTTP at all (it
      // refuses HTTP/0.9, whose "answer" is any bytes).
      if (std::string_view(detail).find("HTTP/0.9") != std::string_view::npos) {
        return "the server's answer is not HTTP";
      }
      if (transfer.hops.size() > 1) return "redirected to a scheme other than http or https";
      break;
    default:
      break;
  }
  return detail[0] ? std::string(detail) : std::string(curl.easy_strerror(code));
}

}  // namespace

bool IsHttpUrl(std::string_view text) {
  const std::string lower = AsciiLower(text.substr(0, 8));
  return lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0;
}

std::string DefaultUserAgent() {
  return "stet/0.1 (+https://github.com/stet-news/stet)";
}

Result<FetchedPage> Fetch(std::string_view url, const FetchOptions& options) {
  const std::string target(url);
  if (!IsHttpUrl(target)) {
    return Status::InvalidInput(target + ": only http and https URLs can be fetched");
  }
  // A line break in a header value would end it and start another header.
  for (const std::string* value :
       {&options.user_agent, &options.if_none_match, &options.if_modified_since}) {
    if (std::any_of(value->begin(), value->end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; })) {
      return Status::InvalidInput(target + ": a header value holds a control character");
    }
  }
  Result<const CurlLibrary*> loaded = Curl();
  if (!loaded.ok()) return Status::Network(target + ": " + loaded.status().message());
  const CurlLibrary& curl = **loaded;
  CurlEasyPtr easy(curl.easy_init(), CurlFree<CURL>{&curl});
  if (!easy) return Status::Network(target + ": libcurl could not start a transfer");

  Transfer transfer;
  transfer.max_bytes = options.max_bytes;
  transfer.curl = &curl;
  transfer.hops.push_back(target);
  char error[CURL_ERROR_SIZE] = {};
  const std::string agent = options.user_agent.empty() ? DefaultUserAgent() : options.user_agent;
  CurlListPtr headers(nullptr, CurlFree<curl_slist>{&curl});
  auto add_header = [&](const std::string& line) {
    curl_slist* grown = curl.slist_append(headers.get(), line.c_str());
    if (grown != nullptr) {
      (void)headers.release();
      headers.reset(grown);
    }
  };
  add_header("Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.5");
  if (!options.if_none_match.empty()) add_header("If-None-Match: " + options.if_none_match);
  if (!options.if_modified_since.empty())
    add_header("If-Modified-Since: " + options.if_modified_since);

  CURL* handle = easy.get();
  curl.easy_setopt(handle, CURLOPT_URL, target.c_str());
  curl.easy_setopt(handle, CURLOPT_ERRORBUFFER, error);
  curl.easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl.easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  curl.easy_setopt(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl.easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 1L);
  curl.easy_setopt(handle, CURLOPT_MAXREDIRS, static_cast<long>(options.max_redirects));
  curl.easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, options.connect_timeout_ms);
  curl.easy_setopt(handle, CURLOPT_TIMEOUT_MS, options.total_timeout_ms);
  curl.easy_setopt(handle, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl decodes
  curl.easy_setopt(handle, CURLOPT_USERAGENT, agent.c_str());
  curl.easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());
  curl.easy_setopt(handle, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_bytes));
  curl.easy_setopt(handle, CURLOPT_WRITEFUNCTION, &OnBody);
  curl.easy_setopt(handle, CURLOPT_WRITEDATA, &transfer);
  curl.easy_setopt(handle, CURLOPT_HEADERFUNCTION, &OnHeader);
  curl.easy_setopt(handle, CURLOPT_HEADERDATA, &transfer);

  const CURLcode code = curl.easy_perform(handle);
  if (code != CURLE_OK) {
    return Status::Network(target + ": " + TransferError(code, transfer, options, error, curl));
  }
  FetchedPage page;
  page.url = target;
  long status = 0;
  curl.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
  char* effective = nullptr;
  curl.easy_getinfo(handle, CURLINFO_EFFECTIVE_URL, &effective);
  page.final_url = effective != nullptr ? effective : target;
  char* content_type = nullptr;
  curl.easy_getinfo(handle, CURLINFO_CONTENT_TYPE, &content_type);
  if (content_type != nullptr) page.content_type = content_type;
  page.http_status = status;
  page.etag = std::move(transfer.etag);
  page.last_modified = std::move(transfer.last_modified);
  if (status == 304) {
    page.not_modified = true;
    return page;
  }
  if (status >= 300 && status < 400) {
    return Status::Network(target + ": HTTP " + std::to_string(status) +
                           " redirect without a Location to follow");
  }
  if (status < 200 || status >= 300) {
    std::string message = target + ": HTTP " + std::to_string(status);
    if (!transfer.reason.empty()) message += " " + transfer.reason;
    if (page.final_url != target) message += " (at " + page.final_url + ")";
    return Status::Network(message);
  }
  page.body = std::move(transfer.body);
  return page;
}

}  // namespace stet
