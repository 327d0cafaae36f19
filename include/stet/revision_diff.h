// stet/revision_diff.h: two revisions (or files) of an article and
// everything stet finds between them: headline and byline changes, sentence
// edits, quote changes and claim changes. Every output format renders one
// RevisionDiff (stet/render.h), so the terminal, Markdown, HTML, JSON and
// the feed always say the same thing.
#ifndef STET_REVISION_DIFF_H_
#define STET_REVISION_DIFF_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "stet/archive.h"
#include "stet/claims.h"
#include "stet/compare.h"
#include "stet/quotes.h"
#include "stet/status.h"

namespace stet {

// One side of a comparison: a stored revision or a file.
struct DiffSide {
  std::string text;
  std::optional<RevisionInfo> revision;
  std::string file;  // a file compared outside the archive; "-" is standard input
  // The headline, byline and publication time, "" where unknown (a text
  // file; a revision stored as text knows only its title).
  std::string title, byline, published;

  // "revision 3", or the file's name ("standard input" for "-").
  std::string Name() const {
    if (revision) return "revision " + std::to_string(revision->number);
    return file == "-" ? "standard input" : file;
  }
};

// A headline, byline or publication time that differs between the sides.
struct MetadataChange {
  std::string field;  // "headline", "byline", "published"
  std::string before, after;
};

// What changed besides the text, headline first: a change from a known
// value (a page's, or a title given) to another. A side that does not know
// a field (a text file's byline) changes nothing.
std::vector<MetadataChange> MetadataChanges(const DiffSide& from, const DiffSide& to);

// Everything a diff reports of two sides.
struct RevisionDiff {
  DiffSide from, to;
  std::vector<MetadataChange> metadata;  // headline, byline, publication time
  Comparison text;
  std::vector<Quote> quotes_before;
  std::vector<Quote> quotes_after;
  QuoteComparison quotes;
  std::vector<ClaimChange> claims;  // most material first

  // The revision's materiality (stet/claims.h's RevisionMateriality) over
  // its headline, quote and claim changes.
  double Materiality() const;
  // Nothing changed in the text, the quotes or the headline.
  bool Empty() const { return text.edits.empty() && quotes.changes.empty() && metadata.empty(); }
};

// Revisions `rev_a` and `rev_b` (as Archive::ResolveRevision reads them) of
// one article, with their text, title, byline and publication time.
Result<std::pair<DiffSide, DiffSide>> ReadArchiveSides(Archive& archive,
                                                       const std::string& article_id,
                                                       const std::string& rev_a,
                                                       const std::string& rev_b);

// Everything stet reports of two sides. Fails only when a text cannot be
// segmented.
Result<RevisionDiff> AnalyzeDiff(DiffSide from, DiffSide to);

// Rates a revision as AnalyzeDiff of it and the one before would
// (RevisionDiff::Materiality), for Archive::SetRevisionRater: the rating
// stored with a revision is the one `stet diff` of the pair reports.
RevisionRater MaterialityRater();

}  // namespace stet

#endif  // STET_REVISION_DIFF_H_
