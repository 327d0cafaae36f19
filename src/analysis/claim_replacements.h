// A sentence replaced by another about the same thing, read as one claim
// edited: "Szabo's lawyer did not respond to a request for comment." ->
// "Szabo's lawyer said he intends to fight the charges." The sentence
// alignment (stet/compare.h) pairs sentences by the words they share, for
// showing text; two that share only their subject stay a removal and an
// addition there, but for claims they are one claim changed, and its
// negation, numbers or source are compared like any edit's.
#ifndef STET_SRC_ANALYSIS_CLAIM_REPLACEMENTS_H_
#define STET_SRC_ANALYSIS_CLAIM_REPLACEMENTS_H_

#include <string_view>
#include <vector>

#include "stet/compare.h"
#include "stet/segment.h"

namespace stet::claim_replacements {

// `comparison`'s edits, with each removed sentence that stands next to an
// added one sharing at least two content words (its subject: "Szabo's
// lawyer", "The team said Delgado") turned, with it, into one edited
// sentence whose word changes are DiffTokens'.
std::vector<TextEdit> WithReplacements(const Comparison& comparison, std::string_view before,
                                       const SegmentedText& before_text, std::string_view after,
                                       const SegmentedText& after_text);

}  // namespace stet::claim_replacements

#endif  // STET_SRC_ANALYSIS_CLAIM_REPLACEMENTS_H_
