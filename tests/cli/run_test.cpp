// stet run, status and watch end to end against real local news sites
// (tests/news_site.h): what is fetched, what is stored, what the state
// database keeps, how failures back off, and how a pass ends.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "news_site.h"
#include "test_support.h"

namespace {

using stet::test::NewsSite;
using stet::test::RunResult;
using stet::test::Stet;

// Every object in a repository.
std::set<std::string> Objects(const std::string& archive) {
  RunResult listed = stet::test::Run({"git", "--git-dir", archive, "cat-file",
                                      "--batch-all-objects", "--batch-check=%(objectname)"});
  std::set<std::string> objects;
  std::istringstream lines(listed.out);
  for (std::string line; std::getline(lines, line);) objects.insert(line);
  return objects;
}

// Every ref and the object it names.
std::map<std::string, std::string> Refs(const std::string& archive) {
  RunResult listed = stet::test::Run(
      {"git", "--git-dir", archive, "for-each-ref", "--format=%(refname) %(objectname)"});
  std::map<std::string, std::string> refs;
  std::istringstream lines(listed.out);
  for (std::string name, id; lines >> name >> id;) refs[name] = id;
  return refs;
}

// The objects reachable from `tips` and from none of `old_tips`.
std::set<std::string> ObjectsBetween(const std::string& archive,
                                     const std::vector<std::string>& tips,
                                     const std::vector<std::string>& old_tips) {
  std::vector<std::string> argv = {"git", "--git-dir", archive, "rev-list", "--objects"};
  argv.insert(argv.end(), tips.begin(), tips.end());
  if (!old_tips.empty()) argv.push_back("--not");
  argv.insert(argv.end(), old_tips.begin(), old_tips.end());
  RunResult listed = stet::test::Run(argv);
  std::set<std::string> objects;
  std::istringstream lines(listed.out);
  for (std::string line; std::getline(lines, line);) objects.insert(line.substr(0, 40));
  return objects;
}

nlohmann::json Status(const std::string& archive, const std::string& now) {
  RunResult status = Stet(archive, {"status", "--format", "json", "--now", now});
  REQUIRE(status.exit_code == 0);
  return nlohmann::json::parse(status.out);
}

const nlohmann::json* HostOf(const nlohmann::json& status, const std::string& host) {
  for (const nlohmann::json& entry : status["hosts"]) {
    if (entry["host"] == host) return &entry;
  }
  return nullptr;
}

// The summary line of `run --log-format json` (its last line).
nlohmann::json SummaryOf(const RunResult& run) {
  std::istringstream lines(run.out);
  std::string line, last;
  while (std::getline(lines, line)) {
    if (!line.empty()) last = line;
  }
  nlohmann::json summary = nlohmann::json::parse(last, nullptr, false);
  REQUIRE(!summary.is_discarded());
  REQUIRE(summary["event"] == "summary");
  return summary;
}

// The article refs (refs/stet/articles/...) and their commits.
std::map<std::string, std::string> ArticleRefs(const std::string& archive) {
  std::map<std::string, std::string> articles;
  for (const auto& [name, id] : Refs(archive)) {
    if (name.rfind("refs/stet/articles/", 0) == 0) articles[name] = id;
  }
  return articles;
}

}  // namespace

TEST_CASE("run: two passes over 50 articles and two feeds store exactly what changed",
          "[run][cli]") {
  stet::test::ScratchDir scratch;
  const std::string archive = scratch / "archive";
  NewsSite main_site, busy_site, broken_site;
  std::vector<std::string> tracked;
  // 40 articles on the main site (every other one with an ETag), two of
  // them where robots.txt forbids; 5 on each of two other hosts.
  for (int i = 1; i <= 40; ++i) {
    const std::string path = (i <= 38 ? "/news/" : "/private/") + std::to_string(i);
    main_site.SetArticleVersion(path, 1, i % 2 == 0);
    tracked.push_back(main_site.Url(path));
    if (i <= 10) main_site.AddFeedItem(path, /*atom=*/false);
    if (i > 10 && i <= 20) main_site.AddFeedItem(path, /*atom=*/true);
  }
  main_site.SetRobots("User-agent: *\nDisallow: /private/\n");
  for (NewsSite* other : {&busy_site, &broken_site}) {
    for (int i = 1; i <= 5; ++i) {
      const std::string path = "/story/" + std::to_string(i);
      other->SetArticleVersion(path, 1);
      tracked.push_back(other->Url(path));
    }
  }
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  std::vector<std::string> track = {"track"};
  track.insert(track.end(), tracked.begin(), tracked.end());
  REQUIRE(Stet(archive, track).exit_code == 0);
  REQUIRE(Stet(archive, {"feed", "add", main_site.Url("/rss.xml"), main_site.Url("/atom.xml")})
              .exit_code == 0);
  auto run_at = [&](const std::string& now) {
    return Stet(archive, {"run", "--host-delay", "0", "--log-format", "json", "--now", now});
  };

  // First pass: every allowed article is new; the feeds name only tracked ones.
  RunResult first = run_at("2026-03-01T10:00:00Z");
  REQUIRE(first.exit_code == 0);
  nlohmann::json summary = SummaryOf(first);
  CHECK(summary["new"] == 48);
  CHECK(summary["blocked"] == 2);
  CHECK(summary["feeds_checked"] == 2);
  CHECK(summary["feed_items"] == 0);
  CHECK(summary["failed"] == 0);
  CHECK(ArticleRefs(archive).size() == 48);
  CHECK(main_site.RequestsUnder("/private/") == 0);

  // Between the passes: five articles change, each feed gets a new item,
  // one host starts answering 429 and another 500.
  for (int i : {3, 8, 13, 21, 30})
    main_site.SetArticleVersion("/news/" + std::to_string(i), 2, i % 2 == 0);
  main_site.SetArticleVersion("/news/new-a", 1);
  main_site.SetArticleVersion("/news/new-b", 1, false);
  main_site.AddFeedItem("/news/new-a", /*atom=*/false);
  main_site.AddFeedItem("/news/new-b", /*atom=*/true);
  busy_site.FailArticles(429, "600");
  broken_site.FailArticles(500);
  const std::map<std::string, std::string> refs_before = Refs(archive);
  const std::set<std::string> objects_before = Objects(archive);
  const long not_modified_before = main_site.not_modified();
  const long busy_before = busy_site.RequestsUnder("/story/");
  const long broken_before = broken_site.RequestsUnder("/story/");

  RunResult second = run_at("2026-03-01T11:00:00Z");
  REQUIRE(second.exit_code == 0);
  summary = SummaryOf(second);
  CHECK(summary["changed"] == 5);
  CHECK(summary["new"] == 2);
  CHECK(summary["feed_items"] == 2);
  // Each request the failing hosts answered is a failure (one or two: both
  // connections may be in flight when the first answer comes).
  const long busy_asked = busy_site.RequestsUnder("/story/") - busy_before;
  const long broken_asked = broken_site.RequestsUnder("/story/") - broken_before;
  CHECK(summary["failed_by_cause"]["HTTP 429"] == busy_asked);
  CHECK(summary["failed_by_cause"]["HTTP 500"] == broken_asked);
  CHECK(summary["failed"] == busy_asked + broken_asked);
  CHECK(summary["deferred"] == 10 - busy_asked - broken_asked);
  // 38 checked on the main site: 5 changed, the other 33 answered 304 (ETag) or the same body.
  CHECK(summary["not_modified"].get<long>() + summary["unchanged"].get<long>() == 33);
  // Every main-site article with an ETag that did not change got a 304.
  CHECK(main_site.not_modified() - not_modified_before == 17);
  CHECK(summary["not_modified"] == 17);
  // The failing hosts got at most their two connections' worth before
  // their other articles were held back.
  CHECK(busy_asked >= 1);
  CHECK(busy_asked <= 2);
  CHECK(broken_asked >= 1);
  CHECK(broken_asked <= 2);
  CHECK(second.out.find("\"event\":\"host_backoff\"") != std::string::npos);

  // Exactly seven article histories moved; every new object belongs to
  // them or to the watch list (the two items tracked).
  const std::map<std::string, std::string> refs_after = Refs(archive);
  std::vector<std::string> moved, old_tips;
  for (const auto& [name, id] : refs_after) {
    auto before = refs_before.find(name);
    if (before != refs_before.end() && before->second == id) continue;
    if (name.rfind("refs/stet/articles/", 0) == 0) moved.push_back(name);
  }
  CHECK(moved.size() == 7);
  for (const auto& [name, id] : refs_before) old_tips.push_back(id);
  std::vector<std::string> new_tips = moved;
  new_tips.push_back("refs/stet/watchlist");
  if (refs_after.count("refs/stet/aliases")) new_tips.push_back("refs/stet/aliases");
  const std::set<std::string> explained = ObjectsBetween(archive, new_tips, old_tips);
  std::set<std::string> added;
  for (const std::string& object : Objects(archive)) {
    if (!objects_before.count(object)) added.insert(object);
  }
  CHECK(!added.empty());
  CHECK(added == explained);
  CHECK(main_site.RequestsUnder("/private/") == 0);

  // The failing hosts back off: status says until when and why, and a pass
  // two minutes later does not ask them at all while the main site goes on.
  nlohmann::json status = Status(archive, "2026-03-01T11:02:00Z");
  const nlohmann::json* busy = HostOf(status, busy_site.Host());
  const nlohmann::json* broken = HostOf(status, broken_site.Host());
  REQUIRE(busy != nullptr);
  REQUIRE(broken != nullptr);
  CHECK((*busy)["backoff_until"] == "2026-03-01T11:10:00Z");  // Retry-After: 600
  CHECK((*busy)["last_cause"] == "HTTP 429");
  CHECK((*broken)["backoff_until"] == "2026-03-01T11:05:00Z");  // the first retry: 5m
  CHECK((*broken)["last_cause"] == "HTTP 500");
  const long busy_mid = busy_site.RequestsUnder("/story/");
  const long broken_mid = broken_site.RequestsUnder("/story/");
  main_site.SetArticleVersion("/news/5", 3, false);
  RunResult third = run_at("2026-03-01T11:20:00Z");
  REQUIRE(third.exit_code == 0);
  summary = SummaryOf(third);
  CHECK(summary["changed"] == 1);
  // Due again at 11:05 and 11:10: asked again at 11:20.
  CHECK(busy_site.RequestsUnder("/story/") > busy_mid);
  CHECK(broken_site.RequestsUnder("/story/") > broken_mid);
  RunResult early = run_at("2026-03-01T11:21:00Z");
  REQUIRE(early.exit_code == 0);
  // Failed again at 11:20: the second back-off is longer; nothing is due
  // on those hosts a minute later.
  const long busy_late = busy_site.RequestsUnder("/story/");
  CHECK(Stet(archive, {"run", "--host-delay", "0", "--now", "2026-03-01T11:22:00Z"}).exit_code ==
        0);
  CHECK(busy_site.RequestsUnder("/story/") == busy_late);
}
