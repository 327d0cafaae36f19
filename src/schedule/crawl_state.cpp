// The state database, through SQLite's C API. Each write is one
// transaction (PutUrls: many rows in one); WAL mode lets `stet status`
// read while a pass writes, and
// synchronous=NORMAL keeps a commit cheap: in WAL mode a power cut may
// lose the last commits but never corrupts the file, and a lost commit only
// means a URL is checked once more.
#include "stet/crawl_state.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unordered_set>

namespace stet {
namespace {

// 2: the urls table keeps each entry's options, and meta the watch list
// version the rows follow.
constexpr int kSchemaVersion = 2;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS urls (
  url TEXT PRIMARY KEY, feed INTEGER NOT NULL, host TEXT NOT NULL, article_id TEXT NOT NULL,
  etag TEXT NOT NULL, last_modified TEXT NOT NULL, body_hash TEXT NOT NULL,
  first_seen INTEGER NOT NULL, last_check INTEGER NOT NULL, last_change INTEGER NOT NULL,
  next_due INTEGER, failures INTEGER NOT NULL, last_error TEXT NOT NULL,
  last_cause TEXT NOT NULL, last_result TEXT NOT NULL, checks INTEGER NOT NULL,
  changes INTEGER NOT NULL, reappearances INTEGER NOT NULL,
  every_seconds INTEGER NOT NULL DEFAULT 0, ignore_robots INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS hosts (
  host TEXT PRIMARY KEY, backoff_until INTEGER NOT NULL, failures INTEGER NOT NULL,
  last_cause TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS robots (
  host TEXT PRIMARY KEY, fetched_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,
  http_status INTEGER NOT NULL, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS alerts (
  id INTEGER PRIMARY KEY AUTOINCREMENT, article_id TEXT NOT NULL, commit_id TEXT NOT NULL,
  queued_at INTEGER NOT NULL, attempts INTEGER NOT NULL, last_error TEXT NOT NULL);
)sql";

struct CloseDatabase {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using DatabasePtr = std::unique_ptr<sqlite3, CloseDatabase>;

struct FinalizeStatement {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using StatementPtr = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

// A prepared statement with its parameters bound in order.
class Query {
 public:
  Query(sqlite3* db, const char* sql) : db_(db) {
    sqlite3_stmt* raw = nullptr;
    status_ = sqlite3_prepare_v2(db, sql, -1, &raw, nullptr);
    statement_.reset(raw);
  }
  Query& Bind(const std::string& text) {
    if (ok())
      status_ = sqlite3_bind_text(statement_.get(), ++index_, text.data(),
                                  static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Query& Bind(long long number) {
    if (ok()) status_ = sqlite3_bind_int64(statement_.get(), ++index_, number);
    return *this;
  }
  Query& Bind(const std::optional<UnixSeconds>& number) {
    if (!number) {
      if (ok()) status_ = sqlite3_bind_null(statement_.get(), ++index_);
      return *this;
    }
    return Bind(static_cast<long long>(*number));
  }
  // Makes the statement ready to be bound and run again.
  Query& Reset() {
    if (ok()) status_ = sqlite3_reset(statement_.get());
    if (ok()) status_ = sqlite3_clear_bindings(statement_.get());
    index_ = 0;
    return *this;
  }
  // True while a row is available; false at the end or on an error.
  bool Step() {
    if (!ok()) return false;
    const int step = sqlite3_step(statement_.get());
    if (step == SQLITE_ROW) return true;
    status_ = step == SQLITE_DONE ? SQLITE_OK : step;
    return false;
  }
  std::string Text(int column) const {
    const auto* text = sqlite3_column_text(statement_.get(), column);
    return text ? std::string(
                      reinterpret_cast<const char*>(text),
                      static_cast<std::size_t>(sqlite3_column_bytes(statement_.get(), column)))
                : std::string();
  }
  long long Number(int column) const { return sqlite3_column_int64(statement_.get(), column); }
  bool Null(int column) const {
    return sqlite3_column_type(statement_.get(), column) == SQLITE_NULL;
  }
  bool ok() const { return status_ == SQLITE_OK; }
  Status Error(const std::string& what) const {
    return Status::InvalidInput(what + ": " + sqlite3_errmsg(db_));
  }

 private:
  sqlite3* db_;
  StatementPtr statement_;
  int status_ = SQLITE_OK;
  int index_ = 0;
};

Status Execute(sqlite3* db, const char* sql, const std::string& what) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK) return Status::Ok();
  std::string text = message ? message : sqlite3_errmsg(db);
  sqlite3_free(message);
  return Status::InvalidInput(what + ": " + text);
}

// Opens the database at `file` and makes sure it has the schema; kInvalidInput
// when SQLite cannot (the message names the file).
Result<DatabasePtr> OpenDatabase(const std::string& file, bool* damaged) {
  sqlite3* raw = nullptr;
  const int opened =
      sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  DatabasePtr db(raw);
  if (opened != SQLITE_OK) {
    return Status::InvalidInput(file + ": " + (raw ? sqlite3_errmsg(raw) : "cannot open"));
  }
  sqlite3_busy_timeout(db.get(), 10'000);
  // The first statements read the file: a file that is not a database, or
  // a damaged one, fails here.
  Status setup = Execute(db.get(), "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", file);
  if (setup.ok()) setup = Execute(db.get(), kSchema, file);
  if (!setup.ok()) {
    const int code = sqlite3_extended_errcode(db.get()) & 0xFF;
    *damaged = code == SQLITE_NOTADB || code == SQLITE_CORRUPT;
    return setup;
  }
  Query check(db.get(), "PRAGMA quick_check");
  if (check.Step() && check.Text(0) != "ok") {
    *damaged = true;
    return Status::InvalidInput(file + ": " + check.Text(0));
  }
  Query version(db.get(), "PRAGMA user_version");
  if (version.Step() && version.Number(0) == 1) {
    // Written by version 1: its urls table lacks the options, which the
    // next sync fills in (there is no synced watch list version yet).
    Status upgraded =
        Execute(db.get(),
                "ALTER TABLE urls ADD COLUMN every_seconds INTEGER NOT NULL DEFAULT 0;"
                "ALTER TABLE urls ADD COLUMN ignore_robots INTEGER NOT NULL DEFAULT 0;",
                file);
    if (!upgraded.ok()) return upgraded;
  }
  Execute(db.get(), ("PRAGMA user_version=" + std::to_string(kSchemaVersion)).c_str(), file);
  return db;
}

UrlState ReadUrl(const Query& row) {
  UrlState state;
  state.url = row.Text(0);
  state.feed = row.Number(1) != 0;
  state.host = row.Text(2);
  state.article_id = row.Text(3);
  state.etag = row.Text(4);
  state.last_modified = row.Text(5);
  state.body_hash = row.Text(6);
  state.first_seen = row.Number(7);
  state.last_check = row.Number(8);
  state.last_change = row.Number(9);
  if (!row.Null(10)) state.next_due = row.Number(10);
  state.failures = static_cast<int>(row.Number(11));
  state.last_error = row.Text(12);
  state.last_cause = row.Text(13);
  state.last_result = row.Text(14);
  state.checks = static_cast<long>(row.Number(15));
  state.changes = static_cast<long>(row.Number(16));
  state.reappearances = static_cast<long>(row.Number(17));
  state.options.every_seconds = row.Number(18);
  state.options.ignore_robots = row.Number(19) != 0;
  return state;
}

constexpr const char* kUrlColumns =
    "url, feed, host, article_id, etag, last_modified, body_hash, first_seen, last_check, "
    "last_change, next_due, failures, last_error, last_cause, last_result, checks, changes, "
    "reappearances, every_seconds, ignore_robots";

}  // namespace

struct CrawlState::Impl {
  std::string path;
  std::string recovered;
  DatabasePtr db;
};

CrawlState::CrawlState(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CrawlState::CrawlState(CrawlState&&) noexcept = default;
CrawlState& CrawlState::operator=(CrawlState&&) noexcept = default;
CrawlState::~CrawlState() = default;

const std::string& CrawlState::path() const {
  return impl_->path;
}
const std::string& CrawlState::recovered() const {
  return impl_->recovered;
}

Result<CrawlState> CrawlState::Open(const std::string& archive_path) {
  const std::string folder = archive_path + "/stet";
  if (::mkdir(folder.c_str(), 0777) != 0 && errno != EEXIST) {
    return Status::InvalidInput(folder + ": " + std::strerror(errno));
  }
  auto impl = std::make_unique<Impl>();
  impl->path = folder + "/state.sqlite";
  bool damaged = false;
  Result<DatabasePtr> db = OpenDatabase(impl->path, &damaged);
  if (!db.ok() && damaged) {
    // Everything in it can be rebuilt; keep the damaged file for a look.
    impl->recovered = db.status().message();
    const std::string aside = impl->path + ".damaged";
    if (std::rename(impl->path.c_str(), aside.c_str()) != 0) return db.status();
    std::remove((impl->path + "-wal").c_str());
    std::remove((impl->path + "-shm").c_str());
    db = OpenDatabase(impl->path, &damaged);
  }
  if (!db.ok()) return db.status();
  impl->db = std::move(db).value();
  return CrawlState(std::move(impl));
}

Result<std::vector<UrlState>> CrawlState::Urls() {
  Query query(impl_->db.get(),
              (std::string("SELECT ") + kUrlColumns + " FROM urls ORDER BY url").c_str());
  std::vector<UrlState> states;
  while (query.Step()) states.push_back(ReadUrl(query));
  if (!query.ok()) return query.Error(impl_->path);
  return states;
}

Result<std::optional<UrlState>> CrawlState::Url(const std::string& url) {
  Query query(impl_->db.get(),
              (std::string("SELECT ") + kUrlColumns + " FROM urls WHERE url = ?").c_str());
  query.Bind(url);
  if (query.Step()) return std::optional<UrlState>(ReadUrl(query));
  if (!query.ok()) return query.Error(impl_->path);
  return std::optional<UrlState>();
}

Status CrawlState::PutUrls(const std::vector<UrlWrite>& writes) {
  if (writes.empty()) return Status::Ok();
  sqlite3* db = impl_->db.get();
  if (Status begin = Execute(db, "BEGIN IMMEDIATE", impl_->path); !begin.ok()) return begin;
  Query put(db, (std::string("INSERT OR REPLACE INTO urls (") + kUrlColumns +
                 ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                    .c_str());
  Query queue(db,
              "INSERT INTO alerts (article_id, commit_id, queued_at, attempts, last_error) "
              "VALUES (?,?,?,0,'')");
  Status status = Status::Ok();
  for (const UrlWrite& write : writes) {
    const UrlState& s = write.state;
    put.Reset();
    put.Bind(s.url).Bind(s.feed ? 1LL : 0LL).Bind(s.host).Bind(s.article_id).Bind(s.etag);
    put.Bind(s.last_modified).Bind(s.body_hash).Bind(s.first_seen).Bind(s.last_check);
    put.Bind(s.last_change).Bind(s.next_due).Bind(static_cast<long long>(s.failures));
    put.Bind(s.last_error).Bind(s.last_cause).Bind(s.last_result);
    put.Bind(static_cast<long long>(s.checks)).Bind(static_cast<long long>(s.changes));
    put.Bind(static_cast<long long>(s.reappearances));
    put.Bind(static_cast<long long>(s.options.every_seconds));
    put.Bind(s.options.ignore_robots ? 1LL : 0LL);
    put.Step();
    if (!put.ok()) {
      status = put.Error(impl_->path);
      break;
    }
    if (!write.alert) continue;
    queue.Reset();
    queue.Bind(write.alert->article_id).Bind(write.alert->commit).Bind(write.alert->queued_at);
    queue.Step();
    if (!queue.ok()) {
      status = queue.Error(impl_->path);
      break;
    }
  }
  if (!status.ok()) {
    Execute(db, "ROLLBACK", impl_->path);
    return status;
  }
  return Execute(db, "COMMIT", impl_->path);
}

Status CrawlState::PutUrl(const UrlState& state, const std::optional<PendingAlert>& alert) {
  return PutUrls({UrlWrite{state, alert}});
}

Result<std::string> CrawlState::SyncedWatchList() {
  Query query(impl_->db.get(), "SELECT value FROM meta WHERE key = 'watchlist'");
  if (query.Step()) return query.Text(0);
  if (!query.ok()) return query.Error(impl_->path);
  return std::string();
}

Status CrawlState::SetSyncedWatchList(const std::string& version) {
  Query put(impl_->db.get(), "INSERT OR REPLACE INTO meta (key, value) VALUES ('watchlist', ?)");
  put.Bind(version);
  put.Step();
  return put.ok() ? Status::Ok() : put.Error(impl_->path);
}

Status CrawlState::KeepOnly(const std::vector<std::string>& keep) {
  const std::unordered_set<std::string> kept(keep.begin(), keep.end());
  Result<std::vector<UrlState>> all = Urls();
  if (!all.ok()) return all.status();
  sqlite3* db = impl_->db.get();
  if (Status begin = Execute(db, "BEGIN IMMEDIATE", impl_->path); !begin.ok()) return begin;
  Query drop(db, "DELETE FROM urls WHERE url = ?");
  for (const UrlState& state : *all) {
    if (kept.count(state.url)) continue;
    drop.Reset();
    drop.Bind(state.url);
    drop.Step();
    if (!drop.ok()) {
      Execute(db, "ROLLBACK", impl_->path);
      return drop.Error(impl_->path);
    }
  }
  return Execute(db, "COMMIT", impl_->path);
}

Result<std::vector<HostState>> CrawlState::Hosts() {
  Query query(impl_->db.get(),
              "SELECT host, backoff_until, failures, last_cause FROM hosts ORDER BY host");
  std::vector<HostState> hosts;
  while (query.Step()) {
    hosts.push_back(
        {query.Text(0), query.Number(1), static_cast<int>(query.Number(2)), query.Text(3)});
  }
  if (!query.ok()) return query.Error(impl_->path);
  return hosts;
}

Status CrawlState::PutHost(const HostState& state) {
  Query put(impl_->db.get(),
            "INSERT OR REPLACE INTO hosts (host, backoff_until, failures, last_cause) "
            "VALUES (?,?,?,?)");
  put.Bind(state.host).Bind(static_cast<long long>(state.backoff_until));
  put.Bind(static_cast<long long>(state.failures)).Bind(state.last_cause);
  put.Step();
  return put.ok() ? Status::Ok() : put.Error(impl_->path);
}

Result<std::optional<RobotsState>> CrawlState::Robots(const std::string& host) {
  Query query(impl_->db.get(),
              "SELECT host, fetched_at, expires_at, http_status, body FROM robots WHERE host = ?");
  query.Bind(host);
  if (query.Step()) {
    return std::optional<RobotsState>(RobotsState{query.Text(0), query.Number(1), query.Number(2),
                                                  static_cast<long>(query.Number(3)),
                                                  query.Text(4)});
  }
  if (!query.ok()) return query.Error(impl_->path);
  return std::optional<RobotsState>();
}

Status CrawlState::PutRobots(const RobotsState& state) {
  Query put(impl_->db.get(),
            "INSERT OR REPLACE INTO robots (host, fetched_at, expires_at, http_status, body) "
            "VALUES (?,?,?,?,?)");
  put.Bind(state.host).Bind(static_cast<long long>(state.fetched_at));
  put.Bind(static_cast<long long>(state.expires_at));
  put.Bind(static_cast<long long>(state.http_status)).Bind(state.body);
  put.Step();
  return put.ok() ? Status::Ok() : put.Error(impl_->path);
}

Result<std::vector<PendingAlert>> CrawlState::PendingAlerts() {
  Query query(impl_->db.get(),
              "SELECT id, article_id, commit_id, queued_at, attempts, last_error FROM alerts "
              "ORDER BY id");
  std::vector<PendingAlert> alerts;
  while (query.Step()) {
    alerts.push_back({query.Number(0), query.Text(1), query.Text(2), query.Number(3),
                      static_cast<int>(query.Number(4)), query.Text(5)});
  }
  if (!query.ok()) return query.Error(impl_->path);
  return alerts;
}

Status CrawlState::AlertDelivered(long long id) {
  Query drop(impl_->db.get(), "DELETE FROM alerts WHERE id = ?");
  drop.Bind(id);
  drop.Step();
  return drop.ok() ? Status::Ok() : drop.Error(impl_->path);
}

Status CrawlState::AlertFailed(long long id, const std::string& error) {
  Query fail(impl_->db.get(),
             "UPDATE alerts SET attempts = attempts + 1, last_error = ? WHERE id = ?");
  fail.Bind(error).Bind(id);
  fail.Step();
  return fail.ok() ? Status::Ok() : fail.Error(impl_->path);
}

}  // namespace stet
