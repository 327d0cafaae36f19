// The state database follows the watch list: what the archive knows of a
// tracked URL seeds its row, so a database lost or deleted is rebuilt at the
// next pass and the schedule goes on where the archive says it was. The
// rows remember the list version they follow: while it stands, a pass reads
// no entry (thousands of objects) at all.
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
  row.options = entry.options;
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
  row.next_due =
      NextArticleCheck(rules, row.last_change, row.last_check, entry.options.every_seconds);
  return row;
}

}  // namespace

Status SyncWatchList(Archive& archive, CrawlState& state, const ScheduleRules& rules,
                     UnixSeconds now) {
  WatchList list(archive);
  // The version first: a list changed while its entries are read is seen
  // as changed at the next sync.
  Result<std::string> version = list.Version();
  if (!version.ok()) return version.status();
  Result<std::string> synced = state.SyncedWatchList();
  if (!synced.ok()) return synced.status();
  if (*version == *synced) return Status::Ok();
  Result<std::vector<WatchEntry>> entries = list.Entries();
  if (!entries.ok()) return entries.status();
  Result<std::vector<UrlState>> rows = state.Urls();
  if (!rows.ok()) return rows.status();
  std::unordered_map<std::string, UrlState*> known;
  for (UrlState& row : *rows) known[row.url] = &row;
  std::vector<std::string> tracked;
  std::vector<CrawlState::UrlWrite> writes;
  for (const WatchEntry& entry : *entries) {
    tracked.push_back(entry.url);
    auto found = known.find(entry.url);
    if (found != known.end()) {
      if (found->second && found->second->options != entry.options) {
        found->second->options = entry.options;
        writes.push_back({*found->second, std::nullopt});
      }
      continue;
    }
    Result<UrlState> row = SeedRow(archive, entry, rules, now);
    if (!row.ok()) return row.status().WithContext(entry.url);
    writes.push_back({std::move(row).value(), std::nullopt});
    known[entry.url] = nullptr;
  }
  if (Status put = state.PutUrls(writes); !put.ok()) return put;
  if (tracked.size() != known.size()) {
    if (Status kept = state.KeepOnly(tracked); !kept.ok()) return kept;
  }
  return state.SetSyncedWatchList(*version);
}

}  // namespace stet
