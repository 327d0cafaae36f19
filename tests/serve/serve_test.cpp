// The review server (stet/serve.h), started in the test on 127.0.0.1 and
// asked over real HTTP: its pages, headers and JSON, what it refuses, and
// that it writes nothing.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <thread>

#include "stet/serve.h"
#include "test_support.h"

namespace {

using stet::test::RunResult;
using stet::test::ScratchDir;
using stet::test::Stet;
using stet::test::WriteFile;

constexpr const char* kUrl = "https://news.example.com/vance-ukraine";

// A server over `archive` on a free loopback port, stopped at scope end.
class RunningServer {
 public:
  explicit RunningServer(const std::string& archive) {
    stet::ServeOptions options;
    options.archive_path = archive;
    options.port = 0;
    options.recent_window = 100LL * 365 * 86400;  // the sample is from 2025
    auto started = stet::ReviewServer::Start(options);
    REQUIRE(started.ok());
    server_ = std::move(*started);
    thread_ = std::thread([this] { server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
  }
  ~RunningServer() {
    server_->Stop();
    thread_.join();
  }
  httplib::Result Get(const std::string& path) { return client_->Get(path.c_str()); }
  httplib::Client& client() { return *client_; }

 private:
  std::unique_ptr<stet::ReviewServer> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

std::string ArticleId(const std::string& archive) {
  const nlohmann::json log =
      nlohmann::json::parse(Stet(archive, {"log", kUrl, "--format", "json"}).out);
  return log[0]["article"];
}

void CheckProtected(const httplib::Result& reply, const std::string& path) {
  INFO(path);
  REQUIRE(reply);
  CHECK(reply->get_header_value("X-Content-Type-Options") == "nosniff");
  const std::string policy = reply->get_header_value("Content-Security-Policy");
  CHECK(policy.find("default-src 'none'") != std::string::npos);
  CHECK(policy.find("script-src") == std::string::npos);  // no script, inline or not
  CHECK(policy.find("frame-ancestors 'none'") != std::string::npos);
}

}  // namespace

TEST_CASE("serve: pages, feed and JSON over the archive, every reply protected", "[serve]") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  REQUIRE(stet::test::AddSampleRevisions(archive, kUrl, "Vance says troops are on the table"));
  const std::string id = ArticleId(archive);
  const std::string before = stet::test::Snapshot(archive);
  {
    RunningServer server(archive);
    const std::vector<std::string> pages = {"/",
                                            "/feed.atom",
                                            "/search?q=rubio",
                                            "/a/" + id,
                                            "/a/" + id + "/compare/2/3",
                                            "/a/" + id + "/quotes?q=blinders",
                                            "/api/list",
                                            "/api/report",
                                            "/api/a/" + id + "/log",
                                            "/api/a/" + id + "/compare/2/3"};
    for (const std::string& path : pages) {
      httplib::Result reply = server.Get(path);
      CheckProtected(reply, path);
      CHECK(reply->status == 200);
    }
    // The recent changes list the sample, linked to its comparison.
    const std::string recent = server.Get("/")->body;
    CHECK(recent.find("href=\"/a/" + id + "/compare/1/3\"") != std::string::npos);
    // The article's revisions link each to its comparison with the one before.
    const std::string article = server.Get("/a/" + id)->body;
    CHECK(article.find("href=\"/a/" + id + "/compare/2/3\"") != std::string::npos);
    CHECK(article.find("<span class=\"kind\">high</span>") != std::string::npos);
    // The comparison is the one `stet diff` makes, the JSON byte for byte.
    RunResult cli = Stet(archive, {"diff", kUrl, "2", "3", "--format", "json"});
    CHECK(server.Get("/api/a/" + id + "/compare/2/3")->body == cli.out);
    RunResult cli_list = Stet(archive, {"list", "--format", "json"});
    CHECK(server.Get("/api/list")->body == cli_list.out);
    const std::string compare = server.Get("/a/" + id + "/compare/2/3")->body;
    CHECK(compare.find("data-kind=\"quote_reattributed\"") <
          compare.find("data-kind=\"number_changed\""));
    CHECK(compare.find("<details class=\"history\">") != std::string::npos);
    // Any two revisions, picked on the article's page, land on their own address.
    CHECK(article.find("action=\"/a/" + id + "/compare\"") != std::string::npos);
    httplib::Result picked = server.Get("/a/" + id + "/compare?a=1&b=3");
    REQUIRE(picked);
    CHECK(picked->status == 303);
    CHECK(picked->get_header_value("Location") == "/a/" + id + "/compare/1/3");
    CHECK(server.Get("/a/" + id + "/compare?a=1&b=x")->status == 400);
    // A search finds the speaker; a query is shown, escaped, never as markup.
    CHECK(server.Get("/search?q=rubio")->body.find("matched speaker: Marco Rubio") !=
          std::string::npos);
    const std::string hostile =
        server.Get("/search?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E")->body;
    CHECK(hostile.find("<script") == std::string::npos);
    CHECK(hostile.find("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    // Unknown pages and bad revisions are errors with a page, not crashes.
    httplib::Result missing = server.Get("/a/" + id + "/compare/2/9");
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CheckProtected(missing, "missing revision");
    CHECK(server.Get("/nothing/here")->status == 404);
    CHECK(server.Get("/?since=yesterday")->status == 400);
    // Nothing the server did wrote to the archive.
    CHECK(stet::test::Snapshot(archive) == before);
    // A page made before a revision was stored is not served after it.
    CHECK(server.Get("/")->body.find("Council budget") == std::string::npos);
    WriteFile(dir / "c1.txt", "The council approved 5 permits on Monday, officials said.\n");
    WriteFile(dir / "c2.txt", "The council approved 7 permits on Monday, officials said.\n");
    const std::string other = "https://news.example.com/council";
    REQUIRE(Stet(archive, {"add", dir / "c1.txt", "--url", other, "--title", "Council budget",
                           "--at", "2026-01-01T00:00:00Z"})
                .exit_code == 0);
    REQUIRE(Stet(archive, {"add", dir / "c2.txt", "--url", other, "--title", "Council budget",
                           "--at", "2026-01-02T00:00:00Z"})
                .exit_code == 0);
    CHECK(server.Get("/")->body.find("Council budget") != std::string::npos);
    CHECK(server.Get("/feed.atom")->body.find("Council budget") != std::string::npos);
    const std::string stored = stet::test::Snapshot(archive);
    // Read-only: nothing but GET and HEAD.
    for (const char* method : {"POST", "PUT", "DELETE", "PATCH"}) {
      httplib::Request request;
      request.method = method;
      request.path = "/";
      httplib::Result refused = server.client().send(request);
      REQUIRE(refused);
      INFO(method);
      CHECK(refused->status == 405);
      CHECK(refused->get_header_value("Allow") == "GET, HEAD");
    }
    CHECK(stet::test::Snapshot(archive) == stored);
  }
}

TEST_CASE("serve: a stored page is served sandboxed, and only loopback without --public",
          "[serve][security]") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  WriteFile(dir / "page.html",
            "<html><head><title>Council votes</title></head><body><article><h1>Council "
            "votes</h1><p>The council voted 5-4 on Monday to approve the budget, officials "
            "said. The mayor did not attend the meeting, which ran past midnight.</p><p>Residents "
            "asked about parking and the clerk answered every question.</p></article>"
            "<script>document.title = 'SCRIPT RAN';</script></body></html>");
  REQUIRE(Stet(archive, {"add", dir / "page.html", "--url", "https://news.example.com/council"})
              .exit_code == 0);
  const nlohmann::json log = nlohmann::json::parse(
      Stet(archive, {"log", "https://news.example.com/council", "--format", "json"}).out);
  const std::string id = log[0]["article"];
  {
    RunningServer server(archive);
    httplib::Result page = server.Get("/a/" + id + "/page/1");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->body.find("SCRIPT RAN") != std::string::npos);  // the bytes as fetched
    const std::string policy = page->get_header_value("Content-Security-Policy");
    CHECK(policy.rfind("sandbox;", 0) == 0);  // no allow-scripts: nothing in it runs
    CHECK(policy.find("default-src 'none'") != std::string::npos);
    CHECK(page->get_header_value("X-Content-Type-Options") == "nosniff");
  }
  stet::ServeOptions open;
  open.archive_path = archive;
  open.bind = "0.0.0.0";
  open.port = 0;
  auto refused = stet::ReviewServer::Start(open);
  REQUIRE(!refused.ok());
  CHECK(refused.status().message().find("not a loopback address") != std::string::npos);
  CHECK(stet::IsLoopback("127.0.0.1"));
  CHECK(stet::IsLoopback("::1"));
  CHECK(!stet::IsLoopback("192.168.1.2"));
  RunResult cli = Stet(archive, {"serve", "--bind", "0.0.0.0", "--port", "0"});
  CHECK(cli.exit_code == 1);
  CHECK(cli.err.find("stet: serve: 0.0.0.0 is not a loopback address") == 0);
}
