// Archive::Verify: every history read back and checked (stet/archive.h).
//
// Built on the read side's own readers (ReadTip, ReadHistory through Log,
// ReadStoredText, ReadText, ReadPage), so that "verify says it is whole"
// means "every command can read it". The full check adds libgit2's object
// database: each object read back, which with strict hash verification
// (libgit2's default) fails on bytes that do not hash to the object's
// name.
#include <git2.h>

#include <string>
#include <vector>

#include "stet/text.h"
#include "store/archive_impl.h"
#include "store/git_handles.h"

namespace stet {
namespace {

// The hash a revision's commit records for its stored text (Log gives the
// re-extraction's for a re-extracted revision).
Result<std::string> StoredHash(git_repository* repo, const RevisionInfo& revision) {
  git_oid oid;
  if (git_oid_fromstr(&oid, revision.commit.c_str()) != 0) {
    return Status::ArchiveDamaged("revision " + revision.commit + ": not a commit id");
  }
  git_commit* raw = nullptr;
  if (git_commit_lookup(&raw, repo, &oid) != 0) {
    return git::Failure("read revision " + revision.commit);
  }
  git::CommitPtr commit(raw);
  Result<RevisionInfo> decoded =
      DecodeRevisionMessage(git_commit_message(commit.get()), revision.commit);
  if (!decoded.ok()) return decoded.status();
  return decoded->hash;
}

// The first damage in one article's history, or "" when it is whole.
std::string DamageOf(Archive& archive, git_repository* repo, const std::string& id,
                     VerifyReport& report, std::string& url) {
  Result<std::vector<RevisionInfo>> log = archive.Log(id);
  if (!log.ok()) return log.status().message();
  for (const RevisionInfo& revision : *log) {
    ++report.revisions;
    url = revision.url;
    const std::string which =
        "revision " + std::to_string(revision.number) + " (" + revision.commit.substr(0, 7) + ")";
    Result<std::string> recorded = StoredHash(repo, revision);
    if (!recorded.ok()) return recorded.status().message();
    Result<std::string> text = ReadStoredText(repo, revision);
    if (!text.ok()) return text.status().message();
    if (ContentHash(*text) != *recorded) {
      return which + ": its text does not match the hash its commit records";
    }
    if (revision.reextracted) {
      Result<std::string> reextracted = archive.ReadText(revision);
      if (!reextracted.ok()) return reextracted.status().message();
      if (ContentHash(*reextracted) != revision.hash) {
        return which + ": its re-extracted text does not match its recorded hash";
      }
    }
    if (revision.has_page) {
      Result<StoredPage> page = archive.ReadPage(revision);
      if (!page.ok()) return page.status().message();
    }
  }
  return "";
}

}  // namespace

Result<VerifyReport> Archive::Verify(bool full) {
  VerifyReport report;
  git_repository* repo = impl_->repo.get();
  Result<std::vector<ArticleSummary>> articles = List();
  if (!articles.ok()) return articles.status();
  for (const ArticleSummary& article : *articles) {
    ++report.articles;
    if (!article.damage.empty()) {
      report.damaged.push_back({article.id, "", article.damage});
      continue;
    }
    std::string url;
    std::string damage = DamageOf(*this, repo, article.id, report, url);
    if (!damage.empty()) report.damaged.push_back({article.id, url, std::move(damage)});
  }
  if (!full) return report;
  git_odb* raw_odb = nullptr;
  if (git_repository_odb(&raw_odb, repo) != 0) return git::Failure("verify " + impl_->path);
  git::OdbPtr odb(raw_odb);
  Result<std::vector<std::string>> bad =
      git::UnreadableObjects(odb.get(), SIZE_MAX, &report.objects);
  if (!bad.ok()) return bad.status().WithContext("verify " + impl_->path);
  report.bad_objects = std::move(bad).value();
  return report;
}

}  // namespace stet
