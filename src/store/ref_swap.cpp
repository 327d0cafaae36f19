#include "store/ref_swap.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "store/git_handles.h"
#include "store/revision_format.h"
#include "store/writer_lock.h"

namespace stet {
namespace {

Status Failed(const std::string& what, const std::string& path) {
  return Status::ArchiveDamaged(what + " " + path + ": " + std::strerror(errno));
}

Status MakeFolder(const std::string& path) {
  if (::mkdir(path.c_str(), 0777) != 0 && errno != EEXIST) return Failed("create", path);
  return Status::Ok();
}

// Makes the lock files' contents durable: one file by its own fsync, many
// by one flush of their file system (syncfs), which costs one disk flush
// however many files it covers.
Status FlushAll(const std::vector<int>& fds, const std::string& where) {
  if (fds.empty()) return Status::Ok();
#ifdef __linux__
  if (fds.size() > 1) {
    if (::syncfs(fds.front()) != 0) return Failed("flush", where);
    return Status::Ok();
  }
#endif
  for (int fd : fds) {
    if (::fsync(fd) != 0) return Failed("flush", where);
  }
  return Status::Ok();
}

// One lock file being written; closed when it goes.
struct LockFile {
  std::size_t move = 0;
  std::string path;
  int fd = -1;
  LockFile() = default;
  LockFile(LockFile&& other) noexcept
      : move(other.move), path(std::move(other.path)), fd(std::exchange(other.fd, -1)) {}
  ~LockFile() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

Result<std::vector<bool>> SwapArticleRefs(Archive::Impl& impl, const std::vector<RefMove>& moves) {
  std::vector<bool> swapped(moves.size(), false);
  if (moves.empty()) return swapped;
  Result<WriterLock> writer = WriterLock::Acquire(impl.path);
  if (!writer.ok()) return writer.status();
  const std::string prefix(kArticleRefPrefix);  // "refs/stet/articles/"
  const std::string folder = impl.path + "/" + prefix.substr(0, prefix.size() - 1);
  if (Status made = MakeFolder(impl.path + "/refs/stet"); !made.ok()) return made;
  if (Status made = MakeFolder(folder); !made.ok()) return made;

  // 1. Every lock file written (git's protocol: created exclusively, so a
  // git process writing the same ref meanwhile fails, and we skip a ref
  // whose lock it holds).
  std::vector<LockFile> locks;
  std::vector<int> fds;
  for (std::size_t i = 0; i < moves.size(); ++i) {
    const std::string ref = ArticleRef(moves[i].article_id);
    if (Status removed = RemoveStaleRefLock(impl, ref); !removed.ok()) return removed;
    LockFile lock;
    lock.move = i;
    lock.path = impl.path + "/" + ref + ".lock";
    lock.fd = ::open(lock.path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (lock.fd < 0) {
      if (errno == EEXIST) continue;
      return Failed("create", lock.path);
    }
    const std::string line = git::OidHex(moves[i].target) + "\n";
    if (::write(lock.fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
      const Status failed = Failed("write", lock.path);
      ::unlink(lock.path.c_str());
      return failed;
    }
    fds.push_back(lock.fd);
    locks.push_back(std::move(lock));
  }
  // 2. One flush for all of them: no ref below can be renamed to a file
  // whose content a power cut could lose.
  const Status flushed = FlushAll(fds, folder);
  // 3. Each lock renamed over its ref, if the ref is where the writer
  // found it.
  Status failure = flushed;
  bool renamed = false;
  for (LockFile& lock : locks) {
    ::close(std::exchange(lock.fd, -1));
    const RefMove& move = moves[lock.move];
    Result<std::optional<git_oid>> current = failure.ok()
                                                 ? ReadArticleRef(impl.repo.get(), move.article_id)
                                                 : Result<std::optional<git_oid>>(failure);
    if (!current.ok() && failure.ok()) failure = current.status();
    const bool where_expected = current.ok() && current->has_value() == move.expected.has_value() &&
                                (!move.expected || git_oid_equal(&**current, &*move.expected));
    if (!where_expected) {
      ::unlink(lock.path.c_str());
      continue;
    }
    const std::string ref_path = lock.path.substr(0, lock.path.size() - 5);  // drop ".lock"
    if (::rename(lock.path.c_str(), ref_path.c_str()) != 0) {
      if (failure.ok()) failure = Failed("move into place", ref_path);
      ::unlink(lock.path.c_str());
      continue;
    }
    swapped[lock.move] = true;
    renamed = true;
  }
  // 4. One flush of the folder makes every rename durable.
  if (renamed) {
    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0 || ::fsync(dir) != 0) {
      if (failure.ok()) failure = Failed("flush", folder);
    }
    if (dir >= 0) ::close(dir);
  }
  if (!failure.ok()) return failure;
  return swapped;
}

}  // namespace stet
