// One HTTP transfer as both Fetch (one at a time) and FetchMany (many
// through libcurl's multi interface) run it: the easy handle set up with
// every bound of FetchOptions, and the response read back into a
// FetchedPage or an error in words a user can act on.
#ifndef STET_SRC_WEB_TRANSFER_H_
#define STET_SRC_WEB_TRANSFER_H_

#include <memory>
#include <string>
#include <vector>

#include "base/curl_library.h"
#include "stet/fetch.h"

namespace stet {

class PreparedTransfer {
 public:
  // A handle ready to perform a GET of `url`. Fails with kInvalidInput for
  // a URL that is not http(s) or a header value with a control character,
  // kNetwork when libcurl cannot start a transfer.
  static Result<std::unique_ptr<PreparedTransfer>> Make(const CurlLibrary& curl, std::string url,
                                                        const FetchOptions& options);

  CURL* handle() const { return easy_.get(); }

  // Makes the request a POST of `body` as `content_type`.
  void SetPost(std::string_view body, const std::string& content_type);

  // What the transfer gave, once libcurl reports `code` for it.
  FetchOutcome Finish(CURLcode code);

  // The bytes collected by the callbacks; public for them, not for callers.
  struct Collected {
    std::size_t max_bytes = 0;
    bool over_cap = false;
    std::string body;
    std::string reason;  // of the last status line: "Not Found"
    std::string etag;
    std::string last_modified;
    std::string retry_after;
    // The URL asked for, then every redirect target made absolute, in order.
    std::vector<std::string> hops;
    const CurlLibrary* curl = nullptr;
  };

 private:
  PreparedTransfer(const CurlLibrary& curl, std::string url, const FetchOptions& options);

  const CurlLibrary& curl_;
  std::string url_;
  FetchOptions options_;
  std::string agent_;
  CurlEasyPtr easy_;
  CurlListPtr headers_;
  Collected collected_;
  char error_[CURL_ERROR_SIZE] = {};
};

}  // namespace stet

#endif  // STET_SRC_WEB_TRANSFER_H_
