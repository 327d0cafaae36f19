// Owning handles for libgit2 objects, declared in one place, and the single
// point where libgit2's errors become Status values.
#ifndef STET_SRC_STORE_GIT_HANDLES_H_
#define STET_SRC_STORE_GIT_HANDLES_H_

#include <git2.h>

#include <memory>
#include <string>
#include <vector>

#include "stet/status.h"

namespace stet::git {

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* handle) const { Free(handle); }
};

using RepositoryPtr = std::unique_ptr<git_repository, Deleter<git_repository, git_repository_free>>;
using ReferencePtr = std::unique_ptr<git_reference, Deleter<git_reference, git_reference_free>>;
using ReferenceIteratorPtr =
    std::unique_ptr<git_reference_iterator,
                    Deleter<git_reference_iterator, git_reference_iterator_free>>;
using CommitPtr = std::unique_ptr<git_commit, Deleter<git_commit, git_commit_free>>;
using TreePtr = std::unique_ptr<git_tree, Deleter<git_tree, git_tree_free>>;
using BlobPtr = std::unique_ptr<git_blob, Deleter<git_blob, git_blob_free>>;
using NotePtr = std::unique_ptr<git_note, Deleter<git_note, git_note_free>>;
using SignaturePtr = std::unique_ptr<git_signature, Deleter<git_signature, git_signature_free>>;
using OdbPtr = std::unique_ptr<git_odb, Deleter<git_odb, git_odb_free>>;
using PackBuilderPtr =
    std::unique_ptr<git_packbuilder, Deleter<git_packbuilder, git_packbuilder_free>>;
using ConfigPtr = std::unique_ptr<git_config, Deleter<git_config, git_config_free>>;

// Makes sure libgit2 is initialised (once per process; never shut down).
void EnsureInitialized();

// The last libgit2 error as "<operation>: <libgit2 message>", as
// kArchiveDamaged: a git call on an opened archive failed.
Status Failure(const std::string& operation);

std::string OidHex(const git_oid& oid);

// Reads every object of `odb` back, which libgit2 (strict hash
// verification, its default) fails for bytes that do not hash to the
// object's name: "OID: cause" for each that cannot be read, the first
// `limit` of them. `*read` counts the objects read.
Result<std::vector<std::string>> UnreadableObjects(git_odb* odb, std::size_t limit,
                                                   std::size_t* read);

}  // namespace stet::git

#endif  // STET_SRC_STORE_GIT_HANDLES_H_
