// The two sides `stet diff` compares and what it finds between them: the
// revisions (or files) read, and the library's comparison, quotes and
// claims of their texts. Printing them is diff_print.h's.
#ifndef STET_SRC_CLI_DIFF_SIDES_H_
#define STET_SRC_CLI_DIFF_SIDES_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli.h"
#include "stet/claims.h"
#include "stet/compare.h"
#include "stet/quotes.h"

namespace stet::cli {

// One side of the comparison: a stored revision or a file.
struct DiffSide {
  std::string text;
  std::optional<RevisionInfo> revision;
  std::string file;  // for --files
  // The headline, byline and publication time, "" where unknown (a text
  // file; a revision stored as text knows only its title).
  std::string title, byline, published;

  std::string Name() const {
    return revision ? "revision " + std::to_string(revision->number) : InputName(file);
  }
  nlohmann::json Json() const {
    return revision ? RevisionJson(*revision) : nlohmann::json{{"file", InputName(file)}};
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

// Everything a diff reports: sentence edits and quote changes.
struct Analysis {
  std::vector<MetadataChange> metadata;  // headline, byline, publication time
  Comparison text;
  std::vector<Quote> quotes_before;
  std::vector<Quote> quotes_after;
  QuoteComparison quotes;
  std::vector<ClaimChange> claims;  // most material first

  double Materiality() const {
    std::vector<double> all;
    // A new headline changes what every reader sees first, as a re-worded
    // quote does; a byline or a date less so.
    for (const MetadataChange& change : metadata)
      all.push_back(change.field == "headline" ? 0.5 : 0.3);
    for (const QuoteChange& change : quotes.changes) all.push_back(QuoteMateriality(change));
    for (const ClaimChange& change : claims) all.push_back(change.materiality);
    return RevisionMateriality(all);
  }
};

// Revisions `rev_a` and `rev_b` (as ResolveRevision reads them) of one
// article, with their text, title, byline and publication time.
Result<std::pair<DiffSide, DiffSide>> ReadArchiveSides(Archive& archive,
                                                       const std::string& article_id,
                                                       const std::string& rev_a,
                                                       const std::string& rev_b);

// Everything `stet diff` reports of two sides. Fails only when a text
// cannot be segmented.
Result<Analysis> AnalyzeSides(const DiffSide& from, const DiffSide& to);

}  // namespace stet::cli

#endif  // STET_SRC_CLI_DIFF_SIDES_H_
