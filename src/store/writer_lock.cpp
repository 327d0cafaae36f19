#include "store/writer_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace stet {

Result<WriterLock> WriterLock::Acquire(const std::string& archive_path) {
  const std::string path = archive_path + "/stet.lock";
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Status::ArchiveDamaged("lock " + path + ": " + std::strerror(errno));
  while (::flock(fd, LOCK_EX) != 0) {
    if (errno != EINTR) {
      const std::string cause = std::strerror(errno);
      ::close(fd);
      return Status::ArchiveDamaged("lock " + path + ": " + cause);
    }
  }
  return WriterLock(fd);
}

WriterLock::WriterLock(WriterLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

WriterLock::~WriterLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

Status RemoveStaleRefLock(const Archive::Impl& impl, const std::string& ref) {
  return RemoveStaleRefLock(impl.path, ref);
}

Status RemoveStaleRefLock(const std::string& repository_path, const std::string& ref) {
  const std::string stale = repository_path + "/" + ref + ".lock";
  if (::unlink(stale.c_str()) != 0 && errno != ENOENT) {
    return Status::ArchiveDamaged("remove stale lock " + stale + ": " + std::strerror(errno));
  }
  return Status::Ok();
}

}  // namespace stet
