// The longest common subsequence of two sequences of hashes: the core of
// sentence alignment and of word diffs.
#ifndef STET_SRC_ANALYSIS_SEQUENCE_DIFF_H_
#define STET_SRC_ANALYSIS_SEQUENCE_DIFF_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace stet {

struct IndexPair {
  std::size_t a = 0;
  std::size_t b = 0;
};

// Index pairs of a common subsequence of `a` and `b`, increasing in both.
// It is a longest one (the shortest edit script) whenever the non-common
// middle is small or, when large, every element in it is unique on each
// side, as sentences of news text are; otherwise the middle is first cut at
// elements unique on both sides (as patience diff does) so that the cost
// stays near linear, and the pieces are solved exactly.
std::vector<IndexPair> CommonSubsequence(std::span<const std::uint64_t> a,
                                         std::span<const std::uint64_t> b);

}  // namespace stet

#endif  // STET_SRC_ANALYSIS_SEQUENCE_DIFF_H_
