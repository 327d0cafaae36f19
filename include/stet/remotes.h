// stet/remotes.h: an archive's git remotes, and pushing to them.
//
// An archive is a git repository, so it replicates through ordinary git
// remotes and any git server: libgit2's transports (a local path,
// file://, git://, ssh, https). What travels is what stet owns: every
// article's ref (refs/stet/articles/), the watch list, the aliases and
// the notes of re-extraction (refs/notes/stet). Per-article refs do not
// collide when two archives fetched different articles.
#ifndef STET_REMOTES_H_
#define STET_REMOTES_H_

#include <string>
#include <vector>

#include "stet/archive.h"
#include "stet/status.h"

namespace stet {

struct RemoteInfo {
  std::string name;
  std::string url;
};

// What a push did, ref by ref.
struct PushReport {
  std::size_t refs = 0;               // stet refs offered
  std::vector<std::string> rejected;  // "REF: why" (the remote has revisions this archive lacks)
};

// What a pull did, ref by ref.
struct PullReport {
  std::size_t added = 0;      // articles the archive did not have
  std::size_t updated = 0;    // moved forward to the remote's newer revisions
  std::size_t merged = 0;     // both sides held revisions the other lacked
  std::size_t unchanged = 0;  // the same, or this archive is ahead
  std::size_t dropped = 0;    // revisions both sides had fetched alike, kept once
  // "REF: why": written to by this archive while the pull ran; left for the
  // next pull (nothing of either side is lost).
  std::vector<std::string> retry;
};

// What a clone brought.
struct CloneReport {
  std::size_t refs = 0;  // stet refs fetched
};

class Remotes {
 public:
  explicit Remotes(Archive& archive) : archive_(archive) {}

  // Adds a remote; kInvalidInput when the name is taken or not a valid
  // remote name, or the URL is empty.
  Status Add(const std::string& name, const std::string& url);

  // Every remote, in the order git lists them.
  Result<std::vector<RemoteInfo>> List();

  // Pushes every stet ref to remote `name` without forcing: a ref whose
  // remote side holds revisions this archive does not is rejected and
  // left as it was on both sides (reported, not an error). kNotFound when
  // there is no such remote; kNetwork when the remote cannot be reached.
  Result<PushReport> Push(const std::string& name);

  // Fetches every stet ref of remote `name` and brings each in: an article
  // this archive lacks is added, one the remote has moved forward from
  // this archive's is fast-forwarded, one where both sides stored
  // revisions the other lacks is merged (store/history_merge.h; the rule is
  // in docs/archive-format.md), and the watch list, aliases and notes are
  // merged entry by entry. Every incoming revision is checked first (its
  // commit decodes, its text matches its hash): if one is damaged nothing
  // moves and the error (kArchiveDamaged) names the article and revision.
  // Refs move by compare-and-swap, so a concurrent writer loses nothing.
  // kNotFound when there is no such remote; kNetwork when the remote
  // cannot be reached or sends what git cannot read.
  Result<PullReport> Pull(const std::string& name);

  // Makes an archive at `path` (as Archive::Init) holding every stet ref of
  // the archive at `url`, with `url` as its remote "origin". Nothing is
  // left at `path` when it fails.
  static Result<CloneReport> Clone(const std::string& url, const std::string& path);

 private:
  Archive& archive_;
};

}  // namespace stet

#endif  // STET_REMOTES_H_
