// stet run, status and watch end to end against real local news sites
// (tests/news_site.h): what is fetched, what is stored, what the state
// database keeps, how failures back off, and how a pass ends.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <mutex>
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

namespace {

// An archive tracking `count` articles of `site`, /a/1 ... /a/count.
std::vector<std::string> TrackArticles(const std::string& archive, NewsSite& site, int count) {
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  std::vector<std::string> args = {"track"}, urls;
  for (int i = 1; i <= count; ++i) {
    const std::string path = "/a/" + std::to_string(i);
    site.SetArticleVersion(path, 1);
    urls.push_back(site.Url(path));
  }
  args.insert(args.end(), urls.begin(), urls.end());
  REQUIRE(Stet(archive, args).exit_code == 0);
  return urls;
}

// "2026-03-01T" + hour + ":00:00Z": one pass an hour keeps every young
// article due.
std::string Hour(int hour) {
  char text[32];
  std::snprintf(text, sizeof(text), "2026-03-%02dT%02d:00:00Z", 1 + hour / 24, hour % 24);
  return text;
}

}  // namespace

TEST_CASE("run: a page flipping between two versions stores two revisions", "[run][cli]") {
  stet::test::ScratchDir scratch;
  const std::string archive = scratch / "archive";
  NewsSite site;
  const std::string url = TrackArticles(archive, site, 1)[0];
  const std::vector<std::string> expected = {"new", "stored", "reappeared", "unchanged",
                                             "reappeared"};
  for (int pass = 0; pass < 5; ++pass) {
    site.SetArticleVersion("/a/1", 1 + pass % 2);  // A, B, A, B, A
    RunResult run = Stet(
        archive, {"run", "--host-delay", "0", "--log-format", "json", "-v", "--now", Hour(pass)});
    REQUIRE(run.exit_code == 0);
    INFO(run.out);
    CHECK(run.out.find("\"event\":\"" + expected[static_cast<std::size_t>(pass)] + "\"") !=
          std::string::npos);
  }
  nlohmann::json log = nlohmann::json::parse(Stet(archive, {"log", url, "--format", "json"}).out);
  CHECK(log.size() == 2);
  nlohmann::json status = Status(archive, Hour(5));
  CHECK(status["urls"][0]["reappearances"] == 2);
  CHECK(status["urls"][0]["changes"] == 2);
}

TEST_CASE("run: --notify and --webhook hear of each material change once, as diff JSON",
          "[run][cli]") {
  stet::test::ScratchDir scratch;
  const std::string archive = scratch / "archive";
  const std::string alerts = scratch / "alerts";
  REQUIRE(stet::test::Run({"mkdir", alerts}).exit_code == 0);
  NewsSite site;
  const std::string url = TrackArticles(archive, site, 1)[0];
  std::mutex posted_mutex;
  std::vector<std::string> posted;
  stet::test::TestHttpServer hook;
  hook.server().Post("/hook", [&](const httplib::Request& request, httplib::Response& response) {
    std::lock_guard<std::mutex> lock(posted_mutex);
    posted.push_back(request.body);
    response.status = 204;
  });
  hook.Start();
  auto pass = [&](int hour, const std::string& notify) {
    return Stet(archive, {"run", "--host-delay", "0", "--now", Hour(hour), "--notify", notify,
                          "--webhook", hook.Url("/hook")});
  };
  const std::string save = "cat > \"$(mktemp " + alerts + "/alert.XXXXXX)\"";
  auto saved = [&] {
    std::vector<std::string> files;
    RunResult listed = stet::test::Run({"ls", alerts});
    std::istringstream lines(listed.out);
    for (std::string name; std::getline(lines, name);) files.push_back(alerts + "/" + name);
    return files;
  };
  REQUIRE(pass(0, save).exit_code == 0);  // the first revision: nothing to compare
  CHECK(saved().empty());

  // A number and a quote changed: material.
  site.SetArticleVersion("/a/1", 2);
  REQUIRE(pass(1, save).exit_code == 0);
  REQUIRE(saved().size() == 1);
  nlohmann::json alert = nlohmann::json::parse(stet::test::ReadFile(saved()[0]), nullptr, false);
  REQUIRE(!alert.is_discarded());
  CHECK(alert["from"]["number"] == 1);
  CHECK(alert["to"]["number"] == 2);
  CHECK(!alert["changes"].empty());
  {
    std::lock_guard<std::mutex> lock(posted_mutex);
    REQUIRE(posted.size() == 1);
    CHECK(nlohmann::json::parse(posted[0]) == alert);
  }

  // Punctuation only: stored, but below the default threshold.
  site.SetArticle(
      "/a/1", {"The council of the town named by /a/1 approved a budget of 12 million dollars "
               "on Tuesday; officials said.",
               "\"We will finish the bridge before the winter,\" said Mayor Ana Ruiz, who has "
               "led the town since 2019 and spoke to reporters outside the hall in revision 2."});
  RunResult punctuation = pass(2, save);
  REQUIRE(punctuation.exit_code == 0);
  CHECK(punctuation.out.find("stored ") != std::string::npos);
  CHECK(saved().size() == 1);

  // A hook that fails keeps its alert queued; the next pass delivers it.
  site.SetArticleVersion("/a/1", 4);
  RunResult failing = pass(3, "exit 3");
  CHECK(failing.exit_code == 0);  // the revision is stored all the same
  CHECK(failing.out.find("alert_failed") != std::string::npos);
  CHECK(failing.out.find("exit status 3") != std::string::npos);
  CHECK(Status(archive, Hour(3))["alerts_queued"] == 1);
  REQUIRE(pass(4, save).exit_code == 0);
  CHECK(saved().size() == 2);
  CHECK(Status(archive, Hour(4))["alerts_queued"] == 0);
  nlohmann::json log = nlohmann::json::parse(Stet(archive, {"log", url, "--format", "json"}).out);
  CHECK(log.size() == 4);
}

TEST_CASE("run: the state database is rebuilt from the archive when lost", "[run][cli]") {
  stet::test::ScratchDir scratch;
  const std::string archive = scratch / "archive";
  NewsSite site;
  TrackArticles(archive, site, 4);
  REQUIRE(Stet(archive, {"run", "--host-delay", "0", "--now", Hour(0)}).exit_code == 0);
  const long not_modified = site.not_modified();
  // Lost: the next pass seeds every row from the archive, validators too.
  REQUIRE(stet::test::Run({"rm", "-f", archive + "/stet/state.sqlite",
                           archive + "/stet/state.sqlite-wal", archive + "/stet/state.sqlite-shm"})
              .exit_code == 0);
  RunResult rebuilt =
      Stet(archive, {"run", "--host-delay", "0", "--log-format", "json", "--now", Hour(1)});
  REQUIRE(rebuilt.exit_code == 0);
  CHECK(SummaryOf(rebuilt)["not_modified"] == 4);
  CHECK(site.not_modified() - not_modified == 4);
  // Damaged: moved aside, replaced, and said so.
  stet::test::WriteFile(archive + "/stet/state.sqlite", std::string(8192, 'x'));
  REQUIRE(stet::test::Run(
              {"rm", "-f", archive + "/stet/state.sqlite-wal", archive + "/stet/state.sqlite-shm"})
              .exit_code == 0);
  RunResult damaged = Stet(archive, {"run", "--host-delay", "0", "--now", Hour(2)});
  CHECK(damaged.exit_code == 0);
  CHECK(damaged.out.find("state_rebuilt") != std::string::npos);
  CHECK(damaged.out.find("not modified 4") != std::string::npos);
  CHECK(stet::test::ReadFile(archive + "/stet/state.sqlite.damaged").size() == 8192);
}

TEST_CASE("run: a second pass over the same archive waits or says so", "[run][cli]") {
  stet::test::ScratchDir scratch;
  const std::string archive = scratch / "archive";
  NewsSite site;
  TrackArticles(archive, site, 4);
  site.SetDelayMs(1500);
  const int first = stet::test::Spawn(
      {STET_BINARY, "--archive", archive, "run", "--host-delay", "0", "--max-per-host", "1"});
  // The first pass holds the lock while its fetches wait on the server.
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  RunResult second = Stet(archive, {"run", "--wait", "0"});
  CHECK(second.exit_code == 0);
  CHECK(second.err.find("another pass over " + archive + " is running (pid " +
                        std::to_string(first)) != std::string::npos);
  CHECK(second.out.empty());
  site.SetDelayMs(0);
  // --wait long enough: it runs once the first is done.
  RunResult waited = Stet(archive, {"run", "--wait", "60s", "--host-delay", "0"});
  CHECK(waited.exit_code == 0);
  CHECK(waited.out.find("checked") != std::string::npos);
  CHECK(stet::test::WaitExit(first) == 0);
}

TEST_CASE("watch: SIGTERM ends it within 5 s, leaving the archive whole", "[run][cli]") {
  stet::test::ScratchDir scratch;
  const std::string archive = scratch / "archive";
  NewsSite site;
  TrackArticles(archive, site, 20);
  site.SetDelayMs(300);  // a pass takes seconds: the signal comes mid-pass
  const int pid = stet::test::Spawn(
      {STET_BINARY, "--archive", archive, "watch", "--interval", "1s", "--host-delay", "0"});
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  REQUIRE(!stet::test::PollExit(pid));
  const auto signalled = std::chrono::steady_clock::now();
  REQUIRE(::kill(pid, SIGTERM) == 0);
  std::optional<int> code;
  while (!(code = stet::test::PollExit(pid)) &&
         std::chrono::steady_clock::now() - signalled < std::chrono::seconds(10)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  REQUIRE(code);
  CHECK(*code == 0);
  CHECK(std::chrono::steady_clock::now() - signalled < std::chrono::seconds(5));
  CHECK(stet::test::GitFsck(archive).exit_code == 0);
  // Whatever the pass stored is whole; a pass completes what it left.
  site.SetDelayMs(0);
  RunResult next = Stet(archive, {"run", "--host-delay", "0", "--log-format", "json"});
  REQUIRE(next.exit_code == 0);
  nlohmann::json summary = SummaryOf(next);
  CHECK(summary["failed"] == 0);
  CHECK(nlohmann::json::parse(Stet(archive, {"list", "--format", "json"}).out).size() == 20);
}

TEST_CASE("run: a pass killed at random moments leaves archive and state whole", "[run][cli]") {
  stet::test::ScratchDir scratch;
  const std::string archive = scratch / "archive";
  NewsSite site;
  const std::vector<std::string> urls = TrackArticles(archive, site, 30);
  site.SetDelayMs(15);
  std::mt19937 random(20261201);
  std::vector<int> version(31, 1);
  int checked_databases = 0;
  for (int round = 1; round <= 12; ++round) {
    // Some articles change each round; a killed pass leaves them for the next.
    for (int i = 1; i <= 30; ++i) {
      if (random() % 3 == 0) site.SetArticleVersion("/a/" + std::to_string(i), ++version[i]);
    }
    const int pid = stet::test::Spawn(
        {STET_BINARY, "--archive", archive, "run", "--host-delay", "0", "--now", Hour(round)});
    std::this_thread::sleep_for(std::chrono::milliseconds(20 + random() % 400));
    ::kill(pid, SIGKILL);
    stet::test::WaitExit(pid);
    INFO("round " << round);
    REQUIRE(stet::test::GitFsck(archive).exit_code == 0);
    // (A pass killed before it opened the database has made none yet.)
    if (::access((archive + "/stet/state.sqlite").c_str(), F_OK) == 0) {
      ++checked_databases;
      RunResult integrity =
          stet::test::Run({"sqlite3", archive + "/stet/state.sqlite", "PRAGMA integrity_check"});
      CHECK(integrity.err.empty());
      CHECK(integrity.exit_code == 0);
      CHECK(integrity.out == "ok\n");
    }
  }
  CHECK(checked_databases >= 10);
  site.SetDelayMs(0);
  RunResult last =
      Stet(archive, {"run", "--host-delay", "0", "--log-format", "json", "--now", Hour(13)});
  REQUIRE(last.exit_code == 0);
  CHECK(SummaryOf(last)["failed"] == 0);
  // Every article's latest revision is the version the site serves now.
  for (int i = 1; i <= 30; ++i) {
    RunResult shown = Stet(archive, {"show", urls[static_cast<std::size_t>(i - 1)]});
    INFO(urls[static_cast<std::size_t>(i - 1)]);
    CHECK(shown.out.find("in revision " + std::to_string(version[i]) + ".") != std::string::npos);
  }
  CHECK(Status(archive, Hour(13))["failing"] == 0);
}

TEST_CASE("run: the schedule comes from the archive's config, and a bad value is named",
          "[run][cli]") {
  stet::test::ScratchDir scratch;
  const std::string archive = scratch / "archive";
  NewsSite site;
  TrackArticles(archive, site, 1);
  auto config = [&](const std::string& key, const std::string& value) {
    REQUIRE(stet::test::Run({"git", "--git-dir", archive, "config", key, value}).exit_code == 0);
  };
  config("stet.schedule", "5m for 1h, 1h for 1d");
  REQUIRE(Stet(archive, {"run", "--host-delay", "0", "--now", "2026-03-01T10:00:00Z"}).exit_code ==
          0);
  nlohmann::json status = Status(archive, "2026-03-01T10:00:00Z");
  CHECK(status["schedule"]["articles"] == "5m for 1h, 1h for 1d");
  CHECK(status["urls"][0]["next_due"] == "2026-03-01T10:05:00Z");
  // Older than the last tier since its last change: no longer checked.
  REQUIRE(Stet(archive, {"run", "--host-delay", "0", "--now", "2026-03-03T10:00:00Z"}).exit_code ==
          0);
  status = Status(archive, "2026-03-03T10:00:00Z");
  CHECK(status["urls"][0]["next_due"].is_null());
  CHECK(status["no_longer_checked"] == 1);

  config("stet.schedule", "5m until 1h");
  const std::string before = stet::test::Snapshot(archive + "/refs");
  RunResult bad = Stet(archive, {"run", "--now", "2026-03-04T10:00:00Z"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err == "stet: run: archive " + archive +
                       ": config stet.schedule: '5m until 1h' is not a tier (EVERY for AGE: 15m "
                       "for 6h)\n");
  CHECK(stet::test::Snapshot(archive + "/refs") == before);
}

TEST_CASE("run: a progress bar on a terminal, one plain line per event otherwise", "[run][cli]") {
  stet::test::ScratchDir scratch;
  const std::string archive = scratch / "archive";
  NewsSite site;
  const std::vector<std::string> urls = TrackArticles(archive, site, 3);
  RunResult plain = Stet(archive, {"run", "--host-delay", "0", "--now", Hour(0)});
  REQUIRE(plain.exit_code == 0);
  for (const std::string& url : urls) {
    CHECK(plain.out.find("new          " + url + "  revision 1 of article ") != std::string::npos);
  }
  CHECK(plain.out.find("checked 3, changed 0, new 3, not modified 0, unchanged 0, failed 0 in ") !=
        std::string::npos);
  CHECK(plain.err.empty());
  CHECK(plain.out.find('\r') == std::string::npos);

  site.SetArticleVersion("/a/2", 2);
  RunResult terminal = stet::test::RunInTerminal(
      {STET_BINARY, "--archive", archive, "run", "--host-delay", "0", "--now", Hour(1)});
  REQUIRE(terminal.exit_code == 0);
  // The bar: done/total, rate and counts, redrawn in place and cleared.
  CHECK(terminal.out.find("/3  ") != std::string::npos);
  CHECK(terminal.out.find("/s  changed ") != std::string::npos);
  CHECK(terminal.out.find("\r\x1b[2K") != std::string::npos);
  CHECK(terminal.out.find("stored       " + urls[1] + "  revision 2") != std::string::npos);
}

TEST_CASE("run: an entry's own interval and robots.txt choice travel with it", "[run][cli]") {
  stet::test::ScratchDir scratch;
  const std::string archive = scratch / "archive";
  NewsSite site;
  site.SetRobots("User-agent: *\nDisallow: /private/\n");
  for (const char* path : {"/a/1", "/a/2", "/private/3"}) site.SetArticleVersion(path, 1);
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  REQUIRE(Stet(archive, {"track", site.Url("/a/1")}).exit_code == 0);
  REQUIRE(Stet(archive, {"track", site.Url("/a/2"), "--every", "5m"}).exit_code == 0);
  REQUIRE(Stet(archive, {"track", site.Url("/private/3"), "--ignore-robots"}).exit_code == 0);
  nlohmann::json tracked =
      nlohmann::json::parse(Stet(archive, {"tracked", "--format", "json"}).out);
  REQUIRE(tracked.size() == 3);
  CHECK(tracked[0]["every"].is_null());
  CHECK(tracked[1]["every"] == "5m");
  CHECK(tracked[2]["ignore_robots"] == true);
  CHECK(Stet(archive, {"tracked"}).out.find(site.Url("/a/2") + "  every 5m") != std::string::npos);

  RunResult first = Stet(archive, {"run", "--host-delay", "0", "--log-format", "json", "--now",
                                   "2026-03-01T10:00:00Z"});
  REQUIRE(first.exit_code == 0);
  CHECK(SummaryOf(first)["new"] == 3);  // /private/3 too: its entry ignores robots.txt
  nlohmann::json status = Status(archive, "2026-03-01T10:00:00Z");
  std::map<std::string, nlohmann::json> by_url;
  for (const nlohmann::json& url : status["urls"]) by_url[url["url"]] = url;
  CHECK(by_url[site.Url("/a/1")]["next_due"] == "2026-03-01T10:15:00Z");
  CHECK(by_url[site.Url("/a/2")]["next_due"] == "2026-03-01T10:05:00Z");

  // Long after: the schedule stopped /a/1, /a/2 is still checked every 5m.
  REQUIRE(Stet(archive, {"run", "--host-delay", "0", "--now", "2026-06-01T10:00:00Z"}).exit_code ==
          0);
  status = Status(archive, "2026-06-01T10:00:00Z");
  for (const nlohmann::json& url : status["urls"]) by_url[url["url"]] = url;
  CHECK(by_url[site.Url("/a/1")]["next_due"].is_null());
  CHECK(by_url[site.Url("/a/2")]["next_due"] == "2026-06-01T10:05:00Z");

  // Options given again replace the entry's; its time stays.
  const std::string added = tracked[1]["added_at"];
  RunResult reset = Stet(archive, {"track", site.Url("/a/2"), "--every", "0"});
  CHECK(reset.exit_code == 0);
  CHECK(reset.out == "tracking 1 new article URL(s); 0 already tracked\n");
  tracked = nlohmann::json::parse(Stet(archive, {"tracked", "--format", "json"}).out);
  CHECK(tracked[1]["every"].is_null());
  CHECK(tracked[1]["added_at"] == added);
  // The state follows the changed entry: no interval of its own any more,
  // so the pass that checks it hands it back to the schedule, which long
  // stopped an article this old.
  status = Status(archive, "2026-06-01T10:10:00Z");
  for (const nlohmann::json& url : status["urls"]) by_url[url["url"]] = url;
  CHECK(by_url[site.Url("/a/2")]["every"].is_null());
  REQUIRE(Stet(archive, {"run", "--host-delay", "0", "--now", "2026-06-01T10:10:00Z"}).exit_code ==
          0);
  status = Status(archive, "2026-06-01T10:10:00Z");
  for (const nlohmann::json& url : status["urls"]) by_url[url["url"]] = url;
  CHECK(by_url[site.Url("/a/2")]["next_due"].is_null());
  CHECK(Stet(archive, {"track", site.Url("/a/2")}).out ==
        "tracking 0 new article URL(s); 1 already tracked\n");
  RunResult bad = Stet(archive, {"track", site.Url("/a/2"), "--every", "soon"});
  CHECK(bad.exit_code == 1);
  CHECK(
      bad.err ==
      "stet: track: --every: 'soon' is not a duration (a whole number and s, m, h, d or w: 15m)\n");
}

TEST_CASE("run: exit 3 only when every fetch failed", "[run][cli]") {
  stet::test::ScratchDir scratch;
  const std::string archive = scratch / "archive";
  NewsSite site;
  TrackArticles(archive, site, 2);
  site.FailArticles(404);  // per page, not per host: both are asked
  RunResult failed = Stet(archive, {"run", "--host-delay", "0", "--now", Hour(0)});
  CHECK(failed.exit_code == 3);
  CHECK(failed.out.find("checked 2, changed 0, new 0, not modified 0, unchanged 0, failed 2 "
                        "(HTTP 404: 2)") != std::string::npos);
  site.FailArticles(0);
  // Retried after the first back-off (5m), both succeed.
  RunResult early = Stet(archive, {"run", "--host-delay", "0", "--now", "2026-03-01T00:04:00Z"});
  CHECK(early.exit_code == 0);
  CHECK(early.out.find("checked 0,") != std::string::npos);
  RunResult retried = Stet(archive, {"run", "--host-delay", "0", "--now", "2026-03-01T00:05:00Z"});
  CHECK(retried.exit_code == 0);
  CHECK(retried.out.find("new 2") != std::string::npos);
}
