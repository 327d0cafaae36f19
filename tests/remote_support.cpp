#include "remote_support.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

namespace stet::test::remote {

std::string Git(const std::vector<std::string>& args) {
  std::vector<std::string> argv{"git"};
  argv.insert(argv.end(), args.begin(), args.end());
  RunResult result = Run(argv);
  REQUIRE(result.exit_code == 0);
  return result.out;
}

// Every stet ref of a repository with the commit it points at.
std::string StetRefs(const std::string& repository) {
  return Git({"-C", repository, "for-each-ref", "--format=%(objectname) %(refname)", "refs/stet/",
              "refs/notes/"});
}

void Add(const ScratchDir& dir, const std::string& archive, const std::string& key,
         const std::string& text, const std::string& at) {
  const std::string file = dir / (key + "-" + at.substr(0, 10) + ".txt");
  WriteFile(file, text);
  RunResult added = Stet(archive, {"add", file, "--key", key, "--at", at});
  REQUIRE(added.exit_code == 0);
}

// An archive of three articles (one with two revisions) and a tracked URL.
std::string MakeArchive(const ScratchDir& dir, const std::string& name) {
  const std::string archive = dir / name;
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  Add(dir, archive, "budget", "The council approved the budget on Monday.\n",
      "2026-01-01T08:00:00Z");
  Add(dir, archive, "budget", "The council approved the budget on Tuesday.\n",
      "2026-01-02T08:00:00Z");
  Add(dir, archive, "ferry", "The ferry carries 1,200 passengers a day.\n", "2026-01-01T09:00:00Z");
  Add(dir, archive, "bridge", "The bridge reopens in June.\n", "2026-01-01T10:00:00Z");
  REQUIRE(Stet(archive, {"track", "https://news.example.com/a"}).exit_code == 0);
  return archive;
}

std::string BareRemote(const ScratchDir& dir, const std::string& name) {
  const std::string remote = dir / name;
  Git({"init", "-q", "--bare", remote});
  return remote;
}

// An archive pushed to a bare remote, and another office's clone of it.
Offices TwoOffices(const ScratchDir& dir) {
  Offices offices{MakeArchive(dir, "archive"), BareRemote(dir, "remote.git"), dir / "office"};
  REQUIRE(Stet(offices.archive, {"remote", "add", "origin", offices.remote}).exit_code == 0);
  REQUIRE(Stet(offices.archive, {"push"}).exit_code == 0);
  REQUIRE(Stet("", {"clone", offices.remote, offices.office}).exit_code == 0);
  return offices;
}

// A port nothing listens on now.
int FreePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

namespace {

bool Accepts(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool connected = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return connected;
}

// A server this test started: up once it accepts connections on `port`
// (five seconds at most), and stopped by SIGTERM.
void WaitUntilAccepting(int port) {
  for (int i = 0; i < 100 && !Accepts(port); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  REQUIRE(Accepts(port));
}

void Stop(int pid) {
  ::kill(pid, SIGTERM);
  WaitExit(pid);
}

}  // namespace

GitDaemon::GitDaemon(const std::string& base) : port_(FreePort()) {
  pid_ = Spawn({"git", "daemon", "--reuseaddr", "--listen=127.0.0.1",
                "--port=" + std::to_string(port_), "--base-path=" + base, "--export-all",
                "--enable=receive-pack", base});
  WaitUntilAccepting(port_);
}

GitDaemon::~GitDaemon() {
  Stop(pid_);
}

SshServer::SshServer(const ScratchDir& dir, const std::string& home) : port_(FreePort()) {
  const passwd* account = ::getpwuid(::geteuid());
  REQUIRE(account != nullptr);
  user_ = account->pw_name;
  const std::string base = dir / "sshd";
  std::filesystem::create_directories(base);
  std::filesystem::create_directories(home + "/.ssh");
  key_ = home + "/.ssh/id_ed25519";
  for (const std::string& key : {base + "/host_ed25519", key_}) {
    REQUIRE(Run({"ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key}).exit_code == 0);
  }
  const std::string host_key = ReadFile(base + "/host_ed25519.pub");
  known_host_ = "[127.0.0.1]:" + std::to_string(port_) + " " +
                host_key.substr(0, host_key.find(' ', host_key.find(' ') + 1)) + "\n";
  WriteFile(home + "/.ssh/known_hosts", known_host_);
  WriteFile(base + "/authorized_keys", ReadFile(key_ + ".pub"));
  WriteFile(base + "/sshd_config", "ListenAddress 127.0.0.1\nPort " + std::to_string(port_) +
                                       "\nHostKey " + base + "/host_ed25519\nPidFile " + base +
                                       "/sshd.pid\nAuthorizedKeysFile " + base +
                                       "/authorized_keys\nStrictModes no\n"
                                       "PasswordAuthentication no\n"
                                       "KbdInteractiveAuthentication no\nUsePAM no\n"
                                       "PermitRootLogin prohibit-password\n");
  // Debian's sshd refuses to start without its privilege separation folder.
  std::error_code ignored;
  std::filesystem::create_directories("/run/sshd", ignored);
  // -D: in the foreground, as this process's child; -e: its log on stderr.
  pid_ = Spawn({"/usr/sbin/sshd", "-D", "-e", "-f", base + "/sshd_config"});
  WaitUntilAccepting(port_);
}

SshServer::~SshServer() {
  Stop(pid_);
}

std::string SshServer::Url(const std::string& path) const {
  return "ssh://" + user_ + "@127.0.0.1:" + std::to_string(port_) + path;
}

ScopedEnvironment::ScopedEnvironment(const char* name, const char* value) : name_(name) {
  if (const char* old = std::getenv(name)) {
    had_ = true;
    old_ = old;
  }
  if (value != nullptr) {
    ::setenv(name, value, 1);
  } else {
    ::unsetenv(name);
  }
}

ScopedEnvironment::~ScopedEnvironment() {
  if (had_) {
    ::setenv(name_.c_str(), old_.c_str(), 1);
  } else {
    ::unsetenv(name_.c_str());
  }
}

}  // namespace stet::test::remote
