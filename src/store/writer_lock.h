// The lock every writer of one archive holds while it moves a ref, and the
// clean-up it allows: a git ref lock left by a killed writer.
#ifndef STET_SRC_STORE_WRITER_LOCK_H_
#define STET_SRC_STORE_WRITER_LOCK_H_

#include <string>

#include "stet/status.h"
#include "store/archive_impl.h"

namespace stet {

// Serialises the ref swap of all stet writers of one archive. Holding it,
// a writer knows that a leftover git ref lock (`<ref>.lock`) belongs to a
// process that died mid-swap and may be removed; flock is released by the
// kernel when its holder dies, so it can never go stale itself.
class WriterLock {
 public:
  static Result<WriterLock> Acquire(const std::string& archive_path);
  WriterLock(WriterLock&& other) noexcept;
  WriterLock& operator=(WriterLock&&) = delete;
  ~WriterLock();

 private:
  explicit WriterLock(int fd) : fd_(fd) {}
  int fd_;
};

// Under the writer lock no live stet process holds a git ref lock, so one
// left on disk is from a writer killed while it held it: removed, or it
// would block that ref forever. REQUIRES: the caller holds the WriterLock.
Status RemoveStaleRefLock(const Archive::Impl& impl, const std::string& ref);
// The same in the repository at `repository_path` (a remote on this
// machine, whose WriterLock the caller holds).
Status RemoveStaleRefLock(const std::string& repository_path, const std::string& ref);

}  // namespace stet

#endif  // STET_SRC_STORE_WRITER_LOCK_H_
