// A small news site on 127.0.0.1 for the scheduling tests: articles whose
// text a test changes between passes, an RSS and an Atom feed, robots.txt,
// validators (ETag) for the articles that want them, and a switch that makes
// every article answer an error (a host in trouble). Built on
// TestHttpServer, so every request is recorded.
#ifndef STET_TESTS_NEWS_SITE_H_
#define STET_TESTS_NEWS_SITE_H_

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "test_http_server.h"

namespace stet::test {

class NewsSite {
 public:
  NewsSite();  // started

  // Serves `path` as an article with `paragraphs`; with `etag` it sends an
  // ETag and answers 304 to a request that names it.
  void SetArticle(const std::string& path, const std::vector<std::string>& paragraphs,
                  bool etag = true);
  // Two paragraphs that differ for each (path, version).
  void SetArticleVersion(const std::string& path, int version, bool etag = true);
  // Lists `path` in the RSS (`atom` false) or Atom feed.
  void AddFeedItem(const std::string& path, bool atom);
  void SetRobots(const std::string& text);
  // From now on every article answers `status` (0: normally again), with
  // Retry-After when `retry_after` is not empty.
  void FailArticles(int status, const std::string& retry_after = "");
  // Every answer waits this long first (for tests that kill a pass mid-way).
  void SetDelayMs(int ms) { delay_ms_ = ms; }

  std::string Url(const std::string& path) const { return server_.Url(path); }
  std::string Host() const { return "127.0.0.1:" + std::to_string(server_.port()); }
  std::vector<RecordedRequest> Requests() { return server_.Requests(); }
  // Requests to paths starting with `prefix`.
  long RequestsUnder(const std::string& prefix);
  long not_modified() const { return not_modified_; }

 private:
  struct Page {
    std::string body;
    std::string etag;  // "" when the page sends none
  };
  void Answer(const httplib::Request& request, httplib::Response& response);
  std::string Feed(bool atom);

  TestHttpServer server_;
  std::mutex mutex_;
  std::map<std::string, Page> pages_;
  std::vector<std::string> rss_items_, atom_items_;
  std::string robots_;
  int fail_status_ = 0;
  std::string retry_after_;
  std::atomic<int> delay_ms_{0};
  std::atomic<long> not_modified_{0};
  int etag_serial_ = 0;
};

}  // namespace stet::test

#endif  // STET_TESTS_NEWS_SITE_H_
