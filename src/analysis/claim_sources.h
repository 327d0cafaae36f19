// The sources of a claim compared between two versions: what each names
// (its keys), whether two name the same source, which changed, and which
// of a source's words name who speaks.
#ifndef STET_SRC_ANALYSIS_CLAIM_SOURCES_H_
#define STET_SRC_ANALYSIS_CLAIM_SOURCES_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "stet/claims.h"
#include "stet/segment.h"

namespace stet::claim_sources {

// The sources of a claim outside quotation marks; in a sentence with a
// quotation, only the "according to" and "citing" ones (who speaks in it
// is the quote's attribution).
std::vector<Span> OutsideQuotes(const Claim& claim, std::string_view text,
                                const std::vector<Span>& quotes);

// What a source says, as sorted stems: roles kept ("police", "a
// spokesman"), function words and the reporting verb left out.
std::vector<std::string> SourceKeys(std::string_view text, Span source);

// The sources of one version that the other does not name (by their
// keys, SameSource), each side's together: nullopt when every source of
// each is named by the other, as a source or elsewhere in its claim
// (`before_claim`, `after_claim`: the two sentences).
std::optional<std::pair<Span, Span>> ChangedSources(std::string_view before_text,
                                                    const std::vector<Span>& before,
                                                    Span before_claim, std::string_view after_text,
                                                    const std::vector<Span>& after,
                                                    Span after_claim);

// The pieces of `sources` that name who speaks: all but their reporting
// verbs, which say how firmly ("said" -> "announced").
std::vector<Span> NamingWords(std::string_view text, const std::vector<Span>& sources);

// Whether two sources' keys name the same source, one perhaps more fully
// ("The mayor" and "Mayor Sofia Marchetti"; "Berg" and "Police Chief Tomas
// Berg"; "the Kelm Port Authority" and "the port authority").
bool SameSource(const std::vector<std::string>& a, const std::vector<std::string>& b);

}  // namespace stet::claim_sources

#endif  // STET_SRC_ANALYSIS_CLAIM_SOURCES_H_
