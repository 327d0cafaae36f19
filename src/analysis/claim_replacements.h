// A sentence replaced by another about the same thing, read as one claim
// edited: "Szabo's lawyer did not respond to a request for comment." ->
// "Szabo's lawyer said he intends to fight the charges." The sentence
// alignment (stet/compare.h) pairs sentences by the words they share, for
// showing text; two that share only their subject stay a removal and an
// addition there, but for claims they are one claim changed, its numbers,
// denials, certainty and sources compared as wholes.
#ifndef STET_SRC_ANALYSIS_CLAIM_REPLACEMENTS_H_
#define STET_SRC_ANALYSIS_CLAIM_REPLACEMENTS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "stet/claims.h"
#include "stet/compare.h"
#include "stet/segment.h"

namespace stet::claim_replacements {

// A removed and an added sentence read as one claim changed.
struct Replacement {
  std::size_t first;   // the earlier of the two in Comparison::edits
  std::size_t second;  // the later
  std::size_t before_sentence;
  std::size_t after_sentence;
};

// One side of a replacement: the text, the sentence's claim parts, and
// the spans of its quotations and sources (sources as CompareClaims reads
// them outside quotations).
struct ReplacedSide {
  std::string_view text;
  const Claim& claim;
  TokenRange tokens;  // the sentence's, as Segment made them
  const std::vector<Span>& quotes;
  const std::vector<Span>& sources;
};

// The claim changes between a sentence and the one that replaced it,
// read from their parts as wholes (most words of one differ from the
// other, so a word-by-word reading says little more): a number changed (as an edit's
// numbers are compared), a denial added or dropped, certainty up or down,
// a source changed; else one claim_edited over both sentences. Markers
// inside quotations are the quote changes'.
std::vector<ClaimChange> CompareReplaced(const ReplacedSide& before, const ReplacedSide& after);

// The removed sentences of `comparison` that stand next to an added one
// sharing at least two content words with it (its subject: "Szabo's
// lawyer", "The team said Delgado"), each with that added one, in the
// order of the edits. Correction notices are never replacements.
std::vector<Replacement> Replacements(const Comparison& comparison, std::string_view before,
                                      const SegmentedText& before_text, std::string_view after,
                                      const SegmentedText& after_text);

}  // namespace stet::claim_replacements

#endif  // STET_SRC_ANALYSIS_CLAIM_REPLACEMENTS_H_
