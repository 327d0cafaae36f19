// stet track / untrack / tracked: the watch list, kept in the archive's
// repository as refs/stet/watchlist, one commit per change.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "test_support.h"

using stet::test::Run;
using stet::test::RunResult;
using stet::test::ScratchDir;
using stet::test::Snapshot;
using stet::test::Stet;

namespace {

std::vector<std::string> TrackedUrls(const std::string& archive) {
  RunResult tracked = Stet(archive, {"tracked", "--format", "json"});
  REQUIRE(tracked.exit_code == 0);
  std::vector<std::string> urls;
  for (const nlohmann::json& entry : nlohmann::json::parse(tracked.out)) {
    CHECK(entry["kind"] == "article");
    CHECK(stet::test::Run({"date", "-d", entry["added_at"].get<std::string>()}).exit_code == 0);
    urls.push_back(entry["url"]);
  }
  return urls;
}

int Commits(const std::string& archive) {
  RunResult count =
      Run({"git", "--git-dir=" + archive, "rev-list", "--count", "refs/stet/watchlist"});
  return count.exit_code == 0 ? std::stoi(count.out) : 0;
}

}  // namespace

TEST_CASE("track: URLs in any spelling, from arguments or a file, one commit per change",
          "[track][cli]") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  RunResult empty = Stet(archive, {"tracked"});
  CHECK(empty.exit_code == 0);
  CHECK(empty.out == "nothing tracked yet in " + archive + " (add URLs with `stet track`)\n");

  RunResult first = Stet(archive, {"track", "https://News.Example.com/world/talks?utm_source=x",
                                   "https://news.example.com/world/flood"});
  REQUIRE(first.exit_code == 0);
  CHECK(first.out == "tracking 2 new article URL(s); 0 already tracked\n");
  CHECK(Commits(archive) == 1);
  // The same URL spelled another way is the same entry: nothing written.
  const std::string before = Snapshot(archive);
  RunResult again = Stet(archive, {"track", "https://news.example.com:443/world/talks#top"});
  CHECK(again.out == "tracking 0 new article URL(s); 1 already tracked\n");
  CHECK(Snapshot(archive) == before);
  // A file of URLs, one a line, with comments and blank lines; "-" is stdin.
  stet::test::WriteFile(dir / "urls.txt",
                        "# from the feed\nhttps://x.example.org/1\n\n  https://x.example.org/2  \n"
                        "https://news.example.com/world/flood\n");
  RunResult from_file = Stet(archive, {"track", "--from", dir / "urls.txt"});
  CHECK(from_file.out == "tracking 2 new article URL(s); 1 already tracked\n");
  RunResult from_stdin = Stet(archive, {"track", "--from", "-"}, "https://x.example.org/3\n");
  CHECK(from_stdin.out == "tracking 1 new article URL(s); 0 already tracked\n");
  CHECK(Commits(archive) == 3);
  CHECK(TrackedUrls(archive) ==
        std::vector<std::string>{"https://news.example.com/world/flood",
                                 "https://news.example.com/world/talks", "https://x.example.org/1",
                                 "https://x.example.org/2", "https://x.example.org/3"});

  RunResult untracked =
      Stet(archive, {"untrack", "https://x.example.org/2", "https://never.example.org/"});
  CHECK(untracked.exit_code == 0);
  CHECK(untracked.out == "untracked 1 article URL(s); 1 were not tracked\n");
  CHECK(Commits(archive) == 4);
  CHECK(TrackedUrls(archive).size() == 4);
  RunResult text = Stet(archive, {"tracked"});
  CHECK(text.out.rfind("KIND     ADDED                 URL\narticle  ", 0) == 0);
  CHECK(text.out.find("  https://x.example.org/3\n") != std::string::npos);
  CHECK(stet::test::GitFsck(archive).exit_code == 0);

  // The list travels with the archive: a push of its refs carries it.
  REQUIRE(Stet(dir / "copy", {"init"}).exit_code == 0);
  REQUIRE(
      Run({"git", "--git-dir=" + archive, "push", "-q", dir / "copy", "refs/stet/*:refs/stet/*"})
          .exit_code == 0);
  CHECK(TrackedUrls(dir / "copy") == TrackedUrls(archive));
}

TEST_CASE("track: a bad URL or none is refused and nothing is written", "[track][cli][errors]") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  const std::string before = Snapshot(archive);
  RunResult scheme = Stet(archive, {"track", "https://x.example.org/1", "ftp://x.example.org/f"});
  CHECK(scheme.exit_code == 1);
  CHECK(scheme.err ==
        "stet: track ftp://x.example.org/f: only http and https URLs can be tracked\n");
  RunResult relative = Stet(archive, {"track", "/world/talks"});
  CHECK(relative.exit_code == 1);
  CHECK(relative.err.rfind("stet: track URL /world/talks: not an absolute URL", 0) == 0);
  RunResult none = Stet(archive, {"track"});
  CHECK(none.exit_code == 2);
  CHECK(none.err == "stet: track: give URLs, or --from FILE with one a line\n");
  RunResult missing = Stet(archive, {"track", "--from", dir / "missing.txt"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err == "stet: track " + dir / "missing.txt" + ": No such file or directory\n");
  CHECK(Snapshot(archive) == before);  // all or nothing
  CHECK(Stet(dir / "none", {"tracked"}).exit_code == 1);
}

TEST_CASE("STET_NOW is the time every command takes as now", "[cli][clock]") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  stet::test::WriteFile(dir / "a.txt", "The talks resumed on Monday in Geneva.\n");
  auto at = [&](const std::string& now, std::vector<std::string> args) {
    std::vector<std::string> argv = {"env", "STET_NOW=" + now, STET_BINARY, "--archive", archive};
    argv.insert(argv.end(), args.begin(), args.end());
    return Run(argv);
  };
  REQUIRE(at("2025-02-13T14:05:00Z", {"add", dir / "a.txt", "--url", "https://x.example.org/a"})
              .exit_code == 0);
  REQUIRE(at("2025-02-13T09:00:00-05:00", {"track", "https://x.example.org/a"}).exit_code == 0);
  const nlohmann::json log = nlohmann::json::parse(
      Stet(archive, {"log", "https://x.example.org/a", "--format", "json"}).out);
  CHECK(log[0]["fetched_at"] == "2025-02-13T14:05:00Z");
  const nlohmann::json tracked =
      nlohmann::json::parse(Stet(archive, {"tracked", "--format", "json"}).out);
  CHECK(tracked[0]["added_at"] == "2025-02-13T14:00:00Z");
  // git's own dates too: the revision's and the watch list's commits.
  CHECK(Run({"git", "--git-dir=" + archive, "log", "-1", "--format=%cI", log[0]["commit"]}).out ==
        "2025-02-13T14:05:00+00:00\n");
  CHECK(Run({"git", "--git-dir=" + archive, "log", "-1", "--format=%cI", "refs/stet/watchlist"})
            .out == "2025-02-13T14:00:00+00:00\n");
  RunResult bad = at("tomorrow", {"tracked"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err ==
        "stet: STET_NOW: time tomorrow: too short (want RFC 3339, e.g. 2025-02-13T14:05:00Z)\n");
}
