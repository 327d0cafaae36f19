#include "store/ref_tree.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "stet/clock.h"
#include "store/writer_lock.h"

namespace stet {
namespace {

// The commit `ref` points at; nullopt when the ref does not exist.
Result<std::optional<git::CommitPtr>> ReadTipCommit(git_repository* repo, const std::string& ref) {
  git_oid oid;
  const int rc = git_reference_name_to_id(&oid, repo, ref.c_str());
  if (rc == GIT_ENOTFOUND) return std::optional<git::CommitPtr>();
  if (rc != 0) return git::Failure("read " + ref);
  git_commit* raw = nullptr;
  if (git_commit_lookup(&raw, repo, &oid) != 0) return git::Failure("read " + ref);
  return std::optional<git::CommitPtr>(git::CommitPtr(raw));
}

Result<std::optional<git::TreePtr>> ReadTipTree(git_repository* repo, const std::string& ref) {
  Result<std::optional<git::CommitPtr>> commit = ReadTipCommit(repo, ref);
  if (!commit.ok()) return commit.status();
  if (!commit->has_value()) return std::optional<git::TreePtr>();
  git_tree* raw = nullptr;
  if (git_commit_tree(&raw, (*commit)->get()) != 0) return git::Failure("read " + ref);
  return std::optional<git::TreePtr>(git::TreePtr(raw));
}

Result<std::string> BlobText(git_repository* repo, const git_oid& id, const std::string& where) {
  git_blob* raw = nullptr;
  if (git_blob_lookup(&raw, repo, &id) != 0) return git::Failure("read " + where);
  git::BlobPtr blob(raw);
  return std::string(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                     static_cast<std::size_t>(git_blob_rawsize(blob.get())));
}

Result<std::optional<std::string>> EntryIn(git_repository* repo, git_tree* tree,
                                           const std::string& ref, const std::string& path) {
  git_tree_entry* raw = nullptr;
  const int rc = git_tree_entry_bypath(&raw, tree, path.c_str());
  if (rc == GIT_ENOTFOUND) return std::optional<std::string>();
  if (rc != 0) return git::Failure("read " + ref + ":" + path);
  const git_oid id = *git_tree_entry_id(raw);
  const bool blob = git_tree_entry_type(raw) == GIT_OBJECT_BLOB;
  git_tree_entry_free(raw);
  if (!blob) return Status::ArchiveDamaged("read " + ref + ":" + path + ": not a file");
  Result<std::string> text = BlobText(repo, id, ref + ":" + path);
  if (!text.ok()) return text.status();
  return std::optional<std::string>(std::move(text).value());
}

// Every blob of a tree by path; empty for no tree.
Result<std::map<std::string, git_oid>> BlobsOf(git_tree* tree, const std::string& ref) {
  std::map<std::string, git_oid> blobs;
  if (tree == nullptr) return blobs;
  auto visit = [](const char* root, const git_tree_entry* entry, void* payload) -> int {
    if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB) return 0;
    (*static_cast<std::map<std::string, git_oid>*>(
        payload))[std::string(root) + git_tree_entry_name(entry)] = *git_tree_entry_id(entry);
    return 0;
  };
  if (git_tree_walk(tree, GIT_TREEWALK_PRE, visit, &blobs) != 0) {
    return git::Failure("read " + ref);
  }
  return blobs;
}

Result<git::TreePtr> TreeOf(git_repository* repo, const git_oid& commit_id,
                            const std::string& what) {
  git_commit* raw_commit = nullptr;
  if (git_commit_lookup(&raw_commit, repo, &commit_id) != 0) return git::Failure(what);
  git::CommitPtr commit(raw_commit);
  git_tree* raw = nullptr;
  if (git_commit_tree(&raw, commit.get()) != 0) return git::Failure(what);
  return git::TreePtr(raw);
}

bool SameBlob(const git_oid* a, const git_oid* b) {
  if (a == nullptr || b == nullptr) return a == b;
  return git_oid_equal(a, b);
}

// The entry-by-entry merge of `ours` and `theirs` against `base`, as a
// tree written to the repository.
Result<git_oid> MergedTree(git_repository* repo, const std::string& ref, const git_oid& ours,
                           const git_oid& theirs, const std::optional<git_oid>& base) {
  const std::string what = "merge " + ref;
  Result<git::TreePtr> our_tree = TreeOf(repo, ours, what);
  if (!our_tree.ok()) return our_tree.status();
  Result<git::TreePtr> their_tree = TreeOf(repo, theirs, what);
  if (!their_tree.ok()) return their_tree.status();
  git::TreePtr base_tree;
  if (base) {
    Result<git::TreePtr> tree = TreeOf(repo, *base, what);
    if (!tree.ok()) return tree.status();
    base_tree = std::move(tree).value();
  }
  Result<std::map<std::string, git_oid>> base_blobs = BlobsOf(base_tree.get(), ref);
  if (!base_blobs.ok()) return base_blobs.status();
  Result<std::map<std::string, git_oid>> our_blobs = BlobsOf(our_tree->get(), ref);
  if (!our_blobs.ok()) return our_blobs.status();
  Result<std::map<std::string, git_oid>> their_blobs = BlobsOf(their_tree->get(), ref);
  if (!their_blobs.ok()) return their_blobs.status();
  auto find = [](const std::map<std::string, git_oid>& blobs,
                 const std::string& path) -> const git_oid* {
    const auto found = blobs.find(path);
    return found == blobs.end() ? nullptr : &found->second;
  };
  std::set<std::string> paths;
  for (const auto* blobs : {&*our_blobs, &*their_blobs, &*base_blobs}) {
    for (const auto& [path, id] : *blobs) paths.insert(path);
  }
  std::vector<git_tree_update> updates;
  for (const std::string& path : paths) {
    const git_oid* mine = find(*our_blobs, path);
    const git_oid* other = find(*their_blobs, path);
    const git_oid* before = find(*base_blobs, path);
    const git_oid* chosen = mine;
    if (SameBlob(mine, other) || SameBlob(other, before)) {
      continue;  // ours stands
    } else if (SameBlob(mine, before)) {
      chosen = other;  // changed on their side only
    } else if (mine == nullptr || other == nullptr) {
      chosen = mine != nullptr ? mine : other;  // changed here, removed there: keep it
    } else {
      chosen = git_oid_cmp(mine, other) >= 0 ? mine : other;
    }
    if (SameBlob(chosen, mine)) continue;
    git_tree_update update{};
    update.path = path.c_str();
    if (chosen != nullptr) {
      update.action = GIT_TREE_UPDATE_UPSERT;
      update.filemode = GIT_FILEMODE_BLOB;
      update.id = *chosen;
    } else {
      update.action = GIT_TREE_UPDATE_REMOVE;
    }
    updates.push_back(update);
  }
  git_oid tree_id;
  if (git_tree_create_updated(&tree_id, repo, our_tree->get(), updates.size(), updates.data()) !=
      0) {
    return git::Failure(what);
  }
  return tree_id;
}

}  // namespace

Result<RefPull> PullTreeRef(Archive::Impl& impl, const std::string& ref, const git_oid& theirs) {
  git_repository* repo = impl.repo.get();
  const std::string what = "pull " + ref;
  Result<WriterLock> lock = WriterLock::Acquire(impl.path);
  if (!lock.ok()) return lock.status();
  if (Status removed = RemoveStaleRefLock(impl, ref); !removed.ok()) return removed;
  git_reference* moved = nullptr;
  git_oid ours;
  const int found = git_reference_name_to_id(&ours, repo, ref.c_str());
  if (found == GIT_ENOTFOUND) {
    if (git_reference_create(&moved, repo, ref.c_str(), &theirs, 0, "stet pull") != 0) {
      return git::Failure(what);
    }
    git_reference_free(moved);
    return RefPull::kAdded;
  }
  if (found != 0) return git::Failure(what);
  if (git_oid_equal(&ours, &theirs) || git_graph_descendant_of(repo, &ours, &theirs) == 1) {
    return RefPull::kUnchanged;
  }
  git_oid target = theirs;
  RefPull outcome = RefPull::kUpdated;
  if (git_graph_descendant_of(repo, &theirs, &ours) != 1) {
    std::optional<git_oid> base;
    git_oid base_id;
    const int rc = git_merge_base(&base_id, repo, &ours, &theirs);
    if (rc == 0) {
      base = base_id;
    } else if (rc != GIT_ENOTFOUND) {
      return git::Failure(what);
    }
    Result<git_oid> tree_id = MergedTree(repo, ref, ours, theirs, base);
    if (!tree_id.ok()) return tree_id.status();
    git_tree* raw_tree = nullptr;
    if (git_tree_lookup(&raw_tree, repo, &*tree_id) != 0) return git::Failure(what);
    git::TreePtr tree(raw_tree);
    std::vector<git::CommitPtr> parents;
    const git_oid* sides[] = {&ours, &theirs};
    for (const git_oid* id : sides) {
      git_commit* raw = nullptr;
      if (git_commit_lookup(&raw, repo, id) != 0) return git::Failure(what);
      parents.emplace_back(raw);
    }
    std::sort(parents.begin(), parents.end(), [](const git::CommitPtr& a, const git::CommitPtr& b) {
      return git_oid_cmp(git_commit_id(a.get()), git_commit_id(b.get())) < 0;
    });
    const git_time_t when =
        std::max(git_commit_time(parents[0].get()), git_commit_time(parents[1].get()));
    git_signature* raw_signature = nullptr;
    if (git_signature_new(&raw_signature, "stet", "stet@localhost", when, 0) != 0) {
      return git::Failure(what);
    }
    git::SignaturePtr signature(raw_signature);
    const git_commit* both[2] = {parents[0].get(), parents[1].get()};
    const std::string message = "Merge two histories of " + ref + "\n";
    if (git_commit_create(&target, repo, nullptr, signature.get(), signature.get(), nullptr,
                          message.c_str(), tree.get(), 2, both) != 0) {
      return git::Failure(what);
    }
    outcome = RefPull::kMerged;
  }
  if (git_reference_create_matching(&moved, repo, ref.c_str(), &target, 1, &ours, "stet pull") !=
      0) {
    return git::Failure(what);
  }
  git_reference_free(moved);
  return outcome;
}

Result<std::string> ReadTreeVersion(git_repository* repo, const std::string& ref) {
  git_oid oid;
  const int rc = git_reference_name_to_id(&oid, repo, ref.c_str());
  if (rc == GIT_ENOTFOUND) return std::string();
  if (rc != 0) return git::Failure("read " + ref);
  return git::OidHex(oid);
}

Result<std::optional<std::string>> ReadTreeEntry(git_repository* repo, const std::string& ref,
                                                 const std::string& path) {
  Result<std::optional<git::TreePtr>> tree = ReadTipTree(repo, ref);
  if (!tree.ok()) return tree.status();
  if (!tree->has_value()) return std::optional<std::string>();
  return EntryIn(repo, (*tree)->get(), ref, path);
}

Result<std::vector<std::pair<std::string, std::string>>> ReadTreeEntries(
    git_repository* repo, const std::string& ref, const std::string& folder) {
  std::vector<std::pair<std::string, std::string>> entries;
  Result<std::optional<git::TreePtr>> tree = ReadTipTree(repo, ref);
  if (!tree.ok()) return tree.status();
  if (!tree->has_value()) return entries;
  struct Walk {
    git_repository* repo;
    const std::string& folder;
    std::vector<std::pair<std::string, git_oid>> blobs;
  } walk{repo, folder, {}};
  auto visit = [](const char* root, const git_tree_entry* entry, void* payload) -> int {
    Walk* state = static_cast<Walk*>(payload);
    if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB) return 0;
    std::string path = std::string(root) + git_tree_entry_name(entry);
    if (state->folder.empty() || path.rfind(state->folder + "/", 0) == 0) {
      state->blobs.emplace_back(std::move(path), *git_tree_entry_id(entry));
    }
    return 0;
  };
  if (git_tree_walk((*tree)->get(), GIT_TREEWALK_PRE, visit, &walk) != 0) {
    return git::Failure("read " + ref);
  }
  for (const auto& [path, id] : walk.blobs) {
    Result<std::string> text = BlobText(repo, id, ref + ":" + path);
    if (!text.ok()) return text.status();
    entries.emplace_back(path, std::move(text).value());
  }
  return entries;
}

Result<std::size_t> CommitTreeChanges(Archive::Impl& impl, const std::string& ref,
                                      const std::vector<TreeChange>& changes,
                                      const TreeMessage& message) {
  git_repository* repo = impl.repo.get();
  const std::string what = "write " + ref;
  // The ref is shared by every writer: one at a time.
  Result<WriterLock> lock = WriterLock::Acquire(impl.path);
  if (!lock.ok()) return lock.status();
  if (Status removed = RemoveStaleRefLock(impl, ref); !removed.ok()) return removed;
  Result<std::optional<git::CommitPtr>> parent = ReadTipCommit(repo, ref);
  if (!parent.ok()) return parent.status();
  git::TreePtr base;
  if (parent->has_value()) {
    git_tree* raw = nullptr;
    if (git_commit_tree(&raw, (*parent)->get()) != 0) return git::Failure(what);
    base.reset(raw);
  }
  // (Without a parent there is no base tree: libgit2 builds from nothing.)
  // Only the entries that really change: a change that changes nothing
  // writes nothing.
  std::vector<git_tree_update> updates;
  std::vector<const TreeChange*> applied;
  std::set<std::string_view> paths;
  for (const TreeChange& change : changes) {
    if (!paths.insert(change.path).second) continue;
    Result<std::optional<std::string>> now =
        base ? EntryIn(repo, base.get(), ref, change.path) : std::optional<std::string>();
    if (!now.ok()) return now.status();
    if (*now == change.content) continue;
    if (!change.content && !now->has_value()) continue;
    if (change.keep_existing && now->has_value()) continue;
    git_tree_update update{};
    update.path = change.path.c_str();
    if (change.content) {
      update.action = GIT_TREE_UPDATE_UPSERT;
      update.filemode = GIT_FILEMODE_BLOB;
      if (git_blob_create_from_buffer(&update.id, repo, change.content->data(),
                                      change.content->size()) != 0) {
        return git::Failure(what);
      }
    } else {
      update.action = GIT_TREE_UPDATE_REMOVE;
    }
    updates.push_back(update);
    applied.push_back(&change);
  }
  if (updates.empty()) return std::size_t{0};
  git_oid tree_id;
  if (git_tree_create_updated(&tree_id, repo, base.get(), updates.size(), updates.data()) != 0) {
    return git::Failure(what);
  }
  git_tree* raw_tree = nullptr;
  if (git_tree_lookup(&raw_tree, repo, &tree_id) != 0) return git::Failure(what);
  git::TreePtr tree(raw_tree);
  git_signature* raw_signature = nullptr;
  if (git_signature_new(&raw_signature, "stet", "stet@localhost", Now(), 0) != 0) {
    return git::Failure(what);
  }
  git::SignaturePtr signature(raw_signature);
  const git_commit* parents[1] = {parent->has_value() ? (*parent)->get() : nullptr};
  git_oid commit;
  const std::string text = message(applied);
  if (git_commit_create(&commit, repo, nullptr, signature.get(), signature.get(), nullptr,
                        text.c_str(), tree.get(), parent->has_value() ? 1 : 0, parents) != 0) {
    return git::Failure(what);
  }
  git_reference* raw_ref = nullptr;
  if (git_reference_create(&raw_ref, repo, ref.c_str(), &commit, /*force=*/1, text.c_str()) != 0) {
    return git::Failure(what);
  }
  git_reference_free(raw_ref);
  return updates.size();
}

}  // namespace stet
