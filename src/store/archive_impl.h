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
  RevisionRater rater;  // empty: revisions are stored unrated
};

// The latest revision of an article: its commit and decoded fields.
struct Tip {
  git_oid oid;
  RevisionInfo info;
};

// The commit an article's ref points at; nullopt when the article has no
// ref. A ref git cannot read (an empty or truncated file left by a crash or
// a full disk) is kArchiveDamaged naming the article, never "not there".
Result<std::optional<git_oid>> ReadArticleRef(git_repository* repo, const std::string& article_id);

// Reads the tip of an article's history from `repo`; nullopt when the
// article has no revision yet.
Result<std::optional<Tip>> ReadTip(git_repository* repo, const std::string& article_id);

// Every revision of the history ending at `tip`, newest first.
Result<std::vector<RevisionInfo>> ReadHistory(git_repository* repo, const Tip& tip);

// The headline, byline and publication time of a revision: what besides
// its text makes it a new revision when it changes.
struct RevisionMetadata {
  std::string title, byline, published;
  bool has_page = false;  // byline and published are known only for pages
};

// The metadata of a stored revision (its page.json read for a page).
Result<RevisionMetadata> ReadMetadataOf(git_repository* repo, const RevisionInfo& revision);

// The text.txt stored in a revision's commit (not a re-extraction).
Result<std::string> ReadStoredText(git_repository* repo, const RevisionInfo& revision);

// Fails with kArchiveDamaged unless the tip's text can be read: a history
// is only extended from a latest revision that is whole.
Status CheckTipReadable(git_repository* repo, const Tip& tip);

// The text `stet reextract` recorded beside a revision, if any.
Result<std::optional<Extraction>> ReadExtraction(git_repository* repo, const git_oid& commit);

// Decodes the revision stored in a commit, with its re-extraction if any.
Result<RevisionInfo> ReadRevision(git_commit* commit);

}  // namespace stet

#endif  // STET_SRC_STORE_ARCHIVE_IMPL_H_
