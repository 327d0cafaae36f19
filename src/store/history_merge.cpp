#include "store/history_merge.h"

#include <algorithm>
#include <optional>

#include "stet/text.h"
#include "store/git_handles.h"
#include "store/revision_format.h"

namespace stet {
namespace {

// One revision of a history, as its commit records it (a re-extraction
// note is not read: the merge moves commits, whose text is the stored one).
struct Link {
  git_oid commit;
  git_oid tree;
  git_oid parent;  // zero for a first revision
  bool has_parent = false;
  git_time_t committed_at = 0;
  RevisionInfo info;
};

Result<git::CommitPtr> LookupCommit(git_repository* repo, const git_oid& oid,
                                    const std::string& what) {
  git_commit* raw = nullptr;
  if (git_commit_lookup(&raw, repo, &oid) != 0) return git::Failure(what);
  return git::CommitPtr(raw);
}

Result<Link> LinkOf(git_commit* commit) {
  Link link;
  link.commit = *git_commit_id(commit);
  link.tree = *git_commit_tree_id(commit);
  link.has_parent = git_commit_parentcount(commit) > 0;
  if (link.has_parent) link.parent = *git_commit_parent_id(commit, 0);
  link.committed_at = git_commit_time(commit);
  const char* message = git_commit_message_raw(commit);
  Result<RevisionInfo> info =
      DecodeRevisionMessage(message == nullptr ? "" : message, git::OidHex(link.commit));
  if (!info.ok()) return info.status();
  link.info = std::move(info).value();
  link.info.has_page = link.info.extractor > 0;
  return link;
}

// The history ending at `tip` along first parents, oldest first.
Result<std::vector<Link>> Chain(git_repository* repo, const git_oid& tip) {
  std::vector<Link> chain;
  std::optional<git_oid> next = tip;
  while (next) {
    Result<git::CommitPtr> commit =
        LookupCommit(repo, *next, "read revision " + git::OidHex(*next));
    if (!commit.ok()) return commit.status();
    Result<Link> link = LinkOf(commit->get());
    if (!link.ok()) return link.status();
    next.reset();
    if (link->has_parent) next = link->parent;
    chain.push_back(std::move(link).value());
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

std::string Signature(git_time_t when) {
  return "stet <stet@localhost> " + std::to_string(when) + " +0000\n";
}

// How much `after` changed from `before`, with the archive's rater.
Result<std::optional<double>> Rate(Archive::Impl& impl, const RevisionInfo& before,
                                   const RevisionInfo& after) {
  if (!impl.rater) return std::optional<double>();
  git_repository* repo = impl.repo.get();
  Result<std::string> before_text = ReadStoredText(repo, before);
  if (!before_text.ok()) return before_text.status();
  Result<std::string> after_text = ReadStoredText(repo, after);
  if (!after_text.ok()) return after_text.status();
  Result<RevisionMetadata> before_meta = ReadMetadataOf(repo, before);
  if (!before_meta.ok()) return before_meta.status();
  Result<RevisionMetadata> after_meta = ReadMetadataOf(repo, after);
  if (!after_meta.ok()) return after_meta.status();
  return impl.rater({*before_text, before_meta->title, before_meta->byline, before_meta->published},
                    {*after_text, after_meta->title, after_meta->byline, after_meta->published});
}

bool SameText(const RevisionInfo& a, const RevisionInfo& b) {
  return a.hash == b.hash && a.title == b.title;
}

}  // namespace

Result<MergedHistory> MergeHistories(Archive::Impl& impl, const git_oid& ours,
                                     const git_oid& theirs) {
  git_repository* repo = impl.repo.get();
  Result<std::vector<Link>> our_chain = Chain(repo, ours);
  if (!our_chain.ok()) return our_chain.status();
  Result<std::vector<Link>> their_chain = Chain(repo, theirs);
  if (!their_chain.ok()) return their_chain.status();
  std::size_t shared = 0;
  while (shared < our_chain->size() && shared < their_chain->size() &&
         git_oid_equal(&(*our_chain)[shared].commit, &(*their_chain)[shared].commit)) {
    ++shared;
  }
  // Both sides' own revisions, in the order they were fetched. Ties are
  // broken by what the revisions hold, never by which side they came
  // from, so both sides order them alike.
  std::vector<const Link*> own;
  for (const auto* chain : {&*our_chain, &*their_chain}) {
    for (std::size_t i = shared; i < chain->size(); ++i) own.push_back(&(*chain)[i]);
  }
  std::sort(own.begin(), own.end(), [](const Link* a, const Link* b) {
    if (a->info.fetched_at != b->info.fetched_at) return a->info.fetched_at < b->info.fetched_at;
    if (a->info.hash != b->info.hash) return a->info.hash < b->info.hash;
    if (a->info.title != b->info.title) return a->info.title < b->info.title;
    return git_oid_cmp(&a->commit, &b->commit) < 0;
  });
  if (own.empty()) {
    return Status::InvalidInput("merge " + git::OidHex(ours) + " and " + git::OidHex(theirs) +
                                ": one history holds the other");
  }
  MergedHistory merged;
  const Link* previous = shared > 0 ? &(*our_chain)[shared - 1] : nullptr;
  std::vector<const Link*> kept;
  for (const Link* link : own) {
    const Link* before = kept.empty() ? previous : kept.back();
    // A side that stored a revision right after one of the same text did
    // so on purpose (its byline or date changed): only a text the other
    // side had already seen is dropped.
    const bool stored_after_it =
        before != nullptr && link->has_parent && git_oid_equal(&link->parent, &before->commit);
    if (before != nullptr && !stored_after_it && SameText(before->info, link->info)) {
      ++merged.dropped;
      continue;
    }
    kept.push_back(link);
  }
  // Each side holds a revision the other lacks, so one stays to carry
  // both tips even if every one repeated the shared history's last text.
  if (kept.empty()) {
    kept.push_back(own.back());
    --merged.dropped;
  }
  git_odb* raw_odb = nullptr;
  if (git_repository_odb(&raw_odb, repo) != 0) return git::Failure("merge: open objects");
  git::OdbPtr odb(raw_odb);
  // The tips, in the order of their ids: the last revision's extra parents.
  std::vector<git_oid> tips{ours, theirs};
  std::sort(tips.begin(), tips.end(),
            [](const git_oid& a, const git_oid& b) { return git_oid_cmp(&a, &b) < 0; });
  std::optional<git_oid> parent;
  if (previous != nullptr) parent = previous->commit;
  const RevisionInfo* parent_info = previous != nullptr ? &previous->info : nullptr;
  int number = static_cast<int>(shared);
  for (std::size_t i = 0; i < kept.size(); ++i) {
    const Link& link = *kept[i];
    RevisionInfo info = link.info;
    info.number = ++number;
    const bool same_parent =
        parent ? link.has_parent && git_oid_equal(&*parent, &link.parent) : !link.has_parent;
    if (!same_parent) {
      if (parent_info == nullptr) {
        info.materiality.reset();
      } else {
        Result<std::optional<double>> rating = Rate(impl, *parent_info, link.info);
        if (!rating.ok()) return rating.status();
        info.materiality = *rating;
      }
    }
    std::string commit = "tree " + git::OidHex(link.tree) + "\n";
    if (parent) commit += "parent " + git::OidHex(*parent) + "\n";
    if (i + 1 == kept.size()) {
      for (const git_oid& tip : tips) {
        if (!parent || !git_oid_equal(&tip, &*parent))
          commit += "parent " + git::OidHex(tip) + "\n";
      }
    }
    commit += "author " + Signature(info.fetched_at);
    commit += "committer " + Signature(link.committed_at);
    commit += "\n" + EncodeRevisionMessage(info);
    git_oid written;
    if (git_odb_write(&written, odb.get(), commit.data(), commit.size(), GIT_OBJECT_COMMIT) != 0) {
      return git::Failure("merge: write revision " + std::to_string(info.number) + " of " +
                          info.url);
    }
    if (!git_oid_equal(&written, &link.commit)) merged.rechained.emplace_back(link.commit, written);
    parent = written;
    parent_info = &link.info;
  }
  merged.tip = *parent;
  return merged;
}

Result<std::string> DamageInIncoming(git_repository* repo, const std::string& article_id,
                                     const git_oid& tip, const git_oid* known) {
  git_revwalk* raw = nullptr;
  if (git_revwalk_new(&raw, repo) != 0) return git::Failure("check " + article_id);
  std::unique_ptr<git_revwalk, git::Deleter<git_revwalk, git_revwalk_free>> walk(raw);
  if (git_revwalk_push(walk.get(), &tip) != 0) {
    return "its latest revision " + git::OidHex(tip) + " cannot be read";
  }
  if (known != nullptr && git_revwalk_hide(walk.get(), known) != 0) {
    return git::Failure("check " + article_id).message();
  }
  git_oid oid;
  int rc;
  while ((rc = git_revwalk_next(&oid, walk.get())) == 0) {
    const std::string which = "revision " + git::OidHex(oid).substr(0, 7);
    Result<git::CommitPtr> commit = LookupCommit(repo, oid, which);
    if (!commit.ok()) return which + ": " + commit.status().message();
    Result<Link> link = LinkOf(commit->get());
    if (!link.ok()) return link.status().message();
    if (link->info.article_id != article_id) return which + ": belongs to another article";
    Result<std::string> text = ReadStoredText(repo, link->info);
    if (!text.ok()) return which + ": " + text.status().message();
    if (ContentHash(*text) != link->info.hash) {
      return "revision " + std::to_string(link->info.number) + " (" +
             link->info.commit.substr(0, 7) +
             "): its text does not match the hash its commit records";
    }
  }
  if (rc != GIT_ITEROVER) {
    const git_error* error = git_error_last();
    return std::string("its history cannot be walked: ") +
           (error != nullptr ? error->message : "unknown error");
  }
  return std::string();
}

}  // namespace stet
