// Closed lists of words (titles, reporting verbs, hedges, ...), as the
// segmenter, the quote attribution and the claim analysis keep them.
#ifndef STET_SRC_BASE_WORD_LIST_H_
#define STET_SRC_BASE_WORD_LIST_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

namespace stet {

template <std::size_t N>
bool Contains(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

}  // namespace stet

#endif  // STET_SRC_BASE_WORD_LIST_H_
