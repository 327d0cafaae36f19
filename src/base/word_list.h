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
// words read better as text than as an array). Looked up by first letter,
// length and last byte: most words fall in an empty bucket and the rest
// compare with one or two entries (binary search or hashing cost a
// noticeable share of quote extraction, which asks for every word).
class WordSet {
 public:
  explicit WordSet(std::string_view list) : buckets_(kBuckets) {
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
    for (std::string_view word : words_) buckets_[Bucket(word)].push_back(word);
  }
  bool Contains(std::string_view word) const {
    if (word.empty()) return false;
    for (std::string_view entry : buckets_[Bucket(word)]) {
      if (entry == word) return true;
    }
    return false;
  }
  const std::vector<std::string_view>& words() const { return words_; }

 private:
  static constexpr std::size_t kBuckets = 27 * 32 * 8;
  static std::size_t Bucket(std::string_view word) {
    const auto first = static_cast<unsigned char>(word.front());
    const std::size_t letter = first >= 'a' && first <= 'z' ? first - 'a' : 26;
    const std::size_t length = word.size() < 32 ? word.size() : 31;
    return (letter * 32 + length) * 8 + (static_cast<unsigned char>(word.back()) & 7);
  }
  std::vector<std::string_view> words_;
  std::vector<std::vector<std::string_view>> buckets_;
};

}  // namespace stet

#endif  // STET_SRC_BASE_WORD_LIST_H_
