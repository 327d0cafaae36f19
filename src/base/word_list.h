// Closed lists of words (titles, reporting verbs, hedges, ...), as the
// segmenter, the quote attribution and the claim analysis keep them.
#ifndef STET_SRC_BASE_WORD_LIST_H_
#define STET_SRC_BASE_WORD_LIST_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

namespace stet {

template <std::size_t N>
bool Contains(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// A long closed list kept as one space-separated literal (a few hundred
// words read better as text than as an array), looked up by binary search.
class WordSet {
 public:
  explicit WordSet(std::string_view list) {
    std::size_t start = 0;
    while (start < list.size()) {
      while (start < list.size() && list[start] == ' ') ++start;
      std::size_t end = list.find(' ', start);
      if (end == std::string_view::npos) end = list.size();
      if (end > start) words_.push_back(list.substr(start, end - start));
      start = end;
    }
    std::sort(words_.begin(), words_.end());
    words_.erase(std::unique(words_.begin(), words_.end()), words_.end());
  }
  bool Contains(std::string_view word) const {
    return std::binary_search(words_.begin(), words_.end(), word);
  }
  const std::vector<std::string_view>& words() const { return words_; }

 private:
  std::vector<std::string_view> words_;
};

}  // namespace stet

#endif  // STET_SRC_BASE_WORD_LIST_H_
