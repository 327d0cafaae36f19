// Two histories of one article made one, for `stet pull` (stet/remotes.h).
//
// When two archives both stored revisions of an article the other lacks
// (two shards tracking it, two offices fetching it), neither history is a
// prefix of the other. The rule, specified in docs/archive-format.md
// ("Merged histories"): the revisions both share stay as they are; the
// others, from both sides, are put in order of Stet-Fetched-At and chained
// after them; one whose text hash and title equal the revision before it is
// dropped (the same page seen by both sides); the last revision of the
// merged chain also has both tips as parents, so that each side's history
// is an ancestor of the result and every later pull or push is a
// fast-forward. Every field of a re-chained commit comes from its
// revision (the committer time is the original's), and both tips are
// listed in the order of their ids, so two archives that merge the same
// two histories write the same commits.
#ifndef STET_SRC_STORE_HISTORY_MERGE_H_
#define STET_SRC_STORE_HISTORY_MERGE_H_

#include <string>
#include <utility>
#include <vector>

#include "store/archive_impl.h"

namespace stet {

struct MergedHistory {
  git_oid tip;
  std::size_t dropped = 0;  // the same text seen by both sides, kept once
  // Each revision written anew: (its commit before, its commit now), so
  // that what is recorded beside it (a re-extraction note) can follow it.
  std::vector<std::pair<git_oid, git_oid>> rechained;
};

// Writes the merged history of the article whose refs point at `ours` and
// `theirs` (neither an ancestor of the other) and returns its tip; no ref
// is moved. Re-chained revisions are rated against their new predecessor
// with the archive's rater, if it has one.
Result<MergedHistory> MergeHistories(Archive::Impl& impl, const git_oid& ours,
                                     const git_oid& theirs);

// The first damage in the revisions of `tip`'s history that `known` does
// not reach (all of them when `known` is null): a commit that is not a
// revision of `article_id`, or whose text does not match the hash it
// records. "" when they are whole. What a pull checks before it lets a
// remote's history in.
Result<std::string> DamageInIncoming(git_repository* repo, const std::string& article_id,
                                     const git_oid& tip, const git_oid* known);

}  // namespace stet

#endif  // STET_SRC_STORE_HISTORY_MERGE_H_
