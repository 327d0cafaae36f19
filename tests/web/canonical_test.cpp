// Which article a fetched page belongs to when its canonical link names
// another URL, and how the URL that was fetched still finds it: aliases,
// conditional requests through them, and the cases that keep pages apart
// (another site, a section page, a text that shares almost nothing).
#include <catch2/catch.hpp>

#include <atomic>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "stet/clock.h"
#include "stet/identity.h"
#include "stet/pages.h"
#include "test_http_server.h"
#include "test_support.h"

using stet::test::NewsPage;
using stet::test::RunResult;
using stet::test::ScratchDir;
using stet::test::Snapshot;
using stet::test::Stet;
using stet::test::TestHttpServer;

namespace {

const std::vector<std::string> kTalks = {
    "Negotiators from both sides met in Geneva on Monday to resume talks on a ceasefire that "
    "has held only in part since the spring.",
    "The foreign minister said the first day had been constructive, but warned that the hardest "
    "questions, on borders and prisoners, were still open.",
    "A second round is planned for Thursday, when the delegations are expected to present "
    "written proposals."};
const std::vector<std::string> kFlood = {
    "Heavy rain flooded the lower town overnight, cutting power to two thousand homes and "
    "closing the main road to the coast.",
    "Firefighters pumped water out of the hospital basement while volunteers filled sandbags "
    "along the river wall until dawn.",
    "The mayor asked residents to stay at home and to boil drinking water until further notice."};

std::vector<std::string> Edited(std::vector<std::string> body) {
  body.back() += " Officials would not say where it will be held.";
  return body;
}

int Revisions(const std::string& archive, const std::string& article) {
  RunResult log = Stet(archive, {"log", article, "--format", "json"});
  if (log.exit_code != 0) return 0;
  return static_cast<int>(nlohmann::json::parse(log.out).size());
}

}  // namespace

TEST_CASE("canonical: the URL fetched finds the article stored under its canonical link",
          "[canonical]") {
  std::atomic<int> version{1};
  TestHttpServer site;
  // /story/123 names /world/talks as its canonical URL; /world/talks itself
  // is never fetched. The server gives an ETag and honours If-None-Match.
  site.server().Get("/story/123", [&](const httplib::Request& request,
                                      httplib::Response& response) {
    const std::string etag = "\"v" + std::to_string(version.load()) + "\"";
    response.set_header("ETag", etag);
    if (request.get_header_value("If-None-Match") == etag) {
      response.status = 304;
      return;
    }
    response.set_content(NewsPage("Talks resume in Geneva", version == 1 ? kTalks : Edited(kTalks),
                                  "<link rel=\"canonical\" href=\"/world/talks\">"),
                         "text/html");
  });
  site.Start();
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  const std::string tracked = site.Url("/story/123"), canonical = site.Url("/world/talks");
  RunResult first = Stet(archive, {"add", tracked});
  REQUIRE(first.exit_code == 0);
  CHECK(first.out.rfind("stored revision 1 of " + canonical, 0) == 0);
  // Every command finds it under the URL that was fetched.
  for (const std::vector<std::string>& command :
       {std::vector<std::string>{"log", tracked}, {"show", tracked}, {"quotes", tracked}}) {
    INFO(command[0]);
    RunResult result = Stet(archive, command);
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
  }
  CHECK(Stet(archive, {"show", tracked}).out == Stet(archive, {"show", canonical}).out);
  // The next fetch of the tracked URL is conditional: a 304, nothing stored.
  const std::string before = Snapshot(archive);
  RunResult again = Stet(archive, {"add", tracked});
  CHECK(again.exit_code == 0);
  CHECK(site.RequestsTo("/story/123").back().Header("If-None-Match") == "\"v1\"");
  CHECK(again.out ==
        "not modified (HTTP 304): revision 1 of " + canonical + " is current; nothing stored\n");
  CHECK(Snapshot(archive) == before);  // a check that finds nothing new writes nothing
  // A change is a new revision of the same article, and diff finds it.
  version = 2;
  CHECK(Stet(archive, {"add", tracked}).out.rfind("stored revision 2 of " + canonical, 0) == 0);
  RunResult diff = Stet(archive, {"diff", tracked, "--color", "never"});
  CHECK(diff.exit_code == 0);
  CHECK(diff.out.find("{+Officials would not say where it will be held.+}") != std::string::npos);
  CHECK(stet::test::GitFsck(archive).exit_code == 0);
  CHECK(stet::test::Run(
            {"git", "--git-dir=" + archive, "rev-parse", "--verify", "-q", "refs/stet/aliases"})
            .exit_code == 0);
  // Tracked and checked by `stet run`, the URL finds its article too: the
  // pass sends that article's validators and stores nothing on the 304.
  REQUIRE(Stet(archive, {"track", tracked}).exit_code == 0);
  const std::string before_run = Snapshot(archive + "/refs");
  // An hour later, when the young article is due again.
  RunResult run = Stet(archive, {"run", "--host-delay", "0", "--log-format", "json", "-v", "--now",
                                 stet::FormatTimestamp(stet::Now() + 3600)});
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("\"event\":\"not_modified\"") != std::string::npos);
  CHECK(site.RequestsTo("/story/123").back().Header("If-None-Match") == "\"v2\"");
  CHECK(Snapshot(archive + "/refs") == before_run);
}

TEST_CASE("canonical: a section or front page named by many articles keeps them apart",
          "[canonical]") {
  TestHttpServer site;
  site.server().Get("/world/2025/talks", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(NewsPage("Talks", kTalks, "<link rel=\"canonical\" href=\"/world/\">"),
                         "text/html");
  });
  site.server().Get("/world/2025/flood", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(NewsPage("Flood", kFlood, "<link rel=\"canonical\" href=\"/world\">"),
                         "text/html");
  });
  // Not above the page, but named by two different articles all the same.
  site.server().Get("/a/talks", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(NewsPage("Talks", kTalks, "<link rel=\"canonical\" href=\"/latest\">"),
                         "text/html");
  });
  site.server().Get("/a/flood", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(NewsPage("Flood", kFlood, "<link rel=\"canonical\" href=\"/latest\">"),
                         "text/html");
  });
  // An AMP copy naming its article is that article.
  site.server().Get(
      "/world/2025/talks/amp", [](const httplib::Request&, httplib::Response& response) {
        response.set_content(NewsPage("Talks", Edited(kTalks),
                                      "<link rel=\"canonical\" href=\"/world/2025/talks\">"),
                             "text/html");
      });
  site.Start();
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  for (const char* path : {"/world/2025/talks", "/world/2025/flood"}) {
    RunResult added = Stet(archive, {"add", site.Url(path)});
    REQUIRE(added.exit_code == 0);
    CHECK(added.out.rfind("stored revision 1 of " + site.Url(path), 0) == 0);
  }
  RunResult amp = Stet(archive, {"add", site.Url("/world/2025/talks/amp")});
  CHECK(amp.out.rfind("stored revision 2 of " + site.Url("/world/2025/talks"), 0) == 0);
  // The first article named /latest is stored under it; the second shares
  // almost no text with it and keeps its own URL.
  RunResult talks = Stet(archive, {"add", site.Url("/a/talks")});
  CHECK(talks.out.rfind("stored revision 1 of " + site.Url("/latest"), 0) == 0);
  RunResult flood = Stet(archive, {"add", site.Url("/a/flood")});
  CHECK(flood.out.rfind("stored revision 1 of " + site.Url("/a/flood"), 0) == 0);
  CHECK(Revisions(archive, site.Url("/latest")) == 1);
  CHECK(Revisions(archive, site.Url("/a/talks")) == 1);  // found through its alias
  RunResult list = Stet(archive, {"list", "--format", "json"});
  CHECK(nlohmann::json::parse(list.out).size() == 4);
}

TEST_CASE("canonical: a page on another site cannot write into an archived article",
          "[canonical]") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  const std::string victim = "https://news.example.com/world/talks";
  stet::test::WriteFile(dir / "talks.txt", kTalks[0] + "\n\n" + kTalks[1] + "\n");
  REQUIRE(Stet(archive, {"add", dir / "talks.txt", "--url", victim}).exit_code == 0);
  const std::string victim_log = Stet(archive, {"log", victim, "--format", "json"}).out;
  TestHttpServer site;  // 127.0.0.1: another site than news.example.com
  site.server().Get("/copy", [&](const httplib::Request&, httplib::Response& response) {
    response.set_content(
        NewsPage("Talks", Edited(kTalks), "<link rel=\"canonical\" href=\"" + victim + "\">"),
        "text/html");
  });
  site.Start();
  RunResult copy = Stet(archive, {"add", site.Url("/copy")});
  REQUIRE(copy.exit_code == 0);
  CHECK(copy.out.rfind("stored revision 1 of " + site.Url("/copy"), 0) == 0);
  CHECK(Stet(archive, {"log", victim, "--format", "json"}).out == victim_log);
}

TEST_CASE("canonical: one site is one registrable domain", "[canonical][identity]") {
  CHECK(stet::SameSite("https://www.example.com/a", "https://amp.example.com/b"));
  CHECK(stet::SameSite("https://EXAMPLE.com/a", "http://example.com:8080/b"));
  CHECK(stet::SameSite("https://www.bbc.co.uk/news/1", "https://bbc.co.uk/news/1"));
  CHECK_FALSE(stet::SameSite("https://example.com/a", "https://example.org/a"));
  CHECK_FALSE(stet::SameSite("https://a.github.io/x", "https://b.github.io/x"));  // a public suffix
  CHECK_FALSE(stet::SameSite("https://bbc.co.uk/a", "https://itv.co.uk/a"));
  CHECK(stet::SameSite("http://127.0.0.1:8080/a", "http://127.0.0.1:9090/b"));
  CHECK_FALSE(stet::SameSite("http://127.0.0.1/a", "http://127.0.0.2/a"));
  CHECK_FALSE(stet::SameSite("not a url", "https://example.com/"));
  // The rules as ArticleUrlOf applies them.
  CHECK(stet::ArticleUrlOf("https://www.example.com/world/2025/talks/amp",
                           "https://www.example.com/world/2025/talks") ==
        "https://www.example.com/world/2025/talks");
  CHECK(stet::ArticleUrlOf("https://www.example.com/world/2025/talks",
                           "https://www.example.com/world/") ==
        "https://www.example.com/world/2025/talks");
  CHECK(stet::ArticleUrlOf("https://evil.example.org/talks", "https://www.example.com/talks") ==
        "https://evil.example.org/talks");
  CHECK(stet::SharedText("The talks resumed in Geneva on Monday.",
                         "The talks resumed in Geneva on Monday, officials said.") == 1.0);
  CHECK(stet::SharedText(kTalks[0], kFlood[0]) < stet::kSameArticleShare);
}
