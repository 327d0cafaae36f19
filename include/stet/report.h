// stet/report.h: what changed across the archive in a window of time, most
// material first (`stet report`, the review server's recent changes, the
// Atom feed of changes), and its renderings.
#ifndef STET_REPORT_H_
#define STET_REPORT_H_

#include <cstddef>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "stet/archive.h"
#include "stet/render.h"
#include "stet/revision_diff.h"
#include "stet/status.h"

namespace stet {

struct ReportQuery {
  // Revisions fetched in [since, until) count.
  UnixSeconds since = 0;
  UnixSeconds until = std::numeric_limits<UnixSeconds>::max();
  // Articles whose change rates below this are left out (0: none are).
  double min_materiality = 0;
  // Which changes an entry lists, most material first: headline, quote and
  // claim changes, and with `text` the edited sentences after them.
  DiffSections kinds;
  std::size_t top = 3;  // changes listed for each article
};

// A window edge as a reader writes it: a duration back from `now` ("1d",
// "6h", "30m"), a date ("2025-02-13", its midnight UTC) or an RFC 3339
// time. kInvalidInput, saying what was expected, otherwise.
Result<UnixSeconds> ParseWindowEdge(std::string_view text, UnixSeconds now);

// One article that changed in the window: its last revision before the
// window (or its first in it) compared with its latest in the window.
struct ReportEntry {
  std::shared_ptr<const RevisionDiff> diff;
  int revisions_in_window = 0;
};

// Comparisons already made, by the commits compared, for a long-running
// reader (the review server): each pair is analysed once. Safe to share
// between threads.
class DiffCache {
 public:
  explicit DiffCache(std::size_t capacity = 4096) : capacity_(capacity) {}
  // The key of the comparison of two revisions: their commits.
  static std::string Key(const RevisionInfo& from, const RevisionInfo& to) {
    return from.commit + ".." + to.commit;
  }
  std::shared_ptr<const RevisionDiff> Find(const std::string& key) const;
  void Keep(const std::string& key, std::shared_ptr<const RevisionDiff> diff);

 private:
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const RevisionDiff>> diffs_;
};

struct Report {
  ReportQuery query;
  UnixSeconds made_at = 0;           // when the report was made
  std::vector<ReportEntry> entries;  // most material first, then most recent
  // Articles first stored in the window with one revision: nothing to
  // compare yet.
  std::vector<RevisionInfo> new_articles;
  // Articles that could not be read ("article ID: cause").
  std::vector<std::string> damaged;
};

// The report of `archive` for `query`, made at `now`. Articles fetched last
// before the window are not read; with a min_materiality, an article whose
// revisions in the window all carry a rating below it is not analysed.
// With a `cache`, a comparison made before is taken from it.
Result<Report> BuildReport(Archive& archive, const ReportQuery& query, UnixSeconds now,
                           DiffCache* cache = nullptr);

// How a report links an entry to its full comparison and a change to its
// place in it: `link_base` + "/a/ID/compare/A/B" (the review server's
// address, "" for a link relative to the server's root). Without links, a
// text or HTML entry says which `stet diff` shows it all.
struct ReportLinks {
  bool enabled = false;
  std::string link_base;
  // Markup put first in an HTML page's body (the review server's
  // navigation); the caller's own, written as it is.
  std::string navigation;
  std::string ComparisonPath(const RevisionDiff& diff) const;
  // link_base + "/a/ID": the article's revisions.
  std::string ArticlePath(const std::string& article_id) const;
};

std::string RenderReportText(const Report& report, const TextLayout& layout);
std::string RenderReportMarkdown(const Report& report, const ReportLinks& links = {});
std::string RenderReportJson(const Report& report);
// One self-contained page (as RenderDiffHtml's).
std::string RenderReportHtml(const Report& report, const ReportLinks& links = {});
// An Atom 1.0 feed of the report's changes: one entry per article change,
// its id stable ("urn:stet:change:ARTICLE:COMMIT" of the newer revision), so
// that a reader polling the feed sees each change once.
std::string RenderReportAtom(const Report& report, const ReportLinks& links = {});

}  // namespace stet

#endif  // STET_REPORT_H_
