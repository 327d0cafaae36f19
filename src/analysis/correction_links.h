// Correction notices and the sentences they belong to: the notice's own
// text after it, and the edited sentence it refers to ("Correction: An
// earlier version of this article misstated the day of the meeting." ->
// the sentence about the meeting that changed).
#ifndef STET_SRC_ANALYSIS_CORRECTION_LINKS_H_
#define STET_SRC_ANALYSIS_CORRECTION_LINKS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "stet/segment.h"

namespace stet {

// Whether sentence `s` of `segmented` follows a correction notice in its
// paragraph: it is the notice's own text ("Correction: An earlier version
// misstated the grant." then "It was £1.9 million, not £900,000.").
bool InCorrectionNotice(std::string_view text, const SegmentedText& segmented, std::size_t s);

// For each notice (a sentence index of `segmented`), the edited sentence
// sharing most content words with it (at least two), or -1.
std::vector<int> CorrectedSentences(std::string_view text, const SegmentedText& segmented,
                                    const std::vector<std::size_t>& notices,
                                    const std::vector<std::size_t>& edited);

}  // namespace stet

#endif  // STET_SRC_ANALYSIS_CORRECTION_LINKS_H_
