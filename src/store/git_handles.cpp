#include "store/git_handles.h"

#include <mutex>

#include "store/git_certificates.h"

namespace stet::git {

void EnsureInitialized() {
  static std::once_flag once;
  std::call_once(once, [] {
    InitializeDeferringCertificates();
    // Objects, packs and refs are fsynced so that a revision reported as
    // stored survives a power cut, not only a killed process.
    git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 1);
    // stet writes every object before anything that refers to it (a ref is
    // moved only once its commit's pack or loose objects are on disk), so
    // libgit2's existence checks would only cost a disk probe per write.
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 0);
  });
}

Status Failure(const std::string& operation) {
  const git_error* error = git_error_last();
  return Status::ArchiveDamaged(
      operation + ": " +
      (error != nullptr && error->message != nullptr ? error->message : "unknown git error"));
}

std::string OidHex(const git_oid& oid) {
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &oid);
  return hex;
}

namespace {

int CollectObject(const git_oid* oid, void* payload) {
  static_cast<std::vector<git_oid>*>(payload)->push_back(*oid);
  return 0;
}

}  // namespace

Result<std::vector<std::string>> UnreadableObjects(git_odb* odb, std::size_t limit,
                                                   std::size_t* read) {
  std::vector<git_oid> ids;
  if (git_odb_foreach(odb, CollectObject, &ids) != 0) return Failure("list objects");
  std::vector<std::string> bad;
  for (const git_oid& id : ids) {
    if (bad.size() >= limit) break;
    if (read != nullptr) ++*read;
    git_odb_object* object = nullptr;
    if (git_odb_read(&object, odb, &id) != 0) {
      const git_error* error = git_error_last();
      bad.push_back(
          OidHex(id) + ": " +
          (error != nullptr && error->message != nullptr ? error->message : "cannot be read"));
      continue;
    }
    git_odb_object_free(object);
  }
  return bad;
}

}  // namespace stet::git
