// Helpers for the replication tests: git itself, small archives, bare
// remotes and a real `git daemon` on 127.0.0.1.
#ifndef STET_TESTS_REMOTE_SUPPORT_H_
#define STET_TESTS_REMOTE_SUPPORT_H_

#include <string>
#include <vector>

#include "test_support.h"

namespace stet::test::remote {

// Runs git (the test fails unless it exits 0); its output.
std::string Git(const std::vector<std::string>& args);

// Every stet ref of a repository with the commit it points at.
std::string StetRefs(const std::string& repository);

// Stores `text` as a revision of the article `key:KEY` fetched at `at`.
void Add(const ScratchDir& dir, const std::string& archive, const std::string& key,
         const std::string& text, const std::string& at);

// An archive of three articles (one with two revisions) and a tracked URL.
std::string MakeArchive(const ScratchDir& dir, const std::string& name);

std::string BareRemote(const ScratchDir& dir, const std::string& name);

struct Offices {
  std::string archive, remote, office;
};

// An archive pushed to a bare remote, and another office's clone of it.
Offices TwoOffices(const ScratchDir& dir);

// A port nothing listens on now.
int FreePort();

// `git daemon` serving `base` on 127.0.0.1, pushes allowed; stopped when
// it goes out of scope.
class GitDaemon {
 public:
  explicit GitDaemon(const std::string& base);
  ~GitDaemon();
  GitDaemon(const GitDaemon&) = delete;
  GitDaemon& operator=(const GitDaemon&) = delete;
  std::string Url(const std::string& name) const {
    return "git://127.0.0.1:" + std::to_string(port_) + "/" + name;
  }

 private:
  int port_;
  int pid_ = -1;
};

// sshd on 127.0.0.1 with host and user keys of its own (ssh-keygen):
// `home` gets the user's key as .ssh/id_ed25519 and the server's host key
// in .ssh/known_hosts, and the server lets that key in for the user this
// test runs as. Stopped when it goes out of scope.
class SshServer {
 public:
  SshServer(const ScratchDir& dir, const std::string& home);
  ~SshServer();
  SshServer(const SshServer&) = delete;
  SshServer& operator=(const SshServer&) = delete;
  // The URL of the repository at `path` (absolute) on this server.
  std::string Url(const std::string& path) const;
  // The user's private key and the known_hosts line for the server.
  const std::string& key() const { return key_; }
  const std::string& known_host() const { return known_host_; }

 private:
  int port_;
  int pid_ = -1;
  std::string user_, key_, known_host_;
};

// Sets (or with nullptr unsets) an environment variable for the commands
// this test runs, and puts it back when it goes out of scope.
class ScopedEnvironment {
 public:
  ScopedEnvironment(const char* name, const char* value);
  ~ScopedEnvironment();
  ScopedEnvironment(const ScopedEnvironment&) = delete;
  ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

 private:
  std::string name_, old_;
  bool had_ = false;
};

}  // namespace stet::test::remote

#endif  // STET_TESTS_REMOTE_SUPPORT_H_
