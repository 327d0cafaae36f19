// stet add URL, stet add page.html --url, stet extract and stet reextract,
// end to end: the real binary against a real HTTP server on 127.0.0.1.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "stet/archive.h"
#include "stet/pages.h"
#include "test_http_server.h"
#include "test_support.h"

using stet::test::Gzip;
using stet::test::NewsPage;
using stet::test::ReadFile;
using stet::test::Run;
using stet::test::RunResult;
using stet::test::ScratchDir;
using stet::test::Snapshot;
using stet::test::Stet;
using stet::test::TestHttpServer;
using stet::test::WriteFile;

namespace {

const std::vector<std::string> kBody = {
    "Vice President JD Vance said on Thursday that the United States could use economic and "
    "military pressure against Moscow if President Vladimir Putin does not negotiate in good "
    "faith to end the war in Ukraine.",
    "\xE2\x80\x9CThere are economic tools of leverage, there are of course military tools of "
    "leverage,\xE2\x80\x9D Mr. Vance told The Wall Street Journal in an interview ahead of the "
    "Munich Security Conference.",
    "Defense Secretary Pete Hegseth said on Wednesday that a return to Ukraine\xE2\x80\x99s "
    "borders before 2014 was unrealistic, and that NATO membership for Kyiv was not part of any "
    "likely settlement."};

std::vector<std::string> Edited() {
  std::vector<std::string> body = kBody;
  body[0].replace(body[0].find("Thursday"), 8, "Friday");
  return body;
}

RunResult Init(const std::string& archive) {
  return Stet(archive, {"init"});
}

nlohmann::json Log(const std::string& archive, const std::string& article) {
  RunResult log = Stet(archive, {"log", article, "--format", "json"});
  REQUIRE(log.exit_code == 0);
  return nlohmann::json::parse(log.out);
}

std::string GitShow(const std::string& archive, const std::string& object) {
  RunResult shown = Run({"git", "--git-dir=" + archive, "show", object});
  REQUIRE(shown.exit_code == 0);
  return shown.out;
}

}  // namespace

TEST_CASE("stet add URL fetches extracts and stores the page with its text") {
  TestHttpServer site;
  site.server().Get("/world/talks", [](const httplib::Request&, httplib::Response& response) {
    response.set_header("ETag", "\"v1\"");
    response.set_header("Last-Modified", "Thu, 13 Feb 2025 14:05:00 GMT");
    response.set_content(NewsPage("Vance warns Moscow", kBody), "text/html; charset=utf-8");
  });
  site.Start();
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Init(archive).exit_code == 0);
  const std::string url = site.Url("/world/talks");
  RunResult added = Stet(archive, {"add", url});
  INFO(added.err);
  REQUIRE(added.exit_code == 0);
  CHECK(added.out.rfind("stored revision 1 of " + url, 0) == 0);

  const nlohmann::json log = Log(archive, url);
  REQUIRE(log.size() == 1);
  CHECK(log[0]["title"] == "Vance warns Moscow");
  CHECK(log[0]["extractor"] == stet::kExtractorVersion);
  const std::string commit = log[0]["commit"];
  const std::string text = GitShow(archive, commit + ":text.txt");
  CHECK(text.find("Vice President JD Vance said on Thursday") != std::string::npos);
  CHECK(text.find("told The Wall Street Journal") != std::string::npos);
  CHECK(text.find("Home") == std::string::npos);       // navigation
  CHECK(text.find("Copyright") == std::string::npos);  // footer
  CHECK(GitShow(archive, commit + ":page.html") ==
        NewsPage("Vance warns Moscow", kBody));  // the page, byte for byte
  const nlohmann::json meta = nlohmann::json::parse(GitShow(archive, commit + ":page.json"));
  CHECK(meta["http_status"] == 200);
  CHECK(meta["etag"] == "\"v1\"");
  CHECK(meta["last_modified"] == "Thu, 13 Feb 2025 14:05:00 GMT");
  CHECK(meta["charset"] == "UTF-8");
  CHECK(meta["final_url"] == url);
  CHECK(meta["extractor"] == stet::kExtractorVersion);
  CHECK(
      GitShow(archive, commit).find("Stet-Extractor: " + std::to_string(stet::kExtractorVersion)) !=
      std::string::npos);
  CHECK(stet::test::GitFsck(archive).exit_code == 0);
  // `stet show` prints the extracted text; --page the page and its metadata.
  RunResult shown = Stet(archive, {"show", url});
  REQUIRE(shown.exit_code == 0);
  CHECK(shown.out.find("Vice President JD Vance said on Thursday") != std::string::npos);
  CHECK(Stet(archive, {"show", url, "--page"}).out == NewsPage("Vance warns Moscow", kBody));
  const nlohmann::json page_json =
      nlohmann::json::parse(Stet(archive, {"show", url + "@1", "--page", "--format", "json"}).out);
  CHECK(page_json["page"]["etag"] == "\"v1\"");
  CHECK(page_json["page"]["http_status"] == 200);
  // A revision added as text has no page.
  ScratchDir text_dir;
  WriteFile(text_dir / "a.txt", kBody[0]);
  REQUIRE(Stet(archive, {"add", text_dir / "a.txt", "--url", "https://example.com/a"}).exit_code ==
          0);
  RunResult no_page = Stet(archive, {"show", "https://example.com/a", "--page"});
  CHECK(no_page.exit_code == 1);
  CHECK(no_page.err ==
        "stet: show revision 1 of https://example.com/a: no page stored (it was added as text)\n");
}

TEST_CASE("stet add URL sends the stored ETag and stores nothing on a 304") {
  TestHttpServer site;
  std::atomic<int> version{1};
  site.server().Get("/story", [&](const httplib::Request& request, httplib::Response& response) {
    const std::string etag = "\"v" + std::to_string(version.load()) + "\"";
    if (request.get_header_value("If-None-Match") == etag) {
      response.status = 304;
      return;
    }
    response.set_header("ETag", etag);
    response.set_content(NewsPage("Talks", version == 1 ? kBody : Edited()), "text/html");
  });
  site.Start();
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Init(archive).exit_code == 0);
  const std::string url = site.Url("/story");
  REQUIRE(Stet(archive, {"add", url}).exit_code == 0);
  const std::string before = Snapshot(archive);
  RunResult again = Stet(archive, {"add", url, "--format", "json"});
  REQUIRE(again.exit_code == 0);
  const nlohmann::json outcome = nlohmann::json::parse(again.out);
  CHECK(outcome["status"] == "not_modified");
  CHECK(outcome["http_status"] == 304);
  CHECK(outcome["stored"] == false);
  CHECK(Snapshot(archive) == before);
  const auto requests = site.RequestsTo("/story");
  REQUIRE(requests.size() == 2);
  CHECK(requests[0].Header("If-None-Match").empty());
  CHECK(requests[1].Header("If-None-Match") == "\"v1\"");
  // The page changes: a new ETag, a new revision.
  version = 2;
  RunResult changed = Stet(archive, {"add", url});
  REQUIRE(changed.exit_code == 0);
  CHECK(changed.out.rfind("stored revision 2 of " + url, 0) == 0);
  RunResult diff = Stet(archive, {"diff", url});
  REQUIRE(diff.exit_code == 0);
  CHECK(diff.out.find("[-Thursday-]{+Friday+}") != std::string::npos);
  // The next fetch sends the latest revision's validator, not the first's.
  RunResult current = Stet(archive, {"add", url, "--format", "json"});
  REQUIRE(current.exit_code == 0);
  CHECK(nlohmann::json::parse(current.out)["status"] == "not_modified");
  CHECK(site.RequestsTo("/story").back().Header("If-None-Match") == "\"v2\"");
}

TEST_CASE("stet add URL sends Last-Modified back and stores nothing on a 304") {
  TestHttpServer site;
  const std::string modified = "Thu, 13 Feb 2025 14:05:00 GMT";
  stet::test::ServeWithLastModified(site, "/story", NewsPage("Talks", kBody), modified);
  site.Start();
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Init(archive).exit_code == 0);
  REQUIRE(Stet(archive, {"add", site.Url("/story")}).exit_code == 0);
  RunResult again = Stet(archive, {"add", site.Url("/story")});
  REQUIRE(again.exit_code == 0);
  CHECK(again.out == "not modified (HTTP 304): revision 1 of " + site.Url("/story") +
                         " is current; nothing stored\n");
  CHECK(site.RequestsTo("/story").at(1).Header("If-Modified-Since") == modified);
}

TEST_CASE("stet add URL fails with exit 3 and leaves the archive untouched") {
  TestHttpServer site;
  stet::test::ServeRedirectLoop(site, "/a", "/b");
  site.server().Get("/broken", [](const httplib::Request&, httplib::Response& response) {
    response.status = 500;
  });
  stet::test::ServeSlowly(site, "/slow", NewsPage("Talks", kBody));
  const std::string big = NewsPage("Talks", std::vector<std::string>(2000, kBody[0]));
  site.server().Get("/big", [&](const httplib::Request&, httplib::Response& response) {
    response.set_content(big, "text/html");
  });
  site.Start();
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Init(archive).exit_code == 0);
  const std::string before = Snapshot(archive);
  struct Case {
    std::string path;
    std::vector<std::string> flags;
    std::string error;
  };
  const std::vector<Case> cases = {
      {"/a", {}, ": redirect loop (" + site.Url("/a") + " is reached again)"},
      {"/missing", {}, ": HTTP 404 Not Found"},
      {"/broken", {}, ": HTTP 500 Internal Server Error"},
      {"/slow", {"--timeout", "0.5"}, ": timed out (limit 500 ms)"},
      {"/big", {"--max-size", "64KiB"}, ": page larger than the 64 KiB limit"},
  };
  for (const Case& test : cases) {
    std::vector<std::string> args = {"add", site.Url(test.path)};
    args.insert(args.end(), test.flags.begin(), test.flags.end());
    RunResult failed = Stet(archive, args);
    INFO(test.path);
    CHECK(failed.exit_code == 3);
    CHECK(failed.err == "stet: add " + site.Url(test.path) + test.error + "\n");
    CHECK(failed.out.empty());
  }
  CHECK(Snapshot(archive) == before);
}

TEST_CASE("stet add URL reads a gzip body and a Latin-1 page") {
  TestHttpServer site;
  site.server().Get("/gzip", [](const httplib::Request&, httplib::Response& response) {
    response.set_header("Content-Encoding", "gzip");
    response.set_content(Gzip(NewsPage("Talks", kBody)), "text/html; charset=utf-8");
  });
  const std::vector<std::string> latin1_body = {
      "Le caf\xE9 de la place \xE9tait plein lundi matin, quand les n\xE9gociateurs sont "
      "arriv\xE9s pour la deuxi\xE8me journ\xE9\x65 de discussions.",
      "Les d\xE9l\xE9gations ont quitt\xE9 l\x92h\xF4tel \xE0 midi sans faire de "
      "d\xE9\x63laration."};
  site.server().Get("/latin1", [&](const httplib::Request&, httplib::Response& response) {
    response.set_content(NewsPage("Caf\xE9", latin1_body), "text/html; charset=ISO-8859-1");
  });
  site.server().Get("/meta", [&](const httplib::Request&, httplib::Response& response) {
    response.set_content(NewsPage("Caf\xE9", latin1_body, "<meta charset=\"iso-8859-1\">"),
                         "text/html");
  });
  site.Start();
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Init(archive).exit_code == 0);
  REQUIRE(Stet(archive, {"add", site.Url("/gzip")}).exit_code == 0);
  RunResult gzip = Stet(archive, {"show", site.Url("/gzip")});
  CHECK(gzip.out.find("Vice President JD Vance said on Thursday") != std::string::npos);
  for (const char* path : {"/latin1", "/meta"}) {
    INFO(path);
    RunResult added = Stet(archive, {"add", site.Url(path)});
    INFO(added.err);
    REQUIRE(added.exit_code == 0);
    RunResult shown = Stet(archive, {"show", site.Url(path)});
    CHECK(shown.out.find("Le caf\xC3\xA9 de la place \xC3\xA9tait plein") != std::string::npos);
    CHECK(shown.out.find("l\xE2\x80\x99h\xC3\xB4tel") != std::string::npos);  // cp1252 0x92
    const nlohmann::json log = Log(archive, site.Url(path));
    CHECK(log[0]["title"] == "Caf\xC3\xA9");
  }
}

TEST_CASE("A page whose only change is an updated line or a counter is no new revision") {
  TestHttpServer site;
  std::atomic<int> hits{0};
  site.server().Get("/live", [&](const httplib::Request&, httplib::Response& response) {
    const int n = ++hits;
    const std::string extra = "<p class=\"timestamp\">Updated " + std::to_string(n * 7) +
                              " minutes ago</p>\n<div class=\"meta\"><span>" +
                              std::to_string(1200 + n * 31) + " views</span> <span>" +
                              std::to_string(40 + n) + " comments</span></div>\n";
    response.set_content(NewsPage("Talks", kBody, "", extra), "text/html");
  });
  site.Start();
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Init(archive).exit_code == 0);
  REQUIRE(Stet(archive, {"add", site.Url("/live")}).exit_code == 0);
  RunResult again = Stet(archive, {"add", site.Url("/live")});
  REQUIRE(again.exit_code == 0);
  CHECK(again.out.rfind("unchanged: same text as revision 1", 0) == 0);
  CHECK(hits == 2);
  CHECK(Log(archive, site.Url("/live")).size() == 1);
  RunResult shown = Stet(archive, {"show", site.Url("/live")});
  CHECK(shown.out.find("minutes ago") == std::string::npos);
  CHECK(shown.out.find("views") == std::string::npos);
}

TEST_CASE("Two URLs with one canonical link share one history") {
  TestHttpServer site;
  const std::string canonical_head = "<link rel=\"canonical\" href=\"/world/talks\">";
  site.server().Get("/world/talks", [&](const httplib::Request&, httplib::Response& response) {
    response.set_content(NewsPage("Talks", kBody, canonical_head), "text/html");
  });
  site.server().Get("/amp/world/talks", [&](const httplib::Request&, httplib::Response& response) {
    response.set_content(NewsPage("Talks", Edited(), canonical_head), "text/html");
  });
  site.server().Get("/r/123", [](const httplib::Request&, httplib::Response& response) {
    response.set_redirect("/amp/world/talks?utm_source=feed", 302);
  });
  // A template that names the front page as every article's canonical URL.
  site.server().Get("/world/other", [&](const httplib::Request&, httplib::Response& response) {
    response.set_content(NewsPage("Other", kBody, "<meta property=\"og:url\" content=\"/\">"),
                         "text/html");
  });
  site.Start();
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Init(archive).exit_code == 0);
  const std::string url = site.Url("/world/talks");
  REQUIRE(Stet(archive, {"add", site.Url("/world/talks?utm_source=twitter")}).exit_code == 0);
  RunResult amp = Stet(archive, {"add", site.Url("/r/123")});
  REQUIRE(amp.exit_code == 0);
  CHECK(amp.out.rfind("stored revision 2 of " + url, 0) == 0);
  const nlohmann::json log = Log(archive, url);
  CHECK(log.size() == 2);
  RunResult other = Stet(archive, {"add", site.Url("/world/other")});
  REQUIRE(other.exit_code == 0);
  CHECK(other.out.rfind("stored revision 1 of " + site.Url("/world/other"), 0) == 0);
  RunResult list = Stet(archive, {"list", "--format", "json"});
  CHECK(nlohmann::json::parse(list.out).size() == 2);
}

TEST_CASE("stet add page.html --url stores a saved page and stet extract prints it") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Init(archive).exit_code == 0);
  const std::string page = NewsPage(
      "Vance warns Moscow", kBody,
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Vance "
      "warns Moscow\",\"author\":{\"@type\":\"Person\",\"name\":\"Jane Doe\"},"
      "\"datePublished\":\"2025-02-13T14:05:00Z\"}</script>"
      "<link rel=\"canonical\" href=\"https://news.example.com/world/talks\">");
  WriteFile(dir / "page.html", page);

  RunResult extracted = Stet(archive, {"extract", dir / "page.html", "--format", "json"});
  INFO(extracted.err);
  REQUIRE(extracted.exit_code == 0);
  const nlohmann::json article = nlohmann::json::parse(extracted.out);
  CHECK(article["url"] == "https://news.example.com/world/talks");
  CHECK(article["title"] == "Vance warns Moscow");
  CHECK(article["byline"] == "Jane Doe");
  CHECK(article["published"] == "2025-02-13T14:05:00Z");
  CHECK(article["text"] == kBody[0] + "\n\n" + kBody[1] + "\n\n" + kBody[2]);
  RunResult text = Stet(archive, {"extract", dir / "page.html"});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.rfind("Vance warns Moscow\nby Jane Doe\npublished 2025-02-13T14:05:00Z\n", 0) ==
        0);

  RunResult added =
      Stet(archive, {"add", dir / "page.html", "--url", "https://news.example.com/world/talks",
                     "--at", "2025-02-13T14:05:00Z"});
  INFO(added.err);
  REQUIRE(added.exit_code == 0);
  const nlohmann::json log = Log(archive, "https://news.example.com/world/talks");
  REQUIRE(log.size() == 1);
  CHECK(log[0]["fetched_at"] == "2025-02-13T14:05:00Z");
  const nlohmann::json meta =
      nlohmann::json::parse(GitShow(archive, log[0]["commit"].get<std::string>() + ":page.json"));
  CHECK(meta["http_status"] == 0);
  CHECK(meta["byline"] == "Jane Doe");
  CHECK(GitShow(archive, log[0]["commit"].get<std::string>() + ":page.html") == page);
  // The same page again: unchanged.
  RunResult again =
      Stet(archive, {"add", dir / "page.html", "--url", "https://news.example.com/world/talks"});
  CHECK(again.out.rfind("unchanged", 0) == 0);
}

TEST_CASE("stet extract and stet add report a page without an article") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Init(archive).exit_code == 0);
  WriteFile(dir / "empty.html",
            "<!DOCTYPE html><html><head><title>Nothing</title></head><body><nav><a "
            "href=\"/\">Home</a></nav></body></html>");
  const std::string before = Snapshot(archive);
  RunResult extracted = Stet(archive, {"extract", dir / "empty.html"});
  CHECK(extracted.exit_code == 1);
  CHECK(extracted.err == "stet: extract " + dir / "empty.html" + ": no article text found\n");
  RunResult added =
      Stet(archive, {"add", dir / "empty.html", "--url", "https://news.example.com/x"});
  CHECK(added.exit_code == 1);
  CHECK(added.err == "stet: add " + dir / "empty.html" + ": no article text found\n");
  RunResult no_url = Stet(archive, {"add", dir / "empty.html", "--key", "x"});
  CHECK(no_url.exit_code == 1);
  CHECK(no_url.err.find("a page needs its --url") != std::string::npos);
  CHECK(Snapshot(archive) == before);
  RunResult usage = Stet(archive, {"add", dir / "empty.html"});
  CHECK(usage.exit_code == 2);
}

TEST_CASE("stet extract URL fetches without storing") {
  TestHttpServer site;
  site.server().Get("/story", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(NewsPage("Talks", kBody), "text/html");
  });
  site.Start();
  ScratchDir dir;
  RunResult extracted = Stet(dir / "none", {"extract", site.Url("/story"), "--format", "json"});
  REQUIRE(extracted.exit_code == 0);
  const nlohmann::json article = nlohmann::json::parse(extracted.out);
  CHECK(article["url"] == site.Url("/story"));
  CHECK(article["title"] == "Talks");
  CHECK(article["text"].get<std::string>().rfind(kBody[0], 0) == 0);
  RunResult missing = Stet(dir / "none", {"extract", site.Url("/missing")});
  CHECK(missing.exit_code == 3);
  CHECK(missing.err == "stet: extract " + site.Url("/missing") + ": HTTP 404 Not Found\n");
}

TEST_CASE(
    "Reextract records a new extractor's text beside the revision and the next fetch adds "
    "nothing") {
  ScratchDir dir;
  const std::string archive_path = dir / "archive";
  REQUIRE(Init(archive_path).exit_code == 0);
  const std::string url = "https://news.example.com/world/talks";
  const std::string page = NewsPage("Talks", kBody);
  {
    stet::Result<stet::Archive> archive = stet::Archive::Open(archive_path);
    REQUIRE(archive.ok());
    // A revision as an older extractor left it: the navigation kept in the text.
    stet::NewRevision old;
    old.url = url;
    old.text = "Home World Politics\n\n" + kBody[0] + "\n\n" + kBody[1] + "\n\n" + kBody[2];
    old.title = "Talks";
    old.fetched_at = 1739455500;
    old.html = page;
    old.page.extractor = stet::kExtractorVersion;
    REQUIRE(archive->Add(old).ok());
  }
  WriteFile(dir / "page.html", page);
  // reextract skips pages the current version read, unless --force.
  RunResult skipped = Stet(archive_path, {"reextract"});
  REQUIRE(skipped.exit_code == 0);
  CHECK(skipped.out ==
        "extractor " + std::to_string(stet::kExtractorVersion) +
            ": 0 page(s) of 1 article(s) read again; 0 new text(s) recorded beside their "
            "revisions, 0 unchanged, 1 skipped (read by extractor " +
            std::to_string(stet::kExtractorVersion) + " already), 0 revision(s) without a page\n");
  const nlohmann::json skipped_json =
      nlohmann::json::parse(Stet(archive_path, {"reextract", "--format", "json"}).out);
  CHECK(skipped_json["articles"][0]["revisions"] == 0);
  CHECK(skipped_json["articles"][0]["skipped"] == 1);

  const std::string before_refs =
      Run({"git", "--git-dir=" + archive_path, "rev-parse",
           "refs/stet/articles/" +
               nlohmann::json(Log(archive_path, url))[0]["article"].get<std::string>()})
          .out;
  RunResult forced = Stet(archive_path, {"reextract", url, "--force"});
  INFO(forced.err);
  REQUIRE(forced.exit_code == 0);
  CHECK(forced.out.find(url + ": 1 page(s) read again: 0 same text, 1 new text recorded") !=
        std::string::npos);
  const nlohmann::json log = Log(archive_path, url);
  REQUIRE(log.size() == 1);  // no new revision
  CHECK(log[0]["reextracted"] == true);
  // The revision's commit is unchanged; the text is recorded beside it as a note.
  CHECK(Run({"git", "--git-dir=" + archive_path, "rev-parse",
             "refs/stet/articles/" + log[0]["article"].get<std::string>()})
            .out == before_refs);
  CHECK(GitShow(archive_path, log[0]["commit"].get<std::string>() + ":text.txt")
            .rfind("Home World Politics", 0) == 0);
  RunResult note = Run({"git", "--git-dir=" + archive_path, "notes", "--ref=stet", "show",
                        log[0]["commit"].get<std::string>()});
  REQUIRE(note.exit_code == 0);
  CHECK(note.out.find("Stet-Extractor: " + std::to_string(stet::kExtractorVersion)) !=
        std::string::npos);
  RunResult shown = Stet(archive_path, {"show", url});
  CHECK(shown.out.rfind(kBody[0], 0) == 0);
  // The same page fetched again is no new revision: it matches the re-extracted text.
  RunResult again = Stet(archive_path, {"add", dir / "page.html", "--url", url});
  REQUIRE(again.exit_code == 0);
  CHECK(again.out.rfind("unchanged", 0) == 0);
  CHECK(stet::test::GitFsck(archive_path).exit_code == 0);
}

TEST_CASE("stet import extracts an html line and stores the page with its text") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Init(archive).exit_code == 0);
  const std::string url = "https://news.example.com/world/talks";
  const std::string lines =
      nlohmann::json{
          {"url", url}, {"fetched_at", "2025-02-13T14:05:00Z"}, {"html", NewsPage("Talks", kBody)}}
          .dump() +
      "\n" +
      nlohmann::json{{"url", url},
                     {"fetched_at", "2025-02-14T09:00:00Z"},
                     {"html", NewsPage("Talks", Edited())}}
          .dump() +
      "\n";
  RunResult imported = Stet(archive, {"import", "-"}, lines);
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  const nlohmann::json log = Log(archive, url);
  REQUIRE(log.size() == 2);
  CHECK(log[1]["extractor"] == stet::kExtractorVersion);
  CHECK(GitShow(archive, log[1]["commit"].get<std::string>() + ":page.html") ==
        NewsPage("Talks", Edited()));
  RunResult diff = Stet(archive, {"diff", url});
  CHECK(diff.out.find("[-Thursday-]{+Friday+}") != std::string::npos);
  CHECK(stet::test::GitFsck(archive).exit_code == 0);
}

TEST_CASE("stet add URL refuses a response that is not a page and keeps --at") {
  TestHttpServer site;
  site.server().Get("/photo.png", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(std::string("\x89PNG\r\n\x1a\n", 8), "image/png");
  });
  site.server().Get("/story", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(NewsPage("Talks", kBody), "text/html");
  });
  site.Start();
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Init(archive).exit_code == 0);
  const std::string before = Snapshot(archive);
  RunResult image = Stet(archive, {"add", site.Url("/photo.png")});
  CHECK(image.exit_code == 1);
  CHECK(image.err ==
        "stet: add " + site.Url("/photo.png") + ": not a web page (Content-Type image/png)\n");
  CHECK(Snapshot(archive) == before);
  REQUIRE(Stet(archive, {"add", site.Url("/story"), "--at", "2025-02-13T14:05:00Z"}).exit_code ==
          0);
  CHECK(Log(archive, site.Url("/story"))[0]["fetched_at"] == "2025-02-13T14:05:00Z");
  RunResult with_url = Stet(archive, {"add", site.Url("/story"), "--url", "https://x.example/"});
  CHECK(with_url.exit_code == 2);  // a usage error
  CHECK(with_url.err.find("--url and --key are for files") != std::string::npos);
}

TEST_CASE("regression: extract refuses a binary file, and a page of menus alone has no article") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Init(archive).exit_code == 0);
  WriteFile(dir / "image.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0", 20));
  const std::string before = Snapshot(archive);
  RunResult binary = Stet(archive, {"extract", dir / "image.png"});
  CHECK(binary.exit_code == 1);
  CHECK(binary.out.empty());
  CHECK(binary.err == "stet: extract " + dir / "image.png" + ": not a web page: binary data\n");
  WriteFile(dir / "menu.html", "<html><body><nav>menu</nav></body></html>");
  RunResult menu = Stet(archive, {"extract", dir / "menu.html"});
  CHECK(menu.exit_code == 1);
  CHECK(menu.err == "stet: extract " + dir / "menu.html" + ": no article text found\n");
  RunResult added = Stet(archive, {"add", dir / "menu.html", "--url", "https://example.com/a"});
  CHECK(added.exit_code == 1);
  CHECK(Snapshot(archive) == before);
  // A stray NUL past the first 1445 bytes (where browsers sniff for binary
  // data) is a fault in a real page, not a binary file.
  std::string page = "<!-- " + std::string(1500, '-') + " -->" + NewsPage("Talks", kBody);
  page.insert(page.size() - 20, std::string("\0", 1));
  WriteFile(dir / "nul.html", page);
  CHECK(Stet(archive, {"extract", dir / "nul.html"}).exit_code == 0);
}

namespace {

// A TCP server on 127.0.0.1 that answers every connection with `reply`
// (not HTTP) and closes it; stops when destroyed.
class RawServer {
 public:
  explicit RawServer(std::string reply) : reply_(std::move(reply)) {
    socket_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(socket_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    socklen_t length = sizeof address;
    ::getsockname(socket_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    REQUIRE(::listen(socket_, 4) == 0);
    thread_ = std::thread([this] {
      while (true) {
        const int client = ::accept(socket_, nullptr, nullptr);
        if (client < 0 || stopping_) {
          if (client >= 0) ::close(client);
          return;
        }
        char request[4096];
        (void)::recv(client, request, sizeof request, 0);
        (void)::send(client, reply_.data(), reply_.size(), MSG_NOSIGNAL);
        ::close(client);
      }
    });
  }
  ~RawServer() {
    stopping_ = true;
    ::shutdown(socket_, SHUT_RDWR);
    ::close(socket_);
    thread_.join();
  }
  std::string Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

 private:
  std::string reply_;
  int socket_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace

TEST_CASE("regression: a server that does not answer in HTTP is named as such") {
  RawServer server("SSH-2.0-OpenSSH_9.2\r\nProtocol mismatch.\r\n");
  ScratchDir dir;
  RunResult extracted = Stet(dir / "none", {"extract", server.Url("/story")});
  CHECK(extracted.exit_code == 3);
  CHECK(extracted.err ==
        "stet: extract " + server.Url("/story") + ": the server's answer is not HTTP\n");
}

TEST_CASE("regression: stet add URL with credentials stores no secret") {
  TestHttpServer site;
  site.server().Get("/story", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(NewsPage("Talks", kBody), "text/html");
  });
  site.Start();
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Init(archive).exit_code == 0);
  std::string url = site.Url("/story");
  url.insert(url.find("://") + 3, "reader:hunter2@");
  RunResult added = Stet(archive, {"add", url});
  REQUIRE(added.exit_code == 0);
  CHECK(added.out.find("hunter2") == std::string::npos);
  CHECK(Stet(archive, {"list"}).out.find("hunter2") == std::string::npos);
  const RunResult everything =
      Run({"git", "--git-dir=" + archive, "log", "--all", "-p", "--format=%B"});
  REQUIRE(everything.exit_code == 0);
  CHECK(everything.out.find("page.json") != std::string::npos);
  CHECK(everything.out.find("hunter2") == std::string::npos);
  CHECK(everything.out.find("reader") == std::string::npos);
}

TEST_CASE("regression: a notes lock left by a killed reextract does not block the next one") {
  ScratchDir dir;
  const std::string archive_path = dir / "archive";
  REQUIRE(Init(archive_path).exit_code == 0);
  const std::string url = "https://news.example.com/world/talks";
  {
    stet::Result<stet::Archive> archive = stet::Archive::Open(archive_path);
    REQUIRE(archive.ok());
    stet::NewRevision old;
    old.url = url;
    old.text = "Home World Politics\n\n" + kBody[0];
    old.fetched_at = 1739455500;
    old.html = NewsPage("Talks", kBody);
    old.page.extractor = stet::kExtractorVersion;
    REQUIRE(archive->Add(old).ok());
  }
  // What kill -9 during git_note_create leaves behind.
  std::filesystem::create_directories(archive_path + "/refs/notes");
  WriteFile(archive_path + "/refs/notes/stet.lock", "");
  RunResult forced = Stet(archive_path, {"reextract", url, "--force"});
  INFO(forced.err);
  CHECK(forced.exit_code == 0);
  CHECK(forced.out.find("1 new text recorded") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(archive_path + "/refs/notes/stet.lock"));
  CHECK(Log(archive_path, url)[0]["reextracted"] == true);
  CHECK(stet::test::GitFsck(archive_path).exit_code == 0);
}

TEST_CASE("regression: a change of headline, byline or date alone is a new revision") {
  std::atomic<int> version{1};
  TestHttpServer site;
  site.server().Get("/story", [&](const httplib::Request&, httplib::Response& response) {
    const int v = version.load();
    const std::string title = v == 1 ? "Talks stall in Geneva" : "Talks collapse in Geneva";
    const std::string author = v <= 2 ? "Ana Ortiz" : "Ana Ortiz and Ben Li";
    const std::string head = "<meta name=\"author\" content=\"" + author +
                             "\"><meta property=\"article:published_time\" "
                             "content=\"2025-02-13T14:05:00Z\">";
    response.set_content(NewsPage(title, kBody, head), "text/html");
  });
  site.Start();
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Init(archive).exit_code == 0);
  const std::string url = site.Url("/story");
  REQUIRE(Stet(archive, {"add", url}).exit_code == 0);
  CHECK(Stet(archive, {"add", url}).out.rfind("unchanged:", 0) == 0);  // nothing changed
  version = 2;                                                         // the headline only
  RunResult headline = Stet(archive, {"add", url});
  CHECK(headline.exit_code == 0);
  INFO(headline.out + headline.err);
  CHECK(headline.out.rfind("stored revision 2", 0) == 0);
  RunResult diff = Stet(archive, {"diff", url, "--color", "never"});
  REQUIRE(diff.exit_code == 0);
  CHECK(
      diff.out.find("\nHEADLINE  1 changed\n  headline  Talks [-stall-]{+collapse+} in Geneva\n") !=
      std::string::npos);
  CHECK(diff.out.find("HEADLINE") < diff.out.find("QUOTES"));
  const nlohmann::json json =
      nlohmann::json::parse(Stet(archive, {"diff", url, "--format", "json"}).out);
  CHECK(json["headline_changed"] == true);
  CHECK(json["headline"]["before"] == "Talks stall in Geneva");
  CHECK(json["headline"]["after"] == "Talks collapse in Geneva");
  CHECK(json["byline_changed"] == false);
  version = 3;  // the byline only
  CHECK(Stet(archive, {"add", url}).out.rfind("stored revision 3", 0) == 0);
  const nlohmann::json byline =
      nlohmann::json::parse(Stet(archive, {"diff", url, "--format", "json"}).out);
  CHECK(byline["headline_changed"] == false);
  CHECK(byline["byline_changed"] == true);
  CHECK(byline["byline"]["after"] == "Ana Ortiz and Ben Li");
  CHECK(Stet(archive, {"diff", url, "--color", "never"})
            .out.find("  byline    [-Ana Ortiz-]{+Ana Ortiz and Ben Li+}") != std::string::npos);
  CHECK(stet::test::GitFsck(archive).exit_code == 0);
}

TEST_CASE("regression: extract reports the URL add would store under and a normalised time") {
  ScratchDir dir;
  const std::string head =
      "<meta property=\"article:published_time\" content=\"2014-12-29 19:13:00 UTC\">"
      "<link rel=\"canonical\" href=\"https://news.example.com/other\">";
  WriteFile(dir / "page.html", NewsPage("Talks", kBody, head));
  const std::string given = "https://News.Example.com/world/talks?utm_source=x";
  RunResult extracted =
      Stet(dir / "none", {"extract", dir / "page.html", "--url", given, "--format", "json"});
  REQUIRE(extracted.exit_code == 0);
  const nlohmann::json json = nlohmann::json::parse(extracted.out);
  CHECK(json["url"] == "https://news.example.com/world/talks");
  CHECK(json["published"] == "2014-12-29T19:13:00Z");
  CHECK(json["published_raw"] == "2014-12-29 19:13:00 UTC");
  // add --url stores it under that very URL.
  const std::string archive = dir / "archive";
  REQUIRE(Init(archive).exit_code == 0);
  RunResult added = Stet(archive, {"add", dir / "page.html", "--url", given, "--format", "json"});
  REQUIRE(added.exit_code == 0);
  CHECK(nlohmann::json::parse(added.out)["revision"]["url"] == json["url"]);
  // reextract names the article by its URL, whichever way it was given.
  const std::string id = nlohmann::json::parse(added.out)["revision"]["article"];
  const nlohmann::json report = nlohmann::json::parse(
      Stet(archive, {"reextract", id.substr(0, 6), "--force", "--format", "json"}).out);
  CHECK(report["articles"][0]["url"] == json["url"]);
  // list names the id "article", as log and diff do.
  const nlohmann::json list =
      nlohmann::json::parse(Stet(archive, {"list", "--format", "json"}).out);
  CHECK(list[0]["article"] == id);
}

TEST_CASE("an article's URL: a canonical link is followed only to an http(s) article page") {
  using stet::ArticleUrlOf;
  const std::string fetched = "https://news.example.com/world/talks?id=5";
  CHECK(ArticleUrlOf(fetched, "https://news.example.com/world/talks-2025") ==
        "https://news.example.com/world/talks-2025");
  // Another scheme is not followed.
  CHECK(ArticleUrlOf(fetched, "ftp://news.example.com/world/talks") == fetched);
  CHECK(ArticleUrlOf(fetched, "javascript:void(0)") == fetched);
  // The site's front page names no article (a template's mistake)...
  CHECK(ArticleUrlOf(fetched, "https://news.example.com/") == fetched);
  // ...unless the front page is what was fetched.
  CHECK(ArticleUrlOf("https://news.example.com/", "https://news.example.com/") ==
        "https://news.example.com/");
  CHECK(ArticleUrlOf(fetched, "") == fetched);
}
