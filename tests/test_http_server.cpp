#include "test_http_server.h"

#include <zlib.h>

#include <chrono>
#include <stdexcept>

namespace stet::test {

std::string RecordedRequest::Header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (strcasecmp(key.c_str(), name.c_str()) == 0) return value;
  }
  return "";
}

TestHttpServer::TestHttpServer() {
  // Recorded before the route runs, so a test sees a request as soon as
  // its response arrives.
  server_.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response&) {
    std::lock_guard<std::mutex> lock(mutex_);
    RecordedRequest recorded;
    recorded.path = request.path;
    for (const auto& [key, value] : request.headers) recorded.headers.emplace(key, value);
    requests_.push_back(std::move(recorded));
    return httplib::Server::HandlerResponse::Unhandled;
  });
}

TestHttpServer::~TestHttpServer() {
  stopping_ = true;
  server_.stop();
  if (thread_.joinable()) thread_.join();
}

void TestHttpServer::Start() {
  port_ = server_.bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("test server: cannot bind 127.0.0.1");
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  // stop() only stops a server that is running; wait until it is, so that a
  // test ending at once cannot leave the thread in accept() forever.
  while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

std::string TestHttpServer::Url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

std::vector<RecordedRequest> TestHttpServer::Requests() {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

std::vector<RecordedRequest> TestHttpServer::RequestsTo(const std::string& path) {
  std::vector<RecordedRequest> out;
  for (RecordedRequest& request : Requests()) {
    if (request.path == path) out.push_back(std::move(request));
  }
  return out;
}

void ServeWithLastModified(TestHttpServer& site, const std::string& path, const std::string& page,
                           const std::string& modified) {
  site.server().Get(path,
                    [page, modified](const httplib::Request& request, httplib::Response& response) {
                      if (request.get_header_value("If-Modified-Since") == modified) {
                        response.status = 304;
                        return;
                      }
                      response.set_header("Last-Modified", modified);
                      response.set_content(page, "text/html");
                    });
}

void ServeRedirectLoop(TestHttpServer& site, const std::string& a, const std::string& b) {
  site.server().Get(a, [b](const httplib::Request&, httplib::Response& response) {
    response.set_redirect(b, 301);
  });
  site.server().Get(b, [a](const httplib::Request&, httplib::Response& response) {
    response.set_redirect(a, 302);
  });
}

void ServeSlowly(TestHttpServer& site, const std::string& path, const std::string& page) {
  site.server().Get(path, [&site, page](const httplib::Request&, httplib::Response& response) {
    // Until the server stops (60 s at most, so that a fetch that never
    // gives up fails its test rather than hanging it).
    for (int i = 0; i < 600 && !site.stopping(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    response.set_content(page, "text/html");
  });
}

std::string NewsPage(const std::string& title, const std::vector<std::string>& paragraphs,
                     const std::string& head, const std::string& extra) {
  std::string page = "<!DOCTYPE html>\n<html lang=\"en\"><head><title>" + title +
                     " | The Example Times</title>\n" + head +
                     "</head>\n<body>\n"
                     "<header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> "
                     "<a href=\"/politics\">Politics</a></nav></header>\n"
                     "<main><article>\n<h1>" +
                     title + "</h1>\n";
  for (const std::string& paragraph : paragraphs) page += "<p>" + paragraph + "</p>\n";
  page += extra;
  page +=
      "</article></main>\n"
      "<footer><p>Copyright 2025 The Example Times. All rights reserved.</p></footer>\n"
      "</body></html>\n";
  return page;
}

std::string Gzip(const std::string& data) {
  z_stream stream{};
  if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    throw std::runtime_error("gzip: deflateInit2 failed");
  }
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&stream, Z_FINISH);
  deflateEnd(&stream);
  if (rc != Z_STREAM_END) throw std::runtime_error("gzip: deflate failed");
  out.resize(stream.total_out);
  return out;
}

}  // namespace stet::test
