// A real HTTP server on 127.0.0.1 for the fetch tests (cpp-httplib, from
// Debian's libcpp-httplib-dev), started by a test and stopped at scope end.
// Routes are set by the test; every request is recorded so that tests can
// check what stet sent (User-Agent, If-None-Match, Accept-Encoding).
#ifndef STET_TESTS_TEST_HTTP_SERVER_H_
#define STET_TESTS_TEST_HTTP_SERVER_H_

#include <httplib.h>

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace stet::test {

struct RecordedRequest {
  std::string path;
  std::multimap<std::string, std::string> headers;  // names as sent
  std::string Header(const std::string& name) const;
};

class TestHttpServer {
 public:
  TestHttpServer();
  ~TestHttpServer();  // stops the server and joins its thread
  TestHttpServer(const TestHttpServer&) = delete;
  TestHttpServer& operator=(const TestHttpServer&) = delete;

  // Register routes before Start().
  httplib::Server& server() { return server_; }
  void Start();

  int port() const { return port_; }
  // "http://127.0.0.1:<port>" + path
  std::string Url(const std::string& path) const;

  std::vector<RecordedRequest> Requests();
  std::vector<RecordedRequest> RequestsTo(const std::string& path);

  // Set by the destructor; slow handlers poll it so that stopping is quick.
  bool stopping() const { return stopping_; }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::vector<RecordedRequest> requests_;
};

// Routes several tests share.
// `path` serves `page` with a Last-Modified of `modified`, and answers 304
// to a request whose If-Modified-Since is that value.
void ServeWithLastModified(TestHttpServer& site, const std::string& path, const std::string& page,
                           const std::string& modified);
// `a` redirects to `b` and `b` back to `a`.
void ServeRedirectLoop(TestHttpServer& site, const std::string& a, const std::string& b);
// `path` answers only when the server stops: a fetch of it that returns
// while the server runs gave up on its own.
void ServeSlowly(TestHttpServer& site, const std::string& path, const std::string& page);

// A news page whose body is `paragraphs` (each a <p>), with the usual
// boilerplate around it; `head` is put into <head> (a canonical link, a
// meta charset), `extra` into the article after the paragraphs.
std::string NewsPage(const std::string& title, const std::vector<std::string>& paragraphs,
                     const std::string& head = "", const std::string& extra = "");

// `data` compressed with gzip (zlib), for a Content-Encoding: gzip response.
std::string Gzip(const std::string& data);

}  // namespace stet::test

#endif  // STET_TESTS_TEST_HTTP_SERVER_H_
