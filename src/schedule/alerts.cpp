#include "stet/alerts.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

extern char** environ;

namespace stet {
namespace {

// Writes `input` to `fd` with SIGPIPE held back: a hook that does not read
// its input must not kill stet.
bool WriteAll(int fd, std::string_view input) {
  sigset_t pipe_signal, previous;
  sigemptyset(&pipe_signal);
  sigaddset(&pipe_signal, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_signal, &previous);
  bool ok = true;
  while (!input.empty()) {
    const ssize_t written = ::write(fd, input.data(), input.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) {
      ok = errno == EPIPE;  // the hook closed its input: its own business
      break;
    }
    input.remove_prefix(static_cast<std::size_t>(written));
  }
  // Drop a SIGPIPE raised meanwhile before letting signals through again.
  timespec zero{0, 0};
  while (sigtimedwait(&pipe_signal, nullptr, &zero) > 0) {
  }
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  return ok;
}

}  // namespace

Status RunAlertCommand(const std::string& command, std::string_view input, long timeout_ms) {
  const std::string subject = "--notify '" + command + "'";
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    return Status::InvalidInput(subject + ": " + std::strerror(errno));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[0], STDIN_FILENO);
  const char* argv[] = {"/bin/sh", "-c", command.c_str(), nullptr};
  pid_t pid = 0;
  const int spawned =
      posix_spawn(&pid, "/bin/sh", &actions, nullptr, const_cast<char* const*>(argv), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[0]);
  if (spawned != 0) {
    ::close(pipe_fds[1]);
    return Status::InvalidInput(subject + ": cannot start: " + std::strerror(spawned));
  }
  const bool written = WriteAll(pipe_fds[1], input);
  ::close(pipe_fds[1]);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  int status = 0;
  for (;;) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) return Status::InvalidInput(subject + ": lost the process");
    if (std::chrono::steady_clock::now() >= deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return Status::InvalidInput(subject + ": still running after " +
                                  std::to_string(timeout_ms / 1000) + " s; killed");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (WIFSIGNALED(status)) {
    return Status::InvalidInput(subject + ": killed by signal " + std::to_string(WTERMSIG(status)));
  }
  if (WEXITSTATUS(status) != 0) {
    return Status::InvalidInput(subject + ": exit status " + std::to_string(WEXITSTATUS(status)));
  }
  if (!written) return Status::InvalidInput(subject + ": could not write its input");
  return Status::Ok();
}

}  // namespace stet
