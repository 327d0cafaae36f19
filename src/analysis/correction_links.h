// Which edited sentence a correction notice refers to ("Correction: An
// earlier version of this article misstated the day of the meeting." ->
// the sentence about the meeting that changed).
#ifndef STET_SRC_ANALYSIS_CORRECTION_LINKS_H_
#define STET_SRC_ANALYSIS_CORRECTION_LINKS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "stet/segment.h"

namespace stet {

// For each notice (a sentence index of `segmented`), the edited sentence
// sharing most content words with it (at least two), or -1.
std::vector<int> CorrectedSentences(std::string_view text, const SegmentedText& segmented,
                                    const std::vector<std::size_t>& notices,
                                    const std::vector<std::size_t>& edited);

}  // namespace stet

#endif  // STET_SRC_ANALYSIS_CORRECTION_LINKS_H_
