#include "news_site.h"

#include <chrono>
#include <thread>

namespace stet::test {

NewsSite::NewsSite() {
  server_.server().Get(".*", [this](const httplib::Request& request, httplib::Response& response) {
    Answer(request, response);
  });
  server_.Start();
}

void NewsSite::SetArticle(const std::string& path, const std::vector<std::string>& paragraphs,
                          bool etag) {
  std::lock_guard<std::mutex> lock(mutex_);
  Page& page = pages_[path];
  page.body = NewsPage("Story at " + path, paragraphs);
  page.etag = etag ? "\"v" + std::to_string(++etag_serial_) + "\"" : "";
}

void NewsSite::SetArticleVersion(const std::string& path, int version, bool etag) {
  const std::string n = std::to_string(version);
  SetArticle(path,
             {"The council of the town named by " + path + " approved a budget of " +
                  std::to_string(10 + version) + " million dollars on Tuesday, officials said.",
              "\"We will finish the bridge before the winter,\" said Mayor Ana Ruiz, who has led "
              "the town since 2019 and spoke to reporters outside the hall in revision " +
                  n + "."},
             etag);
}

void NewsSite::AddFeedItem(const std::string& path, bool atom) {
  std::lock_guard<std::mutex> lock(mutex_);
  (atom ? atom_items_ : rss_items_).push_back(path);
}

void NewsSite::SetRobots(const std::string& text) {
  std::lock_guard<std::mutex> lock(mutex_);
  robots_ = text;
}

void NewsSite::FailArticles(int status, const std::string& retry_after) {
  std::lock_guard<std::mutex> lock(mutex_);
  fail_status_ = status;
  retry_after_ = retry_after;
}

long NewsSite::RequestsUnder(const std::string& prefix) {
  long count = 0;
  for (const RecordedRequest& request : server_.Requests()) {
    if (request.path.rfind(prefix, 0) == 0) ++count;
  }
  return count;
}

std::string NewsSite::Feed(bool atom) {
  std::string feed;
  if (atom) {
    feed = "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>";
    for (const std::string& path : atom_items_) {
      feed += "<entry><title>" + path + "</title><link rel=\"alternate\" href=\"" + Url(path) +
              "\"/></entry>";
    }
    return feed + "</feed>\n";
  }
  feed = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>T</title>";
  for (const std::string& path : rss_items_) {
    feed += "<item><title>" + path + "</title><link>" + Url(path) + "</link></item>";
  }
  return feed + "</channel></rss>\n";
}

void NewsSite::Answer(const httplib::Request& request, httplib::Response& response) {
  if (delay_ms_ > 0) std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms_));
  std::lock_guard<std::mutex> lock(mutex_);
  if (request.path == "/robots.txt") {
    if (robots_.empty()) {
      response.status = 404;
      return;
    }
    response.set_content(robots_, "text/plain");
    return;
  }
  if (request.path == "/rss.xml" || request.path == "/atom.xml") {
    const bool atom = request.path == "/atom.xml";
    response.set_content(Feed(atom), atom ? "application/atom+xml" : "application/rss+xml");
    return;
  }
  auto found = pages_.find(request.path);
  if (found == pages_.end()) {
    response.status = 404;
    return;
  }
  if (fail_status_ != 0) {
    response.status = fail_status_;
    if (!retry_after_.empty()) response.set_header("Retry-After", retry_after_);
    response.set_content("unavailable", "text/plain");
    return;
  }
  const Page& page = found->second;
  if (!page.etag.empty()) {
    response.set_header("ETag", page.etag);
    if (request.get_header_value("If-None-Match") == page.etag) {
      ++not_modified_;
      response.status = 304;
      return;
    }
  }
  response.set_content(page.body, "text/html; charset=utf-8");
}

}  // namespace stet::test
