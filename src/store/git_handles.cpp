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

}  // namespace stet::git
