#include "test_support.h"

#include <catch2/catch.hpp>

#include <exception>

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

namespace stet::test {
namespace fs = std::filesystem;

ScratchDir::ScratchDir() {
  std::string pattern = (fs::temp_directory_path() / "stet-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

ScratchDir::~ScratchDir() {
  if (!expect_damage_ && std::uncaught_exceptions() == 0) CheckArchives();
  std::error_code error;
  fs::remove_all(path_, error);
}

void ScratchDir::CheckArchives() const {
  std::vector<fs::path> candidates{path_};
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(path_, error)) {
    if (entry.is_directory()) candidates.push_back(entry.path());
  }
  for (const fs::path& directory : candidates) {
    if (!fs::exists(directory / "HEAD") || !fs::exists(directory / "config")) continue;
    if (ReadFile((directory / "config").string()).find("[stet]") == std::string::npos) continue;
    const RunResult fsck = GitFsck(directory.string());
    INFO("git fsck --strict " << directory.string() << "\n" << fsck.out << fsck.err);
    CHECK(fsck.exit_code == 0);
  }
}

RunResult Run(const std::vector<std::string>& argv, const std::string& input) {
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (::pipe2(in_pipe, O_CLOEXEC) != 0 || ::pipe2(out_pipe, O_CLOEXEC) != 0 ||
      ::pipe2(err_pipe, O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe failed");
  }
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(in_pipe[0], 0);
    ::dup2(out_pipe[1], 1);
    ::dup2(err_pipe[1], 2);
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  RunResult result;
  std::size_t written = 0;
  int in_fd = in_pipe[1];
  if (input.empty()) {
    ::close(in_fd);
    in_fd = -1;
  } else {
    ::fcntl(in_fd, F_SETFL, O_NONBLOCK);
  }
  bool out_open = true, err_open = true;
  char buffer[65536];
  while (out_open || err_open) {
    pollfd fds[3] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}, {in_fd, POLLOUT, 0}};
    ::poll(fds, in_fd >= 0 ? 3 : 2, -1);
    if (in_fd >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP)) != 0) {
      const ssize_t n = ::write(in_fd, input.data() + written, input.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      if (n < 0 || written == input.size()) {
        ::close(in_fd);
        in_fd = -1;
      }
    }
    for (int i = 0; i < 2; ++i) {
      if ((fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
      const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        (i == 0 ? result.out : result.err).append(buffer, static_cast<std::size_t>(n));
      } else {
        (i == 0 ? out_open : err_open) = false;
      }
    }
  }
  if (in_fd >= 0) ::close(in_fd);
  ::close(out_pipe[0]);
  ::close(err_pipe[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

int Spawn(const std::vector<std::string>& argv) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, 0);
    ::dup2(null, 1);
    ::dup2(null, 2);
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  return pid;
}

namespace {

int ExitCodeOf(int status) {
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

int WaitExit(int pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return ExitCodeOf(status);
}

RunResult RunInTerminal(const std::vector<std::string>& argv,
                        const std::vector<std::string>& environment) {
  int terminal = -1;
  const pid_t pid = ::forkpty(&terminal, nullptr, nullptr, nullptr);
  if (pid < 0) throw std::runtime_error("forkpty failed");
  if (pid == 0) {
    for (const std::string& entry : environment) {
      if (entry.find('=') == std::string::npos) {
        ::unsetenv(entry.c_str());
      } else {
        ::putenv(const_cast<char*>(entry.c_str()));
      }
    }
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  RunResult result;
  char buffer[65536];
  // Read until the program closes the terminal (EIO once it has exited).
  for (;;) {
    const ssize_t n = ::read(terminal, buffer, sizeof buffer);
    if (n > 0) {
      result.out.append(buffer, static_cast<std::size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      break;
    }
  }
  ::close(terminal);
  result.exit_code = WaitExit(pid);
  return result;
}

std::optional<int> PollExit(int pid) {
  int status = 0;
  if (::waitpid(pid, &status, WNOHANG) != pid) return std::nullopt;
  return ExitCodeOf(status);
}

RunResult Stet(const std::string& archive, const std::vector<std::string>& args,
               const std::string& input) {
  std::vector<std::string> argv = {STET_BINARY, "--archive", archive};
  argv.insert(argv.end(), args.begin(), args.end());
  return Run(argv, input);
}

RunResult GitFsck(const std::string& repository) {
  return Run({"git", "--git-dir=" + repository, "fsck", "--strict", "--no-progress"});
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + path);
}

std::string SamplePath(const std::string& name) {
  return std::string(STET_SAMPLE_DIR) + "/" + name;
}

std::string Snapshot(const std::string& directory) {
  std::ostringstream out;
  if (!fs::exists(directory)) return "(absent)";
  for (const auto& entry : fs::recursive_directory_iterator(directory)) {
    out << entry.path().string();
    if (entry.is_regular_file()) {
      out << " " << entry.file_size() << " " << entry.last_write_time().time_since_epoch().count();
    }
    out << "\n";
  }
  return out.str();
}

bool AddSampleRevisions(const std::string& archive, const std::string& url,
                        const std::string& title) {
  const char* times[] = {"2025-02-13T14:05:00Z", "2025-02-13T18:40:00Z", "2025-02-15T09:10:00Z"};
  for (int i = 0; i < 3; ++i) {
    const RunResult added = Stet(archive, {"add", SamplePath("r" + std::to_string(i + 1) + ".txt"),
                                           "--url", url, "--at", times[i], "--title", title});
    if (added.exit_code != 0) return false;
  }
  return true;
}

nlohmann::json SampleDiff(const std::string& from, const std::string& to) {
  const RunResult diff = Stet("unused", {"diff", "--files", SamplePath(from + ".txt"),
                                         SamplePath(to + ".txt"), "--format", "json"});
  if (diff.exit_code != 0) return nullptr;
  return nlohmann::json::parse(diff.out);
}

}  // namespace stet::test
