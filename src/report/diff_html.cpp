// A RevisionDiff as one self-contained HTML page (stet/render.h): inline
// CSS, no script, no request to any host, readable on a phone and printable.
#include <algorithm>
#include <cstdio>

#include "report/diff_parts.h"
#include "report/escape.h"
#include "report/html_page.h"
#include "stet/clock.h"
#include "stet/render.h"

namespace stet {
namespace {

using report::Count;
using report::EscapeHtml;
using report::kSentinels;
using report::Retag;
using report::SummaryLine;

constexpr InlineMarkers kTags{"<del>", "</del>", "<ins>", "</ins>"};

std::string Html(std::string_view marked) {
  return Retag(marked, EscapeHtml, kTags);
}

// One row of the text: sentences unchanged on both sides, or one edit.
struct Row {
  std::vector<std::size_t> before, after;  // sentence indexes
  const TextEdit* edit = nullptr;          // null: unchanged
};

// The text as rows in the order of the newer text, a removed sentence where
// it stood. Sentences no edit names are unchanged and in place, so the k-th
// such sentence before is the k-th after.
std::vector<Row> Rows(const Comparison& comparison) {
  std::vector<bool> before_edited(comparison.before_sentences.size()),
      after_edited(comparison.after_sentences.size());
  for (const TextEdit& edit : comparison.edits) {
    for (std::size_t index : edit.before_sentences) before_edited[index] = true;
    for (std::size_t index : edit.after_sentences) after_edited[index] = true;
  }
  std::vector<std::size_t> same_before, same_after;
  for (std::size_t k = 0; k < before_edited.size(); ++k)
    if (!before_edited[k]) same_before.push_back(k);
  for (std::size_t k = 0; k < after_edited.size(); ++k)
    if (!after_edited[k]) same_after.push_back(k);
  const std::size_t same = std::min(same_before.size(), same_after.size());
  std::vector<Row> rows;
  std::size_t next = 0;  // the next unchanged pair
  auto unchanged_until = [&](auto before_limit, auto after_limit) {
    while (next < same && same_before[next] < before_limit && same_after[next] < after_limit) {
      rows.push_back({{same_before[next]}, {same_after[next]}, nullptr});
      ++next;
    }
  };
  constexpr std::size_t kEnd = static_cast<std::size_t>(-1);
  for (const TextEdit& edit : comparison.edits) {
    if (!edit.after_sentences.empty()) {
      unchanged_until(kEnd, edit.after_sentences.front());
    } else {
      unchanged_until(edit.before_sentences.front(), kEnd);
    }
    rows.push_back({edit.before_sentences, edit.after_sentences, &edit});
  }
  unchanged_until(kEnd, kEnd);
  return rows;
}

std::string_view Slice(std::string_view text, Span span) {
  return text.substr(span.start, span.end - span.start);
}

// `whole` of `text` with each of `marked` (inside it, in order) wrapped in
// the sentinels `open` and `close`.
std::string MarkSpans(std::string_view text, Span whole, const std::vector<Span>& marked,
                      std::string_view open, std::string_view close) {
  std::string out;
  std::size_t at = whole.start;
  for (const Span& span : marked) {
    if (span.end <= span.start || span.start < at || span.end > whole.end) continue;
    out += text.substr(at, span.start - at);
    out += open;
    out += Slice(text, span);
    out += close;
    at = span.end;
  }
  out += text.substr(at, whole.end - at);
  return out;
}

// Where a change shows in the text: the id of the newer sentence holding it,
// or of the older one for what was removed.
std::string SentenceAnchor(bool after, std::size_t index) {
  return std::string(after ? "a" : "b") + std::to_string(index + 1);
}

// One change at the top of the page, most material first.
struct ChangeItem {
  double materiality = 0;
  std::string kind;   // the JSON kind: "quote_reattributed", "negation_changed", "headline"
  std::string label;  // what a reader calls it
  std::string words;  // HTML, changes marked
  std::string note;   // plain text
  std::string extra;  // HTML under the item: what a correction corrects, a quote's history
  std::string anchor;
};

std::string HistoryHtml(const std::vector<QuoteSighting>& history) {
  if (history.empty()) return "";
  std::string out =
      "<details class=\"history\"><summary>This quote in every revision</summary><ol>";
  for (const QuoteSighting& sighting : history) {
    out += "<li><span class=\"rev\">revision " + std::to_string(sighting.revision.number) +
           " <time>" + EscapeHtml(FormatTimestamp(sighting.revision.fetched_at)) +
           "</time></span> ";
    if (sighting.quotes.empty()) out += "<span class=\"absent\">(not in this revision)</span>";
    for (const Quote& quote : sighting.quotes) {
      out += "<q>" + EscapeHtml(quote.text) + "</q> <span class=\"who\">" +
             EscapeHtml(quote.speaker.empty() ? "(unknown)" : quote.speaker) + "</span> ";
    }
    out += "</li>";
  }
  return out + "</ol></details>";
}

std::vector<ChangeItem> ChangeItems(const RevisionDiff& diff, const HtmlOptions& options) {
  std::vector<ChangeItem> items;
  for (const report::RankedChange& change : report::RankedChanges(diff, kSentinels)) {
    ChangeItem item{change.materiality,
                    change.kind,
                    change.label,
                    Html(change.words),
                    change.Note(),
                    "",
                    change.IsMetadata() ? "top" : ""};
    if (change.IsQuote()) {
      item.words = "\u201C" + item.words + "\u201D";
      const auto k = static_cast<std::size_t>(change.quote_change);
      if (k < options.quote_histories.size()) item.extra = HistoryHtml(options.quote_histories[k]);
    }
    if (!change.corrects.empty()) {
      item.extra = "<p class=\"corrects\">corrects: " + Html(change.corrects) + " <a href=\"#" +
                   SentenceAnchor(true, static_cast<std::size_t>(change.corrected_sentence)) +
                   "\">in the text</a></p>";
    }
    if (change.sentence >= 0) {
      item.anchor = SentenceAnchor(change.in_after, static_cast<std::size_t>(change.sentence));
    }
    items.push_back(std::move(item));
  }
  return items;
}

std::string SideHtml(const DiffSide& side) {
  if (!side.revision) return EscapeHtml(side.Name());
  std::string out = EscapeHtml(side.Name()) + " <time>" +
                    EscapeHtml(FormatTimestamp(side.revision->fetched_at)) + "</time>";
  if (!side.revision->commit.empty()) {
    out += " <code title=\"commit " + EscapeHtml(side.revision->commit) + "\">" +
           EscapeHtml(side.revision->commit.substr(0, 12)) + "</code>";
  }
  return out;
}

void RenderChanges(const RevisionDiff& diff, const HtmlOptions& options, std::string& out) {
  const std::vector<ChangeItem> items = ChangeItems(diff, options);
  out += "<section id=\"changes\"><h2>What changed <small>" +
         std::to_string(diff.quotes.changes.size()) + " quotes, " +
         std::to_string(diff.claims.size()) + " claims" +
         (diff.metadata.empty() ? "" : ", " + std::to_string(diff.metadata.size()) + " headline") +
         ", most material first</small></h2>";
  if (items.empty()) out += "<p class=\"none\">No quote, claim or headline changed.</p>";
  out += "<ol class=\"changes\">";
  for (std::size_t k = 0; k < items.size(); ++k) {
    const ChangeItem& item = items[k];
    const std::string level(MaterialityLabel(item.materiality));
    out += "<li id=\"change" + std::to_string(k + 1) + "\" class=\"change m-" + level +
           "\" data-kind=\"" + EscapeHtml(item.kind) + "\"><span class=\"kind\">" +
           EscapeHtml(item.label) + "</span> <span class=\"words\">" + item.words + "</span>";
    if (!item.note.empty()) out += " <span class=\"note\">" + EscapeHtml(item.note) + "</span>";
    if (!item.anchor.empty()) {
      out += " <a class=\"goto\" href=\"#" + item.anchor + "\">in the text</a>";
    }
    out += item.extra + "</li>";
  }
  out += "</ol></section>";
}

// A row's sentences of one side, for the side-by-side view: deletions
// marked on the older side, insertions on the newer.
std::string SideCell(const RevisionDiff& diff, const Row& row, bool after) {
  const std::vector<std::size_t>& indexes = after ? row.after : row.before;
  if (indexes.empty()) return "";
  const std::string& text = after ? diff.to.text : diff.from.text;
  const std::vector<Span>& sentences =
      after ? diff.text.after_sentences : diff.text.before_sentences;
  const Span whole{sentences[indexes.front()].start, sentences[indexes.back()].end};
  std::string marked;
  if (row.edit == nullptr) {
    marked = std::string(Slice(text, whole));
  } else if (row.edit->kind == EditKind::kAdded || row.edit->kind == EditKind::kRemoved) {
    marked = std::string(after ? kSentinels.insert_open : kSentinels.delete_open) +
             std::string(Slice(text, whole)) +
             std::string(after ? kSentinels.insert_close : kSentinels.delete_close);
  } else {
    std::vector<Span> spans;
    for (const WordChange& word : row.edit->words)
      spans.push_back(after ? word.after : word.before);
    marked = MarkSpans(text, whole, spans, after ? kSentinels.insert_open : kSentinels.delete_open,
                       after ? kSentinels.insert_close : kSentinels.delete_close);
  }
  return Html(marked);
}

// A row inline: the newer words with deletions in place, or the removed
// sentence struck through.
std::string InlineRow(const RevisionDiff& diff, const Row& row) {
  if (row.edit == nullptr) {
    const Span whole{diff.text.after_sentences[row.after.front()].start,
                     diff.text.after_sentences[row.after.back()].end};
    return EscapeHtml(Slice(diff.to.text, whole));
  }
  if (row.edit->kind == EditKind::kRemoved || row.edit->kind == EditKind::kAdded) {
    return SideCell(diff, row, row.edit->kind == EditKind::kAdded);
  }
  return Html(InlineWords(diff.from.text, diff.to.text, *row.edit, kSentinels));
}

// Whether a paragraph ends before `row`: a line break in the text between
// it and the sentence before it on the same side.
bool StartsParagraph(const RevisionDiff& diff, const Row& row) {
  const bool after = !row.after.empty();
  const std::size_t first = after ? row.after.front() : row.before.front();
  if (first == 0) return false;
  const std::vector<Span>& sentences =
      after ? diff.text.after_sentences : diff.text.before_sentences;
  const std::string& text = after ? diff.to.text : diff.from.text;
  const Span gap{sentences[first - 1].end, sentences[first].start};
  return gap.end > gap.start && Slice(text, gap).find('\n') != std::string_view::npos;
}

std::string RowClass(const Row& row) {
  return row.edit == nullptr ? "same" : std::string(EditKindName(row.edit->kind));
}

// Every sentence of a row gets its id, so that a link to any of them lands.
std::string RowIds(const Row& row, bool with_before) {
  std::string ids;
  for (std::size_t index : row.after) ids += SentenceAnchor(true, index) + " ";
  if (with_before || row.after.empty()) {
    for (std::size_t index : row.before) ids += SentenceAnchor(false, index) + " ";
  }
  return ids;
}

void RenderText(const RevisionDiff& diff, std::string& out) {
  const std::vector<Row> rows = Rows(diff.text);
  out += "<section id=\"text\"><h2>Text <small>" + EscapeHtml(SummaryLine(Count(diff.text))) +
         "</small></h2>"
         "<input type=\"radio\" name=\"view\" id=\"view-inline\" checked>"
         "<label for=\"view-inline\">Inline</label> "
         "<input type=\"radio\" name=\"view\" id=\"view-sides\">"
         "<label for=\"view-sides\">Side by side</label>";
  out += "<div class=\"inline\"><p>";
  for (const Row& row : rows) {
    if (row.after.empty() && row.before.empty()) continue;
    if (StartsParagraph(diff, row)) out += "</p>\n<p>";
    // The first id of a row is its anchor; an element takes one id, so a
    // row of several sentences nests a span for each further one.
    const std::string ids = RowIds(row, false);
    std::string first = ids.substr(0, ids.find(' '));
    out += "<span class=\"s " + RowClass(row) + "\" id=\"" + first + "\">";
    std::size_t at = ids.find(' ') + 1;
    while (at < ids.size()) {
      const std::size_t end = ids.find(' ', at);
      out += "<span id=\"" + ids.substr(at, end - at) + "\"></span>";
      at = end + 1;
    }
    out += InlineRow(diff, row) + "</span> ";
  }
  out += "</p></div>\n<div class=\"sides\"><div class=\"row head\"><div>" + SideHtml(diff.from) +
         "</div><div>" + SideHtml(diff.to) + "</div></div>";
  for (const Row& row : rows) {
    out += "<div class=\"row " + RowClass(row) + (StartsParagraph(diff, row) ? " para" : "") +
           "\"><div class=\"before\">" + SideCell(diff, row, false) +
           "</div><div class=\"after\">" + SideCell(diff, row, true) + "</div></div>";
  }
  out += "</div></section>";
}

}  // namespace

std::string RenderDiffHtml(const RevisionDiff& diff, const HtmlOptions& options) {
  const std::string& title = diff.to.title;
  const std::string url = diff.to.revision ? diff.to.revision->url : "";
  const std::string materiality(MaterialityLabel(diff.Materiality()));
  const std::string page_title = (title.empty() ? diff.to.Name() : title) + " \u2014 " +
                                 diff.from.Name() + " \u2192 " + diff.to.Name();
  std::string out = report::HtmlPageStart(page_title, options.navigation);
  out += "<header id=\"top\"><h1>" + EscapeHtml(title.empty() ? diff.to.Name() : title) + "</h1>";
  if (!url.empty()) out += report::UrlParagraph(url);
  out += "<p class=\"sides-line\">" + SideHtml(diff.from) + " \u2192 " + SideHtml(diff.to) +
         "</p><p class=\"materiality m-" + materiality + "\">materiality: <strong>" + materiality +
         "</strong></p></header>\n<main>";
  RenderChanges(diff, options, out);
  out += "\n";
  RenderText(diff, out);
  out += "</main>";
  return out + report::HtmlPageEnd();
}

}  // namespace stet
