// stet/archive.h: the revision store, a bare git repository.
//
// Each article has one history, the chain of commits under the ref
// refs/stet/articles/<id>; each commit is one revision. docs/archive-format.md
// specifies the bytes. Reading one article's history costs time in
// proportion to its own revisions, whatever the size of the archive.
//
// Writes are atomic: objects are written first and become visible only when
// the article's ref moves, by compare-and-swap; a writer that loses the race
// re-reads the history and tries again, so concurrent writers lose nothing.
//
// An Archive is not thread-safe; use one per thread (or per process).
#ifndef STET_ARCHIVE_H_
#define STET_ARCHIVE_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stet/clock.h"
#include "stet/status.h"

namespace stet {

// The archive format this build writes and reads (config key stet.format).
inline constexpr int kArchiveFormat = 1;

// Where the text of a revision extracted from a web page came from.
struct PageInfo {
  std::string final_url;      // where the fetch's redirects ended; "" for a saved page
  long http_status = 0;       // 0 for a saved page
  std::string etag;           // validators of the response, "" when none
  std::string last_modified;  //
  std::string content_type;   // as the server sent it
  std::string charset;        // the encoding the page was read in
  std::string byline;         // as extracted; "" when none
  std::string published;      // as extracted; "" when none
  int extractor = 0;          // the kExtractorVersion that made the text
};

// One side of a rating: a revision's text and what a reader sees above it,
// "" where unknown (a text file has no byline).
struct RatedRevision {
  std::string_view text;
  std::string_view title, byline, published;
};

// How much `after` changed from `before`, in [0, 1]; nullopt when it cannot
// tell. The store cannot rate (it sits below the analysis); whoever opens an
// archive to write gives it one (stet/revision_diff.h's MaterialityRater),
// so that listings never re-analyse.
using RevisionRater =
    std::function<std::optional<double>(const RatedRevision& before, const RatedRevision& after)>;

// A revision to be stored. Exactly one of `url` and `key` is set.
struct NewRevision {
  std::string url;         // absolute URL, canonicalised by the archive
  std::string key;         // a user-given name for a local file with no URL
  std::string text;        // article text; checked with CheckText
  std::string title;       // optional; white space is collapsed to one line
  UnixSeconds fetched_at;  // when this text was seen
  // For a revision extracted from a web page: the page's bytes as fetched
  // (any encoding) and where they came from. Empty for a text file.
  std::string html;
  PageInfo page;
  // A revision fetched before the article's latest one is refused (a history
  // runs forward in time), unless this is set: it is then stored after the
  // latest all the same, as the newest revision, with its own time.
  bool allow_earlier = false;
};

// A stored page: the bytes as fetched and their PageInfo.
struct StoredPage {
  std::string html;
  PageInfo info;
  std::string info_json;  // page.json as stored (docs/archive-format.md)
};

// One stored revision, as `stet log` shows it.
struct RevisionInfo {
  int number = 0;          // 1 = the first revision of the article
  std::string commit;      // 40 hex digits
  std::string article_id;  // 16 hex digits
  std::string url;         // canonical URL, or "key:" + key
  std::string title;       // may be empty
  UnixSeconds fetched_at = 0;
  std::string hash;  // ContentHash of the text
  // The version of the extractor that made the text, 0 when it did not come
  // from a page. When `stet reextract` has recorded a later extractor's text
  // beside the stored one, `reextracted` is set and `hash`, `title` and
  // `extractor` are those of the re-extracted text, which ReadText returns.
  int extractor = 0;
  bool reextracted = false;
  bool has_page = false;  // the page is stored with the revision (ReadPage)
  // How much this revision changed from the one before it, in [0, 1], as
  // rated when it was stored (Archive::SetRevisionRater); nullopt for a
  // first revision, or one stored without a rater.
  std::optional<double> materiality;
};

// One article, as `stet list` shows it.
struct ArticleSummary {
  std::string id;
  std::string url;
  std::string title;  // of the latest revision
  int revisions = 0;
  UnixSeconds last_fetched_at = 0;
  std::string last_commit;
  std::optional<double> last_materiality;  // the latest revision's (RevisionInfo::materiality)
  // Why the article cannot be read (its ref or latest revision is damaged);
  // empty when it can. A damaged article has only its id.
  std::string damage;
};

// What Add did: stored a new revision, or found the text unchanged, or
// found the very revision stored already.
struct AddOutcome {
  bool stored = false;
  // Not stored: a revision with the same fetch time and text is in the
  // history already (an import run again, an add repeated); `revision` is
  // that one. Checked before the order of times, so a re-run is no error.
  bool already_stored = false;
  RevisionInfo revision;  // the new revision, or the latest one when unchanged
  // AddBatch only: why this revision was not stored (its time was before
  // the article's latest and allow_earlier was not set); Add returns it as
  // its error instead.
  Status refused;
};

// What Archive::Verify found.
struct VerifyReport {
  std::size_t articles = 0, revisions = 0;
  std::size_t objects = 0;  // read back and hashed (full only)
  // Each damaged article, with the first damage found in its history.
  struct DamagedArticle {
    std::string article_id;
    std::string url;  // "" when its history cannot be read that far
    std::string damage;
  };
  std::vector<DamagedArticle> damaged;
  // Full only: objects git cannot read or whose bytes do not hash to their
  // name, "OID: cause".
  std::vector<std::string> bad_objects;

  bool clean() const { return damaged.empty() && bad_objects.empty(); }
};

class Archive {
 public:
  // Creates an archive at `path` (a new or empty directory). When `path` is
  // already a stet archive, opens it and sets *already_existed.
  // Fails with kInvalidInput when `path` holds something else.
  static Result<Archive> Init(const std::string& path, bool* already_existed = nullptr);

  // Opens an existing archive. Fails with kNotFound when nothing is at
  // `path`, kInvalidInput when it is not a stet archive (or a newer format),
  // kArchiveDamaged when git cannot read it.
  static Result<Archive> Open(const std::string& path);

  Archive(Archive&&) noexcept;
  Archive& operator=(Archive&&) noexcept;
  ~Archive();

  const std::string& path() const;

  // A value of the archive's git config ("stet.schedule"), as written
  // there; nullopt when unset. Settings that travel with no clone (git
  // does not copy config) but stay with the archive they tune.
  Result<std::optional<std::string>> ConfigValue(const std::string& key) const;

  // Checks a revision without storing it: identity, text, title, and a
  // time git can store (1970-01-01 or later).
  static Status Validate(const NewRevision& revision);

  // Rates every revision stored from now on against the one before it; the
  // rating is kept in the revision's commit (RevisionInfo::materiality).
  void SetRevisionRater(RevisionRater rater);

  // Stores one revision unless its normalised text equals the latest one's.
  Result<AddOutcome> Add(const NewRevision& revision);

  // Stores many revisions in order, as Add would one by one, but writes all
  // their objects as a single pack before moving any ref. On return every
  // outcome is durable; on failure, revisions whose ref had not yet moved
  // are not stored (a history is always whole up to some revision).
  // REQUIRES: every revision passes Validate.
  Result<std::vector<AddOutcome>> AddBatch(const std::vector<NewRevision>& revisions);

  // Every article, the most recently fetched first; damaged ones (with
  // `damage` set) last.
  Result<std::vector<ArticleSummary>> List();

  // The id of the article named by a URL, a "key:" name, an id, or an
  // unambiguous id prefix. kNotFound when there is none; kInvalidInput when
  // the prefix is ambiguous or the name is not one of those forms.
  Result<std::string> ResolveArticle(std::string_view article);

  // Records that `url` (any spelling; canonicalised) leads to the article
  // `article_id`, stored under another URL: ResolveArticle finds it under
  // `url` from then on. Aliases are a ref of their own (refs/stet/aliases),
  // so they travel with the archive. Writes nothing when `url` is the
  // article's own or is already recorded for it.
  Status RecordAlias(std::string_view url, const std::string& article_id);

  // One article's revisions, oldest first.
  Result<std::vector<RevisionInfo>> Log(const std::string& article_id);

  // One revision of an article: a number (1 = first), -1 (latest), -2 (the
  // one before), or a commit id prefix of at least 4 hex digits.
  Result<RevisionInfo> ResolveRevision(const std::string& article_id, std::string_view rev);

  // The text of a revision: the re-extracted one when `reextracted`, else
  // the stored one.
  Result<std::string> ReadText(const RevisionInfo& revision);

  // The page stored with a revision. kNotFound when it has none.
  Result<StoredPage> ReadPage(const RevisionInfo& revision);

  // Only the PageInfo of that page (page.json), without reading the page:
  // what a conditional fetch needs. kNotFound when the revision has none.
  Result<PageInfo> ReadPageInfo(const RevisionInfo& revision);

  // Records `text` (with its title), made by extractor version `extractor`
  // from the revision's stored page, beside the revision, without changing
  // the revision itself (commits are immutable): a git note on the commit
  // under refs/notes/stet. From then on Log, ReadText and Add's duplicate
  // check use it, so a better extractor does not turn every stored article
  // into a new revision at its next fetch.
  Status RecordExtraction(const RevisionInfo& revision, std::string_view text,
                          std::string_view title, int extractor);

  // Reads every article's history back: its ref, each revision's commit
  // and trailers, the order of its revisions, its text against the hash
  // its commit records, a re-extraction's text against its own hash, and
  // the stored page. With `full`, also reads every object of the
  // repository, each checked against its name as git hashes it. Damage is
  // reported, not returned as an error: an error means the archive could
  // not be listed at all.
  Result<VerifyReport> Verify(bool full);

  struct Impl;  // opaque: defined in src/, holds the libgit2 handles

 private:
  friend class WatchList;  // keeps its list in the archive's repository
  friend class Remotes;    // replicates it through git remotes
  explicit Archive(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace stet

#endif  // STET_ARCHIVE_H_
