// Archives that grow past one machine over git: shards of one watch list
// (`stet run --shard I/N`) against a real local news site, pushing to one
// remote served by a real `git daemon`; histories of one article that
// diverged, merged by `stet pull`; pushes and pulls killed with SIGKILL;
// a pull from a remote holding damage.
#include <signal.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>

#include "news_site.h"
#include "remote_support.h"

using stet::test::GitFsck;
using stet::test::NewsSite;
using stet::test::RunResult;
using stet::test::ScratchDir;
using stet::test::Snapshot;
using stet::test::Stet;
using stet::test::WriteFile;
using stet::test::remote::Add;
using stet::test::remote::BareRemote;
using stet::test::remote::Git;
using stet::test::remote::GitDaemon;
using stet::test::remote::StetRefs;
using stet::test::remote::TwoOffices;

namespace {

// The article ids of an archive.
std::set<std::string> Articles(const std::string& archive) {
  std::istringstream lines(
      Git({"-C", archive, "for-each-ref", "--format=%(refname:lstrip=3)", "refs/stet/articles/"}));
  std::set<std::string> ids;
  for (std::string id; std::getline(lines, id);) ids.insert(id);
  return ids;
}

// The texts of an article's revisions, oldest first, one per line.
std::string Texts(const std::string& archive, const std::string& article) {
  const nlohmann::json log =
      nlohmann::json::parse(Stet(archive, {"log", article, "--format", "json"}).out);
  std::string texts;
  for (const nlohmann::json& revision : log) {
    RunResult shown =
        Stet(archive, {"show", article + "@" + std::to_string(revision["number"].get<int>())});
    REQUIRE(shown.exit_code == 0);
    texts += std::to_string(revision["number"].get<int>()) + " " +
             revision["fetched_at"].get<std::string>() + " " +
             shown.out.substr(0, shown.out.find('\n')) + "\n";
  }
  return texts;
}

std::string At(int hour) {
  char text[32];
  std::snprintf(text, sizeof text, "2026-03-%02dT%02d:00:00Z", 1 + hour / 24, hour % 24);
  return text;
}

RunResult RunPass(const std::string& archive, int hour, const std::string& shard) {
  RunResult ran = Stet(archive, {"run", "--host-delay", "0", "--shard", shard, "--now", At(hour)});
  INFO(ran.err);
  REQUIRE(ran.exit_code == 0);
  return ran;
}

// Pull, then push: what a shard's crontab does after each pass.
void Sync(const std::string& archive) {
  RunResult pulled = Stet(archive, {"pull"});
  INFO(pulled.err);
  REQUIRE(pulled.exit_code == 0);
  RunResult pushed = Stet(archive, {"push"});
  INFO(pushed.err);
  REQUIRE(pushed.exit_code == 0);
}

}  // namespace

TEST_CASE("replicate: two shards split one watch list and a clone sees every revision",
          "[cli][remote][replicate]") {
  ScratchDir dir;
  NewsSite site;
  std::vector<std::string> tracked{"track"};
  for (int i = 1; i <= 16; ++i) {
    site.SetArticleVersion("/a/" + std::to_string(i), 1);
    tracked.push_back(site.Url("/a/" + std::to_string(i)));
  }
  // Four items only the feed names.
  for (int i = 1; i <= 4; ++i) {
    site.SetArticleVersion("/f/" + std::to_string(i), 1);
    site.AddFeedItem("/f/" + std::to_string(i), /*atom=*/false);
  }
  const std::string served = dir / "served";
  std::filesystem::create_directories(served);
  BareRemote(dir, "served/hub.git");
  GitDaemon daemon(served);
  const std::string hub = daemon.Url("hub.git");
  const std::string seed = dir / "seed";
  REQUIRE(Stet(seed, {"init"}).exit_code == 0);
  REQUIRE(Stet(seed, tracked).exit_code == 0);
  REQUIRE(Stet(seed, {"feed", "add", site.Url("/rss.xml")}).exit_code == 0);
  REQUIRE(Stet(seed, {"remote", "add", "origin", hub}).exit_code == 0);
  REQUIRE(Stet(seed, {"push"}).exit_code == 0);
  const std::string one = dir / "shard1", two = dir / "shard2";
  REQUIRE(Stet("", {"clone", hub, one}).exit_code == 0);
  REQUIRE(Stet("", {"clone", hub, two}).exit_code == 0);

  // First passes: each shard fetches only its own articles.
  RunPass(one, 10, "1/2");
  RunPass(two, 10, "2/2");
  const std::set<std::string> first_one = Articles(one), first_two = Articles(two);
  CHECK(!first_one.empty());
  CHECK(!first_two.empty());
  for (const std::string& id : first_one) CHECK(first_two.count(id) == 0);
  // The shard that owns the feed tracked its items; the lists meet at the remote.
  Sync(one);
  Sync(two);
  Sync(one);
  CHECK(Stet(one, {"tracked"}).out == Stet(two, {"tracked"}).out);
  // Next passes: the feed items are fetched by the shards that own them.
  // Every tracked URL is due in this pass: each is fetched once, by its owner.
  const long items_before = site.RequestsUnder("/f/"), articles_before = site.RequestsUnder("/a/");
  RunPass(one, 11, "1/2");
  RunPass(two, 11, "2/2");
  CHECK(site.RequestsUnder("/f/") - items_before == 4);
  CHECK(site.RequestsUnder("/a/") - articles_before == 16);
  Sync(one);
  Sync(two);
  Sync(one);
  CHECK(Articles(one).size() == 20);
  CHECK(Articles(one) == Articles(two));
  // Each shard's status counts its own share of the list: 20 articles and the feed.
  auto share = [&](const std::string& shard) {
    RunResult status = Stet(one, {"status", "--shard", shard, "--format", "json", "--now", At(12)});
    REQUIRE(status.exit_code == 0);
    const nlohmann::json json = nlohmann::json::parse(status.out);
    return json["articles"].get<int>() + json["feeds"].get<int>();
  };
  CHECK(share("1/2") > 0);
  CHECK(share("2/2") > 0);
  CHECK(share("1/2") + share("2/2") == 21);
  CHECK(share("1/1") == 21);
  CHECK(Stet(one, {"status", "--shard", "3/2"}).exit_code == 2);

  // Every article changes; a day later both shards store the new versions.
  for (int i = 1; i <= 16; ++i) site.SetArticleVersion("/a/" + std::to_string(i), 2);
  RunPass(one, 40, "1/2");
  RunPass(two, 40, "2/2");
  Sync(one);
  Sync(two);
  Sync(one);

  const std::string copy = dir / "copy";
  REQUIRE(Stet("", {"clone", hub, copy}).exit_code == 0);
  CHECK(Articles(copy).size() == 20);
  CHECK(StetRefs(copy) == StetRefs(one));
  CHECK(StetRefs(copy) == StetRefs(two));
  for (int i = 1; i <= 16; ++i) {
    const std::string url = site.Url("/a/" + std::to_string(i));
    INFO(url);
    const nlohmann::json log =
        nlohmann::json::parse(Stet(copy, {"log", url, "--format", "json"}).out);
    CHECK(log.size() == 2);  // fetched once per version, by one shard
  }
  // No page was fetched twice in one pass: each was asked for by one shard.
  CHECK(site.RequestsUnder("/a/") == 16 * 3);
  CHECK(Stet(copy, {"verify", "--full"}).exit_code == 0);
  CHECK(GitFsck(served + "/hub.git").exit_code == 0);
}

TEST_CASE("replicate: an article changed on both shards merges with no revision lost",
          "[cli][remote][replicate]") {
  ScratchDir dir;
  NewsSite site;
  site.SetArticleVersion("/a/1", 1);
  const std::string hub = BareRemote(dir, "hub.git");
  const std::string seed = dir / "seed";
  REQUIRE(Stet(seed, {"init"}).exit_code == 0);
  REQUIRE(Stet(seed, {"track", site.Url("/a/1")}).exit_code == 0);
  REQUIRE(Stet(seed, {"remote", "add", "origin", hub}).exit_code == 0);
  REQUIRE(Stet(seed, {"push"}).exit_code == 0);
  const std::string one = dir / "one", two = dir / "two";
  REQUIRE(Stet("", {"clone", hub, one}).exit_code == 0);
  REQUIRE(Stet("", {"clone", hub, two}).exit_code == 0);
  const std::string url = site.Url("/a/1");
  // Tracked by both (no shard): both store the first version.
  RunPass(one, 1, "1/1");
  RunPass(two, 1, "1/1");
  Sync(one);
  Sync(two);
  Sync(one);
  CHECK(nlohmann::json::parse(Stet(two, {"log", url, "--format", "json"}).out).size() == 1);
  // Each sees a version the other misses, and both see the last.
  site.SetArticleVersion("/a/1", 2);
  RunPass(one, 30, "1/1");
  site.SetArticleVersion("/a/1", 3);
  RunPass(two, 60, "1/1");
  site.SetArticleVersion("/a/1", 4);
  RunPass(one, 90, "1/1");
  RunPass(two, 90, "1/1");
  const std::string ones = Texts(one, url), twos = Texts(two, url);
  REQUIRE(Stet(one, {"push"}).exit_code == 0);
  RunResult pulled = Stet(two, {"pull"});
  INFO(pulled.err);
  REQUIRE(pulled.exit_code == 0);
  CHECK(pulled.out ==
        "pulled from origin: 0 added, 0 updated, 1 merged, 1 unchanged, 1 revision fetched alike "
        "on both sides kept once\n");
  const std::string merged = Texts(two, url);
  // Versions 1 to 4, in fetch order, each once.
  CHECK(std::count(merged.begin(), merged.end(), '\n') == 4);
  CHECK(merged.find(At(30)) < merged.find(At(60)));
  CHECK(merged.find(At(60)) < merged.find(At(90)));
  for (const std::string& line : {ones, twos}) {
    std::istringstream revisions(line);
    for (std::string revision; std::getline(revisions, revision);) {
      CHECK(merged.find(revision.substr(revision.find(' ') + 1)) != std::string::npos);
    }
  }
  // A second pull brings nothing; the merge is a fast-forward for the other.
  const std::string refs = StetRefs(two);
  CHECK(Stet(two, {"pull"}).out ==
        "pulled from origin: 0 added, 0 updated, 0 merged, 2 unchanged\n");
  CHECK(StetRefs(two) == refs);
  REQUIRE(Stet(two, {"push"}).exit_code == 0);
  CHECK(Stet(one, {"pull"}).out ==
        "pulled from origin: 0 added, 1 updated, 0 merged, 1 unchanged\n");
  CHECK(Texts(one, url) == merged);
  for (const std::string& archive : {one, two}) {
    CHECK(Stet(archive, {"verify", "--full"}).exit_code == 0);
  }
  CHECK(GitFsck(hub).exit_code == 0);
}

TEST_CASE("replicate: two archives merging the same histories write the same commits",
          "[cli][remote][replicate]") {
  ScratchDir dir;
  const auto [archive, remote, office] = TwoOffices(dir);
  // After the shared two revisions of the budget, each side stores its own;
  // both saw the same text at 05:00.
  Add(dir, archive, "budget", "The council rejected the budget.\n", "2026-01-03T08:00:00Z");
  Add(dir, archive, "budget", "The council delayed the budget.\n", "2026-01-05T08:00:00Z");
  Add(dir, office, "budget", "The council deferred the budget.\n", "2026-01-04T08:00:00Z");
  Add(dir, office, "budget", "The council delayed the budget.\n", "2026-01-05T08:00:00Z");
  REQUIRE(Stet(archive, {"track", "https://news.example.com/b"}).exit_code == 0);
  REQUIRE(Stet(office, {"track", "https://news.example.com/c"}).exit_code == 0);
  const std::string before = dir / "archive-before";
  std::filesystem::copy(archive, before, std::filesystem::copy_options::recursive);
  REQUIRE(Stet(office, {"push"}).exit_code == 0);

  RunResult pulled = Stet(archive, {"pull"});
  INFO(pulled.err);
  REQUIRE(pulled.exit_code == 0);
  CHECK(pulled.out ==
        "pulled from origin: 0 added, 0 updated, 2 merged, 2 unchanged, 1 revision fetched alike "
        "on both sides kept once\n");
  CHECK(Texts(archive, "key:budget") ==
        "1 2026-01-01T08:00:00Z The council approved the budget on Monday.\n"
        "2 2026-01-02T08:00:00Z The council approved the budget on Tuesday.\n"
        "3 2026-01-03T08:00:00Z The council rejected the budget.\n"
        "4 2026-01-04T08:00:00Z The council deferred the budget.\n"
        "5 2026-01-05T08:00:00Z The council delayed the budget.\n");
  const std::string tracked = Stet(archive, {"tracked"}).out;
  CHECK(tracked.find("https://news.example.com/a") != std::string::npos);
  CHECK(tracked.find("https://news.example.com/b") != std::string::npos);
  CHECK(tracked.find("https://news.example.com/c") != std::string::npos);

  // The office merges the same two histories on its own, from the copy, a
  // second later (a merge must not depend on when it is made).
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  REQUIRE(Stet(office, {"remote", "add", "before", before}).exit_code == 0);
  REQUIRE(Stet(office, {"pull", "before"}).exit_code == 0);
  CHECK(StetRefs(office) == StetRefs(archive));
  // So each side's push and pull is now a fast-forward or nothing.
  CHECK(Stet(archive, {"push"}).exit_code == 0);
  CHECK(Stet(office, {"pull"}).out ==
        "pulled from origin: 0 added, 0 updated, 0 merged, 4 unchanged\n");
  CHECK(Stet(archive, {"verify", "--full"}).exit_code == 0);
  CHECK(GitFsck(remote).exit_code == 0);
}

TEST_CASE("replicate: pushes and pulls killed at random moments are completed by the next",
          "[cli][remote][replicate]") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  const std::string remote = BareRemote(dir, "remote.git");
  REQUIRE(Stet(archive, {"remote", "add", "origin", remote}).exit_code == 0);
  // The mirror pulls from the archive itself, so every pull has work.
  const std::string mirror = dir / "mirror";
  REQUIRE(Stet("", {"clone", archive, mirror}).exit_code == 0);
  std::mt19937 random(20261202);
  // Rounds until at least 10 pushes and 5 pulls died mid-way (SIGKILL,
  // not finished before it came).
  int killed_pushes = 0, killed_pulls = 0;
  for (int round = 0; round < 40 && (killed_pushes < 10 || killed_pulls < 5); ++round) {
    // New revisions of 300 articles each round, so every push has work.
    std::string lines;
    for (int i = 0; i < 300; ++i) {
      lines += nlohmann::json({{"key", "article-" + std::to_string(i)},
                               {"fetched_at", At(round)},
                               {"text", "Round " + std::to_string(round) + " of article " +
                                            std::to_string(i) + " says the toll rises to " +
                                            std::to_string(round * 300 + i) + " cents.\n"}})
                   .dump() +
               "\n";
    }
    WriteFile(dir / "batch.jsonl", lines);
    REQUIRE(Stet(archive, {"import", dir / "batch.jsonl", "--no-rate"}).exit_code == 0);
    // A push killed somewhere in its run, then a pull of the other side.
    for (const auto& [where, argv] :
         {std::pair{remote, std::vector<std::string>{STET_BINARY, "--archive", archive, "push"}},
          std::pair{mirror, std::vector<std::string>{STET_BINARY, "--archive", mirror, "pull"}}}) {
      const int pid = stet::test::Spawn(argv);
      // (A pull of 300 revisions from a path is over in some 30 ms.)
      std::this_thread::sleep_for(
          std::chrono::milliseconds(random() % (where == remote ? 100 : 30)));
      ::kill(pid, SIGKILL);
      if (stet::test::WaitExit(pid) == 128 + SIGKILL)
        ++(where == remote ? killed_pushes : killed_pulls);
      INFO("round " << round << " " << where);
      CHECK(GitFsck(where).exit_code == 0);
      CHECK(Stet(archive, {"verify"}).exit_code == 0);
    }
    CHECK(Stet(mirror, {"verify"}).exit_code == 0);
  }
  CHECK(killed_pushes >= 10);
  CHECK(killed_pulls >= 5);
  // The next push and pull complete what the killed ones began.
  RunResult pushed = Stet(archive, {"push"});
  INFO(pushed.err);
  REQUIRE(pushed.exit_code == 0);
  REQUIRE(Stet(mirror, {"pull"}).exit_code == 0);
  CHECK(StetRefs(remote) == StetRefs(archive));
  CHECK(StetRefs(mirror) == StetRefs(archive));
  CHECK(Texts(mirror, "key:article-7") == Texts(archive, "key:article-7"));
  CHECK(Stet(mirror, {"verify", "--full"}).exit_code == 0);
  CHECK(GitFsck(remote).exit_code == 0);

  // A clone killed mid-way leaves no archive at its folder, or a whole one.
  const std::string copy = dir / "copy";
  int killed_clones = 0;
  for (int round = 0; round < 20 && killed_clones < 3; ++round) {
    const int pid = stet::test::Spawn({STET_BINARY, "clone", remote, copy});
    std::this_thread::sleep_for(std::chrono::milliseconds(random() % 100));
    ::kill(pid, SIGKILL);
    if (stet::test::WaitExit(pid) == 128 + SIGKILL) ++killed_clones;
    if (std::filesystem::exists(copy)) {
      CHECK(StetRefs(copy) == StetRefs(remote));
      std::filesystem::remove_all(copy);
    }
  }
  CHECK(killed_clones >= 3);
  REQUIRE(Stet("", {"clone", remote, copy}).exit_code == 0);
  CHECK(StetRefs(copy) == StetRefs(archive));
}

TEST_CASE("replicate: a pull refuses a remote's damage and names it", "[cli][remote][replicate]") {
  ScratchDir dir;
  const auto [archive, remote, office] = TwoOffices(dir);
  // The office's new revision of the ferry is forged with git's plumbing:
  // whole to git, but its text is not the one its commit records.
  Add(dir, office, "ferry", "The ferry carries 1,400 passengers a day.\n", "2026-01-05T09:00:00Z");
  Add(dir, office, "harbour", "The harbour dredging starts in May.\n", "2026-01-05T10:00:00Z");
  const std::string ferry = nlohmann::json::parse(
      Stet(office, {"log", "key:ferry", "--format", "json"}).out)[0]["article"];
  const std::string ref = "refs/stet/articles/" + ferry;
  auto git = [&](std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"git", "-C", office});
    RunResult result = stet::test::Run(args, input);
    REQUIRE(result.exit_code == 0);
    return result.out.substr(0, result.out.find('\n'));
  };
  const std::string tip = git({"rev-parse", ref});
  std::string message = stet::test::Run({"git", "-C", office, "log", "-1", "--format=%B", tip}).out;
  const std::string blob =
      git({"hash-object", "-w", "--stdin"}, "The ferry carries 4,100 passengers a day.\n");
  const std::string tree = git({"mktree"}, "100644 blob " + blob + "\ttext.txt\n");
  const std::string forged = git({"commit-tree", tree, "-p", tip + "^"}, message);
  git({"update-ref", ref, forged, tip});
  REQUIRE(Stet(office, {"push"}).exit_code == 0);
  // An object of the remote gone bad on disk: the fetch fails and says which.
  const std::string bad = dir / "bad.git";
  std::filesystem::copy(remote, bad, std::filesystem::copy_options::recursive);
  Git({"-C", bad, "update-ref", ref, forged + "^"});  // the ferry as this archive has it
  // Every object loose, as a remote that was pushed to a little at a time.
  for (const auto& entry : std::filesystem::directory_iterator(bad + "/objects/pack")) {
    if (entry.path().extension() != ".pack") continue;
    const std::string pack = dir / "moved.pack";
    std::filesystem::rename(entry.path(), pack);
    REQUIRE(stet::test::Run({"git", "-C", bad, "unpack-objects", "-q"}, stet::test::ReadFile(pack))
                .exit_code == 0);
  }
  const std::string harbour = nlohmann::json::parse(
      Stet(office, {"log", "key:harbour", "--format", "json"}).out)[0]["article"];
  const std::string text = git({"rev-parse", "refs/stet/articles/" + harbour + ":text.txt"});
  const std::string object = bad + "/objects/" + text.substr(0, 2) + "/" + text.substr(2);
  REQUIRE(std::filesystem::exists(object));
  std::filesystem::permissions(object, std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::add);
  std::string bytes = stet::test::ReadFile(object);
  bytes[bytes.size() / 2] ^= 0x5a;
  WriteFile(object, bytes);
  REQUIRE(Stet(archive, {"remote", "add", "bad", bad}).exit_code == 0);
  const std::string refs_with_bad = StetRefs(archive);
  RunResult refused = Stet(archive, {"pull", "bad"});
  CHECK(refused.exit_code == 4);
  CHECK(refused.err == "stet: pull bad (" + bad + "): object " + text +
                           " of the remote cannot be read (incorrect data check); nothing was "
                           "pulled\n");
  CHECK(StetRefs(archive) == refs_with_bad);
  CHECK(Stet(archive, {"verify", "--full"}).exit_code == 0);

  // The forged revision itself, from the remote it was pushed to.
  const std::string refs = StetRefs(archive);
  RunResult pulled = Stet(archive, {"pull"});
  CHECK(pulled.exit_code == 4);
  CHECK(pulled.out.empty());
  CHECK(pulled.err == "stet: pull origin (" + remote + "): article " + ferry + ": revision 2 (" +
                          forged.substr(0, 7) +
                          "): its text does not match the hash its commit records; nothing was "
                          "pulled\n");
  // Nothing came in, the harbour included.
  CHECK(StetRefs(archive) == refs);
  CHECK(Stet(archive, {"verify"}).exit_code == 0);
}

TEST_CASE("replicate: gc packs objects and refs while revisions are being stored",
          "[cli][remote][replicate]") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  auto batch = [&](int round, int articles) {
    std::string lines;
    for (int i = 0; i < articles; ++i) {
      lines += nlohmann::json({{"key", "article-" + std::to_string(i)},
                               {"fetched_at", At(round)},
                               {"text", "Version " + std::to_string(round) + " of article " +
                                            std::to_string(i) + ".\n"}})
                   .dump() +
               "\n";
    }
    const std::string file = dir / ("batch-" + std::to_string(round) + ".jsonl");
    WriteFile(file, lines);
    return file;
  };
  REQUIRE(Stet(archive, {"import", batch(1, 200), "--no-rate"}).exit_code == 0);
  for (int i = 0; i < 5; ++i) {
    Add(dir, archive, "loose-" + std::to_string(i), "A revision stored on its own.\n",
        "2026-03-01T00:00:00Z");
  }
  const std::string log = Stet(archive, {"log", "key:article-3", "--format", "json"}).out;
  RunResult gc = Stet(archive, {"gc"});
  INFO(gc.err);
  REQUIRE(gc.exit_code == 0);
  CHECK(gc.out.rfind("packed " + archive + ": ", 0) == 0);
  // Everything in one pack, every ref in packed-refs.
  CHECK(gc.out.find(" -> ") != std::string::npos);
  CHECK(gc.out.substr(gc.out.find(" -> ")).find("(0 loose, 1 pack), 0 loose refs\n") !=
        std::string::npos);
  CHECK(Stet(archive, {"log", "key:article-3", "--format", "json"}).out == log);
  CHECK(Stet(archive, {"verify", "--full"}).exit_code == 0);

  // gc again and again while an import stores 600 revisions: none is lost.
  const std::string more = batch(2, 600);
  const int pid = stet::test::Spawn(
      {STET_BINARY, "--archive", archive, "import", more, "--no-rate", "--batch-size", "20"});
  for (int i = 0; i < 4; ++i) {
    RunResult again = Stet(archive, {"gc"});
    INFO(again.err);
    CHECK(again.exit_code == 0);
  }
  CHECK(stet::test::WaitExit(pid) == 0);
  REQUIRE(Stet(archive, {"gc"}).exit_code == 0);
  for (int i = 0; i < 600; i += 37) {
    const nlohmann::json revisions = nlohmann::json::parse(
        Stet(archive, {"log", "key:article-" + std::to_string(i), "--format", "json"}).out);
    CHECK(revisions.size() == (i < 200 ? 2u : 1u));
  }
  CHECK(Stet(archive, {"verify", "--full"}).out.find("no damage") != std::string::npos);
  CHECK(GitFsck(archive).exit_code == 0);
}
