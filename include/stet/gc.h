// stet/gc.h: packing an archive's objects and refs, safely beside writers.
//
// Revisions are written as loose objects (`stet add`) or as undeltified
// packs (`stet import`, each pass of `stet run`), and every article has a
// loose ref; git turns them into one delta-compressed pack and one
// packed-refs file (docs/scaling.md measures what that saves). libgit2 has
// no gc or repack, so this runs git's (pack-refs, repack -f, prune). The
// refs are packed under the archive's writer lock (stet removes a git ref
// lock it finds while holding that lock as a dead writer's, so git's must
// not be taken without it),
// then the objects are repacked without the lock, which git does safely
// beside a writer: a new pack is used only once complete, and an object no
// ref reaches yet (a revision being stored) is kept for two weeks.
#ifndef STET_GC_H_
#define STET_GC_H_

#include <cstdint>
#include <string>

#include "stet/archive.h"
#include "stet/status.h"

namespace stet {

// The archive's storage: its objects (loose, and packs with their indexes)
// and its loose ref files (packed-refs is one file, not counted).
struct StorageCount {
  std::uint64_t object_bytes = 0;
  std::size_t loose_objects = 0;
  std::size_t packs = 0;
  std::size_t loose_refs = 0;
};

struct GcReport {
  StorageCount before, after;
};

// Counts what the archive stores now.
Result<StorageCount> CountStorage(const Archive& archive);

// Packs refs and objects with `git` (found on PATH); kInvalidInput naming
// git's own message when it cannot run or fails. Unreachable objects
// younger than two weeks are kept.
Result<GcReport> CollectGarbage(Archive& archive);

}  // namespace stet

#endif  // STET_GC_H_
