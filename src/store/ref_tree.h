// A ref whose history is a tree of small entries addressed by path ("ab/
// cdef0123"), each change one commit: the shape of the archive's aliases
// and watch list, so that a clone or a push carries them and `git log` of
// the ref tells who changed what when.
#ifndef STET_SRC_STORE_REF_TREE_H_
#define STET_SRC_STORE_REF_TREE_H_

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/archive_impl.h"

namespace stet {

// An entry to write (content) or to remove (nullopt).
struct TreeChange {
  std::string path;
  std::optional<std::string> content;
  bool keep_existing = false;  // write only where no entry is yet
};

// The content of the entry at `path` in the tree `ref` points at; nullopt
// when the ref or the entry does not exist.
Result<std::optional<std::string>> ReadTreeEntry(git_repository* repo, const std::string& ref,
                                                 const std::string& path);

// The commit `ref` points at, as hex; "" when the ref does not exist. A
// reader that cached the entries can tell by it whether they changed.
Result<std::string> ReadTreeVersion(git_repository* repo, const std::string& ref);

// Every entry under `folder` ("" for all) as (path, content), in path order.
Result<std::vector<std::pair<std::string, std::string>>> ReadTreeEntries(git_repository* repo,
                                                                         const std::string& ref,
                                                                         const std::string& folder);

// Applies `changes` to the ref's tree as one commit, under the writer lock;
// returns how many entries really changed (0: nothing was written, not even
// a commit). What changes is decided under the lock, against the tree as it
// is then: a removal of an absent entry, a write of the same content, a
// write with `keep_existing` where an entry is, and a path given twice (the
// second time) change nothing. `message` names the changes that do.
using TreeMessage = std::function<std::string(const std::vector<const TreeChange*>& applied)>;
Result<std::size_t> CommitTreeChanges(Archive::Impl& impl, const std::string& ref,
                                      const std::vector<TreeChange>& changes,
                                      const TreeMessage& message);

// What PullTreeRef did to the ref.
enum class RefPull { kAdded, kUpdated, kUnchanged, kMerged };

// Brings the ref to `theirs`, the same ref of another archive (fetched into
// this repository): added where there is none, fast-forwarded where
// `theirs` descends from it, left where it descends from `theirs`, and
// otherwise merged entry by entry against their common ancestor, as one
// commit with both as parents. An entry changed on one side only takes
// that side's content; one changed on both (or removed on one) keeps the
// content that exists, the larger blob id where both do, so both sides of
// a merge write the same commit (parents in the order of their ids, the
// later of their times, one message). Under the writer lock, by
// compare-and-swap.
Result<RefPull> PullTreeRef(Archive::Impl& impl, const std::string& ref, const git_oid& theirs);

}  // namespace stet

#endif  // STET_SRC_STORE_REF_TREE_H_
