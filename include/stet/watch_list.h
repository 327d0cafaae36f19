// stet/watch_list.h: the articles and feeds an archive keeps current.
//
// The list travels with the archive: it is a ref of the archive's git
// repository (refs/stet/watchlist), each change one commit, so a clone or a
// push carries it and `git log refs/stet/watchlist` tells when what was
// added. Entries are keyed by the canonical URL (CanonicalUrl), so two
// spellings of one URL are one entry.
#ifndef STET_WATCH_LIST_H_
#define STET_WATCH_LIST_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stet/archive.h"
#include "stet/clock.h"
#include "stet/status.h"

namespace stet {

// Options of one entry, kept in it (so they travel with the list).
struct WatchOptions {
  // Check it this often, whatever its age, and never stop (0: the
  // archive's schedule, docs/scheduling.md).
  std::int64_t every_seconds = 0;
  // Fetch it even where robots.txt disallows (a site one owns or has
  // permission to archive).
  bool ignore_robots = false;
  bool operator==(const WatchOptions&) const = default;
};

struct WatchEntry {
  enum class Kind { kArticle, kFeed };
  Kind kind = Kind::kArticle;
  std::string url;  // canonical form
  UnixSeconds added_at = 0;
  WatchOptions options;
};

// "article" or "feed".
std::string_view WatchKindName(WatchEntry::Kind kind);

// What a change to the list did.
struct WatchChange {
  std::size_t changed = 0;    // added (or removed)
  std::size_t unchanged = 0;  // already there (or not there)
};

class WatchList {
 public:
  explicit WatchList(Archive& archive) : archive_(archive) {}

  // Adds `urls` as entries of `kind`, all in one commit. Every URL must be
  // an absolute http(s) URL; if one is not, nothing is added and the error
  // names it. An entry already there keeps its time, and its options
  // unless `options` are given (then they replace its own; a change of
  // options counts as a change).
  Result<WatchChange> Add(WatchEntry::Kind kind, const std::vector<std::string>& urls,
                          UnixSeconds now, const std::optional<WatchOptions>& options = {});

  // Removes `urls` from the entries of `kind`, in one commit.
  Result<WatchChange> Remove(WatchEntry::Kind kind, const std::vector<std::string>& urls);

  // Every entry, articles first, each kind in the order of its URLs.
  Result<std::vector<WatchEntry>> Entries();
  // The list's version: the id of the commit its ref points at, "" while
  // there is no list. Reading it costs one ref lookup, reading the entries
  // one object each; a caller that keeps the entries reads them again only
  // when the version moved.
  Result<std::string> Version();

 private:
  Archive& archive_;
};

}  // namespace stet

#endif  // STET_WATCH_LIST_H_
