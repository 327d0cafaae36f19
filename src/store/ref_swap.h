// Moving article refs, many under one flush.
//
// libgit2 writes a ref by creating `<ref>.lock`, fsyncing it, renaming it
// over the ref and fsyncing the folder: two disk flushes per ref, which for
// a pass storing hundreds of articles cost more than everything else it
// does (docs/performance.md). The swap here keeps git's lock protocol and
// libgit2's guarantee (a ref reported moved survives a power cut, and a
// ref is never seen half written) with two flushes per batch: every lock
// file is written, then all are flushed at once, then each is renamed into
// place, then the folder is flushed once. Hand-written because libgit2
// exposes no way to flush several refs together; benchmarked against
// git_reference_create_matching in bench/run (docs/performance.md).
#ifndef STET_SRC_STORE_REF_SWAP_H_
#define STET_SRC_STORE_REF_SWAP_H_

#include <optional>
#include <string>
#include <vector>

#include "store/archive_impl.h"

namespace stet {

// Move the ref of `article_id` from `expected` (nullopt: the ref must not
// exist yet) to `target`.
struct RefMove {
  std::string article_id;
  std::optional<git_oid> expected;
  git_oid target;
};

// Performs the moves under the writer lock; for each, true when it was
// made, false when the ref was not at `expected` (another writer moved it
// first, or a git process holds its lock). Fails only when the archive
// cannot be written; moves already renamed into place then stay, and are
// as durable as the failure allowed.
Result<std::vector<bool>> SwapArticleRefs(Archive::Impl& impl, const std::vector<RefMove>& moves);

}  // namespace stet

#endif  // STET_SRC_STORE_REF_SWAP_H_
