// URLs that lead to an article stored under another URL (the page's
// canonical link named another address): `stet log URL` and a conditional
// fetch of URL find the article all the same. They are kept in a ref of
// their own, refs/stet/aliases, a history of trees mapping the alias's id
// (as an article id is made from a URL) to "<article id>\n<alias URL>\n",
// fanned out by the id's first two digits as git fans out objects, so that
// a clone or a push carries them and each new alias is one small commit.
#include "store/aliases.h"

#include <cstring>

#include "stet/clock.h"
#include "stet/identity.h"
#include "store/writer_lock.h"

namespace stet {
namespace {

constexpr const char* kAliasesRef = "refs/stet/aliases";

std::string FanOut(const std::string& alias_id) {
  return alias_id.substr(0, 2);
}
std::string Leaf(const std::string& alias_id) {
  return alias_id.substr(2);
}

// The commit the aliases ref points at; nullopt when no alias was recorded.
Result<std::optional<git::CommitPtr>> ReadAliasesCommit(git_repository* repo) {
  git_oid oid;
  const int rc = git_reference_name_to_id(&oid, repo, kAliasesRef);
  if (rc == GIT_ENOTFOUND) return std::optional<git::CommitPtr>();
  if (rc != 0) return git::Failure("read " + std::string(kAliasesRef));
  git_commit* raw = nullptr;
  if (git_commit_lookup(&raw, repo, &oid) != 0) {
    return git::Failure("read " + std::string(kAliasesRef));
  }
  return std::optional<git::CommitPtr>(git::CommitPtr(raw));
}

// The article an alias leads to, read from the aliases tree of `commit`.
Result<std::optional<std::string>> LookupIn(git_repository* repo, git_commit* commit,
                                            const std::string& alias_id) {
  git_tree* raw_tree = nullptr;
  if (git_commit_tree(&raw_tree, commit) != 0) return git::Failure("read aliases");
  git::TreePtr tree(raw_tree);
  git_tree_entry* raw_entry = nullptr;
  const std::string path = FanOut(alias_id) + "/" + Leaf(alias_id);
  const int rc = git_tree_entry_bypath(&raw_entry, tree.get(), path.c_str());
  if (rc == GIT_ENOTFOUND) return std::optional<std::string>();
  if (rc != 0) return git::Failure("read alias " + alias_id);
  const git_oid blob_id = *git_tree_entry_id(raw_entry);
  git_tree_entry_free(raw_entry);
  git_blob* raw_blob = nullptr;
  if (git_blob_lookup(&raw_blob, repo, &blob_id) != 0)
    return git::Failure("read alias " + alias_id);
  git::BlobPtr blob(raw_blob);
  const std::string_view content(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                                 static_cast<std::size_t>(git_blob_rawsize(blob.get())));
  const std::size_t end = content.find('\n');
  const std::string article(content.substr(0, end));
  if (article.size() != 16 || article.find_first_not_of("0123456789abcdef") != std::string::npos) {
    return Status::ArchiveDamaged("read alias " + alias_id + ": no article id in it");
  }
  return std::optional<std::string>(article);
}

}  // namespace

Result<std::optional<std::string>> LookupAlias(git_repository* repo, const std::string& alias_id) {
  Result<std::optional<git::CommitPtr>> commit = ReadAliasesCommit(repo);
  if (!commit.ok()) return commit.status();
  if (!commit->has_value()) return std::optional<std::string>();
  return LookupIn(repo, (*commit)->get(), alias_id);
}

Status Archive::RecordAlias(std::string_view url, const std::string& article_id) {
  const std::string what = "record " + std::string(url) + " as a URL of article " + article_id;
  Result<std::string> canonical = CanonicalUrl(url);
  if (!canonical.ok()) return canonical.status().WithContext(what);
  const std::string alias_id = ArticleIdOf(*canonical);
  if (alias_id == article_id) return Status::Ok();  // its own URL
  git_repository* repo = impl_->repo.get();
  // The aliases ref is shared by all articles: one writer at a time.
  Result<WriterLock> lock = WriterLock::Acquire(impl_->path);
  if (!lock.ok()) return lock.status();
  if (Status removed = RemoveStaleRefLock(*impl_, kAliasesRef); !removed.ok()) return removed;
  Result<std::optional<git::CommitPtr>> parent = ReadAliasesCommit(repo);
  if (!parent.ok()) return parent.status();
  git_tree* raw_root = nullptr;
  if (parent->has_value()) {
    Result<std::optional<std::string>> known = LookupIn(repo, (*parent)->get(), alias_id);
    if (!known.ok()) return known.status();
    if (known->has_value() && **known == article_id) return Status::Ok();  // nothing new
    if (git_commit_tree(&raw_root, (*parent)->get()) != 0) return git::Failure(what);
  }
  git::TreePtr root(raw_root);

  const std::string content = article_id + "\n" + *canonical + "\n";
  git_oid blob;
  if (git_blob_create_from_buffer(&blob, repo, content.data(), content.size()) != 0) {
    return git::Failure(what);
  }
  // The fan-out folder with the new entry, then the root with the folder.
  git_tree* raw_folder = nullptr;
  if (root) {
    const git_tree_entry* entry = git_tree_entry_byname(root.get(), FanOut(alias_id).c_str());
    if (entry && git_tree_entry_type(entry) == GIT_OBJECT_TREE &&
        git_tree_lookup(&raw_folder, repo, git_tree_entry_id(entry)) != 0) {
      return git::Failure(what);
    }
  }
  git::TreePtr folder(raw_folder);
  auto build = [&](git_tree* source, const std::string& name, const git_oid& id,
                   git_filemode_t mode, git_oid* out) {
    git_treebuilder* builder = nullptr;
    if (git_treebuilder_new(&builder, repo, source) != 0) return false;
    const bool ok = git_treebuilder_insert(nullptr, builder, name.c_str(), &id, mode) == 0 &&
                    git_treebuilder_write(out, builder) == 0;
    git_treebuilder_free(builder);
    return ok;
  };
  git_oid folder_id, root_id;
  if (!build(folder.get(), Leaf(alias_id), blob, GIT_FILEMODE_BLOB, &folder_id) ||
      !build(root.get(), FanOut(alias_id), folder_id, GIT_FILEMODE_TREE, &root_id)) {
    return git::Failure(what);
  }
  git_tree* raw_new_root = nullptr;
  if (git_tree_lookup(&raw_new_root, repo, &root_id) != 0) return git::Failure(what);
  git::TreePtr new_root(raw_new_root);
  git_signature* raw_signature = nullptr;
  if (git_signature_new(&raw_signature, "stet", "stet@localhost", Now(), 0) != 0) {
    return git::Failure(what);
  }
  git::SignaturePtr signature(raw_signature);
  const std::string message = "alias " + *canonical + " -> " + article_id + "\n";
  const git_commit* parents[1] = {parent->has_value() ? (*parent)->get() : nullptr};
  git_oid commit;
  if (git_commit_create(&commit, repo, nullptr, signature.get(), signature.get(), nullptr,
                        message.c_str(), new_root.get(), parent->has_value() ? 1 : 0,
                        parents) != 0) {
    return git::Failure(what);
  }
  git_reference* raw_ref = nullptr;
  if (git_reference_create(&raw_ref, repo, kAliasesRef, &commit, /*force=*/1, "stet: alias") != 0) {
    return git::Failure(what);
  }
  git_reference_free(raw_ref);
  return Status::Ok();
}

}  // namespace stet
