// One pass: feeds first (their new items join the same pass), then
// articles; each phase asks robots.txt before it fetches, and writes each
// URL's state as its fetch completes.
#include "stet/run.h"

#include <xxhash.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "schedule/robots_cache.h"
#include "stet/feeds.h"
#include "stet/identity.h"
#include "stet/pages.h"
#include "stet/watch_list.h"

namespace stet {
namespace {

// A hash of a page's bytes, to tell the same page from a changed one
// without extracting it.
std::string BodyHash(std::string_view body) {
  const XXH128_hash_t hash = XXH3_128bits(body.data(), body.size());
  char text[33];
  std::snprintf(text, sizeof(text), "%016llx%016llx", static_cast<unsigned long long>(hash.high64),
                static_cast<unsigned long long>(hash.low64));
  return text;
}

// Failures that say the host, not the page, is in trouble: the rest of
// its URLs wait for its back-off rather than fail one by one.
bool IsHostFailure(const FetchOutcome& outcome) {
  const long status = outcome.http_status;
  return status == 429 || status >= 500 || outcome.cause == "cannot connect" ||
         outcome.cause == "timed out" || outcome.cause == "cannot resolve the host";
}

class Pass {
 public:
  Pass(Archive& archive, CrawlState& state, const RunOptions& options,
       const std::function<void(const RunEvent&)>& on_event)
      : archive_(archive), state_(state), options_(options), on_event_(on_event) {}

  Status Run() {
    if (Status synced = Sync(); !synced.ok()) return synced;
    Result<std::vector<HostState>> hosts = state_.Hosts();
    if (!hosts.ok()) return hosts.status();
    for (HostState& host : *hosts) hosts_[host.host] = std::move(host);

    Result<std::vector<UrlState>> rows = Due(/*feeds=*/true);
    if (!rows.ok()) return rows.status();
    if (Status fetched = Fetch(std::move(rows).value()); !fetched.ok()) return fetched;
    if (Status tracked = TrackNewItems(); !tracked.ok()) return tracked;
    if (Stopping()) return fatal_;
    rows = Due(/*feeds=*/false);
    if (!rows.ok()) return rows.status();
    if (Status fetched = Fetch(std::move(rows).value()); !fetched.ok()) return fetched;
    return fatal_;
  }

  RunSummary& summary() { return summary_; }

 private:
  Result<std::vector<UrlState>> Due(bool feeds) {
    Result<std::vector<UrlState>> rows = state_.Urls();
    if (!rows.ok()) return rows.status();
    std::vector<UrlState> due;
    for (UrlState& row : *rows) {
      if (row.feed != feeds || !options_.shard.Owns(row.url)) continue;
      // An entry's own interval holds even where the schedule stopped it,
      // or set it further off before the interval was given.
      const Seconds every = row.options.every_seconds;
      if (every > 0 && row.failures == 0 && row.last_check > 0 &&
          (!row.next_due || *row.next_due > row.last_check + every)) {
        row.next_due = row.last_check + every;
      }
      if (row.next_due && *row.next_due <= options_.now) due.push_back(std::move(row));
    }
    return due;
  }

  void Emit(const RunEvent& event) {
    if (on_event_) on_event_(event);
  }

  static RunEvent EventOf(RunEvent::Kind kind, const std::string& url) {
    RunEvent event;
    event.kind = kind;
    event.url = url;
    return event;
  }

  bool Stopping() const { return !fatal_.ok() || (options_.stop && options_.stop()); }

  // Records a failure that stops the pass (the archive or the database
  // cannot be written); the fetches in flight are abandoned.
  void Fatal(Status status) {
    if (fatal_.ok()) fatal_ = std::move(status);
  }

  // Queues the row's state (and its alert) for the next Save.
  void Put(const UrlState& row, const std::optional<PendingAlert>& alert = std::nullopt) {
    if (unsaved_.empty()) first_unsaved_ = std::chrono::steady_clock::now();
    unsaved_.push_back({row, alert});
    if (unsaved_.size() >= kSaveBatch ||
        std::chrono::steady_clock::now() - first_unsaved_ > std::chrono::seconds(1)) {
      Save();
    }
  }

  // Writes the queued states in one transaction. A pass killed before it
  // loses at most a second of checks, which the next pass makes again; the
  // states of stored pages (and their alerts) are saved right after their
  // batch (Flush), so their window is the one between two commits.
  void Save() {
    if (unsaved_.empty()) return;
    if (Status put = state_.PutUrls(unsaved_); !put.ok()) Fatal(put);
    unsaved_.clear();
  }

  Status Fetch(std::vector<UrlState> rows) {
    Status fetched = FetchRows(std::move(rows));
    Save();
    return fetched;
  }

  Status FetchRows(std::vector<UrlState> rows) {
    if (rows.empty()) return Status::Ok();
    summary_.due += static_cast<long>(rows.size());
    RunEvent event = EventOf(RunEvent::Kind::kPlanned, "");
    event.count = static_cast<long>(rows.size());
    Emit(event);
    // A host backing off is not asked at all.
    std::vector<UrlState> ready;
    for (UrlState& row : rows) {
      auto host = hosts_.find(row.host);
      if (host != hosts_.end() && host->second.backoff_until > options_.now) {
        Defer(row, host->second.backoff_until);
      } else {
        ready.push_back(std::move(row));
      }
    }
    rows = std::move(ready);
    if (!options_.ignore_robots) {
      std::vector<std::string> urls;
      for (const UrlState& row : rows) urls.push_back(row.url);
      Result<std::map<std::string, HostRobots>> robots =
          ReadRobots(state_, urls, options_.fetch, options_.now, options_.rules, options_.stop);
      if (!robots.ok()) return robots.status();
      robots_ = std::move(robots).value();
      ready.clear();
      for (UrlState& row : rows) {
        if (Admitted(row)) ready.push_back(std::move(row));
      }
      rows = std::move(ready);
    }

    std::vector<FetchRequest> requests;
    for (const UrlState& row : rows) {
      FetchRequest request{row.url, options_.fetch};
      request.options.if_none_match = row.etag;
      request.options.if_modified_since = row.last_modified;
      if (row.feed)
        request.options.max_bytes = std::max<std::size_t>(request.options.max_bytes, 50 << 20);
      requests.push_back(std::move(request));
    }
    FetchManyOptions many;
    many.max_per_host = options_.max_per_host;
    many.min_delay_ms = options_.rules.host_delay_ms;
    for (const auto& [host, robots] : robots_) {
      if (robots.rules.crawl_delay_ms() > 0)
        many.host_delay_ms[host] = robots.rules.crawl_delay_ms();
    }
    many.stop = [this] { return Stopping(); };
    FetchMany(
        requests, many,
        [&](std::size_t index, FetchOutcome outcome) {
          const AfterFetch after = Completed(rows[index], std::move(outcome));
          if (!pending_.empty() &&
              std::chrono::steady_clock::now() - first_pending_ > std::chrono::seconds(5)) {
            Flush();
          }
          return after;
        },
        [&](std::size_t index, std::string_view reason) {
          if (reason == "stopped") {
            ++summary_.abandoned;
            return;
          }
          const auto host = hosts_.find(rows[index].host);
          Defer(rows[index], host == hosts_.end() ? options_.now : host->second.backoff_until);
        });
    // Even a pass told to stop stores what it fetched: the pages are in
    // memory and the batch is quick.
    Flush();
    return Status::Ok();
  }

  // Whether robots.txt lets `row` be fetched; when not, the row is
  // recorded as blocked (or as failed, when robots.txt could not be read).
  bool Admitted(UrlState& row) {
    auto found = robots_.find(row.host);
    if (found == robots_.end() || found->second.rules.Allows(row.url)) return true;
    if (row.options.ignore_robots) return true;
    const HostRobots& robots = found->second;
    row.next_due = robots.expires_at;
    if (robots.reachable) {
      ++summary_.blocked;
      row.last_result = "blocked";
      row.last_cause = "robots.txt";
      row.last_error = row.url + ": disallowed by robots.txt";
      RunEvent event = EventOf(RunEvent::Kind::kBlocked, row.url);
      event.cause = "robots.txt";
      Emit(event);
      Put(row);
      return false;
    }
    // Unreadable robots.txt: the host is failing, not the page. The first
    // of its URLs carries the failure; the host backs off and the others wait.
    auto host = hosts_.find(row.host);
    if (host != hosts_.end() && host->second.backoff_until > options_.now) {
      Defer(row, host->second.backoff_until);
      return false;
    }
    ++summary_.checked;
    FetchOutcome outcome = robots.outcome;
    outcome.cause = "robots.txt " + robots.failure;
    Fail(row, outcome.cause,
         row.url + ": robots.txt cannot be read (" + robots.failure + "); not fetched",
         outcome.http_status);
    BackOff(row.host, outcome);
    return false;
  }

  void Defer(UrlState& row, UnixSeconds until) {
    ++summary_.deferred;
    RunEvent event = EventOf(RunEvent::Kind::kDeferred, row.url);
    event.detail = "host " + row.host + " backs off until " + FormatTimestamp(until);
    Emit(event);
    // Due again when the host's back-off ends; the row keeps its state.
    row.next_due = std::max(until, options_.now);
    Put(row);
  }

  void Fail(UrlState& row, const std::string& cause, const std::string& message, long http_status) {
    ++summary_.failed;
    ++summary_.failed_by_cause[cause];
    ++row.failures;
    ++row.checks;
    row.last_check = options_.now;
    row.last_cause = cause;
    row.last_error = message;
    row.last_result = "failed";
    row.next_due = options_.now + RetryDelay(options_.rules, row.failures);
    RunEvent event = EventOf(RunEvent::Kind::kFailed, row.url);
    event.article_id = row.article_id;
    event.cause = cause;
    event.detail = message;
    event.http_status = http_status;
    Emit(event);
    Put(row);
  }

  // A host answered 429, a server error, or not at all: it backs off,
  // for as long as it asked (Retry-After) or an exponential delay.
  void BackOff(const std::string& host_name, const FetchOutcome& outcome) {
    HostState& host = hosts_[host_name];
    // Another request to the host was in flight when the first failure
    // came: one back-off per trouble, not one per request.
    if (host.backoff_until > options_.now) return;
    host.host = host_name;
    ++host.failures;
    host.last_cause = outcome.cause;
    const Seconds wait = outcome.retry_after_seconds >= 0
                             ? std::min<Seconds>(outcome.retry_after_seconds, 7 * 86400)
                             : RetryDelay(options_.rules, host.failures);
    host.backoff_until = options_.now + std::max<Seconds>(wait, 1);
    if (Status put = state_.PutHost(host); !put.ok()) Fatal(put);
    RunEvent event = EventOf(RunEvent::Kind::kHostBackoff, host_name);
    event.cause = outcome.cause;
    event.detail = FormatTimestamp(host.backoff_until);
    Emit(event);
  }

  void HostAnswered(const std::string& host_name) {
    auto host = hosts_.find(host_name);
    if (host == hosts_.end() || host->second.failures == 0) return;
    host->second.failures = 0;
    host->second.backoff_until = 0;
    host->second.last_cause.clear();
    if (Status put = state_.PutHost(host->second); !put.ok()) Fatal(put);
  }

  AfterFetch Completed(UrlState& row, FetchOutcome outcome) {
    ++summary_.checked;
    if (!outcome.page.ok()) {
      Fail(row, outcome.cause, outcome.page.status().message(), outcome.http_status);
      if (!IsHostFailure(outcome)) return AfterFetch::kGoOn;
      BackOff(row.host, outcome);
      return AfterFetch::kHoldHost;
    }
    HostAnswered(row.host);
    FetchedPage& page = *outcome.page;
    if (!page.etag.empty() || !page.not_modified) row.etag = page.etag;
    if (!page.last_modified.empty() || !page.not_modified) row.last_modified = page.last_modified;
    if (row.feed) {
      FeedFetched(row, page);
    } else {
      ArticleFetched(row, page);
    }
    return AfterFetch::kGoOn;
  }

  void Succeeded(UrlState& row, const std::string& result) {
    ++row.checks;
    row.failures = 0;
    row.last_error.clear();
    row.last_cause.clear();
    row.last_result = result;
    row.last_check = options_.now;
  }

  void FeedFetched(UrlState& row, const FetchedPage& page) {
    ++summary_.feeds_checked;
    long fresh = 0;
    if (!page.not_modified) {
      Result<Feed> feed = ParseFeed(page.body, page.final_url);
      if (!feed.ok()) {
        Fail(row, "not a feed", row.url + ": " + feed.status().message(), page.http_status);
        return;
      }
      for (const FeedItem& item : feed->items) {
        Result<std::string> url = CanonicalUrl(item.url);
        if (url.ok() && IsHttpUrl(*url) && new_items_.insert(*url).second) ++fresh;
      }
      for (const std::string& child : feed->feeds) {
        Result<std::string> url = CanonicalUrl(child);
        if (url.ok() && IsHttpUrl(*url)) new_feeds_.insert(*url);
      }
      row.body_hash = BodyHash(page.body);
    }
    Succeeded(row, page.not_modified ? "not_modified" : "checked");
    const Seconds every = row.options.every_seconds;
    row.next_due = options_.now + (every > 0 ? every : options_.rules.feed_every);
    RunEvent event = EventOf(RunEvent::Kind::kFeedChecked, row.url);
    event.http_status = page.http_status;
    event.count = fresh;
    Emit(event);
    Put(row);
  }

  void ArticleFetched(UrlState& row, const FetchedPage& page) {
    const std::string hash = page.not_modified ? row.body_hash : BodyHash(page.body);
    if (page.not_modified && !row.article_id.empty()) {
      // The server vouches for the version the row knows: the archive need
      // not be read.
      return Finished(row, RunEvent::Kind::kNotModified, 0, page.http_status, hash);
    }
    if (!page.not_modified && !row.article_id.empty() && hash == row.body_hash) {
      // The very bytes of the last check: nothing to extract or store.
      return Finished(row, RunEvent::Kind::kUnchanged, 0, page.http_status, hash);
    }
    Result<PreparedPage> prepared = PrepareFetchedPage(archive_, row.url, page, options_.now);
    if (!prepared.ok()) return StoreFailed(row, prepared.status(), page.http_status);
    if (prepared->outcome) return Stored(row, *prepared->outcome, hash);
    pending_.push_back({&row, std::move(prepared).value(), hash});
    if (pending_.size() == 1) first_pending_ = std::chrono::steady_clock::now();
    if (pending_.size() >= kStoreBatch) Flush();
  }

  void StoreFailed(UrlState& row, const Status& status, long http_status) {
    if (status.code() == Status::Code::kArchiveDamaged) return Fatal(status);
    const bool not_page = status.message().find("not a web page") != std::string::npos;
    const std::string cause = status.code() == Status::Code::kNetwork ? "bad answer"
                              : not_page                              ? "not a web page"
                                                                      : "no article text";
    Fail(row, cause, status.message(), http_status);
  }

  // Stores the pages waiting, their objects in one pack: a pass writes one
  // pack per batch instead of a few loose objects (each fsynced) per page.
  // A pass killed before the flush stored none of them and wrote no state
  // for them, so the next pass fetches them again.
  void Flush() {
    if (pending_.empty()) return;
    std::vector<PendingStore> batch = std::move(pending_);
    pending_.clear();
    std::vector<PreparedPage> pages;
    for (PendingStore& one : batch) pages.push_back(std::move(one.page));
    Result<std::vector<PageOutcome>> stored = StorePreparedPages(archive_, pages);
    for (std::size_t i = 0; i < batch.size(); ++i) {
      UrlState& row = *batch[i].row;
      if (!stored.ok()) {
        StoreFailed(row, stored.status(), pages[i].revision.page.http_status);
      } else if (!(*stored)[i].refused.ok()) {
        Fail(row, "older than the archive", (*stored)[i].refused.message(),
             (*stored)[i].http_status);
      } else {
        Stored(row, (*stored)[i], batch[i].hash);
      }
    }
    Save();
  }

  void Stored(UrlState& row, const PageOutcome& outcome, const std::string& hash) {
    row.article_id = outcome.revision.article_id;
    RunEvent::Kind kind = RunEvent::Kind::kUnchanged;
    std::optional<PendingAlert> alert;
    switch (outcome.kind) {
      case PageOutcome::Kind::kStored:
        kind = outcome.revision.number == 1 ? RunEvent::Kind::kNew : RunEvent::Kind::kStored;
        row.last_change = options_.now;
        ++row.changes;
        if (options_.queue_alerts && outcome.revision.number > 1) {
          alert = PendingAlert();
          alert->article_id = row.article_id;
          alert->commit = outcome.revision.commit;
          alert->queued_at = options_.now;
        }
        break;
      case PageOutcome::Kind::kUnchanged:
        kind = RunEvent::Kind::kUnchanged;
        break;
      case PageOutcome::Kind::kNotModified:
        kind = RunEvent::Kind::kNotModified;
        break;
      case PageOutcome::Kind::kReappeared:
        kind = RunEvent::Kind::kReappeared;
        ++row.reappearances;
        break;
    }
    Finished(row, kind, outcome.revision.number, outcome.http_status, hash, alert);
  }

  void Finished(UrlState& row, RunEvent::Kind kind, int revision, long http_status,
                const std::string& hash, const std::optional<PendingAlert>& alert = std::nullopt) {
    row.body_hash = hash;
    Succeeded(row, std::string(RunEventName(kind)));
    row.next_due =
        NextArticleCheck(options_.rules, row.last_change ? row.last_change : row.first_seen,
                         options_.now, row.options.every_seconds);
    switch (kind) {
      case RunEvent::Kind::kNew:
        ++summary_.added;
        break;
      case RunEvent::Kind::kStored:
        ++summary_.changed;
        break;
      case RunEvent::Kind::kNotModified:
        ++summary_.not_modified;
        break;
      case RunEvent::Kind::kReappeared:
        ++summary_.reappeared;
        break;
      default:
        ++summary_.unchanged;
        break;
    }
    Put(row, alert);
    RunEvent event = EventOf(kind, row.url);
    event.article_id = row.article_id;
    event.revision = revision;
    event.http_status = http_status;
    Emit(event);
  }

  // Tracks the items the feeds named (one commit to the watch list), so
  // that the article phase fetches them.
  Status TrackNewItems() {
    if (new_items_.empty() && new_feeds_.empty()) return Status::Ok();
    WatchList list(archive_);
    if (!new_items_.empty()) {
      Result<WatchChange> added = list.Add(WatchEntry::Kind::kArticle,
                                           {new_items_.begin(), new_items_.end()}, options_.now);
      if (!added.ok()) return added.status();
      summary_.feed_items += static_cast<long>(added->changed);
    }
    if (!new_feeds_.empty()) {
      Result<WatchChange> added =
          list.Add(WatchEntry::Kind::kFeed, {new_feeds_.begin(), new_feeds_.end()}, options_.now);
      if (!added.ok()) return added.status();
    }
    return Sync();
  }

  // Brings the state database in line with the watch list.
  Status Sync() { return SyncWatchList(archive_, state_, options_.rules, options_.now); }

  Archive& archive_;
  CrawlState& state_;
  const RunOptions& options_;
  const std::function<void(const RunEvent&)>& on_event_;
  RunSummary summary_;
  Status fatal_;
  std::unordered_map<std::string, HostState> hosts_;
  std::map<std::string, HostRobots> robots_;
  struct PendingStore {
    UrlState* row;
    PreparedPage page;
    std::string hash;
  };
  // Pages read and waiting to be stored (Flush), at most kStoreBatch.
  static constexpr std::size_t kStoreBatch = 64;
  std::vector<PendingStore> pending_;
  std::chrono::steady_clock::time_point first_pending_;
  // States waiting for Save, at most kSaveBatch.
  static constexpr std::size_t kSaveBatch = 512;
  std::vector<CrawlState::UrlWrite> unsaved_;
  std::chrono::steady_clock::time_point first_unsaved_;
  std::set<std::string> new_items_;
  std::set<std::string> new_feeds_;
};

}  // namespace

bool Shard::Owns(std::string_view url) const {
  if (count <= 1) return true;
  // The id is 16 hex digits of a 64-bit hash: uniform, and the same on
  // every machine and in every version of stet.
  const std::string id = ArticleIdOf(url);
  std::uint64_t value = 0;
  std::from_chars(id.data(), id.data() + id.size(), value, 16);
  return static_cast<int>(value % static_cast<std::uint64_t>(count)) == index - 1;
}

Result<Shard> ParseShard(std::string_view text) {
  const std::size_t slash = text.find('/');
  Shard shard;
  auto number = [](std::string_view digits, int& out) {
    const auto parsed = std::from_chars(digits.data(), digits.data() + digits.size(), out);
    return !digits.empty() && parsed.ec == std::errc() &&
           parsed.ptr == digits.data() + digits.size();
  };
  if (slash == std::string_view::npos || !number(text.substr(0, slash), shard.index) ||
      !number(text.substr(slash + 1), shard.count) || shard.count < 1 || shard.index < 1 ||
      shard.index > shard.count) {
    return Status::InvalidInput("shard " + std::string(text) +
                                ": expected I/N with 1 <= I <= N, e.g. 2/3");
  }
  return shard;
}

std::string_view RunEventName(RunEvent::Kind kind) {
  switch (kind) {
    case RunEvent::Kind::kPlanned:
      return "planned";
    case RunEvent::Kind::kStored:
      return "stored";
    case RunEvent::Kind::kNew:
      return "new";
    case RunEvent::Kind::kNotModified:
      return "not_modified";
    case RunEvent::Kind::kUnchanged:
      return "unchanged";
    case RunEvent::Kind::kReappeared:
      return "reappeared";
    case RunEvent::Kind::kFailed:
      return "failed";
    case RunEvent::Kind::kDeferred:
      return "deferred";
    case RunEvent::Kind::kBlocked:
      return "blocked";
    case RunEvent::Kind::kFeedChecked:
      return "feed";
    case RunEvent::Kind::kHostBackoff:
      return "host_backoff";
  }
  return "unknown";
}

Result<RunSummary> RunPass(Archive& archive, CrawlState& state, const RunOptions& options,
                           const std::function<void(const RunEvent&)>& on_event) {
  Pass pass(archive, state, options, on_event);
  if (Status run = pass.Run(); !run.ok()) return run;
  return pass.summary();
}

}  // namespace stet
