// The watch list as a ref tree (store/ref_tree.h): "article/ab/cdef..." and
// "feed/ab/cdef..." (the URL's id, fanned out as git fans out objects), each
// a small JSON object {"url": ..., "added_at": ...}.
#include "stet/watch_list.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "stet/identity.h"
#include "store/ref_tree.h"

namespace stet {
namespace {

constexpr const char* kWatchListRef = "refs/stet/watchlist";

std::string FolderOf(WatchEntry::Kind kind) {
  return std::string(WatchKindName(kind));
}

std::string PathOf(WatchEntry::Kind kind, const std::string& canonical) {
  const std::string id = ArticleIdOf(canonical);
  return FolderOf(kind) + "/" + id.substr(0, 2) + "/" + id.substr(2);
}

// The canonical form of every URL, or the error naming the first that is
// not an absolute http(s) URL.
Result<std::vector<std::string>> CanonicalUrls(const std::vector<std::string>& urls) {
  std::vector<std::string> out;
  for (const std::string& url : urls) {
    Result<std::string> canonical = CanonicalUrl(url);
    if (!canonical.ok()) return canonical.status();
    if (canonical->rfind("http://", 0) != 0 && canonical->rfind("https://", 0) != 0) {
      return Status::InvalidInput(url + ": only http and https URLs can be tracked");
    }
    out.push_back(std::move(canonical).value());
  }
  return out;
}

std::string EntryJson(const std::string& url, UnixSeconds added_at, const WatchOptions& options) {
  nlohmann::json entry = {{"url", url}, {"added_at", FormatTimestamp(added_at)}};
  if (options.every_seconds > 0) entry["every_seconds"] = options.every_seconds;
  if (options.ignore_robots) entry["ignore_robots"] = true;
  return entry.dump() + "\n";
}

// Writes `changes` as one commit; what did not change the list (already
// there, not there, given twice) counts as unchanged.
Result<WatchChange> Commit(Archive::Impl& impl, const std::vector<TreeChange>& changes,
                           const TreeMessage& message) {
  Result<std::size_t> written = CommitTreeChanges(impl, kWatchListRef, changes, message);
  if (!written.ok()) return written.status();
  WatchChange result;
  result.changed = *written;
  result.unchanged = changes.size() - *written;
  return result;
}

}  // namespace

std::string_view WatchKindName(WatchEntry::Kind kind) {
  return kind == WatchEntry::Kind::kFeed ? "feed" : "article";
}

Result<WatchChange> WatchList::Add(WatchEntry::Kind kind, const std::vector<std::string>& urls,
                                   UnixSeconds now, const std::optional<WatchOptions>& options) {
  Result<std::vector<std::string>> canonical = CanonicalUrls(urls);
  if (!canonical.ok()) return canonical.status();
  // An entry already there keeps its time: the tree writer checks that
  // under the lock, against the list as it is then. New options are
  // written over an entry's, keeping its time as read here.
  std::map<std::string, UnixSeconds> added_at;
  if (options) {
    Result<std::vector<WatchEntry>> existing = Entries();
    if (!existing.ok()) return existing.status();
    for (const WatchEntry& entry : *existing) {
      if (entry.kind == kind) added_at[entry.url] = entry.added_at;
    }
  }
  std::vector<TreeChange> changes;
  std::map<std::string, std::string> url_of;  // path -> URL, for the message
  for (const std::string& url : *canonical) {
    const auto known = added_at.find(url);
    const UnixSeconds at = known == added_at.end() ? now : known->second;
    changes.push_back({PathOf(kind, url), EntryJson(url, at, options.value_or(WatchOptions())),
                       /*keep_existing=*/!options});
    url_of[changes.back().path] = url;
  }
  return Commit(*archive_.impl_, changes, [&](const std::vector<const TreeChange*>& applied) {
    return applied.size() == 1
               ? "track " + FolderOf(kind) + " " + url_of[applied[0]->path] + "\n"
               : "track " + std::to_string(applied.size()) + " " + FolderOf(kind) + "s\n";
  });
}

Result<WatchChange> WatchList::Remove(WatchEntry::Kind kind, const std::vector<std::string>& urls) {
  Result<std::vector<std::string>> canonical = CanonicalUrls(urls);
  if (!canonical.ok()) return canonical.status();
  std::vector<TreeChange> changes;
  for (const std::string& url : *canonical) changes.push_back({PathOf(kind, url), std::nullopt});
  return Commit(*archive_.impl_, changes, [&](const std::vector<const TreeChange*>& applied) {
    return "untrack " + std::to_string(applied.size()) + " " + FolderOf(kind) +
           (applied.size() == 1 ? "" : "s") + "\n";
  });
}

Result<std::string> WatchList::Version() {
  return ReadTreeVersion(archive_.impl_->repo.get(), kWatchListRef);
}

Result<std::vector<WatchEntry>> WatchList::Entries() {
  std::vector<WatchEntry> entries;
  for (WatchEntry::Kind kind : {WatchEntry::Kind::kArticle, WatchEntry::Kind::kFeed}) {
    Result<std::vector<std::pair<std::string, std::string>>> stored =
        ReadTreeEntries(archive_.impl_->repo.get(), kWatchListRef, FolderOf(kind));
    if (!stored.ok()) return stored.status();
    const std::size_t first = entries.size();
    for (const auto& [path, content] : *stored) {
      const nlohmann::json json = nlohmann::json::parse(content, nullptr, false);
      const auto url = json.is_object() ? json.find("url") : json.end();
      if (!json.is_object() || url == json.end() || !url->is_string()) {
        return Status::ArchiveDamaged("read " + std::string(kWatchListRef) + ":" + path +
                                      ": not a watch list entry");
      }
      WatchEntry entry;
      entry.kind = kind;
      entry.url = url->get<std::string>();
      if (const auto added = json.find("added_at"); added != json.end() && added->is_string()) {
        if (Result<UnixSeconds> at = ParseTimestamp(added->get<std::string>()); at.ok()) {
          entry.added_at = *at;
        }
      }
      if (const auto every = json.find("every_seconds");
          every != json.end() && every->is_number_integer() && every->get<std::int64_t>() > 0) {
        entry.options.every_seconds = every->get<std::int64_t>();
      }
      if (const auto robots = json.find("ignore_robots");
          robots != json.end() && robots->is_boolean()) {
        entry.options.ignore_robots = robots->get<bool>();
      }
      entries.push_back(std::move(entry));
    }
    std::sort(entries.begin() + static_cast<std::ptrdiff_t>(first), entries.end(),
              [](const WatchEntry& a, const WatchEntry& b) { return a.url < b.url; });
  }
  return entries;
}

}  // namespace stet
