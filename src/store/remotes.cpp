// An archive's git remotes (stet/remotes.h), through libgit2's remote API.
#include "stet/remotes.h"

#include <git2.h>

#include <filesystem>
#include <map>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "store/archive_impl.h"
#include "store/git_handles.h"

namespace stet {
namespace {

using RemotePtr = std::unique_ptr<git_remote, git::Deleter<git_remote, git_remote_free>>;

// The refs stet owns: what a push offers and a clone fetches.
constexpr const char* kStetRefs = "refs/stet/";
constexpr const char* kNotesRef = "refs/notes/stet";

// Every stet ref of `repo` by name.
Result<std::vector<std::string>> StetRefs(git_repository* repo, const std::string& what) {
  git_reference_iterator* raw = nullptr;
  if (git_reference_iterator_new(&raw, repo) != 0) return git::Failure(what);
  git::ReferenceIteratorPtr iterator(raw);
  std::vector<std::string> names;
  const char* name = nullptr;
  int rc;
  while ((rc = git_reference_next_name(&name, iterator.get())) == 0) {
    const std::string ref(name);
    if (ref.rfind(kStetRefs, 0) == 0 || ref == kNotesRef) names.push_back(ref);
  }
  if (rc != GIT_ITEROVER) return git::Failure(what);
  return names;
}

// A failure talking to the remote: the archive itself is untouched (a
// push writes nothing here, a failed clone is removed), so it is reported
// as the remote's, naming it.
Status RemoteFailure(const std::string& what) {
  const git_error* error = git_error_last();
  return Status::Network(what + ": " + (error != nullptr ? error->message : "unknown error"));
}

// The commit each ref of the remote points at, by name.
Result<std::map<std::string, git_oid>> RemoteTips(git_remote* remote, const std::string& what) {
  git_remote_callbacks callbacks;
  git_remote_init_callbacks(&callbacks, GIT_REMOTE_CALLBACKS_VERSION);
  if (git_remote_connect(remote, GIT_DIRECTION_PUSH, &callbacks, nullptr, nullptr) != 0) {
    return RemoteFailure(what);
  }
  const git_remote_head** heads = nullptr;
  std::size_t count = 0;
  if (git_remote_ls(&heads, &count, remote) != 0) {
    git_remote_disconnect(remote);
    return RemoteFailure(what);
  }
  std::map<std::string, git_oid> tips;
  for (std::size_t i = 0; i < count; ++i) tips[heads[i]->name] = heads[i]->oid;
  git_remote_disconnect(remote);
  return tips;
}

// The remote called `name`; kNotFound when there is none.
Result<RemotePtr> LookupRemote(git_repository* repo, const std::string& name) {
  git_remote* raw = nullptr;
  if (git_remote_lookup(&raw, repo, name.c_str()) != 0) {
    return Status::NotFound("remote " + name + ": no such remote (add it with `stet remote add`)");
  }
  return RemotePtr(raw);
}

// Fetches the remote's stet refs (refs/stet/*) and notes (refs/notes/*)
// to the refs under `stet_to` and `notes_to` ("refs/stet/", or a mirror
// of the remote beside this archive's own); `reflog` says who moved them.
Status FetchStet(git_remote* remote, const std::string& stet_to, const std::string& notes_to,
                 const char* reflog, const std::string& what) {
  std::string stet = "+refs/stet/*:" + stet_to + "*";
  std::string notes = "+refs/notes/*:" + notes_to + "*";
  char* pointers[] = {stet.data(), notes.data()};
  const git_strarray refspecs{pointers, 2};
  git_fetch_options options;
  git_fetch_options_init(&options, GIT_FETCH_OPTIONS_VERSION);
  if (git_remote_fetch(remote, &refspecs, &options, reflog) != 0) {
    return RemoteFailure(what);
  }
  return Status::Ok();
}

}  // namespace

Status Remotes::Add(const std::string& name, const std::string& url) {
  if (url.empty()) return Status::InvalidInput("remote " + name + ": no URL");
  int valid = 0;
  if (git_remote_name_is_valid(&valid, name.c_str()) != 0 || !valid) {
    return Status::InvalidInput("remote " + name + ": not a valid remote name");
  }
  git_repository* repo = archive_.impl_->repo.get();
  git_remote* raw = nullptr;
  if (git_remote_lookup(&raw, repo, name.c_str()) == 0) {
    git_remote_free(raw);
    return Status::InvalidInput("remote " + name + ": already exists");
  }
  if (git_remote_create_with_fetchspec(&raw, repo, name.c_str(), url.c_str(),
                                       ("+refs/stet/*:refs/remotes/" + name + "/stet/*").c_str()) !=
      0) {
    return Status::InvalidInput(git::Failure("remote add " + name).message());
  }
  git_remote_free(raw);
  return Status::Ok();
}

Result<std::vector<RemoteInfo>> Remotes::List() {
  git_repository* repo = archive_.impl_->repo.get();
  git_strarray names{};
  if (git_remote_list(&names, repo) != 0) return git::Failure("remote list");
  std::vector<RemoteInfo> out;
  for (std::size_t i = 0; i < names.count; ++i) {
    git_remote* raw = nullptr;
    if (git_remote_lookup(&raw, repo, names.strings[i]) != 0) continue;
    RemotePtr remote(raw);
    const char* url = git_remote_url(remote.get());
    out.push_back({names.strings[i], url != nullptr ? url : ""});
  }
  git_strarray_dispose(&names);
  return out;
}

Result<PushReport> Remotes::Push(const std::string& name) {
  git_repository* repo = archive_.impl_->repo.get();
  Result<RemotePtr> looked_up = LookupRemote(repo, name);
  if (!looked_up.ok()) return looked_up.status();
  RemotePtr remote = std::move(looked_up).value();
  Result<std::vector<std::string>> refs = StetRefs(repo, "push " + name);
  if (!refs.ok()) return refs.status();
  PushReport report;
  report.refs = refs->size();
  if (refs->empty()) return report;
  // Never forced: a ref whose remote side holds revisions this archive
  // lacks is left as it is on both sides and reported. Decided here, from
  // the remote's tips, rather than by the transport: some transports fail
  // the whole push on one such ref.
  const std::string what = "push " + name + " (" + git_remote_url(remote.get()) + ")";
  Result<std::map<std::string, git_oid>> tips = RemoteTips(remote.get(), what);
  if (!tips.ok()) return tips.status();
  std::vector<std::string> specs;
  for (const std::string& ref : *refs) {
    git_oid local;
    if (git_reference_name_to_id(&local, repo, ref.c_str()) != 0) return git::Failure(what);
    const auto theirs = tips->find(ref);
    if (theirs != tips->end()) {
      if (git_oid_equal(&local, &theirs->second)) continue;  // up to date
      if (git_graph_descendant_of(repo, &local, &theirs->second) != 1) {
        report.rejected.push_back(ref + ": the remote has revisions this archive lacks");
        continue;
      }
    }
    specs.push_back(ref + ":" + ref);
  }
  if (specs.empty()) return report;
  std::vector<char*> pointers;
  for (std::string& spec : specs) pointers.push_back(spec.data());
  const git_strarray refspecs{pointers.data(), pointers.size()};
  git_push_options options;
  git_push_options_init(&options, GIT_PUSH_OPTIONS_VERSION);
  if (git_remote_push(remote.get(), &refspecs, &options) != 0) return RemoteFailure(what);
  return report;
}

Result<PullReport> Remotes::Pull(const std::string& name) {
  git_repository* repo = archive_.impl_->repo.get();
  Result<RemotePtr> looked_up = LookupRemote(repo, name);
  if (!looked_up.ok()) return looked_up.status();
  RemotePtr remote = std::move(looked_up).value();
  const std::string what = "pull " + name + " (" + git_remote_url(remote.get()) + ")";
  // The remote's stet refs, kept as its own view beside this archive's.
  const std::string mirror = "refs/remotes/" + name + "/";
  if (Status fetched =
          FetchStet(remote.get(), mirror + "stet/", mirror + "notes/", "stet pull", what);
      !fetched.ok())
    return fetched;
  git_reference_iterator* raw_iterator = nullptr;
  if (git_reference_iterator_glob_new(&raw_iterator, repo, (mirror + "*").c_str()) != 0) {
    return git::Failure(what);
  }
  git::ReferenceIteratorPtr iterator(raw_iterator);
  std::vector<std::pair<std::string, git_oid>> fetched;
  git_reference* ref = nullptr;
  int rc;
  while ((rc = git_reference_next(&ref, iterator.get())) == 0) {
    git::ReferencePtr owned(ref);
    const git_oid* target = git_reference_target(owned.get());
    if (target == nullptr) continue;
    // refs/remotes/NAME/stet/... -> refs/stet/..., .../notes/... -> refs/notes/...
    fetched.emplace_back(
        "refs/" + std::string(git_reference_name(owned.get())).substr(mirror.size()), *target);
  }
  if (rc != GIT_ITEROVER) return git::Failure(what);
  PullReport report;
  for (const auto& [local_name, theirs] : fetched) {
    git_oid ours;
    const int found = git_reference_name_to_id(&ours, repo, local_name.c_str());
    git_reference* moved = nullptr;
    if (found == GIT_ENOTFOUND) {
      // Not forced: a writer that made the ref meanwhile keeps it.
      if (git_reference_create(&moved, repo, local_name.c_str(), &theirs, 0, "stet pull") != 0) {
        return git::Failure(what + ": add " + local_name);
      }
      git_reference_free(moved);
      ++report.added;
    } else if (found != 0) {
      return git::Failure(what + ": read " + local_name);
    } else if (git_oid_equal(&ours, &theirs) ||
               git_graph_descendant_of(repo, &ours, &theirs) == 1) {
      ++report.unchanged;
    } else if (git_graph_descendant_of(repo, &theirs, &ours) == 1) {
      if (git_reference_create_matching(&moved, repo, local_name.c_str(), &theirs, 1, &ours,
                                        "stet pull") != 0) {
        return git::Failure(what + ": move " + local_name);
      }
      git_reference_free(moved);
      ++report.updated;
    } else {
      report.diverged.push_back(local_name + ": both sides hold revisions the other lacks");
    }
  }
  return report;
}

Result<CloneReport> Remotes::Clone(const std::string& url, const std::string& path) {
  bool existed = false;
  std::error_code error;
  if (std::filesystem::exists(path, error) && !std::filesystem::is_empty(path, error)) {
    return Status::InvalidInput("clone " + url + ": " + path + " is not empty");
  }
  Result<Archive> archive = Archive::Init(path, &existed);
  if (!archive.ok()) return archive.status();
  // A failed clone leaves nothing behind: the archive was made here.
  auto discard = [&](Status status) -> Result<CloneReport> {
    std::filesystem::remove_all(path, error);
    return status;
  };
  Remotes remotes(*archive);
  if (Status added = remotes.Add("origin", url); !added.ok()) return discard(added);
  git_repository* repo = archive->impl_->repo.get();
  Result<RemotePtr> remote = LookupRemote(repo, "origin");
  if (!remote.ok()) return discard(remote.status());
  // The stet refs straight into place: the archive is empty.
  if (Status fetched =
          FetchStet(remote->get(), "refs/stet/", "refs/notes/", "stet clone", "clone " + url);
      !fetched.ok())
    return discard(fetched);
  Result<std::vector<std::string>> refs = StetRefs(repo, "clone " + url);
  if (!refs.ok()) return discard(refs.status());
  CloneReport report;
  report.refs = refs->size();
  return report;
}

}  // namespace stet
