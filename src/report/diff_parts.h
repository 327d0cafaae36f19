// Pieces every rendering of a RevisionDiff shares: counts, a quote's or a
// claim's words with their changes marked, excerpts, labels. The formats
// differ in their markers (stet/compare.h's InlineMarkers), not in what
// they mark.
#ifndef STET_SRC_REPORT_DIFF_PARTS_H_
#define STET_SRC_REPORT_DIFF_PARTS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "stet/revision_diff.h"

namespace stet::report {

// How many sentences each kind of edit touched, and how many none did.
struct Counts {
  std::map<EditKind, std::size_t> of;
  std::size_t unchanged = 0;
};
Counts Count(const Comparison& comparison);

// "2 sentences edited, 1 added, 0 removed, 0 moved; 40 unchanged".
std::string SummaryLine(const Counts& counts);

// A quote's words with its changes marked inline, over the after quote.
std::string QuoteInline(const RevisionDiff& diff, const Quote& before, const Quote& after,
                        const InlineMarkers& markers = {});

// A quote change as a reader sees it: "re-attributed", the quote's words
// (marked inline for an edit, on one line), "Vance -> Rubio".
struct QuoteLine {
  std::string label, words, speaker;
};
QuoteLine DescribeQuoteChange(const RevisionDiff& diff, const QuoteChange& change,
                              const InlineMarkers& markers);

// At most about `width` bytes of `text`, cut at spaces around its first
// marked change, with "..." where it was cut; a cut never splits a marker
// pair.
std::string Excerpt(const std::string& text, const InlineMarkers& markers, std::size_t width = 70);

// The headline's words with their changes marked inline; the byline and
// the time whole.
std::string MetadataInline(const MetadataChange& change, const InlineMarkers& markers);

// What a reader calls a claim change: "denial", "number", "certainty up".
std::string_view ClaimLabel(const ClaimChange& change);

// A claim change in its sentence: the newer sentence with the changed words
// marked where they stand (a deletion where the deleted words stood), or the
// whole added or removed sentence.
std::string ClaimLine(const RevisionDiff& diff, const ClaimChange& change,
                      const InlineMarkers& markers);

// One headline, quote or claim change as every format lists it.
struct RankedChange {
  double materiality = 0;
  std::string kind;       // as JSON names it: "quote_reattributed", "negation_changed", "headline"
  std::string label;      // as a reader calls it: "quote re-attributed", "denial", "headline"
  std::string words;      // the words, changes marked with `markers`, on one line
  std::string detail;     // a claim's detail ("1 -> 2 day"); plain text
  std::string speaker;    // whose words: "JD Vance", "JD Vance -> Marco Rubio"; plain text
  std::string corrects;   // for a correction notice: what it corrects, marked; else ""
  int quote_change = -1;  // a quote change: its index in diff.quotes.changes
  bool in_after = true;   // where it shows: in the newer text, or the older
  int sentence = -1;      // that text's sentence; -1 for a headline change
  int corrected_sentence = -1;  // a correction: the newer sentence it corrects

  // A headline, byline or publication time change: no sentence holds it.
  bool IsMetadata() const { return sentence < 0 && quote_change < 0; }
  bool IsQuote() const { return quote_change >= 0; }
  // The detail and the speaker, joined by `separator` where both are given.
  std::string Note(std::string_view separator = "; ") const {
    if (detail.empty() || speaker.empty()) return detail + speaker;
    return detail + std::string(separator) + speaker;
  }
};

// The headline, quote and claim changes, most material first (quotes
// before claims, in text order, among equals).
std::vector<RankedChange> RankedChanges(const RevisionDiff& diff, const InlineMarkers& markers);

}  // namespace stet::report

#endif  // STET_SRC_REPORT_DIFF_PARTS_H_
