// stet/render.h: a RevisionDiff (stet/revision_diff.h) written out for a
// reader: text for a terminal or a file, Markdown, or JSON (docs/json.md).
// Each returns the whole output; the caller decides where it goes.
#ifndef STET_RENDER_H_
#define STET_RENDER_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "stet/quote_history.h"
#include "stet/revision_diff.h"

namespace stet {

// Which parts of a diff a reader asked for (`stet diff --only`).
struct DiffSections {
  bool quotes = true;
  bool claims = true;
  bool text = true;  // the sentence edits
};

// How the text and Markdown outputs are laid out.
struct TextLayout {
  // ANSI colour on the marked words, besides their brackets (text only).
  bool color = false;
  // Lines wrapped to this many columns with a hanging indent; 0: one line
  // an item (text only: Markdown is never wrapped).
  std::size_t width = 80;
  DiffSections sections;
};

// The diff for a reader: the headline change, then quotes, claims and every
// sentence edit, most material first, changes marked [-deleted-]{+inserted+}
// (and coloured with `layout.color`). A section with nothing in it is left
// out. The article's text is shown as written, but for control characters,
// which could drive the terminal: each is shown as '?'.
std::string RenderDiffText(const RevisionDiff& diff, const TextLayout& layout);

// The diff as Markdown for GitHub or any CommonMark renderer: headed by the
// article's URL, its revisions and their commits; headings and lists;
// deleted words in <del>, inserted ones in <ins> (which render inside words
// and next to punctuation, where ~~ and ** do not). Article text is escaped
// so that it shows as written.
std::string RenderDiffMarkdown(const RevisionDiff& diff, const DiffSections& sections = {});

// What the HTML page shows besides the diff.
struct HtmlOptions {
  // Each changed quote through every revision (FollowQuotes), in the order
  // of diff.quotes.changes; empty where not known (two files).
  std::vector<std::vector<QuoteSighting>> quote_histories;
  // Markup put first in the page's body (the review server's navigation);
  // the caller's own, written as it is.
  std::string navigation;
};

// The diff as one self-contained HTML page: inline CSS, no script, no
// request to any host (a Content-Security-Policy says so), readable on a
// phone and printable. The headline and metadata; the headline, quote and
// claim changes by materiality, each linked to its sentence in the text and
// a changed quote's history one click away (a <details>); then the text,
// inline or side by side (a toggle that needs no script), deleted words in
// <del> and inserted ones in <ins>. Every piece of article text, title and
// URL is escaped; only an http or https URL becomes a link.
std::string RenderDiffHtml(const RevisionDiff& diff, const HtmlOptions& options = {});

// `stet diff --format json`, indented, with a final newline.
std::string RenderDiffJson(const RevisionDiff& diff);

// The same document handed to `write` in pieces of about 64 KiB as it is
// written, for a caller that sends it on: a long document is then never
// held whole (at 300k words it was the largest block of `stet diff`).
void RenderDiffJson(const RevisionDiff& diff, const std::function<void(std::string_view)>& write);

}  // namespace stet

#endif  // STET_RENDER_H_
