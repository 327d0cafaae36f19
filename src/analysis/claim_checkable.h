// What makes a sentence a claim: the parts of it a reviewer can check.
#ifndef STET_SRC_ANALYSIS_CLAIM_CHECKABLE_H_
#define STET_SRC_ANALYSIS_CLAIM_CHECKABLE_H_

#include <string_view>
#include <vector>

#include "stet/claims.h"
#include "stet/segment.h"

namespace stet::claim_parts {

// The checkable parts of a claim outside the quotation marks `quotes`: its
// numbers (not a live entry's time), negations, certainty markers,
// sources, names and roles, in text order. A sentence that is a quotation
// and its attribution ("“We will rebuild,” Mayor Ilse Brandvold said.") has
// none of its own: it is a quote change. One that says more around the
// quote ("Okafor congratulated Reyna on social media, adding “…”") is a
// claim.
// `tokens` are the sentence's, as Segment made them.
std::vector<ClaimPart> CheckableParts(const Claim& claim, std::string_view text, TokenRange tokens,
                                      const std::vector<Span>& quotes);

}  // namespace stet::claim_parts

#endif  // STET_SRC_ANALYSIS_CLAIM_CHECKABLE_H_
