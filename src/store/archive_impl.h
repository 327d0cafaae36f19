// Internals shared by the archive's read side (archive.cpp) and write side
// (archive_write.cpp).
#ifndef STET_SRC_STORE_ARCHIVE_IMPL_H_
#define STET_SRC_STORE_ARCHIVE_IMPL_H_

#include <optional>
#include <string>

#include "stet/archive.h"
#include "store/git_handles.h"
#include "store/revision_format.h"

namespace stet {

struct Archive::Impl {
  std::string path;
  git::RepositoryPtr repo;
};

// The latest revision of an article: its commit and decoded fields.
struct Tip {
  git_oid oid;
  RevisionInfo info;
};

// Reads the tip of an article's history from `repo`; nullopt when the
// article has no revision yet.
Result<std::optional<Tip>> ReadTip(git_repository* repo, const std::string& article_id);

// The text `stet reextract` recorded beside a revision, if any.
Result<std::optional<Extraction>> ReadExtraction(git_repository* repo, const git_oid& commit);

// Decodes the revision stored in a commit, with its re-extraction if any.
Result<RevisionInfo> ReadRevision(git_commit* commit);

}  // namespace stet

#endif  // STET_SRC_STORE_ARCHIVE_IMPL_H_
