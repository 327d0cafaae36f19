// stet/report_json.h: the JSON values stet's outputs are built of
// (docs/json.md), for a caller that embeds them in a larger document (the
// CLI's listings, an alert's payload).
#ifndef STET_REPORT_JSON_H_
#define STET_REPORT_JSON_H_

#include <nlohmann/json.hpp>

#include "stet/archive.h"
#include "stet/revision_diff.h"

namespace stet {

// {"number", "commit", "article", "url", "title", "fetched_at", "hash"},
// and "extractor" and "reextracted" for a revision extracted from a page.
nlohmann::json RevisionJson(const RevisionInfo& revision);

// `stet diff --format json` as a value.
nlohmann::json DiffJson(const RevisionDiff& diff);

}  // namespace stet

#endif  // STET_REPORT_JSON_H_
