// Sorted lists of word hashes, as the comparison, the quote pairing and the
// claim linking compare them.
#ifndef STET_SRC_ANALYSIS_SORTED_KEYS_H_
#define STET_SRC_ANALYSIS_SORTED_KEYS_H_

#include <cstddef>
#include <cstdint>
#include <span>

namespace stet {

// Size of the multiset intersection of two sorted key lists.
inline std::size_t SharedKeys(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b) {
  std::size_t shared = 0;
  auto i = a.begin(), j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++shared, ++i, ++j;
    }
  }
  return shared;
}

}  // namespace stet

#endif  // STET_SRC_ANALYSIS_SORTED_KEYS_H_
