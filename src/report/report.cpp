// What changed across the archive in a window (stet/report.h).
#include "stet/report.h"

#include <algorithm>

#include "stet/clock.h"

namespace stet {

Result<UnixSeconds> ParseWindowEdge(std::string_view text, UnixSeconds now) {
  if (Result<Seconds> back = ParseDuration(text); back.ok()) return now - *back;
  std::string stamp(text);
  if (stamp.size() == 10 && stamp[4] == '-' && stamp[7] == '-') stamp += "T00:00:00Z";
  if (Result<UnixSeconds> when = ParseTimestamp(stamp); when.ok()) return *when;
  return Status::InvalidInput(std::string(text) +
                              " is neither a duration (1d, 6h, 30m) nor a date or time "
                              "(2025-02-13, 2025-02-13T14:05:00Z)");
}

std::string ReportLinks::ComparisonPath(const RevisionDiff& diff) const {
  if (!diff.from.revision || !diff.to.revision) return "";
  return link_base + "/a/" + diff.to.revision->article_id + "/compare/" +
         std::to_string(diff.from.revision->number) + "/" +
         std::to_string(diff.to.revision->number);
}

std::string ReportLinks::ArticlePath(const std::string& article_id) const {
  return link_base + "/a/" + article_id;
}

std::shared_ptr<const RevisionDiff> DiffCache::Find(const std::string& key) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto found = diffs_.find(key);
  return found == diffs_.end() ? nullptr : found->second;
}

void DiffCache::Keep(const std::string& key, std::shared_ptr<const RevisionDiff> diff) {
  std::lock_guard<std::mutex> lock(mutex_);
  // Full: start again rather than track ages; a reader's window of recent
  // changes fills it again in one pass.
  if (diffs_.size() >= capacity_) diffs_.clear();
  diffs_[key] = std::move(diff);
}

Result<Report> BuildReport(Archive& archive, const ReportQuery& query, UnixSeconds now,
                           DiffCache* cache) {
  Report report;
  report.query = query;
  report.made_at = now;
  Result<std::vector<ArticleSummary>> articles = archive.List();
  if (!articles.ok()) return articles.status();
  for (const ArticleSummary& article : *articles) {
    if (!article.damage.empty()) {
      report.damaged.push_back(article.damage);
      continue;
    }
    // Listed most recently fetched first: the rest were fetched before.
    if (article.last_fetched_at < query.since) break;
    Result<std::vector<RevisionInfo>> log = archive.Log(article.id);
    if (!log.ok()) {
      if (log.status().code() != Status::Code::kArchiveDamaged) return log.status();
      report.damaged.push_back("article " + article.id + ": " + log.status().message());
      continue;
    }
    const RevisionInfo* before_window = nullptr;
    std::vector<const RevisionInfo*> in_window;
    for (const RevisionInfo& revision : *log) {
      if (revision.fetched_at < query.since) before_window = &revision;
      if (revision.fetched_at >= query.since && revision.fetched_at < query.until)
        in_window.push_back(&revision);
    }
    if (in_window.empty()) continue;
    // Compared with the last revision before the window, or else with the
    // first in it.
    const RevisionInfo* base = before_window != nullptr ? before_window : in_window.front();
    const RevisionInfo* latest = in_window.back();
    if (base == latest) {
      report.new_articles.push_back(*latest);
      continue;
    }
    // Every revision compared rated below the threshold when stored: not
    // worth analysing.
    bool rated_below = query.min_materiality > 0;
    for (const RevisionInfo* revision : in_window) {
      if (revision == base) continue;
      rated_below =
          rated_below && revision->materiality && *revision->materiality < query.min_materiality;
    }
    if (rated_below) continue;
    const std::string key = DiffCache::Key(*base, *latest);
    std::shared_ptr<const RevisionDiff> diff = cache != nullptr ? cache->Find(key) : nullptr;
    if (diff == nullptr) {
      Result<std::pair<DiffSide, DiffSide>> sides = ReadArchiveSides(
          archive, article.id, std::to_string(base->number), std::to_string(latest->number));
      if (!sides.ok()) return sides.status();
      Result<RevisionDiff> made = AnalyzeDiff(std::move(sides->first), std::move(sides->second));
      if (!made.ok()) return made.status();
      diff = std::make_shared<const RevisionDiff>(std::move(*made));
      if (cache != nullptr) cache->Keep(key, diff);
    }
    if (diff->Materiality() < query.min_materiality) continue;
    report.entries.push_back({std::move(diff), static_cast<int>(in_window.size())});
  }
  std::stable_sort(report.entries.begin(), report.entries.end(),
                   [](const ReportEntry& x, const ReportEntry& y) {
                     const double a = x.diff->Materiality(), b = y.diff->Materiality();
                     if (a != b) return a > b;
                     return x.diff->to.revision->fetched_at > y.diff->to.revision->fetched_at;
                   });
  return report;
}

}  // namespace stet
