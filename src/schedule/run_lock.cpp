// The pass lock is flock(2) on a file of its own: the kernel releases it
// when the holder exits in any way, kill -9 included, so unlike the git
// writer's lock files it can never be left behind.
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include "stet/run.h"

namespace stet {

Result<std::optional<RunLock>> RunLock::Acquire(const std::string& archive_path, long wait_ms,
                                                std::string* holder) {
  const std::string folder = archive_path + "/stet";
  if (::mkdir(folder.c_str(), 0777) != 0 && errno != EEXIST) {
    return Status::InvalidInput(folder + ": " + std::strerror(errno));
  }
  const std::string file = folder + "/run.lock";
  const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (fd < 0) return Status::InvalidInput(file + ": " + std::strerror(errno));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms);
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      const int error = errno;
      ::close(fd);
      return Status::InvalidInput(file + ": " + std::strerror(error));
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      if (holder != nullptr) {
        char text[128] = {};
        const ssize_t read = ::pread(fd, text, sizeof(text) - 1, 0);
        *holder = read > 0 ? std::string(text, static_cast<std::size_t>(read)) : "";
        while (!holder->empty() && holder->back() == '\n') holder->pop_back();
      }
      ::close(fd);
      return std::optional<RunLock>();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  const std::string mine =
      "pid " + std::to_string(::getpid()) + " since " + FormatTimestamp(Now()) + "\n";
  if (::ftruncate(fd, 0) == 0) {
    (void)!::pwrite(fd, mine.data(), mine.size(), 0);
  }
  return std::optional<RunLock>(RunLock(fd));
}

RunLock::RunLock(RunLock&& other) noexcept : fd_(other.fd_) {
  other.fd_ = -1;
}

RunLock::~RunLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the flock
}

}  // namespace stet
