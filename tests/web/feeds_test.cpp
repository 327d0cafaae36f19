// Feeds: RSS 2.0, RSS 1.0 (RDF), Atom, news sitemaps and sitemap indexes,
// the feeds a home page names, and what is not a feed.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "stet/feeds.h"
#include "test_http_server.h"
#include "test_support.h"

namespace {

std::vector<std::string> Urls(const stet::Feed& feed) {
  std::vector<std::string> urls;
  for (const stet::FeedItem& item : feed.items) urls.push_back(item.url);
  return urls;
}

stet::Feed Parsed(const std::string& xml,
                  const std::string& url = "https://news.example.com/feed") {
  stet::Result<stet::Feed> feed = stet::ParseFeed(xml, url);
  REQUIRE(feed.ok());
  return std::move(*feed);
}

}  // namespace

TEST_CASE("feeds: RSS 2.0 items by link, else a permalink guid", "[feeds]") {
  const stet::Feed feed = Parsed(R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
  <title>World</title><link>https://news.example.com/</link>
  <item><title>Talks resume</title><link>https://news.example.com/world/talks</link>
    <pubDate>Thu, 13 Feb 2025 14:05:00 GMT</pubDate></item>
  <item><title><![CDATA[Flood & storm]]></title><guid>https://news.example.com/world/flood</guid>
    <dc:date>2025-02-13T15:00:00Z</dc:date></item>
  <item><title>No link</title><guid isPermaLink="false">tag:example,2025:3</guid></item>
  <item><title>Relative</title><link>/world/relative?utm_source=rss</link></item>
  <item><title>Again</title><link>https://news.example.com/world/talks</link></item>
  <item><title>Mail</title><link>mailto:desk@example.com</link></item>
  <item><title>Shouted</title><link>HTTPS://news.example.com/world/shouted</link></item>
</channel></rss>)");
  CHECK(feed.format == "rss");
  // A scheme in capitals is the same scheme, written in lower case.
  CHECK(Urls(feed) ==
        std::vector<std::string>{"https://news.example.com/world/talks",
                                 "https://news.example.com/world/flood",
                                 "https://news.example.com/world/relative?utm_source=rss",
                                 "https://news.example.com/world/shouted"});
  CHECK(feed.items[0].title == "Talks resume");
  CHECK(feed.items[0].published == "Thu, 13 Feb 2025 14:05:00 GMT");
  CHECK(feed.items[1].title == "Flood & storm");
  CHECK(feed.items[1].published == "2025-02-13T15:00:00Z");
}

TEST_CASE("feeds: RSS 1.0 (RDF) and Atom", "[feeds]") {
  const stet::Feed rdf = Parsed(R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://news.example.com/"><title>World</title></channel>
  <item rdf:about="https://news.example.com/a"><title>A</title><link>https://news.example.com/a</link>
    <dc:date>2025-02-13T14:05:00Z</dc:date></item>
  <item rdf:about="https://news.example.com/b"><title>B</title></item>
</rdf:RDF>)");
  CHECK(rdf.format == "rdf");
  CHECK(Urls(rdf) ==
        std::vector<std::string>{"https://news.example.com/a", "https://news.example.com/b"});
  CHECK(rdf.items[0].published == "2025-02-13T14:05:00Z");

  const stet::Feed atom = Parsed(R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>World</title>
  <entry><title>Talks</title>
    <link rel="self" href="https://news.example.com/api/1"/>
    <link rel="alternate" type="text/html" href="https://news.example.com/world/talks"/>
    <published>2025-02-13T14:05:00Z</published><updated>2025-02-14T09:00:00Z</updated></entry>
  <entry><title>Flood</title><link href="/world/flood"/><updated>2025-02-14T10:00:00Z</updated></entry>
</feed>)");
  CHECK(atom.format == "atom");
  CHECK(Urls(atom) == std::vector<std::string>{"https://news.example.com/world/talks",
                                               "https://news.example.com/world/flood"});
  CHECK(atom.items[0].published == "2025-02-13T14:05:00Z");
  CHECK(atom.items[1].published == "2025-02-14T10:00:00Z");
}

TEST_CASE("feeds: news sitemaps and sitemap indexes", "[feeds]") {
  const stet::Feed sitemap = Parsed(R"(<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://news.example.com/world/talks</loc>
    <news:news><news:publication><news:name>Example</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2025-02-13T14:05:00Z</news:publication_date>
      <news:title>Talks resume</news:title></news:news></url>
  <url><loc>https://news.example.com/world/flood</loc><lastmod>2025-02-14</lastmod></url>
</urlset>)");
  CHECK(sitemap.format == "sitemap");
  CHECK(Urls(sitemap) == std::vector<std::string>{"https://news.example.com/world/talks",
                                                  "https://news.example.com/world/flood"});
  CHECK(sitemap.items[0].title == "Talks resume");
  CHECK(sitemap.items[0].published == "2025-02-13T14:05:00Z");
  CHECK(sitemap.items[1].published == "2025-02-14");

  const stet::Feed index = Parsed(R"(<?xml version="1.0"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://news.example.com/sitemap-news.xml</loc></sitemap>
  <sitemap><loc>/sitemap-2025-02.xml</loc></sitemap>
</sitemapindex>)");
  CHECK(index.format == "sitemapindex");
  CHECK(index.items.empty());
  CHECK(index.feeds == std::vector<std::string>{"https://news.example.com/sitemap-news.xml",
                                                "https://news.example.com/sitemap-2025-02.xml"});
}

TEST_CASE("feeds: what is not a feed, and no entity or network access", "[feeds][errors]") {
  auto error = [](const std::string& bytes) {
    stet::Result<stet::Feed> feed = stet::ParseFeed(bytes, "https://news.example.com/feed");
    REQUIRE_FALSE(feed.ok());
    CHECK(feed.status().code() == stet::Status::Code::kInvalidInput);
    return feed.status().message();
  };
  CHECK(error("") == "not a feed: not XML");
  CHECK(error("just some text") == "not a feed: not XML");
  CHECK(error("<html><body><p>A page</p></body></html>") ==
        "not a feed: the document is <html>, not RSS, Atom or a sitemap");
  // An external entity is not read (the file exists on every machine).
  const stet::Feed xxe = Parsed(R"(<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
<rss><channel><item><title>&secret;</title><link>https://news.example.com/a</link></item></channel></rss>)");
  REQUIRE(xxe.items.size() == 1);
  CHECK(xxe.items[0].title.empty());
  // An item repeated is listed once; feeds that are almost well-formed are read.
  const stet::Feed broken = Parsed(
      "<rss><channel><item><link>https://news.example.com/a</link></item>"
      "<item><link>https://news.example.com/b</link>");
  CHECK(Urls(broken) ==
        std::vector<std::string>{"https://news.example.com/a", "https://news.example.com/b"});
}

TEST_CASE("feeds: the feeds a home page names", "[feeds]") {
  const std::string home = R"(<!DOCTYPE html><html><head><title>News</title>
<link rel="alternate" type="application/rss+xml" title="World" href="/world/rss.xml">
<link rel="alternate" type="application/atom+xml" href="https://news.example.com/atom.xml">
<link rel="alternate" type="application/rss+xml" href="/world/rss.xml">
<link rel="alternate" hreflang="de" href="https://news.example.de/">
<link rel="stylesheet" type="text/css" href="/s.css">
<link rel="alternate" type="application/json" href="/feed.json">
</head><body><p>Today</p></body></html>)";
  CHECK(stet::FeedLinksOf(home, "https://news.example.com/") ==
        std::vector<std::string>{"https://news.example.com/world/rss.xml",
                                 "https://news.example.com/atom.xml"});
  CHECK(stet::FeedLinksOf("<p>no head</p>", "https://news.example.com/").empty());
}

TEST_CASE("feed add: a feed, or the feeds a home page names, then list and remove",
          "[feeds][cli]") {
  stet::test::TestHttpServer site;
  const std::string rss =
      "<rss version=\"2.0\"><channel><item><link>/world/talks</link></item></channel></rss>";
  site.server().Get("/rss.xml", [&](const httplib::Request&, httplib::Response& response) {
    response.set_content(rss, "application/rss+xml");
  });
  site.server().Get("/atom.xml", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>",
                         "application/atom+xml");
  });
  site.server().Get("/", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(
        "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss.xml\">"
        "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/atom.xml\"></head>"
        "<body><p>Today</p></body></html>",
        "text/html");
  });
  site.server().Get("/plain", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("<html><body><p>No feeds here</p></body></html>", "text/html");
  });
  site.Start();
  stet::test::ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(stet::test::Stet(archive, {"init"}).exit_code == 0);

  stet::test::RunResult direct = stet::test::Stet(archive, {"feed", "add", site.Url("/rss.xml")});
  CHECK(direct.exit_code == 0);
  CHECK(direct.out == "tracking 1 new feed(s); 0 already tracked\n");
  // A home page, given in a file read from standard input.
  stet::test::RunResult home = stet::test::Stet(archive, {"feed", "add", "--from", "-"},
                                                "# sites\n\n" + site.Url("/") + "\n");
  CHECK(home.exit_code == 0);
  CHECK(home.out ==
        site.Url("/") + " names 2 feed(s)\ntracking 1 new feed(s); 1 already tracked\n");
  stet::test::RunResult listed = stet::test::Stet(archive, {"feed", "list", "--format", "json"});
  REQUIRE(listed.exit_code == 0);
  const nlohmann::json feeds = nlohmann::json::parse(listed.out);
  REQUIRE(feeds.size() == 2);
  CHECK(feeds[0]["url"] == site.Url("/atom.xml"));
  CHECK(feeds[1]["url"] == site.Url("/rss.xml"));
  // Feeds are listed by `stet tracked` too, as feeds.
  const nlohmann::json tracked =
      nlohmann::json::parse(stet::test::Stet(archive, {"tracked", "--format", "json"}).out);
  REQUIRE(tracked.size() == 2);
  CHECK(tracked[0]["kind"] == "feed");

  // A page that is no feed and names none, and a server that is not there:
  // one line each, nothing written.
  const std::string before = stet::test::Snapshot(archive);
  stet::test::RunResult plain = stet::test::Stet(archive, {"feed", "add", site.Url("/plain")});
  CHECK(plain.exit_code == 1);
  CHECK(plain.err == "stet: feed add " + site.Url("/plain") +
                         ": no feed found (not RSS, Atom or a sitemap, and the page names none "
                         "with <link rel=\"alternate\">)\n");
  stet::test::RunResult missing =
      stet::test::Stet(archive, {"feed", "add", site.Url("/rss.xml"), site.Url("/gone")});
  CHECK(missing.exit_code == 3);
  CHECK(missing.err == "stet: feed add " + site.Url("/gone") + ": HTTP 404 Not Found\n");
  CHECK(stet::test::Snapshot(archive) == before);

  stet::test::RunResult removed =
      stet::test::Stet(archive, {"feed", "remove", site.Url("/atom.xml")});
  CHECK(removed.out == "removed 1 feed(s); 0 were not tracked\n");
  CHECK(stet::test::Stet(archive, {"feed", "list"}).out.find(site.Url("/atom.xml")) ==
        std::string::npos);
  CHECK(stet::test::GitFsck(archive).exit_code == 0);
}
