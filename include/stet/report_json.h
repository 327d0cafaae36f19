// stet/report_json.h: the JSON values stet's outputs are built of
// (docs/json.md), for a caller that embeds them in a larger document (the
// CLI's listings, an alert's payload).
#ifndef STET_REPORT_JSON_H_
#define STET_REPORT_JSON_H_

#include <nlohmann/json.hpp>
#include <optional>

#include "stet/archive.h"
#include "stet/revision_diff.h"

namespace stet {

// The version of the JSON outputs' shapes (docs/json.md, docs/schema/):
// every object a command prints, and every element of an array it prints,
// carries it as "schema_version". Raised only when a field is renamed or
// removed; added fields keep it.
inline constexpr int kJsonSchemaVersion = 1;

// `stet log --format json`: the revisions, oldest first, each with
// "schema_version".
nlohmann::json LogJson(const std::vector<RevisionInfo>& revisions);

// {"materiality": 0.9, "materiality_label": "high"} as stored with a
// revision; both null when it has none (a first revision, one stored
// unrated).
nlohmann::json MaterialityJson(const std::optional<double>& materiality);

// {"number", "commit", "article", "url", "title", "fetched_at", "hash",
// "materiality", "materiality_label"}, and "extractor" and "reextracted"
// for a revision extracted from a page.
nlohmann::json RevisionJson(const RevisionInfo& revision);

// `stet list --format json`: one object an article, {"article", "id",
// "url", "title", "revisions", "last_fetched_at", "last_commit",
// "last_materiality"}, or {"article", "id", "damaged"} for one that cannot
// be read.
nlohmann::json ArticleListJson(const std::vector<ArticleSummary>& articles);

// `stet diff --format json` as a value.
nlohmann::json DiffJson(const RevisionDiff& diff);

}  // namespace stet

#endif  // STET_REPORT_JSON_H_
