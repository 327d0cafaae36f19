// stet/run.h: one pass over what is due (`stet run`, each pass of `stet watch`).
//
// A pass reads the watch list, fetches every due feed, tracks the articles
// its new items name, then fetches every due article, all concurrently
// (FetchMany: at most a few connections and a least delay per host),
// obeying each host's robots.txt, and stores what changed. Every URL's
// outcome is written to the state database (stet/crawl_state.h) as soon as
// it is known, one transaction each, after its revision is in the archive:
// a pass killed at any moment loses at most the checks in flight, and the
// next pass does them.
#ifndef STET_RUN_H_
#define STET_RUN_H_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "stet/archive.h"
#include "stet/crawl_state.h"
#include "stet/fetch.h"
#include "stet/schedule.h"
#include "stet/status.h"
#include "stet/watch_list.h"

namespace stet {

// Holds the archive's pass lock (<archive>/stet/run.lock, an flock that
// the kernel drops when its process dies, so a killed pass leaves no stale
// lock).
class RunLock {
 public:
  // Takes the lock, waiting up to `wait_ms` for a pass that holds it;
  // nullopt when it is still held then. `holder` is set to what the holder
  // wrote in the lock file ("pid 1234 since 2026-12-01T10:00:00Z").
  static Result<std::optional<RunLock>> Acquire(const std::string& archive_path, long wait_ms,
                                                std::string* holder);
  RunLock(RunLock&& other) noexcept;
  RunLock& operator=(RunLock&&) = delete;
  ~RunLock();

 private:
  explicit RunLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

// One of N machines that split one watch list with no coordinator: each
// checks only the URLs whose article id (stet/identity.h, a stable hash of
// the canonical URL) falls in its shard. Feeds are split alike; the items a
// feed names are tracked by whichever shard read it, and fetched by the
// shard that owns them once the lists meet (stet pull).
struct Shard {
  int index = 1;  // 1..count
  int count = 1;
  // Whether the canonical URL `url` is this shard's.
  bool Owns(std::string_view url) const;
};

// "I/N" with 1 <= I <= N; kInvalidInput naming the text otherwise.
Result<Shard> ParseShard(std::string_view text);

struct RunOptions {
  UnixSeconds now = 0;
  Shard shard;  // the whole list by default
  ScheduleRules rules;
  FetchOptions fetch;  // timeouts, size cap, User-Agent (validators are per URL)
  bool ignore_robots = false;
  int max_per_host = 2;
  // Queue an alert (CrawlState::PendingAlerts) for each stored revision
  // that has one before it.
  bool queue_alerts = false;
  // Polled during the pass: when it returns true no more fetches start,
  // those in flight are abandoned, and the pass returns what it did.
  std::function<bool()> stop;
};

// One thing that happened during a pass.
struct RunEvent {
  enum class Kind {
    kPlanned,      // `count` URLs are due (sent once per phase: feeds, then articles)
    kStored,       // a new revision of an archived article
    kNew,          // the first revision of an article
    kNotModified,  // HTTP 304
    kUnchanged,    // fetched; same text as the latest revision
    kReappeared,   // same text as an earlier revision (a flip-flop): not stored
    kFailed,       // `cause`, `detail` the whole message
    kDeferred,     // not fetched: its host is backing off (`detail` says until when)
    kBlocked,      // not fetched: robots.txt disallows it
    kFeedChecked,  // a feed was read; `count` new items were tracked
    kHostBackoff,  // `url` is a host; it backs off until `detail`
  };
  Kind kind = Kind::kPlanned;
  std::string url;
  std::string article_id;
  int revision = 0;  // the stored (or matched) revision's number
  std::string cause;
  std::string detail;
  long http_status = 0;
  long count = 0;
};

std::string_view RunEventName(RunEvent::Kind kind);

struct RunSummary {
  long due = 0;      // articles and feeds due at the start (new feed items included)
  long checked = 0;  // fetches that got an answer, failed or not
  long changed = 0;
  long added = 0;  // first revisions
  long not_modified = 0;
  long unchanged = 0;
  long reappeared = 0;
  long failed = 0;
  std::map<std::string, long> failed_by_cause;
  long deferred = 0;
  long blocked = 0;
  long abandoned = 0;  // stopped before they finished
  long feeds_checked = 0;
  long feed_items = 0;  // new items tracked from feeds
  // Succeeded: every fetch that was tried failed.
  bool all_failed() const { return failed > 0 && failed == checked; }
};

// Runs one pass. Fails only when the archive or the state database cannot
// be read or written (a fetch failure is an event and a count); the error
// names what.
Result<RunSummary> RunPass(Archive& archive, CrawlState& state, const RunOptions& options,
                           const std::function<void(const RunEvent&)>& on_event);

// Tells the state database about the watch list: a row for each tracked
// URL that has none, seeded from its article's revisions when it is
// archived (so a lost database is rebuilt), none for untracked ones, and
// each entry's options in its row. Reads the entries only when the list
// changed since the last sync.
Status SyncWatchList(Archive& archive, CrawlState& state, const ScheduleRules& rules,
                     UnixSeconds now);

}  // namespace stet

#endif  // STET_RUN_H_
