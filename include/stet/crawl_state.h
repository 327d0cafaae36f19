// stet/crawl_state.h: the volatile state of scheduled fetching.
//
// Validators, times of the last and next check, failures and their causes,
// hosts backing off, cached robots.txt files and alerts not yet delivered
// change at every check and are worth nothing in history, so they live in
// a SQLite database beside the archive (<archive>/stet/state.sqlite, in WAL
// mode), never in git. Everything in it can be rebuilt from the archive:
// a lost or damaged database is replaced by an empty one, and each tracked
// URL's row is seeded again from its article's revisions.
#ifndef STET_CRAWL_STATE_H_
#define STET_CRAWL_STATE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "stet/clock.h"
#include "stet/status.h"
#include "stet/watch_list.h"

namespace stet {

// One tracked URL (an article page or a feed).
struct UrlState {
  std::string url;  // canonical, as in the watch list
  bool feed = false;
  WatchOptions options;    // the watch list entry's own
  std::string host;        // HostOf(url)
  std::string article_id;  // of the article it led to; "" before it did
  // Validators of the last response, sent with the next request.
  std::string etag;
  std::string last_modified;
  std::string body_hash;  // of the last page's bytes: the same bytes need no extraction
  UnixSeconds first_seen = 0;
  UnixSeconds last_check = 0;   // 0: never checked
  UnixSeconds last_change = 0;  // the last stored revision; 0: none
  // When it is next due; nullopt: no longer checked (older than the
  // schedule's last tier).
  std::optional<UnixSeconds> next_due;
  int failures = 0;         // in a row; 0 after a success
  std::string last_error;   // the message of the last failure
  std::string last_cause;   // its cause: "HTTP 500", "robots.txt", ...
  std::string last_result;  // "stored", "new", "not_modified", "unchanged", "reappeared", "failed"
  long checks = 0;
  long changes = 0;
  long reappearances = 0;
};

// A host that answered 429, 503 or a server error, or could not be reached.
struct HostState {
  std::string host;
  UnixSeconds backoff_until = 0;
  int failures = 0;
  std::string last_cause;
};

// A host's robots.txt as last fetched.
struct RobotsState {
  std::string host;
  UnixSeconds fetched_at = 0;
  UnixSeconds expires_at = 0;
  long http_status = 0;  // 0 when it could not be fetched
  std::string body;
};

// A stored change that an alert hook must still be told of.
struct PendingAlert {
  long long id = 0;
  std::string article_id;
  std::string commit;  // the new revision
  UnixSeconds queued_at = 0;
  int attempts = 0;
  std::string last_error;
};

class CrawlState {
 public:
  // Opens (or creates) the state database of the archive at
  // `archive_path`. A file SQLite cannot read as a database is moved aside
  // (state.sqlite.damaged) and replaced by an empty one; `recovered()` then
  // says so. Fails with kInvalidInput when the folder cannot be written.
  static Result<CrawlState> Open(const std::string& archive_path);

  CrawlState(CrawlState&&) noexcept;
  CrawlState& operator=(CrawlState&&) noexcept;
  ~CrawlState();

  const std::string& path() const;
  // Why the database was replaced when it was opened; "" when it was not.
  const std::string& recovered() const;

  Result<std::vector<UrlState>> Urls();
  Result<std::optional<UrlState>> Url(const std::string& url);
  // One URL's state to write and, when given, an alert to queue with it.
  struct UrlWrite {
    UrlState state;
    std::optional<PendingAlert> alert;
  };
  // Writes the states (and queues the alerts) in one transaction, so a
  // crash leaves all of them or none: a state and its alert are never
  // split. One commit for many rows is what keeps a pass of thousands of
  // answers from spending its time in commits.
  Status PutUrls(const std::vector<UrlWrite>& writes);
  Status PutUrl(const UrlState& state, const std::optional<PendingAlert>& alert = std::nullopt);
  // Forgets the URLs not in `keep` (untracked since).
  Status KeepOnly(const std::vector<std::string>& keep);

  // The watch list version (its commit id) the rows were last brought in
  // line with; "" before they ever were. While the list is at that
  // version, the rows (options included) say everything it does.
  Result<std::string> SyncedWatchList();
  Status SetSyncedWatchList(const std::string& version);

  Result<std::vector<HostState>> Hosts();
  Status PutHost(const HostState& state);

  Result<std::optional<RobotsState>> Robots(const std::string& host);
  Status PutRobots(const RobotsState& state);

  Result<std::vector<PendingAlert>> PendingAlerts();
  Status AlertDelivered(long long id);
  Status AlertFailed(long long id, const std::string& error);

  struct Impl;

 private:
  explicit CrawlState(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace stet

#endif  // STET_CRAWL_STATE_H_
