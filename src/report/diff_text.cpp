// A RevisionDiff as text for a terminal or a file, and as Markdown
// (stet/render.h).
#include <algorithm>
#include <cctype>

#include "report/diff_parts.h"
#include "report/escape.h"
#include "report/wrap.h"
#include "stet/clock.h"
#include "stet/render.h"

namespace stet {
namespace {

using report::Count;
using report::EscapeMarkdown;
using report::EscapeTerminal;
using report::Excerpt;
using report::kBrackets;
using report::kColouredBrackets;
using report::kHtmlTags;
using report::kSentinels;
using report::LinkableUrl;
using report::MetadataInline;
using report::RankedChange;
using report::Retag;
using report::SummaryLine;
using report::WrapItem;

// `text` left-aligned in `width` bytes, as printf's "%-*s" would.
std::string Padded(const std::string& text, int width) {
  const std::size_t wanted = static_cast<std::size_t>(std::max(width, 0));
  return text.size() >= wanted ? text : text + std::string(wanted - text.size(), ' ');
}

// How the output is laid out: for a terminal or a file, or as Markdown
// (headings and lists). Bodies come marked with kSentinels and are escaped
// for the format before the sentinels become its markers.
struct Style {
  bool markdown = false;
  TextLayout layout;
  std::string* out = nullptr;

  std::string Escape(std::string_view text) const {
    return markdown ? EscapeMarkdown(text) : EscapeTerminal(text);
  }
  std::string Marked(std::string_view marked) const {
    if (markdown) return Retag(marked, EscapeMarkdown, kHtmlTags);
    return Retag(marked, EscapeTerminal, layout.color ? kColouredBrackets : kBrackets);
  }
  void Heading(const std::string& name, const std::string& counts) const {
    if (markdown) {
      std::string title = name;
      for (std::size_t k = 1; k < title.size(); ++k) {
        title[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(title[k])));
      }
      *out += "\n## " + title + " (" + counts + ")\n\n";
    } else {
      *out += "\n" + WrapItem(name + "  ", name.size() + 2, counts, "", layout.width);
    }
  }
  // `body` is marked with kSentinels; `note` is plain text.
  void Item(const std::string& label, const std::string& body, const std::string& note,
            int width) const {
    if (markdown) {
      *out += "- **" + label + "** " + Marked(body) + (note.empty() ? "" : " \u2014 ") +
              Escape(note) + "\n";
    } else {
      *out += WrapItem("  " + Padded(label, width) + " ", 2 + static_cast<std::size_t>(width) + 1,
                       Marked(body), Escape(note), layout.width);
    }
  }
  // A line under the item before, indented as its body.
  void SubItem(const std::string& body, int width) const {
    if (markdown) {
      *out += "  - " + Marked(body) + "\n";
    } else {
      *out += WrapItem("  " + Padded("", width) + " ", 2 + static_cast<std::size_t>(width) + 1,
                       Marked(body), "", layout.width);
    }
  }
};

// "revision 2 (2025-02-14T10:00:00Z)", with its commit in Markdown.
std::string SideLine(const DiffSide& side, const Style& style) {
  if (!side.revision) return style.Escape(side.Name());
  std::string line = side.Name() + " (" + FormatTimestamp(side.revision->fetched_at);
  if (style.markdown && !side.revision->commit.empty()) {
    line += ", commit `" + side.revision->commit.substr(0, 12) + "`";
  }
  return line + ")";
}

// The article's title, its URL, the two sides and the materiality.
void RenderHeader(const RevisionDiff& diff, const Style& style) {
  std::string& out = *style.out;
  const std::string& title = diff.to.title;
  const std::string url = diff.to.revision ? diff.to.revision->url : "";
  const std::string materiality(MaterialityLabel(diff.Materiality()));
  const std::string sides = SideLine(diff.from, style) + " -> " + SideLine(diff.to, style);
  if (style.markdown) {
    if (!title.empty()) out += "# " + EscapeMarkdown(title) + "\n\n";
    if (!url.empty()) {
      out += (LinkableUrl(url) ? "<" + url + ">" : EscapeMarkdown(url)) + "\n\n";
    }
    out += sides + " \u00B7 materiality: **" + materiality + "**\n";
    return;
  }
  if (!title.empty()) out += WrapItem("", 0, EscapeTerminal(title), "", style.layout.width);
  if (!url.empty()) out += WrapItem("", 0, EscapeTerminal(url), "", style.layout.width);
  out += WrapItem("", 2, sides, "materiality: " + materiality, style.layout.width);
}

void RenderMetadataChanges(const RevisionDiff& diff, const Style& style) {
  if (diff.metadata.empty()) return;
  style.Heading("HEADLINE", std::to_string(diff.metadata.size()) + " changed");
  for (const MetadataChange& change : diff.metadata) {
    style.Item(change.field, MetadataInline(change, kSentinels), "", 9);
  }
}

void RenderQuoteChanges(const RevisionDiff& diff, const std::vector<RankedChange>& ranked,
                        const Style& style) {
  if (diff.quotes.changes.empty() || !style.layout.sections.quotes) return;
  style.Heading("QUOTES", std::to_string(diff.quotes.changes.size()) + " changed, " +
                              std::to_string(diff.quotes.unchanged) + " unchanged");
  for (const RankedChange& change : ranked) {
    if (!change.IsQuote()) continue;
    // "quote added" elsewhere; under QUOTES, "added".
    style.Item(change.label.substr(std::string_view("quote ").size()),
               "\u201C" + Excerpt(change.words, kSentinels) + "\u201D", change.speaker, 17);
  }
}

void RenderClaimChanges(const RevisionDiff& diff, const std::vector<RankedChange>& ranked,
                        const Style& style) {
  if (diff.claims.empty() || !style.layout.sections.claims) return;
  style.Heading("CLAIMS", std::to_string(diff.claims.size()) + " changed");
  for (const RankedChange& change : ranked) {
    if (change.IsQuote() || change.IsMetadata()) continue;
    // Whose words they are, for a change inside a quote, after the detail.
    style.Item(change.label, Excerpt(change.words, kSentinels, 80), change.Note("    "), 17);
    // What a correction notice corrects: the change in that sentence,
    // marked, or the sentence itself.
    if (!change.corrects.empty()) {
      style.SubItem("corrects: " + Excerpt(change.corrects, kSentinels, 70), 17);
    }
  }
}

// About the bytes of the report, so that it is written into room taken
// once: grown by doubling, a long diff's report was the one block that
// found no hole the analysis had freed and set the heap's high-water mark
// (docs/performance.md).
std::size_t ReportBytes(const RevisionDiff& diff, const std::vector<RankedChange>& ranked) {
  std::size_t bytes = 4096;  // the header and headings
  for (const RankedChange& change : ranked) {
    bytes += change.label.size() + change.words.size() + change.detail.size() +
             change.speaker.size() + change.corrects.size() + 64;
  }
  for (const TextEdit& edit : diff.text.edits) {
    bytes += edit.before.end - edit.before.start + edit.after.end - edit.after.start + 32;
  }
  return bytes;
}

// Writes into *style.out (returning a copy of it cost a long diff a second
// output at the top of the heap).
void Render(const RevisionDiff& diff, const Style& style) {
  const Comparison& comparison = diff.text;
  const InlineMarkers& markers = kSentinels;
  RenderHeader(diff, style);
  RenderMetadataChanges(diff, style);
  // Quotes and claims in one ranking, as every format lists them.
  const std::vector<RankedChange> ranked = report::RankedChanges(diff, kSentinels);
  style.out->reserve(style.out->size() + ReportBytes(diff, ranked));
  RenderQuoteChanges(diff, ranked, style);
  RenderClaimChanges(diff, ranked, style);
  if (comparison.edits.empty() || !style.layout.sections.text) return;
  style.Heading("TEXT", SummaryLine(Count(comparison)));
  for (const TextEdit& edit : comparison.edits) {
    std::string body = InlineWords(diff.from.text, diff.to.text, edit, markers);
    // One line an edit: a sentence wrapped over lines in its text is not here.
    std::replace(body.begin(), body.end(), '\n', ' ');
    if (edit.kind == EditKind::kAdded) {
      body = std::string(markers.insert_open) + body + std::string(markers.insert_close);
    } else if (edit.kind == EditKind::kRemoved) {
      body = std::string(markers.delete_open) + body + std::string(markers.delete_close);
    }
    std::string label(EditKindName(edit.kind));
    if (edit.kind == EditKind::kMoved) {
      label += " (" + std::to_string(edit.before_sentences.front() + 1) + "->" +
               std::to_string(edit.after_sentences.front() + 1) + ")";
    }
    style.Item(label, body, "", 9);
  }
}

}  // namespace

std::string RenderDiffText(const RevisionDiff& diff, const TextLayout& layout) {
  std::string out;
  Style style;
  style.out = &out;
  style.layout = layout;
  Render(diff, style);
  return out;
}

std::string RenderDiffMarkdown(const RevisionDiff& diff, const DiffSections& sections) {
  std::string out;
  Style style;
  style.out = &out;
  style.markdown = true;
  style.layout.sections = sections;
  Render(diff, style);
  return out;
}

}  // namespace stet
