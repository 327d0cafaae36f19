// The watch list as a ref tree (store/ref_tree.h): "article/ab/cdef..." and
// "feed/ab/cdef..." (the URL's id, fanned out as git fans out objects), each
// a small JSON object {"url": ..., "added_at": ...}.
#include "stet/watch_list.h"

#include <nlohmann/json.hpp>

#include <algorithm>

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

}  // namespace

std::string_view WatchKindName(WatchEntry::Kind kind) {
  return kind == WatchEntry::Kind::kFeed ? "feed" : "article";
}

Result<WatchChange> WatchList::Add(WatchEntry::Kind kind, const std::vector<std::string>& urls,
                                   UnixSeconds now) {
  Result<std::vector<std::string>> canonical = CanonicalUrls(urls);
  if (!canonical.ok()) return canonical.status();
  git_repository* repo = archive_.impl_->repo.get();
  std::vector<TreeChange> changes;
  WatchChange result;
  for (const std::string& url : *canonical) {
    const std::string path = PathOf(kind, url);
    Result<std::optional<std::string>> there = ReadTreeEntry(repo, kWatchListRef, path);
    if (!there.ok()) return there.status();
    const bool repeated = std::any_of(changes.begin(), changes.end(),
                                      [&](const TreeChange& c) { return c.path == path; });
    if (there->has_value() || repeated) {
      ++result.unchanged;
      continue;
    }
    const nlohmann::json entry = {{"url", url}, {"added_at", FormatTimestamp(now)}};
    changes.push_back({path, entry.dump() + "\n"});
  }
  if (changes.empty()) return result;
  const std::string message =
      changes.size() == 1
          ? "track " + FolderOf(kind) + " " +
                nlohmann::json::parse(*changes[0].content)["url"].get<std::string>() + "\n"
          : "track " + std::to_string(changes.size()) + " " + FolderOf(kind) + "s\n";
  Result<std::size_t> written = CommitTreeChanges(*archive_.impl_, kWatchListRef, changes, message);
  if (!written.ok()) return written.status();
  result.changed = *written;
  return result;
}

Result<WatchChange> WatchList::Remove(WatchEntry::Kind kind, const std::vector<std::string>& urls) {
  Result<std::vector<std::string>> canonical = CanonicalUrls(urls);
  if (!canonical.ok()) return canonical.status();
  git_repository* repo = archive_.impl_->repo.get();
  std::vector<TreeChange> changes;
  WatchChange result;
  for (const std::string& url : *canonical) {
    const std::string path = PathOf(kind, url);
    Result<std::optional<std::string>> there = ReadTreeEntry(repo, kWatchListRef, path);
    if (!there.ok()) return there.status();
    if (!there->has_value()) {
      ++result.unchanged;
      continue;
    }
    changes.push_back({path, std::nullopt});
  }
  if (changes.empty()) return result;
  const std::string message = "untrack " + std::to_string(changes.size()) + " " + FolderOf(kind) +
                              (changes.size() == 1 ? "" : "s") + "\n";
  Result<std::size_t> written = CommitTreeChanges(*archive_.impl_, kWatchListRef, changes, message);
  if (!written.ok()) return written.status();
  result.changed = *written;
  result.unchanged += changes.size() - *written;
  return result;
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
      entries.push_back(std::move(entry));
    }
    std::sort(entries.begin() + static_cast<std::ptrdiff_t>(first), entries.end(),
              [](const WatchEntry& a, const WatchEntry& b) { return a.url < b.url; });
  }
  return entries;
}

}  // namespace stet
