// The archive's write side. A revision becomes visible in one step: its
// objects (text blob, tree, commit) are written first, then the article's
// ref is moved from the tip the commit was built on to the new commit by
// compare-and-swap. A process killed before the swap leaves only unreachable
// objects, which git ignores; a writer whose swap fails because another
// writer moved the ref first rebuilds on the new tip and tries again.
//
// Bulk writes (AddBatch) put all their objects into one pack, written before
// any ref moves: thousands of loose files cost far more than one pack (see
// docs/performance.md and pack_writer.h).
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <functional>
#include <map>
#include <random>
#include <thread>
#include <tuple>

#include "stet/identity.h"
#include "stet/text.h"
#include "store/archive_impl.h"
#include "store/pack_writer.h"
#include "store/ref_swap.h"
#include "store/revision_format.h"
#include "store/writer_lock.h"

namespace stet {
namespace {

constexpr int kMaxSwapAttempts = 1000;

// Identity, storable text and hash of a revision, computed once.
struct Prepared {
  std::string name;  // canonical URL or "key:" name
  std::string id;
  std::string text;
  std::string hash;
  std::string title;
  std::string html;       // the page, "" for a text file
  std::string page_info;  // its page.json
  int extractor = 0;
  bool allow_earlier = false;
  RevisionMetadata metadata;  // headline, and for a page byline and publication time
};

Result<Prepared> Prepare(const NewRevision& revision) {
  Prepared prepared;
  Result<std::string> name =
      revision.url.empty() ? KeyName(revision.key) : CanonicalUrl(revision.url);
  if (!name.ok()) return name.status();
  prepared.name = std::move(name).value();
  prepared.id = ArticleIdOf(prepared.name);
  prepared.text = StorableText(revision.text);
  prepared.hash = ContentHash(prepared.text);
  prepared.title = OneLine(revision.title);
  if (!revision.html.empty()) {
    prepared.html = revision.html;
    prepared.page_info = EncodePageInfo(revision.page);
    prepared.extractor = revision.page.extractor;
  }
  prepared.allow_earlier = revision.allow_earlier;
  prepared.metadata.title = prepared.title;
  if (!revision.html.empty()) {
    prepared.metadata.has_page = true;
    prepared.metadata.byline = revision.page.byline;
    prepared.metadata.published = revision.page.published;
  }
  return prepared;
}

// Whether `prepared`'s headline, byline or publication time differ from
// the latest revision's (`latest`): a revision whose text is the same but
// whose headline changed is a new revision. A text added without a title
// says nothing of the headline; a byline or time is compared only between
// two pages.
bool MetadataChanged(const RevisionMetadata& latest, const Prepared& prepared) {
  const RevisionMetadata& next = prepared.metadata;
  if ((next.has_page || !next.title.empty()) && next.title != latest.title) return true;
  if (next.has_page && latest.has_page &&
      (next.byline != latest.byline || !SamePublishedTime(next.published, latest.published))) {
    return true;
  }
  return false;
}

// The times and texts of an article's revisions, to find one stored
// already. Read only when a revision is not newer than the latest.
// Keyed by fetch time, text hash and title: a revision seen at the same
// moment with the same text but another headline is not the same one.
using SeenKey = std::tuple<UnixSeconds, std::string, std::string>;
using SeenRevisions = std::map<SeenKey, RevisionInfo>;

Result<SeenRevisions> ReadSeen(git_repository* repo, const Tip& tip) {
  Result<std::vector<RevisionInfo>> history = ReadHistory(repo, tip);
  if (!history.ok()) return history.status();
  SeenRevisions seen;
  for (RevisionInfo& revision : *history) {
    SeenKey key{revision.fetched_at, revision.hash, revision.title};
    seen.emplace(std::move(key), std::move(revision));
  }
  return seen;
}

// A revision must not go back in time from the article's latest, unless
// its writer said so.
Status CheckOrder(const Prepared& prepared, const std::optional<Tip>& tip, UnixSeconds fetched_at) {
  if (!tip || prepared.allow_earlier || fetched_at >= tip->info.fetched_at) return Status::Ok();
  return Status::InvalidInput(
      "fetched at " + FormatTimestamp(fetched_at) + ", before the article's latest revision (" +
      std::to_string(tip->info.number) + ", fetched at " + FormatTimestamp(tip->info.fetched_at) +
      "); to store it after that one anyway, allow earlier times (--allow-earlier)");
}

RevisionInfo NextRevision(const Prepared& prepared, const std::optional<Tip>& tip,
                          UnixSeconds fetched_at) {
  RevisionInfo info;
  info.number = tip ? tip->info.number + 1 : 1;
  info.article_id = prepared.id;
  info.url = prepared.name;
  info.title = prepared.title;
  info.fetched_at = fetched_at;
  info.hash = prepared.hash;
  info.extractor = prepared.extractor;
  info.has_page = !prepared.html.empty();
  return info;
}

struct RevisionObjects {
  git_oid tree, commit;
};

// Where a revision's objects go: loose objects in the archive, or a pack.
using ObjectSink = std::function<Result<git_oid>(git_object_t, std::string_view)>;

ObjectSink LooseObjects(git_odb* odb, const std::string& archive_path) {
  return [odb, archive_path](git_object_t type, std::string_view data) -> Result<git_oid> {
    git_oid oid;
    if (git_odb_write(&oid, odb, data.data(), data.size(), type) != 0) {
      return git::Failure("write object to " + archive_path);
    }
    return oid;
  };
}

std::string Signature(UnixSeconds when) {
  return "stet <stet@localhost> " + std::to_string(when) + " +0000\n";
}

// Formats and writes blob, tree and commit of a revision, in git's object
// formats (the commit's fields are specified in docs/archive-format.md).
Result<RevisionObjects> WriteRevisionObjects(const ObjectSink& sink, const RevisionInfo& info,
                                             const Prepared& prepared, const git_oid* parent) {
  RevisionObjects objects;
  // Tree entries in git's order (by name): page.html, page.json, text.txt.
  std::vector<std::pair<const char*, const std::string*>> files;
  if (!prepared.html.empty()) {
    files.emplace_back(kPagePath, &prepared.html);
    files.emplace_back(kPageInfoPath, &prepared.page_info);
  }
  files.emplace_back(kTextPath, &prepared.text);
  std::string tree;
  for (const auto& [name, content] : files) {
    Result<git_oid> blob = sink(GIT_OBJECT_BLOB, *content);
    if (!blob.ok()) return blob.status();
    tree += std::string("100644 ") + name + '\0';
    tree.append(reinterpret_cast<const char*>(blob->id), GIT_OID_RAWSZ);
  }
  Result<git_oid> tree_id = sink(GIT_OBJECT_TREE, tree);
  if (!tree_id.ok()) return tree_id.status();
  objects.tree = *tree_id;

  std::string commit = "tree " + git::OidHex(objects.tree) + "\n";
  if (parent != nullptr) commit += "parent " + git::OidHex(*parent) + "\n";
  commit += "author " + Signature(info.fetched_at);
  commit += "committer " + Signature(Now());
  commit += "\n" + EncodeRevisionMessage(info);
  Result<git_oid> commit_id = sink(GIT_OBJECT_COMMIT, commit);
  if (!commit_id.ok()) return commit_id.status();
  objects.commit = *commit_id;
  return objects;
}

// Moves an article's ref from `expected` (nullopt: the ref must not exist
// yet) to `target`. Returns false when another writer moved it first.
Result<bool> SwapRef(Archive::Impl& impl, const std::string& article_id,
                     const std::optional<git_oid>& expected, const git_oid& target) {
  Result<std::vector<bool>> swapped =
      SwapArticleRefs(impl, {RefMove{article_id, expected, target}});
  if (!swapped.ok()) return swapped.status();
  return static_cast<bool>(swapped->front());
}

void BackOff(int attempt) {
  static thread_local std::minstd_rand random(static_cast<unsigned>(::getpid()));
  const int ceiling = std::min(50, 1 + attempt);
  std::this_thread::sleep_for(std::chrono::milliseconds(random() % static_cast<unsigned>(ceiling)));
}

// What a rater reads of a prepared revision.
RatedRevision RatedOf(std::string_view text, const RevisionMetadata& metadata) {
  return {text, metadata.title, metadata.byline, metadata.published};
}

// The rating of `prepared` against the stored revision `previous`; nullopt
// without a rater or a previous revision.
Result<std::optional<double>> RateAgainstStored(Archive::Impl& impl, const Prepared& prepared,
                                                const std::optional<Tip>& previous) {
  if (!impl.rater || !previous) return std::optional<double>();
  Result<std::string> text = ReadStoredText(impl.repo.get(), previous->info);
  if (!text.ok()) return text.status();
  Result<RevisionMetadata> metadata = ReadMetadataOf(impl.repo.get(), previous->info);
  if (!metadata.ok()) return metadata.status();
  return impl.rater(RatedOf(*text, *metadata), RatedOf(prepared.text, prepared.metadata));
}

Result<AddOutcome> AddPrepared(Archive::Impl& impl, const Prepared& prepared,
                               UnixSeconds fetched_at) {
  git_odb* odb_raw = nullptr;
  if (git_repository_odb(&odb_raw, impl.repo.get()) != 0)
    return git::Failure("open objects of " + impl.path);
  git::OdbPtr odb(odb_raw);
  const ObjectSink loose = LooseObjects(odb.get(), impl.path);
  for (int attempt = 0; attempt < kMaxSwapAttempts; ++attempt) {
    Result<std::optional<Tip>> tip = ReadTip(impl.repo.get(), prepared.id);
    if (!tip.ok()) return tip.status();
    if (*tip) {
      if (Status whole = CheckTipReadable(impl.repo.get(), **tip); !whole.ok()) return whole;
    }
    if (*tip && (*tip)->info.hash == prepared.hash) {
      Result<RevisionMetadata> latest = ReadMetadataOf(impl.repo.get(), (*tip)->info);
      if (!latest.ok()) return latest.status();
      if (!MetadataChanged(*latest, prepared)) {
        const bool same_time = (*tip)->info.fetched_at == fetched_at;
        return AddOutcome{false, same_time, (*tip)->info, {}};
      }
    }
    if (*tip && fetched_at <= (*tip)->info.fetched_at) {
      Result<SeenRevisions> seen = ReadSeen(impl.repo.get(), **tip);
      if (!seen.ok()) return seen.status();
      auto found = seen->find({fetched_at, prepared.hash, prepared.title});
      // The latest revision itself was compared above, byline and time too.
      if (found != seen->end() && found->second.commit != (*tip)->info.commit) {
        return AddOutcome{false, true, found->second, {}};
      }
    }
    if (Status order = CheckOrder(prepared, *tip, fetched_at); !order.ok()) return order;
    RevisionInfo info = NextRevision(prepared, *tip, fetched_at);
    Result<std::optional<double>> rating = RateAgainstStored(impl, prepared, *tip);
    if (!rating.ok()) return rating.status();
    info.materiality = *rating;
    Result<RevisionObjects> objects =
        WriteRevisionObjects(loose, info, prepared, *tip ? &(*tip)->oid : nullptr);
    if (!objects.ok()) return objects.status();
    std::optional<git_oid> expected;
    if (*tip) expected = (*tip)->oid;
    Result<bool> swapped = SwapRef(impl, prepared.id, expected, objects->commit);
    if (!swapped.ok()) return swapped.status();
    if (*swapped) {
      info.commit = git::OidHex(objects->commit);
      return AddOutcome{true, false, std::move(info), {}};
    }
    BackOff(attempt);
  }
  return Status::ArchiveDamaged("add " + prepared.name +
                                ": the article's ref kept moving; gave up after " +
                                std::to_string(kMaxSwapAttempts) + " attempts");
}

}  // namespace

Status Archive::Validate(const NewRevision& revision) {
  if (!revision.url.empty() && !revision.key.empty())
    return Status::InvalidInput("give a URL or a key, not both");
  if (revision.url.empty() && revision.key.empty())
    return Status::InvalidInput("no URL or key given");
  Result<std::string> name =
      revision.url.empty() ? KeyName(revision.key) : CanonicalUrl(revision.url);
  if (!name.ok()) return name.status();
  if (Status text = CheckText(revision.text); !text.ok()) return text;
  if (LooksLikeHtml(revision.text)) {
    return Status::InvalidInput(
        "the text is HTML; store a page with its extracted text (stet add page.html --url U "
        "extracts it)");
  }
  if (!revision.html.empty() && revision.page.extractor < 1)
    return Status::InvalidInput("a stored page needs the version of the extractor that read it");
  if (!revision.title.empty()) {
    if (Status title = CheckText(revision.title); !title.ok()) return title.WithContext("title");
  }
  // A commit's time is a count of seconds since 1970 that git reads as
  // unsigned: `git fsck` rejects an earlier one (badDateOverflow).
  if (revision.fetched_at < 0) {
    return Status::InvalidInput("fetched at " + FormatTimestamp(revision.fetched_at) +
                                ": git stores no time before 1970-01-01T00:00:00Z");
  }
  return Status::Ok();
}

Result<AddOutcome> Archive::Add(const NewRevision& revision) {
  if (Status valid = Validate(revision); !valid.ok()) return valid;
  Result<Prepared> prepared = Prepare(revision);
  if (!prepared.ok()) return prepared.status();
  return AddPrepared(*impl_, *prepared, revision.fetched_at);
}

Result<std::vector<AddOutcome>> Archive::AddBatch(const std::vector<NewRevision>& revisions) {
  struct Pending {
    std::optional<Tip> original;  // the tip when the batch began
    std::optional<Tip> current;   // the tip once the batch's revisions are on it
    std::vector<std::size_t> members;
    // The history's times and texts, read when first needed, with the
    // batch's own revisions added as they are made.
    std::optional<SeenRevisions> seen;
    // The current tip's headline, byline and time, once read or made.
    std::optional<RevisionMetadata> current_metadata;
    // The current tip when the batch made it; null while it is `original`.
    const Prepared* current_prepared = nullptr;
  };
  std::vector<AddOutcome> outcomes(revisions.size());
  std::vector<Prepared> prepared_all;
  prepared_all.reserve(revisions.size());
  for (const NewRevision& revision : revisions) {
    Result<Prepared> prepared = Prepare(revision);
    if (!prepared.ok()) return prepared.status();
    prepared_all.push_back(std::move(prepared).value());
  }

  PackWriter pack;
  const ObjectSink to_pack = [&pack](git_object_t type, std::string_view data) {
    return pack.Add(type, data);
  };

  std::map<std::string, Pending> pending;
  std::vector<std::string> order;  // article ids in first-seen order
  for (std::size_t i = 0; i < revisions.size(); ++i) {
    const Prepared& prepared = prepared_all[i];
    auto [entry, inserted] = pending.try_emplace(prepared.id);
    Pending& article = entry->second;
    if (inserted) {
      order.push_back(prepared.id);
      Result<std::optional<Tip>> tip = ReadTip(impl_->repo.get(), prepared.id);
      if (!tip.ok()) return tip.status();
      if (*tip) {
        if (Status whole = CheckTipReadable(impl_->repo.get(), **tip); !whole.ok()) return whole;
      }
      article.original = *tip;
      article.current = *tip;
    }
    article.members.push_back(i);
    const UnixSeconds fetched_at = revisions[i].fetched_at;
    if (article.current && article.current->info.hash == prepared.hash) {
      if (!article.current_metadata) {
        Result<RevisionMetadata> latest = ReadMetadataOf(impl_->repo.get(), article.current->info);
        if (!latest.ok()) return latest.status();
        article.current_metadata = std::move(latest).value();
      }
      if (!MetadataChanged(*article.current_metadata, prepared)) {
        const bool same_time = article.current->info.fetched_at == fetched_at;
        outcomes[i] = AddOutcome{false, same_time, article.current->info, {}};
        continue;
      }
    }
    if (article.current && fetched_at <= article.current->info.fetched_at) {
      if (!article.seen) {
        SeenRevisions seen;
        if (article.original) {
          Result<SeenRevisions> read = ReadSeen(impl_->repo.get(), *article.original);
          if (!read.ok()) return read.status();
          seen = std::move(read).value();
        }
        for (std::size_t member : article.members) {
          if (member != i && outcomes[member].stored) {
            const RevisionInfo& made = outcomes[member].revision;
            seen.emplace(SeenKey{made.fetched_at, made.hash, made.title}, made);
          }
        }
        article.seen = std::move(seen);
      }
      auto found = article.seen->find({fetched_at, prepared.hash, prepared.title});
      if (found != article.seen->end() && found->second.commit != article.current->info.commit) {
        outcomes[i] = AddOutcome{false, true, found->second, {}};
        continue;
      }
    }
    if (Status in_order = CheckOrder(prepared, article.current, revisions[i].fetched_at);
        !in_order.ok()) {
      outcomes[i] = AddOutcome{false, false, article.current->info, in_order};
      continue;
    }
    RevisionInfo info = NextRevision(prepared, article.current, revisions[i].fetched_at);
    if (impl_->rater && article.current_prepared != nullptr) {
      const Prepared& previous = *article.current_prepared;
      info.materiality = impl_->rater(RatedOf(previous.text, previous.metadata),
                                      RatedOf(prepared.text, prepared.metadata));
    } else {
      Result<std::optional<double>> rating = RateAgainstStored(*impl_, prepared, article.current);
      if (!rating.ok()) return rating.status();
      info.materiality = *rating;
    }
    Result<RevisionObjects> objects = WriteRevisionObjects(
        to_pack, info, prepared, article.current ? &article.current->oid : nullptr);
    if (!objects.ok()) return objects.status();
    info.commit = git::OidHex(objects->commit);
    outcomes[i] = AddOutcome{true, false, info, {}};
    article.current_metadata = prepared.metadata;
    article.current_prepared = &prepared;
    if (article.seen) article.seen->emplace(SeenKey{info.fetched_at, info.hash, info.title}, info);
    article.current = Tip{objects->commit, std::move(info)};
  }

  if (!pack.empty()) {
    if (Status packed = pack.Commit(impl_->path + "/objects/pack"); !packed.ok()) return packed;
  }

  // Every article's ref moved under one flush (store/ref_swap.h).
  std::vector<RefMove> moves;
  std::vector<const std::string*> moved_ids;
  for (const std::string& id : order) {
    Pending& article = pending[id];
    if (!article.current ||
        (article.original && git_oid_equal(&article.original->oid, &article.current->oid))) {
      continue;
    }
    std::optional<git_oid> expected;
    if (article.original) expected = article.original->oid;
    moves.push_back(RefMove{id, expected, article.current->oid});
    moved_ids.push_back(&id);
  }
  Result<std::vector<bool>> swapped = SwapArticleRefs(*impl_, moves);
  if (!swapped.ok()) return swapped.status();
  for (std::size_t m = 0; m < moves.size(); ++m) {
    if ((*swapped)[m]) continue;
    // Another writer moved this article meanwhile: store its revisions one
    // by one on the new tip, deduplicating against it.
    for (std::size_t i : pending[*moved_ids[m]].members) {
      Result<AddOutcome> outcome = AddPrepared(*impl_, prepared_all[i], revisions[i].fetched_at);
      if (!outcome.ok() && outcome.status().code() == Status::Code::kInvalidInput) {
        outcomes[i] = AddOutcome{false, false, {}, outcome.status()};  // refused for its time
        continue;
      }
      if (!outcome.ok()) return outcome.status();
      outcomes[i] = std::move(outcome).value();
    }
  }
  return outcomes;
}

Status Archive::RecordExtraction(const RevisionInfo& revision, std::string_view text,
                                 std::string_view title, int extractor) {
  const std::string what = "record the re-extraction of revision " +
                           std::to_string(revision.number) + " of " + revision.url;
  if (Status valid = CheckText(text); !valid.ok()) return valid.WithContext(what);
  git_oid commit;
  if (git_oid_fromstr(&commit, revision.commit.c_str()) != 0)
    return Status::InvalidInput(what + ": not a commit id");
  Extraction extraction;
  extraction.extractor = extractor;
  extraction.text = StorableText(std::string(text));
  extraction.hash = ContentHash(extraction.text);
  extraction.title = OneLine(title);
  const std::string note = EncodeExtraction(extraction);
  git_signature* raw = nullptr;
  if (git_signature_new(&raw, "stet", "stet@localhost", Now(), 0) != 0) return git::Failure(what);
  git::SignaturePtr signature(raw);
  // The notes ref is shared by all articles; the writer lock keeps two
  // writers from building on the same notes commit.
  Result<WriterLock> lock = WriterLock::Acquire(impl_->path);
  if (!lock.ok()) return lock.status();
  if (Status removed = RemoveStaleRefLock(*impl_, kExtractionNotesRef); !removed.ok()) {
    return removed;
  }
  git_oid note_id;
  if (git_note_create(&note_id, impl_->repo.get(), kExtractionNotesRef, signature.get(),
                      signature.get(), &commit, note.c_str(), /*force=*/1) != 0) {
    return git::Failure(what);
  }
  return Status::Ok();
}

}  // namespace stet
