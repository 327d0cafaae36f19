// An archive's git remotes (stet/remotes.h), through libgit2's remote API.
#include "stet/remotes.h"

#include <git2.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "store/archive_impl.h"
#include "store/git_credentials.h"
#include "store/git_handles.h"
#include "store/history_merge.h"
#include "store/ref_swap.h"
#include "store/ref_tree.h"
#include "store/revision_format.h"
#include "store/writer_lock.h"

namespace stet {
namespace {

using RemotePtr = std::unique_ptr<git_remote, git::Deleter<git_remote, git_remote_free>>;

// The refs stet owns: what a push offers and a clone fetches.
constexpr const char* kStetRefs = "refs/stet/";
constexpr const char* kNotesRef = kExtractionNotesRef;

// Whether `ref` is one stet owns: what a push offers and a pull brings in.
bool IsStetRef(std::string_view ref) {
  return ref.rfind(kStetRefs, 0) == 0 || ref == kNotesRef;
}

// Every stet ref of `repo` with the commit it names, read in one pass.
Result<std::map<std::string, git_oid>> StetRefs(git_repository* repo, const std::string& what) {
  git_reference_iterator* raw = nullptr;
  if (git_reference_iterator_new(&raw, repo) != 0) return git::Failure(what);
  git::ReferenceIteratorPtr iterator(raw);
  std::map<std::string, git_oid> refs;
  git_reference* ref = nullptr;
  int rc;
  while ((rc = git_reference_next(&ref, iterator.get())) == 0) {
    git::ReferencePtr owned(ref);
    const char* name = git_reference_name(owned.get());
    const git_oid* target = git_reference_target(owned.get());
    if (target != nullptr && IsStetRef(name)) refs.emplace(name, *target);
  }
  if (rc != GIT_ITEROVER) return git::Failure(what);
  return refs;
}

// A failure talking to the remote: the archive itself is untouched (a
// push writes nothing here, a failed clone is removed), so it is reported
// as the remote's, naming it.
Status RemoteFailure(const std::string& what) {
  const git_error* error = git_error_last();
  return Status::Network(what + ": " + (error != nullptr ? error->message : "unknown error"));
}

// The remote called `name`; kNotFound when there is none.
Result<RemotePtr> LookupRemote(git_repository* repo, const std::string& name) {
  git_remote* raw = nullptr;
  if (git_remote_lookup(&raw, repo, name.c_str()) != 0) {
    return Status::NotFound("remote " + name + ": no such remote (add it with `stet remote add`)");
  }
  return RemotePtr(raw);
}

// What one connection's callbacks share: libgit2 passes them one payload.
struct Connection {
  git::CredentialSearch credentials;
  PushReport* report = nullptr;  // a push's
};

// Credentials for a remote that asks (src/store/git_credentials.h).
void OfferCredentials(git_remote_callbacks& callbacks, Connection& connection) {
  callbacks.credentials = [](git_credential** out, const char* /*url*/,
                             const char* username_from_url, unsigned int allowed_types,
                             void* payload) {
    return static_cast<Connection*>(payload)->credentials.Next(out, username_from_url,
                                                               allowed_types);
  };
  callbacks.payload = &connection;
}

// Fetches the remote's stet refs and notes. With `tips` (a pull) only
// the objects are downloaded and no ref is written: the tips the remote
// advertised are returned, and the pull decides ref by ref. Without (a
// clone, into an empty archive) the refs are written as this archive's own.
Status FetchStet(git_remote* remote, std::vector<std::pair<std::string, git_oid>>* tips,
                 const char* reflog, const std::string& what) {
  std::string stet = "+refs/stet/*:refs/stet/*";
  std::string notes = "+refs/notes/stet:refs/notes/stet";
  char* pointers[] = {stet.data(), notes.data()};
  const git_strarray refspecs{pointers, 2};
  git_fetch_options options;
  git_fetch_options_init(&options, GIT_FETCH_OPTIONS_VERSION);
  Connection connection;
  OfferCredentials(options.callbacks, connection);
  if (tips == nullptr) {
    if (git_remote_fetch(remote, &refspecs, &options, reflog) != 0) return RemoteFailure(what);
    return Status::Ok();
  }
  if (git_remote_connect(remote, GIT_DIRECTION_FETCH, &options.callbacks, &options.proxy_opts,
                         &options.custom_headers) != 0 ||
      git_remote_download(remote, &refspecs, &options) != 0) {
    git_remote_disconnect(remote);
    return RemoteFailure(what);
  }
  const git_remote_head** heads = nullptr;
  std::size_t count = 0;
  const int listed = git_remote_ls(&heads, &count, remote);
  if (listed == 0) {
    for (std::size_t i = 0; i < count; ++i) {
      if (IsStetRef(heads[i]->name)) tips->emplace_back(heads[i]->name, heads[i]->oid);
    }
  }
  git_remote_disconnect(remote);
  if (listed != 0) return RemoteFailure(what);
  return Status::Ok();
}

// The folder of a remote on this machine (a path or a file:// URL);
// nullopt for a remote reached through a server.
std::optional<std::string> LocalPathOf(const std::string& url) {
  if (url.rfind("file://", 0) == 0) return url.substr(7);
  if (url.find("://") != std::string::npos) return std::nullopt;
  // scp-like ssh ("host:path") has a colon before any slash.
  const std::size_t colon = url.find(':');
  if (colon != std::string::npos && url.find('/') > colon) return std::nullopt;
  return url;
}

// Why a fetch from the repository at `url` failed, when it is on this
// machine and one of its objects cannot be read: "object OID: cause".
// libgit2's own message names the cause (a zlib error) but not the object,
// and a reviewer needs the object to repair the remote. "" when the remote
// is elsewhere or every object reads.
Result<std::string> BadObjectIn(const std::string& url) {
  const std::optional<std::string> path = LocalPathOf(url);
  if (!path) return std::string();
  git_repository* raw = nullptr;
  if (git_repository_open_bare(&raw, path->c_str()) != 0) return std::string();
  git::RepositoryPtr repo(raw);
  git_odb* raw_odb = nullptr;
  if (git_repository_odb(&raw_odb, repo.get()) != 0) return std::string();
  git::OdbPtr odb(raw_odb);
  Result<std::vector<std::string>> bad = git::UnreadableObjects(odb.get(), 1, nullptr);
  if (!bad.ok() || bad->empty()) return std::string();
  const std::string& first = bad->front();
  const std::size_t colon = first.find(": ");
  return "object " + first.substr(0, colon) + " of the remote cannot be read (" +
         first.substr(colon + 2) + ")";
}

// Copies the re-extraction notes of re-chained revisions to their new
// commits, under the writer lock.
Status CopyNotes(Archive::Impl& impl, const std::vector<std::pair<git_oid, git_oid>>& rechained,
                 const std::string& what) {
  if (rechained.empty()) return Status::Ok();
  git_repository* repo = impl.repo.get();
  Result<WriterLock> lock = WriterLock::Acquire(impl.path);
  if (!lock.ok()) return lock.status();
  if (Status removed = RemoveStaleRefLock(impl, kNotesRef); !removed.ok()) return removed;
  for (const auto& [before, now] : rechained) {
    git_note* raw = nullptr;
    const int rc = git_note_read(&raw, repo, kNotesRef, &before);
    if (rc == GIT_ENOTFOUND) continue;
    if (rc != 0) return git::Failure(what + ": read the note of " + git::OidHex(before));
    git::NotePtr note(raw);
    git_oid written;
    if (git_note_create(&written, repo, kNotesRef, git_note_author(note.get()),
                        git_note_committer(note.get()), &now, git_note_message(note.get()),
                        /*force=*/1) != 0) {
      return git::Failure(what + ": move the note of " + git::OidHex(before));
    }
  }
  return Status::Ok();
}

// Brings the fetched refs (local name, the remote's commit) into the
// archive: first every incoming revision is checked, and nothing moves if
// one is damaged; then the notes and lists are merged, and the articles'
// refs moved in one batch.
Result<PullReport> BringIn(Archive::Impl& impl,
                           const std::vector<std::pair<std::string, git_oid>>& fetched,
                           const std::string& what) {
  git_repository* repo = impl.repo.get();
  PullReport report;
  auto count = [&report](RefPull outcome) {
    switch (outcome) {
      case RefPull::kAdded:
        ++report.added;
        break;
      case RefPull::kUpdated:
        ++report.updated;
        break;
      case RefPull::kMerged:
        ++report.merged;
        break;
      case RefPull::kUnchanged:
        ++report.unchanged;
        break;
    }
  };
  struct Incoming {
    std::string article_id;
    std::optional<git_oid> ours;
    git_oid theirs;
  };
  std::vector<Incoming> articles;
  std::vector<std::pair<std::string, git_oid>> others;
  for (const auto& [name, theirs] : fetched) {
    if (name.rfind(kArticleRefPrefix, 0) != 0) {
      others.emplace_back(name, theirs);
      continue;
    }
    const std::string id = name.substr(std::strlen(kArticleRefPrefix));
    Result<std::optional<git_oid>> ours = ReadArticleRef(repo, id);
    if (!ours.ok()) return ours.status();
    if (*ours &&
        (git_oid_equal(&**ours, &theirs) || git_graph_descendant_of(repo, &**ours, &theirs) == 1)) {
      ++report.unchanged;
      continue;
    }
    Result<std::string> damage = DamageInIncoming(repo, id, theirs, *ours ? &**ours : nullptr);
    if (!damage.ok()) return damage.status();
    if (!damage->empty()) {
      return Status::ArchiveDamaged(what + ": article " + id + ": " + *damage +
                                    "; nothing was pulled");
    }
    articles.push_back({id, *ours, theirs});
  }
  // The notes first: a re-chained revision's note is copied into the
  // merged notes.
  std::sort(others.begin(), others.end(), [](const auto& a, const auto& b) {
    return (a.first == kNotesRef) > (b.first == kNotesRef);
  });
  for (const auto& [name, theirs] : others) {
    Result<RefPull> pulled = PullTreeRef(impl, name, theirs);
    if (!pulled.ok()) return pulled.status().WithContext(what);
    count(*pulled);
  }
  std::vector<RefMove> moves;
  std::vector<std::pair<git_oid, git_oid>> rechained;
  std::vector<RefPull> outcomes;
  for (const Incoming& article : articles) {
    git_oid target = article.theirs;
    RefPull outcome = article.ours ? RefPull::kUpdated : RefPull::kAdded;
    if (article.ours && git_graph_descendant_of(repo, &article.theirs, &*article.ours) != 1) {
      Result<MergedHistory> merged = MergeHistories(impl, *article.ours, article.theirs);
      if (!merged.ok())
        return merged.status().WithContext(what + ": article " + article.article_id);
      target = merged->tip;
      rechained.insert(rechained.end(), merged->rechained.begin(), merged->rechained.end());
      report.dropped += merged->dropped;
      outcome = RefPull::kMerged;
    }
    moves.push_back({article.article_id, article.ours, target});
    outcomes.push_back(outcome);
  }
  if (Status copied = CopyNotes(impl, rechained, what); !copied.ok()) return copied;
  Result<std::vector<bool>> swapped = SwapArticleRefs(impl, moves);
  if (!swapped.ok()) return swapped.status().WithContext(what);
  for (std::size_t i = 0; i < moves.size(); ++i) {
    if (!(*swapped)[i]) {
      report.retry.push_back(ArticleRef(moves[i].article_id) +
                             ": stored to meanwhile; the next pull brings it in");
    } else {
      count(outcomes[i]);
    }
  }
  return report;
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
  Result<std::map<std::string, git_oid>> refs = StetRefs(repo, "push " + name);
  if (!refs.ok()) return refs.status();
  PushReport report;
  report.refs = refs->size();
  if (refs->empty()) return report;
  // Never forced: a ref whose remote side holds revisions this archive
  // lacks is left as it is on both sides and reported. Decided here, from
  // the remote's tips, rather than by the transport: some transports fail
  // the whole push on one such ref. One connection serves both the tips
  // and the upload (each connection is sent every ref of the remote).
  const std::string what = "push " + name + " (" + git_remote_url(remote.get()) + ")";
  git_push_options options;
  git_push_options_init(&options, GIT_PUSH_OPTIONS_VERSION);
  options.pb_parallelism = 0;  // the pack's deltas on every core (libgit2's default is one)
  // A ref the remote refuses all the same (another archive pushed to it
  // meanwhile) is reported with the remote's reason.
  Connection connection;
  connection.report = &report;
  OfferCredentials(options.callbacks, connection);
  options.callbacks.push_update_reference = [](const char* ref, const char* status, void* payload) {
    if (status != nullptr) {
      static_cast<Connection*>(payload)->report->rejected.push_back(std::string(ref) + ": " +
                                                                    status);
    }
    return 0;
  };
  if (git_remote_connect(remote.get(), GIT_DIRECTION_PUSH, &options.callbacks, &options.proxy_opts,
                         &options.custom_headers) != 0) {
    return RemoteFailure(what);
  }
  struct Disconnect {
    git_remote* remote;
    ~Disconnect() { git_remote_disconnect(remote); }
  } disconnect{remote.get()};
  const git_remote_head** heads = nullptr;
  std::size_t count = 0;
  if (git_remote_ls(&heads, &count, remote.get()) != 0) return RemoteFailure(what);
  std::map<std::string_view, const git_oid*> tips;
  for (std::size_t i = 0; i < count; ++i) tips[heads[i]->name] = &heads[i]->oid;
  std::vector<std::string> specs;
  for (const auto& [ref, local] : *refs) {
    const auto theirs = tips.find(ref);
    if (theirs != tips.end()) {
      if (git_oid_equal(&local, theirs->second)) continue;  // up to date
      if (git_graph_descendant_of(repo, &local, theirs->second) != 1) {
        report.rejected.push_back(ref + ": the remote has revisions this archive lacks");
        continue;
      }
    }
    specs.push_back(ref + ":" + ref);
  }
  if (specs.empty()) return report;
  // A remote on this machine is written by this process (libgit2's local
  // transport), so a push killed there leaves its ref locks behind, which
  // would refuse every later push of those refs. Under the remote's writer
  // lock, as in an archive, such a lock can only be a dead writer's.
  std::optional<WriterLock> remote_lock;
  if (const std::optional<std::string> path = LocalPathOf(git_remote_url(remote.get()))) {
    Result<WriterLock> lock = WriterLock::Acquire(*path);
    if (!lock.ok()) return lock.status().WithContext(what);
    remote_lock.emplace(std::move(lock).value());
    for (const std::string& spec : specs) {
      const std::string ref = spec.substr(0, spec.find(':'));
      if (Status removed = RemoveStaleRefLock(*path, ref); !removed.ok()) {
        return removed.WithContext(what);
      }
    }
  }
  std::vector<char*> pointers;
  for (std::string& spec : specs) pointers.push_back(spec.data());
  const git_strarray refspecs{pointers.data(), pointers.size()};
  // Upload only: no remote-tracking ref is written here for what was pushed.
  if (git_remote_upload(remote.get(), &refspecs, &options) != 0) return RemoteFailure(what);
  return report;
}

Result<PullReport> Remotes::Pull(const std::string& name) {
  git_repository* repo = archive_.impl_->repo.get();
  Result<RemotePtr> looked_up = LookupRemote(repo, name);
  if (!looked_up.ok()) return looked_up.status();
  RemotePtr remote = std::move(looked_up).value();
  const std::string what = "pull " + name + " (" + git_remote_url(remote.get()) + ")";
  // The remote's tips as it advertised them for this fetch; no ref of the
  // remote is written here.
  std::vector<std::pair<std::string, git_oid>> fetched;
  if (Status status = FetchStet(remote.get(), &fetched, "stet pull", what); !status.ok()) {
    Result<std::string> bad = BadObjectIn(git_remote_url(remote.get()));
    if (bad.ok() && !bad->empty()) {
      return Status::ArchiveDamaged(what + ": " + *bad + "; nothing was pulled");
    }
    return status;
  }
  return BringIn(*archive_.impl_, fetched, what);
}

Result<CloneReport> Remotes::Clone(const std::string& url, const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (fs::exists(path, error) && !fs::is_empty(path, error)) {
    return Status::InvalidInput("clone " + url + ": " + path + " is not empty");
  }
  // Cloned beside its final place and renamed in, so that a clone that
  // fails or is killed leaves no archive at `path`, never half of one.
  const fs::path target = fs::absolute(path).lexically_normal();
  const std::string staging = (target.parent_path() / ("." + target.filename().string() +
                                                       ".clone-" + std::to_string(::getpid())))
                                  .string();
  auto discard = [&](Status status) -> Result<CloneReport> {
    fs::remove_all(staging, error);
    return status;
  };
  CloneReport report;
  {
    Result<Archive> archive = Archive::Init(staging);
    if (!archive.ok()) return discard(archive.status().WithContext("clone " + url));
    Remotes remotes(*archive);
    if (Status added = remotes.Add("origin", url); !added.ok()) return discard(added);
    git_repository* repo = archive->impl_->repo.get();
    Result<RemotePtr> remote = LookupRemote(repo, "origin");
    if (!remote.ok()) return discard(remote.status());
    // The stet refs straight into place: the archive is empty.
    if (Status fetched = FetchStet(remote->get(), nullptr, "stet clone", "clone " + url);
        !fetched.ok()) {
      return discard(fetched);
    }
    Result<std::map<std::string, git_oid>> refs = StetRefs(repo, "clone " + url);
    if (!refs.ok()) return discard(refs.status());
    report.refs = refs->size();
  }
  if (fs::exists(target, error)) fs::remove(target, error);  // an empty folder
  if (::rename(staging.c_str(), target.c_str()) != 0) {
    return discard(
        Status::InvalidInput("clone " + url + ": " + path + ": " + std::strerror(errno)));
  }
  return report;
}

}  // namespace stet
