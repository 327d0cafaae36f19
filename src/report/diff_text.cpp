// A RevisionDiff as text for a terminal or a file, and as Markdown
// (stet/render.h).
#include <algorithm>
#include <cctype>

#include "report/diff_parts.h"
#include "stet/clock.h"
#include "stet/render.h"

namespace stet {
namespace {

using report::ClaimLabel;
using report::ClaimLine;
using report::CorrectedLine;
using report::Count;
using report::DescribeQuoteChange;
using report::Excerpt;
using report::MetadataInline;
using report::QuoteLine;
using report::QuotesByMateriality;
using report::SummaryLine;

// `text` left-aligned in `width` bytes, as printf's "%-*s" would.
std::string Padded(const std::string& text, int width) {
  const std::size_t wanted = static_cast<std::size_t>(std::max(width, 0));
  return text.size() >= wanted ? text : text + std::string(wanted - text.size(), ' ');
}

// How the output is laid out: for a terminal or a file (brackets or
// colours), or as Markdown (~~deleted~~ **inserted**, headings and lists).
struct Style {
  InlineMarkers markers;
  bool markdown = false;
  std::string* out = nullptr;

  void Heading(const std::string& name, const std::string& counts) const {
    if (markdown) {
      std::string title = name;
      for (std::size_t k = 1; k < title.size(); ++k) {
        title[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(title[k])));
      }
      *out += "\n## " + title + " (" + counts + ")\n\n";
    } else {
      *out += "\n" + name + "  " + counts + "\n";
    }
  }
  void Item(const std::string& label, const std::string& body, const std::string& note,
            int width) const {
    if (markdown) {
      *out += "- **" + label + "** " + body + (note.empty() ? "" : " \u2014 ") + note + "\n";
    } else {
      *out += "  " + Padded(label, width) + " " + body + (note.empty() ? "" : "    ") + note + "\n";
    }
  }
  // A line under the item before, indented as its body.
  void SubItem(const std::string& body, int width) const {
    if (markdown) {
      *out += "  - " + body + "\n";
    } else {
      *out += "  " + Padded("", width) + " " + body + "\n";
    }
  }
};

void RenderMetadataChanges(const RevisionDiff& diff, const Style& style) {
  if (diff.metadata.empty()) return;
  style.Heading("HEADLINE", std::to_string(diff.metadata.size()) + " changed");
  for (const MetadataChange& change : diff.metadata) {
    style.Item(change.field, MetadataInline(change, style.markers), "", 9);
  }
}

void RenderQuoteChanges(const RevisionDiff& diff, const Style& style) {
  style.Heading("QUOTES", std::to_string(diff.quotes.changes.size()) + " changed, " +
                              std::to_string(diff.quotes.unchanged) + " unchanged");
  for (const QuoteChange& change : QuotesByMateriality(diff)) {
    const QuoteLine line = DescribeQuoteChange(diff, change, style.markers);
    style.Item(line.label, "\u201C" + Excerpt(line.words, style.markers) + "\u201D", line.speaker,
               17);
  }
}

void RenderClaimChanges(const RevisionDiff& diff, const Style& style) {
  const InlineMarkers& markers = style.markers;
  style.Heading("CLAIMS", std::to_string(diff.claims.size()) + " changed");
  for (const ClaimChange& change : diff.claims) {
    std::string line = ClaimLine(diff, change, markers);
    std::replace(line.begin(), line.end(), '\n', ' ');
    // The label already says which way certainty went.
    std::string note = change.kind == ClaimChangeKind::kHedgeChanged ? "" : change.detail;
    // Whose words they are, for a change inside a quote.
    if (!change.speaker.empty()) note += (note.empty() ? "" : "    ") + change.speaker;
    style.Item(std::string(ClaimLabel(change)), Excerpt(line, markers, 80), note, 17);
    // What a correction notice corrects: the change in that sentence,
    // marked, or the sentence itself.
    std::string target = CorrectedLine(diff, change, markers);
    if (!target.empty()) {
      std::replace(target.begin(), target.end(), '\n', ' ');
      style.SubItem("corrects: " + Excerpt(target, markers, 70), 17);
    }
  }
}

std::string Render(const RevisionDiff& diff, const Style& style) {
  std::string& out = *style.out;
  const Comparison& comparison = diff.text;
  const InlineMarkers& markers = style.markers;
  if (diff.to.revision) {
    if (!diff.to.revision->title.empty()) {
      out += (style.markdown ? "# " : "") + diff.to.revision->title + "\n";
    }
    out += diff.from.Name() + " (" + FormatTimestamp(diff.from.revision->fetched_at) + ") -> " +
           diff.to.Name() + " (" + FormatTimestamp(diff.to.revision->fetched_at) + ")";
  } else {
    out += diff.from.Name() + " -> " + diff.to.Name();
  }
  out += "     materiality: " + std::string(MaterialityLabel(diff.Materiality())) + "\n";
  RenderMetadataChanges(diff, style);
  RenderQuoteChanges(diff, style);
  RenderClaimChanges(diff, style);
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
  return out;
}

}  // namespace

std::string RenderDiffText(const RevisionDiff& diff, bool color) {
  std::string out;
  Style style;
  style.out = &out;
  if (color) style.markers = InlineMarkers{"\x1b[31m", "\x1b[0m", "\x1b[32m", "\x1b[0m"};
  return Render(diff, style);
}

std::string RenderDiffMarkdown(const RevisionDiff& diff) {
  std::string out;
  Style style;
  style.out = &out;
  style.markdown = true;
  style.markers = InlineMarkers{"~~", "~~", "**", "**"};
  return Render(diff, style);
}

}  // namespace stet
