// stet/render.h: a RevisionDiff (stet/revision_diff.h) written out for a
// reader: text for a terminal or a file, Markdown, or JSON (docs/json.md).
// Each returns the whole output; the caller decides where it goes.
#ifndef STET_RENDER_H_
#define STET_RENDER_H_

#include <string>

#include "stet/revision_diff.h"

namespace stet {

// The diff for a reader: quotes, claims, then every sentence edit, changes
// marked [-deleted-]{+inserted+}, and also in colour with `color` (ANSI).
std::string RenderDiffText(const RevisionDiff& diff, bool color);

// The diff as Markdown: headings and lists, ~~deleted~~ **inserted**.
std::string RenderDiffMarkdown(const RevisionDiff& diff);

// `stet diff --format json`, indented, with a final newline.
std::string RenderDiffJson(const RevisionDiff& diff);

}  // namespace stet

#endif  // STET_RENDER_H_
