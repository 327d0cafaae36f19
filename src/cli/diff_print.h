// How `stet diff` prints what changed: text for a terminal (colour or
// brackets), Markdown, and JSON (docs/json.md). The sides and what the
// library found between them are diff_sides.h's; this reads them.
#ifndef STET_SRC_CLI_DIFF_PRINT_H_
#define STET_SRC_CLI_DIFF_PRINT_H_

#include "diff_sides.h"

namespace stet::cli {

// `stet diff --format json` of two sides, as a value.
nlohmann::json DiffJson(const DiffSide& from, const DiffSide& to, const Analysis& analysis);

// The diff as JSON on standard output.
void PrintDiffJson(const DiffSide& from, const DiffSide& to, const Analysis& analysis);

// The diff for a reader: quotes, claims, then every sentence edit. Changes
// are marked [-deleted-]{+inserted+}, in colour with `color`, or as
// Markdown (~~deleted~~ **inserted**, headings and lists) with `markdown`.
void PrintDiffText(const DiffSide& from, const DiffSide& to, const Analysis& analysis,
                   bool markdown, bool color);

}  // namespace stet::cli

#endif  // STET_SRC_CLI_DIFF_PRINT_H_
