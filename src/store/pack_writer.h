// Writes a batch of git objects as one pack (version 2) and its index
// (version 2), the formats of git's Documentation/gitformat-pack.txt.
//
// Why by hand: libgit2's packbuilder searches for deltas among every object
// (a window of 10) and then re-reads the whole pack through its indexer to
// build the index; on the ingest benchmark that was three quarters of
// `stet import`'s time and left it slower than git fast-import
// (docs/performance.md has both figures). Here each object is stored whole,
// zlib-compressed, and the index is written from what the writer already
// knows, as fast-import does. Deltas are git's business later: `git gc`
// (or `git repack -a -d`) deltifies the archive, and stet reads either form.
#ifndef STET_SRC_STORE_PACK_WRITER_H_
#define STET_SRC_STORE_PACK_WRITER_H_

#include <git2.h>

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "stet/status.h"

namespace stet {

class PackWriter {
 public:
  // Adds an object (the same object twice is stored once) and returns its id.
  Result<git_oid> Add(git_object_t type, std::string_view data);

  bool empty() const { return entries_.empty(); }

  // Writes pack-<sha>.pack then pack-<sha>.idx into `pack_directory`, each
  // through a temporary file that is fsynced and renamed, the index last so
  // that git never sees a pack without its index.
  Status Commit(const std::string& pack_directory);

 private:
  struct Entry {
    git_oid oid;
    std::uint64_t offset;
    std::uint32_t crc32;
  };
  std::string pack_ = std::string("PACK\0\0\0\2\0\0\0\0", 12);  // count patched at Commit
  std::vector<Entry> entries_;
  std::unordered_set<std::string> seen_;  // raw oids already added
};

}  // namespace stet

#endif  // STET_SRC_STORE_PACK_WRITER_H_
