#include "store/ref_tree.h"

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

}  // namespace

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
