// The state database: many rows in one write, and a database written by
// the previous schema version read on.
#include "stet/crawl_state.h"

#include <sqlite3.h>

#include <catch2/catch.hpp>

#include <filesystem>

#include "test_support.h"

namespace {

stet::UrlState Row(const std::string& url, int failures) {
  stet::UrlState row;
  row.url = url;
  row.host = "news.example.com";
  row.failures = failures;
  row.next_due = 1000;
  return row;
}

}  // namespace

TEST_CASE("state: many rows and their alerts in one write", "[state]") {
  stet::test::ScratchDir dir;
  stet::Result<stet::CrawlState> state = stet::CrawlState::Open(dir.path());
  REQUIRE(state.ok());
  std::vector<stet::CrawlState::UrlWrite> writes;
  for (int i = 0; i < 3; ++i)
    writes.push_back({Row("https://a.example/" + std::to_string(i), i), {}});
  writes[1].state.options.every_seconds = 300;
  writes[1].state.options.ignore_robots = true;
  writes[2].alert = stet::PendingAlert();
  writes[2].alert->article_id = "abc";
  writes[2].alert->commit = std::string(40, 'f');
  REQUIRE(state->PutUrls(writes).ok());
  stet::Result<std::vector<stet::UrlState>> rows = state->Urls();
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 3);
  CHECK((*rows)[1].failures == 1);
  CHECK((*rows)[1].options.every_seconds == 300);
  CHECK((*rows)[1].options.ignore_robots);
  CHECK((*rows)[0].options == stet::WatchOptions());
  REQUIRE(state->PendingAlerts()->size() == 1);
  CHECK(state->PendingAlerts()->front().article_id == "abc");

  CHECK(*state->SyncedWatchList() == "");
  REQUIRE(state->SetSyncedWatchList("1234").ok());
  CHECK(*state->SyncedWatchList() == "1234");
}

TEST_CASE("state: a database of schema version 1 is read on, its rows kept", "[state]") {
  stet::test::ScratchDir dir;
  std::filesystem::create_directory(dir / "stet");
  const std::string file = dir / "stet/state.sqlite";
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  // Version 1's urls table, as stet of that version created it.
  const char* v1 = R"sql(
PRAGMA journal_mode=WAL;
CREATE TABLE urls (
  url TEXT PRIMARY KEY, feed INTEGER NOT NULL, host TEXT NOT NULL, article_id TEXT NOT NULL,
  etag TEXT NOT NULL, last_modified TEXT NOT NULL, body_hash TEXT NOT NULL,
  first_seen INTEGER NOT NULL, last_check INTEGER NOT NULL, last_change INTEGER NOT NULL,
  next_due INTEGER, failures INTEGER NOT NULL, last_error TEXT NOT NULL,
  last_cause TEXT NOT NULL, last_result TEXT NOT NULL, checks INTEGER NOT NULL,
  changes INTEGER NOT NULL, reappearances INTEGER NOT NULL);
INSERT INTO urls VALUES ('https://a.example/1', 0, 'a.example', '', '"v1"', '', '', 1, 2, 3,
  4, 2, 'HTTP 500', 'HTTP 500', 'failed', 7, 1, 0);
PRAGMA user_version=1;
)sql";
  REQUIRE(sqlite3_exec(db, v1, nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);

  stet::Result<stet::CrawlState> state = stet::CrawlState::Open(dir.path());
  REQUIRE(state.ok());
  CHECK(state->recovered().empty());
  stet::Result<std::vector<stet::UrlState>> rows = state->Urls();
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 1);
  CHECK((*rows)[0].etag == "\"v1\"");
  CHECK((*rows)[0].failures == 2);
  CHECK((*rows)[0].checks == 7);
  CHECK((*rows)[0].options == stet::WatchOptions());
  // Not yet in line with any watch list: the next sync reads it whole.
  CHECK(*state->SyncedWatchList() == "");
  stet::UrlState changed = (*rows)[0];
  changed.options.every_seconds = 60;
  REQUIRE(state->PutUrl(changed).ok());
  CHECK(state->Url("https://a.example/1")->value().options.every_seconds == 60);
}
