// `stet remote add/list`, `stet push` and `stet clone`: an archive
// replicated through a real bare repository and a real `git daemon` on
// 127.0.0.1, and checked with git's own tools.
#include <catch2/catch.hpp>

#include <signal.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "remote_support.h"

using stet::test::GitFsck;
using stet::test::RunResult;
using stet::test::ScratchDir;
using stet::test::Snapshot;
using stet::test::Stet;
using stet::test::WriteFile;

using stet::test::remote::Add;
using stet::test::remote::BareRemote;
using stet::test::remote::FreePort;
using stet::test::remote::GitDaemon;
using stet::test::remote::MakeArchive;
using stet::test::remote::ScopedEnvironment;
using stet::test::remote::SshServer;
using stet::test::remote::StetRefs;
using stet::test::remote::TwoOffices;

TEST_CASE("remote: push to a bare repository and clone every history back", "[cli][remote]") {
  ScratchDir dir;
  const std::string archive = MakeArchive(dir, "archive");
  const std::string remote = BareRemote(dir, "remote.git");
  RunResult added = Stet(archive, {"remote", "add", "origin", remote});
  REQUIRE(added.exit_code == 0);
  CHECK(Stet(archive, {"remote", "list"}).out == "origin\t" + remote + "\n");

  RunResult pushed = Stet(archive, {"push"});
  REQUIRE(pushed.exit_code == 0);
  // 3 articles and the watch list.
  CHECK(pushed.out == "pushed 4 refs to origin\n");
  CHECK(StetRefs(remote) == StetRefs(archive));
  CHECK(GitFsck(remote).exit_code == 0);
  // Pushed again: nothing new, nothing refused.
  CHECK(Stet(archive, {"push", "origin"}).out == "pushed 4 refs to origin\n");

  const std::string copy = dir / "copy";
  RunResult cloned = Stet("", {"clone", remote, copy});
  REQUIRE(cloned.exit_code == 0);
  CHECK(cloned.out == "cloned " + remote + " into " + copy + ": 4 refs\n");
  CHECK(StetRefs(copy) == StetRefs(archive));
  for (const char* key : {"key:budget", "key:ferry", "key:bridge"}) {
    CHECK(Stet(copy, {"log", key, "--format", "json"}).out ==
          Stet(archive, {"log", key, "--format", "json"}).out);
  }
  CHECK(Stet(copy, {"tracked"}).out == Stet(archive, {"tracked"}).out);
  CHECK(Stet(copy, {"verify", "--full"}).exit_code == 0);
  CHECK(Stet(copy, {"remote", "list"}).out == "origin\t" + remote + "\n");
}

TEST_CASE("remote: a push the remote has moved past is refused and loses nothing",
          "[cli][remote]") {
  ScratchDir dir;
  const auto [archive, remote, office] = TwoOffices(dir);
  // The other office stores a third revision and pushes first.
  Add(dir, office, "budget", "The council rejected the budget on Tuesday.\n",
      "2026-01-03T08:00:00Z");
  REQUIRE(Stet(office, {"push"}).exit_code == 0);
  const std::string remote_refs = StetRefs(remote);
  // This archive stores another third revision: its push of that article is
  // refused, the others go through, and the remote keeps the office's.
  Add(dir, archive, "budget", "The council delayed the budget on Wednesday.\n",
      "2026-01-04T08:00:00Z");
  RunResult pushed = Stet(archive, {"push"});
  CHECK(pushed.exit_code == 1);
  CHECK(pushed.out ==
        "pushed 3 refs to origin, 1 rejected (the remote has revisions this archive lacks)\n");
  CHECK(std::count(pushed.err.begin(), pushed.err.end(), '\n') == 1);
  CHECK(pushed.err.rfind("stet: push origin: rejected refs/stet/articles/", 0) == 0);
  CHECK(StetRefs(remote) == remote_refs);
  CHECK(GitFsck(remote).exit_code == 0);
}

TEST_CASE("remote: pull brings in new articles and revisions", "[cli][remote]") {
  ScratchDir dir;
  const auto [archive, remote, office] = TwoOffices(dir);
  // The office stores a revision of one article and a new article.
  Add(dir, office, "ferry", "The ferry carries 1,400 passengers a day.\n", "2026-01-05T09:00:00Z");
  Add(dir, office, "harbour", "The harbour dredging starts in May.\n", "2026-01-05T10:00:00Z");
  REQUIRE(Stet(office, {"push"}).exit_code == 0);

  RunResult pulled = Stet(archive, {"pull"});
  REQUIRE(pulled.exit_code == 0);
  CHECK(pulled.out == "pulled from origin: 1 added, 1 updated, 0 merged, 3 unchanged\n");
  for (const char* key : {"key:budget", "key:ferry", "key:bridge", "key:harbour"}) {
    CHECK(Stet(archive, {"log", key, "--format", "json"}).out ==
          Stet(office, {"log", key, "--format", "json"}).out);
  }
  CHECK(Stet(archive, {"verify", "--full"}).exit_code == 0);
  // Again: nothing to bring.
  CHECK(Stet(archive, {"pull", "origin"}).out ==
        "pulled from origin: 0 added, 0 updated, 0 merged, 5 unchanged\n");

  // This archive ahead of the remote: nothing to bring.
  Add(dir, archive, "budget", "The council approved the budget on Friday.\n",
      "2026-01-05T08:00:00Z");
  CHECK(Stet(archive, {"pull"}).out ==
        "pulled from origin: 0 added, 0 updated, 0 merged, 5 unchanged\n");
}

TEST_CASE("remote: over git:// to a git daemon on 127.0.0.1", "[cli][remote]") {
  ScratchDir dir;
  const std::string archive = MakeArchive(dir, "archive");
  const std::string served = dir / "served";
  std::filesystem::create_directories(served);
  BareRemote(dir, "served/stet.git");
  GitDaemon daemon(served);
  REQUIRE(Stet(archive, {"remote", "add", "hub", daemon.Url("stet.git")}).exit_code == 0);
  RunResult pushed = Stet(archive, {"push", "hub"});
  INFO(pushed.err);
  REQUIRE(pushed.exit_code == 0);
  CHECK(StetRefs(served + "/stet.git") == StetRefs(archive));
  const std::string copy = dir / "copy";
  REQUIRE(Stet("", {"clone", daemon.Url("stet.git"), copy}).exit_code == 0);
  CHECK(StetRefs(copy) == StetRefs(archive));
  CHECK(Stet(copy, {"verify", "--full"}).exit_code == 0);
  Add(dir, copy, "ferry", "The ferry carries 1,400 passengers a day.\n", "2026-01-05T09:00:00Z");
  REQUIRE(Stet(copy, {"push"}).exit_code == 0);
  RunResult pulled = Stet(archive, {"pull", "hub"});
  CHECK(pulled.exit_code == 0);
  CHECK(pulled.out == "pulled from hub: 0 added, 1 updated, 0 merged, 3 unchanged\n");
}

TEST_CASE("remote: over ssh to sshd on 127.0.0.1, with a key file or an agent's key",
          "[cli][remote]") {
  ScratchDir dir;
  const std::string home = dir / "home";
  SshServer server(dir, home);
  const std::string archive = MakeArchive(dir, "archive");
  const std::string served = BareRemote(dir, "served.git");
  ScopedEnvironment home_is("HOME", home.c_str());  // where the key and known_hosts are looked for
  ScopedEnvironment no_agent("SSH_AUTH_SOCK", nullptr);

  // The default key file, ~/.ssh/id_ed25519.
  REQUIRE(Stet(archive, {"remote", "add", "hub", server.Url(served)}).exit_code == 0);
  RunResult pushed = Stet(archive, {"push", "hub"});
  INFO(pushed.err);
  REQUIRE(pushed.exit_code == 0);
  CHECK(pushed.out == "pushed 4 refs to hub\n");
  CHECK(StetRefs(served) == StetRefs(archive));
  const std::string copy = dir / "copy";
  REQUIRE(Stet("", {"clone", server.Url(served), copy}).exit_code == 0);
  CHECK(StetRefs(copy) == StetRefs(archive));
  CHECK(Stet(copy, {"verify", "--full"}).exit_code == 0);

  // No key anywhere: refused, saying what was tried, and nothing moves.
  const std::string keyless = dir / "keyless";
  std::filesystem::create_directories(keyless + "/.ssh");
  WriteFile(keyless + "/.ssh/known_hosts", server.known_host());
  ScopedEnvironment keyless_home("HOME", keyless.c_str());
  Add(dir, archive, "ferry", "The ferry carries 1,400 passengers a day.\n", "2026-01-05T09:00:00Z");
  const std::string before = StetRefs(served);
  RunResult refused = Stet(archive, {"push", "hub"});
  CHECK(refused.exit_code == 3);
  CHECK(refused.err.find("no ssh key was accepted") != std::string::npos);
  CHECK(refused.err.find("tried: nothing") != std::string::npos);
  CHECK(StetRefs(served) == before);

  // The same key held by an ssh agent instead of a file.
  const std::string socket = dir / "agent.sock";
  const int agent = stet::test::Spawn({"ssh-agent", "-D", "-a", socket});
  for (int i = 0; i < 100 && !std::filesystem::exists(socket); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ScopedEnvironment agent_is("SSH_AUTH_SOCK", socket.c_str());
  REQUIRE(stet::test::Run({"ssh-add", "-q", server.key()}).exit_code == 0);
  RunResult through_agent = Stet(archive, {"push", "hub"});
  INFO(through_agent.err);
  CHECK(through_agent.exit_code == 0);
  CHECK(StetRefs(served) == StetRefs(archive));
  ::kill(agent, SIGTERM);
  stet::test::WaitExit(agent);

  // A server whose host key ~/.ssh/known_hosts does not hold is refused.
  const std::string stranger = dir / "stranger";
  std::filesystem::create_directories(stranger + "/.ssh");
  std::filesystem::copy_file(server.key(), stranger + "/.ssh/id_ed25519");
  ScopedEnvironment stranger_home("HOME", stranger.c_str());
  ScopedEnvironment agent_gone("SSH_AUTH_SOCK", nullptr);
  RunResult unknown = Stet(copy, {"pull"});
  CHECK(unknown.exit_code == 3);
  CHECK(unknown.err.find("hostkey") != std::string::npos);
}

TEST_CASE("remote: bad remotes and clones are refused and change nothing", "[cli][remote]") {
  ScratchDir dir;
  const std::string archive = MakeArchive(dir, "archive");
  const std::string remote = BareRemote(dir, "remote.git");
  REQUIRE(Stet(archive, {"remote", "add", "origin", remote}).exit_code == 0);
  const std::string before = Snapshot(archive);
  RunResult twice = Stet(archive, {"remote", "add", "origin", remote});
  CHECK(twice.exit_code == 1);
  CHECK(twice.err == "stet: remote origin: already exists\n");
  RunResult unknown = Stet(archive, {"push", "elsewhere"});
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err.rfind("stet: remote elsewhere: no such remote", 0) == 0);
  CHECK(Snapshot(archive) == before);
  // Nothing listens there: a network failure, and no archive made.
  const std::string copy = dir / "copy";
  RunResult unreachable =
      Stet("", {"clone", "git://127.0.0.1:" + std::to_string(FreePort()) + "/x.git", copy});
  CHECK(unreachable.exit_code == 3);
  CHECK(!std::filesystem::exists(copy));
  // Into a directory that holds something: refused, left as it was.
  const std::string busy = dir / "busy";
  std::filesystem::create_directories(busy);
  WriteFile(busy + "/notes.txt", "mine\n");
  RunResult occupied = Stet("", {"clone", remote, busy});
  CHECK(occupied.exit_code == 1);
  CHECK(stet::test::ReadFile(busy + "/notes.txt") == "mine\n");
}
