// The state database follows the watch list: what the archive knows of a
// tracked URL seeds its row, so a database lost or deleted is rebuilt at the
// next pass and the schedule goes on where the archive says it was.
#include <unordered_map>
#include <unordered_set>

#include "stet/fetch.h"
#include "stet/run.h"
#include "stet/watch_list.h"

namespace stet {
namespace {

// A row for a URL the state database has not seen.
Result<UrlState> SeedRow(Archive& archive, const WatchEntry& entry, const ScheduleRules& rules,
                         UnixSeconds now) {
  UrlState row;
  row.url = entry.url;
  row.feed = entry.kind == WatchEntry::Kind::kFeed;
  row.host = HostOf(entry.url);
  row.first_seen = entry.added_at;
  row.next_due = now;  // never checked by a pass: due
  if (row.feed) return row;
  Result<std::string> id = archive.ResolveArticle(entry.url);
  if (!id.ok()) {
    if (id.status().code() == Status::Code::kNotFound) return row;
    return id.status();
  }
  Result<std::vector<RevisionInfo>> log = archive.Log(*id);
  if (!log.ok()) return log.status();
  if (log->empty()) return row;
  const RevisionInfo& latest = log->back();
  row.article_id = *id;
  row.first_seen = std::min(entry.added_at, log->front().fetched_at);
  row.last_check = latest.fetched_at;
  row.last_change = latest.fetched_at;
  row.changes = static_cast<long>(log->size());
  if (latest.has_page) {
    Result<PageInfo> page = archive.ReadPageInfo(latest);
    if (!page.ok()) return page.status();
    row.etag = page->etag;
    row.last_modified = page->last_modified;
  }
  row.next_due = entry.options.every_seconds > 0
                     ? std::optional<UnixSeconds>(row.last_check + entry.options.every_seconds)
                     : NextArticleCheck(rules, row.last_change, row.last_check);
  return row;
}

}  // namespace

Result<std::vector<WatchEntry>> SyncWatchList(Archive& archive, CrawlState& state,
                                              const ScheduleRules& rules, UnixSeconds now) {
  Result<std::vector<WatchEntry>> entries = WatchList(archive).Entries();
  if (!entries.ok()) return entries.status();
  Result<std::vector<UrlState>> rows = state.Urls();
  if (!rows.ok()) return rows.status();
  std::unordered_set<std::string> known;
  for (const UrlState& row : *rows) known.insert(row.url);
  std::vector<std::string> tracked;
  for (const WatchEntry& entry : *entries) {
    tracked.push_back(entry.url);
    if (known.count(entry.url)) continue;
    Result<UrlState> row = SeedRow(archive, entry, rules, now);
    if (!row.ok()) return row.status().WithContext(entry.url);
    if (Status put = state.PutUrl(*row); !put.ok()) return put;
    known.insert(entry.url);
  }
  if (tracked.size() != known.size()) {
    if (Status kept = state.KeepOnly(tracked); !kept.ok()) return kept;
  }
  return entries;
}

}  // namespace stet
