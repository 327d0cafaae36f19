// Fetching against a real HTTP server on 127.0.0.1 (test_http_server.h):
// status codes, conditional requests, redirects, limits and encodings.
#include "stet/fetch.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <thread>

#include "stet/charset.h"
#include "test_http_server.h"

using stet::test::Gzip;
using stet::test::NewsPage;
using stet::test::TestHttpServer;

namespace {

const std::string kPage = NewsPage("Talks resume", {"The talks resumed on Monday."});

}  // namespace

TEST_CASE("Fetch returns the body status and validators of a 200") {
  TestHttpServer site;
  site.server().Get("/story", [](const httplib::Request&, httplib::Response& response) {
    response.set_header("ETag", "\"v1\"");
    response.set_header("Last-Modified", "Thu, 13 Feb 2025 14:05:00 GMT");
    response.set_content(kPage, "text/html; charset=utf-8");
  });
  site.Start();
  stet::Result<stet::FetchedPage> page = stet::Fetch(site.Url("/story"));
  REQUIRE(page.ok());
  CHECK(page->http_status == 200);
  CHECK_FALSE(page->not_modified);
  CHECK(page->body == kPage);
  CHECK(page->etag == "\"v1\"");
  CHECK(page->last_modified == "Thu, 13 Feb 2025 14:05:00 GMT");
  CHECK(page->content_type == "text/html; charset=utf-8");
  CHECK(page->final_url == site.Url("/story"));
  const auto requests = site.RequestsTo("/story");
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].Header("User-Agent").rfind("stet/", 0) == 0);
  CHECK(requests[0].Header("If-None-Match").empty());
}

TEST_CASE("Fetch sends If-None-Match and reports a 304") {
  TestHttpServer site;
  site.server().Get("/story", [](const httplib::Request& request, httplib::Response& response) {
    if (request.get_header_value("If-None-Match") == "\"v1\"") {
      response.status = 304;
      return;
    }
    response.set_header("ETag", "\"v1\"");
    response.set_content(kPage, "text/html");
  });
  site.Start();
  stet::FetchOptions options;
  options.if_none_match = "\"v1\"";
  stet::Result<stet::FetchedPage> page = stet::Fetch(site.Url("/story"), options);
  REQUIRE(page.ok());
  CHECK(page->not_modified);
  CHECK(page->http_status == 304);
  CHECK(page->body.empty());
  options.if_none_match = "\"v0\"";
  page = stet::Fetch(site.Url("/story"), options);
  REQUIRE(page.ok());
  CHECK_FALSE(page->not_modified);
}

TEST_CASE("Fetch sends If-Modified-Since and reports a 304") {
  TestHttpServer site;
  const std::string modified = "Thu, 13 Feb 2025 14:05:00 GMT";
  stet::test::ServeWithLastModified(site, "/story", kPage, modified);
  site.Start();
  stet::FetchOptions options;
  options.if_modified_since = modified;
  stet::Result<stet::FetchedPage> page = stet::Fetch(site.Url("/story"), options);
  REQUIRE(page.ok());
  CHECK(page->not_modified);
  CHECK(site.RequestsTo("/story").at(0).Header("If-None-Match").empty());
}

TEST_CASE("Fetch follows a 301 then 302 chain to the final URL") {
  TestHttpServer site;
  site.server().Get("/old", [](const httplib::Request&, httplib::Response& response) {
    response.set_redirect("/moved", 301);
  });
  site.server().Get("/moved", [](const httplib::Request&, httplib::Response& response) {
    response.set_redirect("/story", 302);
  });
  site.server().Get("/story", [](const httplib::Request&, httplib::Response& response) {
    response.set_header("ETag", "\"final\"");
    response.set_content(kPage, "text/html");
  });
  site.Start();
  stet::Result<stet::FetchedPage> page = stet::Fetch(site.Url("/old"));
  REQUIRE(page.ok());
  CHECK(page->url == site.Url("/old"));
  CHECK(page->final_url == site.Url("/story"));
  CHECK(page->etag == "\"final\"");  // the last response's, not a redirect's
  CHECK(page->body == kPage);
}

TEST_CASE("Fetch reports a redirect loop and too many redirects") {
  TestHttpServer site;
  stet::test::ServeRedirectLoop(site, "/a", "/b");
  site.server().Get(
      R"(/hop/(\d+))", [](const httplib::Request& request, httplib::Response& response) {
        response.set_redirect("/hop/" + std::to_string(std::stoi(request.matches[1]) + 1), 302);
      });
  site.Start();
  stet::Result<stet::FetchedPage> loop = stet::Fetch(site.Url("/a"));
  REQUIRE_FALSE(loop.ok());
  CHECK(loop.status().code() == stet::Status::Code::kNetwork);
  CHECK(loop.status().message().rfind(site.Url("/a") + ": redirect loop", 0) == 0);
  stet::FetchOptions options;
  options.max_redirects = 3;
  stet::Result<stet::FetchedPage> chain = stet::Fetch(site.Url("/hop/0"), options);
  REQUIRE_FALSE(chain.ok());
  CHECK(chain.status().message() == site.Url("/hop/0") + ": more than 3 redirects");
}

TEST_CASE("Fetch reports HTTP errors with their status line") {
  TestHttpServer site;
  site.server().Get("/broken", [](const httplib::Request&, httplib::Response& response) {
    response.status = 500;
    response.set_content("oops", "text/plain");
  });
  site.Start();
  stet::Result<stet::FetchedPage> missing = stet::Fetch(site.Url("/missing"));
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == stet::Status::Code::kNetwork);
  CHECK(missing.status().message() == site.Url("/missing") + ": HTTP 404 Not Found");
  stet::Result<stet::FetchedPage> broken = stet::Fetch(site.Url("/broken"));
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.status().message() == site.Url("/broken") + ": HTTP 500 Internal Server Error");
}

TEST_CASE("Fetch gives up on a server slower than the timeout") {
  TestHttpServer site;
  stet::test::ServeSlowly(site, "/slow", kPage);
  site.Start();
  stet::FetchOptions options;
  options.total_timeout_ms = 500;
  // The server never answers while it runs: Fetch returning at all, with
  // this error, is it giving up (no clock needed).
  stet::Result<stet::FetchedPage> page = stet::Fetch(site.Url("/slow"), options);
  REQUIRE_FALSE(page.ok());
  CHECK(page.status().code() == stet::Status::Code::kNetwork);
  CHECK(page.status().message() == site.Url("/slow") + ": timed out (limit 500 ms)");
  CHECK(site.RequestsTo("/slow").size() == 1);
}

TEST_CASE("Fetch refuses a body over the size cap with or without Content-Length") {
  TestHttpServer site;
  const std::string big(300 * 1024, 'x');
  site.server().Get("/big", [&](const httplib::Request&, httplib::Response& response) {
    response.set_content(big, "text/html");
  });
  site.server().Get("/streamed", [&](const httplib::Request&, httplib::Response& response) {
    response.set_chunked_content_provider("text/html", [&](size_t offset, httplib::DataSink& sink) {
      if (offset >= big.size()) {
        sink.done();
        return true;
      }
      sink.write(big.data() + offset, std::min<size_t>(64 * 1024, big.size() - offset));
      return true;
    });
  });
  // A gzip bomb: small on the wire, over the cap once decoded.
  const std::string bomb = Gzip(std::string(2 * 1024 * 1024, ' '));
  site.server().Get("/bomb", [&](const httplib::Request&, httplib::Response& response) {
    response.set_header("Content-Encoding", "gzip");
    response.set_content(bomb, "text/html");
  });
  site.Start();
  stet::FetchOptions options;
  options.max_bytes = 100 * 1024;
  for (const char* path : {"/big", "/streamed", "/bomb"}) {
    stet::Result<stet::FetchedPage> page = stet::Fetch(site.Url(path), options);
    REQUIRE_FALSE(page.ok());
    CHECK(page.status().message() == site.Url(path) + ": page larger than the 100 KiB limit");
  }
}

TEST_CASE("Fetch decodes a gzip body and asks for compression") {
  TestHttpServer site;
  site.server().Get("/story", [](const httplib::Request&, httplib::Response& response) {
    response.set_header("Content-Encoding", "gzip");
    response.set_content(Gzip(kPage), "text/html");
  });
  site.Start();
  stet::Result<stet::FetchedPage> page = stet::Fetch(site.Url("/story"));
  REQUIRE(page.ok());
  CHECK(page->body == kPage);
  CHECK(site.RequestsTo("/story").at(0).Header("Accept-Encoding").find("gzip") !=
        std::string::npos);
}

TEST_CASE("Fetch refuses other schemes and reports an unreachable port") {
  stet::Result<stet::FetchedPage> file = stet::Fetch("file:///etc/passwd");
  REQUIRE_FALSE(file.ok());
  CHECK(file.status().code() == stet::Status::Code::kInvalidInput);
  CHECK(file.status().message() == "file:///etc/passwd: only http and https URLs can be fetched");
  // A port bound (by the kernel's choice) but not listening refuses
  // connections; holding it open means no other test can take it meanwhile.
  const int socket = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(socket >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  REQUIRE(::bind(socket, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  socklen_t length = sizeof address;
  REQUIRE(::getsockname(socket, reinterpret_cast<sockaddr*>(&address), &length) == 0);
  const std::string url = "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/story";
  stet::Result<stet::FetchedPage> refused = stet::Fetch(url);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().code() == stet::Status::Code::kNetwork);
  CHECK(refused.status().message().rfind(url + ": cannot connect", 0) == 0);
  ::close(socket);
}

TEST_CASE("HtmlToUtf8 reads the charset from the header the meta tag or a BOM") {
  const std::string latin1 = "<p>caf\xE9 \x93quoted\x94</p>";
  stet::Result<stet::DecodedPage> header = stet::HtmlToUtf8(latin1, "ISO-8859-1");
  REQUIRE(header.ok());
  // ISO-8859-1 is read as windows-1252, as browsers do: 0x93/0x94 are curly quotes.
  CHECK(header->utf8 == "<p>caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D</p>");
  CHECK(header->charset == "windows-1252");
  const std::string meta = "<html><head><meta charset=\"iso-8859-1\"></head>" + latin1;
  stet::Result<stet::DecodedPage> from_meta = stet::HtmlToUtf8(meta);
  REQUIRE(from_meta.ok());
  CHECK(from_meta->utf8.find("caf\xC3\xA9") != std::string::npos);
  const std::string http_equiv =
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">\xCC\xE8\xF0";
  stet::Result<stet::DecodedPage> cyrillic = stet::HtmlToUtf8(http_equiv);
  REQUIRE(cyrillic.ok());
  CHECK(cyrillic->utf8.find("\xD0\x9C\xD0\xB8\xD1\x80") != std::string::npos);  // Мир
  stet::Result<stet::DecodedPage> bom = stet::HtmlToUtf8("\xEF\xBB\xBF<p>caf\xC3\xA9</p>", "");
  REQUIRE(bom.ok());
  CHECK(bom->utf8 == "<p>caf\xC3\xA9</p>");
  // No declaration: UTF-8 when valid, else windows-1252.
  CHECK(stet::HtmlToUtf8("<p>caf\xC3\xA9</p>")->charset == "UTF-8");
  CHECK(stet::HtmlToUtf8(latin1)->charset == "windows-1252");
  // The header wins over the page; an unknown label is ignored.
  CHECK(stet::HtmlToUtf8(meta, "utf-8")->charset == "UTF-8");
  CHECK(stet::HtmlToUtf8("<p>caf\xC3\xA9</p>", "no-such-charset")->charset == "UTF-8");
  // A declaration after the first 1024 bytes (a web archive's scripts come
  // first) is followed when the bytes are not UTF-8, as a browser re-decodes.
  const std::string scripts =
      "<html><head><script src=\"/_static/playback.js\" "
      "charset=\"utf-8\"></script>" +
      std::string(2000, ' ');
  const std::string late = scripts +
                           "<meta http-equiv=\"Content-Type\" content=\"text/html; "
                           "charset=windows-1250\"></head><p>Sejm zag\xB3osowa\xB3</p>";
  stet::Result<stet::DecodedPage> polish = stet::HtmlToUtf8(late);
  REQUIRE(polish.ok());
  CHECK(polish->charset == "windows-1250");
  CHECK(polish->utf8.find("Sejm zag\xC5\x82osowa\xC5\x82") != std::string::npos);  // ł
  const std::string late_but_utf8 =
      scripts + "<meta charset=\"iso-8859-1\"></head><p>caf\xC3\xA9</p>";
  CHECK(stet::HtmlToUtf8(late_but_utf8)->charset == "UTF-8");
  // A <meta> naming UTF-16 (the page says it in ASCII, so it is not) or an
  // unknown label is passed over, and the search goes on.
  const std::string utf16_meta = "\n<meta charset=\"utf-16\"><p>caf\xE9</p>";
  CHECK(stet::HtmlToUtf8(utf16_meta)->charset == "windows-1252");
  CHECK(stet::HtmlToUtf8(utf16_meta)->utf8.find("caf\xC3\xA9") != std::string::npos);
  CHECK(stet::HtmlToUtf8(scripts + "<meta charset=\"x-bogus\"><meta charset=\"utf-16le\">"
                                   "<meta charset=\"windows-1250\"><p>zag\xB3osowa\xB3</p>")
            ->charset == "windows-1250");
  CHECK(stet::CharsetOfContentType("text/html; charset=\"ISO-8859-1\"") == "ISO-8859-1");
  CHECK(stet::CharsetOfContentType("text/html").empty());
}

TEST_CASE("a byte order mark decides the encoding, in its own byte order, over the header") {
  // "<p>café</p>" in UTF-16LE and UTF-16BE, each with its mark.
  const std::string text = "<p>caf\xC3\xA9</p>";
  std::string little = "\xFF\xFE", big = "\xFE\xFF";
  for (char c : std::string("<p>caf")) {
    little += c, little += '\0';
    big += '\0', big += c;
  }
  little += "\xE9";
  little += '\0';
  big += '\0';
  big += "\xE9";
  for (char c : std::string("</p>")) {
    little += c, little += '\0';
    big += '\0', big += c;
  }
  for (const auto& [bytes, charset] : {std::pair{little, "UTF-16LE"}, std::pair{big, "UTF-16BE"}}) {
    // The header names another encoding: the mark wins, as in a browser.
    const stet::Result<stet::DecodedPage> page = stet::HtmlToUtf8(bytes, "windows-1252");
    REQUIRE(page.ok());
    CHECK(page->utf8 == text);
    CHECK(page->charset == charset);
  }
  const stet::Result<stet::DecodedPage> utf8 =
      stet::HtmlToUtf8("\xEF\xBB\xBF<p>caf\xC3\xA9</p>", "windows-1252");
  REQUIRE(utf8.ok());
  CHECK(utf8->utf8 == text);
}
