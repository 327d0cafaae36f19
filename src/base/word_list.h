// Closed lists of words (titles, reporting verbs, hedges, ...), as the
// segmenter, the quote attribution and the claim analysis keep them.
#ifndef STET_SRC_BASE_WORD_LIST_H_
#define STET_SRC_BASE_WORD_LIST_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace stet {

namespace word_list_internal {

// A word's slot in WordSet's and WordFlags' tables: the first two bytes,
// the last two and the length, read two at a time (this is asked of every
// word of every sentence a comparison reads, and assembling them a byte at
// a time cost twice the instructions). REQUIRES: !word.empty().
inline std::size_t Hash(std::string_view word) {
  const std::size_t n = word.size();
  std::uint16_t first, last;
  if (n >= 2) {
    std::memcpy(&first, word.data(), 2);
    std::memcpy(&last, word.data() + n - 2, 2);
  } else {
    first = last = static_cast<std::uint16_t>(static_cast<unsigned char>(word[0]) * 0x101u);
  }
  const std::uint64_t bits =
      first | static_cast<std::uint64_t>(last) << 16 | static_cast<std::uint64_t>(n) << 32;
  return static_cast<std::size_t>((bits * 0x9E3779B97F4A7C15ULL) >> 32);
}

// Slots for `words` words: a power of two, about two a word.
inline std::size_t TableSize(std::size_t words) {
  std::size_t size = 16;
  while (size < 2 * words) size *= 2;
  return size;
}

// Whether two words are the same bytes, compared here rather than by
// memcmp: the words are short and a probe that meets another word of the
// same length mostly differs at its first byte, where the call cost more
// than the comparison.
inline bool SameWord(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (a[k] != b[k]) return false;
  }
  return true;
}

// The slot of `word` in an open-addressing table (`word_of` reads a slot's
// word, empty when free): its own, or the free one where it would go.
// REQUIRES: !word.empty().
template <typename Slot, typename WordOf>
[[gnu::always_inline]] inline std::size_t SlotOf(const std::vector<Slot>& slots,
                                                 std::string_view word, WordOf word_of) {
  const std::size_t mask = slots.size() - 1;
  std::size_t slot = Hash(word) & mask;
  while (!word_of(slots[slot]).empty() && !SameWord(word_of(slots[slot]), word))
    slot = (slot + 1) & mask;
  return slot;
}

}  // namespace word_list_internal

template <std::size_t N>
bool Contains(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// A long closed list kept as one space-separated literal (a few hundred
// words read better as text than as an array). Looked up in an open-addressing
// table hashed on the first two bytes, the last two and the length: a hash of
// every byte, or a binary search, cost a noticeable share of quote extraction,
// which asks for every word. The table is sized by the list (about two slots
// a word), not fixed: two dozen lists are built on the first comparison, and
// fixed bucket arrays made them 2.6 MB of the 4.7 MB heap of a 10k-word diff.
class WordSet {
 public:
  explicit WordSet(std::string_view list) : WordSet(Split(list)) {}
  // The words of `words`, which must outlive the set.
  explicit WordSet(std::span<const std::string_view> words) {
    slots_.resize(word_list_internal::TableSize(words.size()));
    // Duplicates are dropped by the table itself: sorting the lists to find
    // them was 5% of a 10k-word comparison.
    for (std::string_view word : words) {
      if (word.empty()) continue;
      slots_[word_list_internal::SlotOf(slots_, word, Itself)] = word;
      longest_ = std::max(longest_, word.size());
    }
  }
  // A word longer than every word of the list is turned away unhashed: most
  // words asked of the short lists (function words, titles) are.
  bool Contains(std::string_view word) const {
    return !word.empty() && word.size() <= longest_ &&
           !slots_[word_list_internal::SlotOf(slots_, word, Itself)].empty();
  }
  // The distinct words, sorted.
  std::vector<std::string_view> SortedWords() const {
    std::vector<std::string_view> words;
    for (std::string_view slot : slots_) {
      if (!slot.empty()) words.push_back(slot);
    }
    std::sort(words.begin(), words.end());
    return words;
  }

 private:
  static std::vector<std::string_view> Split(std::string_view list) {
    std::vector<std::string_view> words;
    std::size_t start = 0;
    while (start < list.size()) {
      while (start < list.size() && list[start] == ' ') ++start;
      std::size_t end = list.find(' ', start);
      if (end == std::string_view::npos) end = list.size();
      if (end > start) words.push_back(list.substr(start, end - start));
      start = end;
    }
    return words;
  }
  static constexpr auto Itself = [](std::string_view slot) { return slot; };
  std::vector<std::string_view> slots_;  // an empty view marks a free slot
  std::size_t longest_ = 0;              // bytes of the list's longest word
};

// Words with a few bits each (the lists a word belongs to), kept as
// WordSet keeps words: one lookup answers for every list, where a reader
// asking each list in turn paid a lookup per list and word.
class WordFlags {
 public:
  // Each word with its bits; a word given twice has the bits of both. The
  // words must outlive the table.
  explicit WordFlags(const std::vector<std::pair<std::string_view, std::uint8_t>>& words) {
    slots_.resize(word_list_internal::TableSize(words.size()));
    for (const auto& [word, flags] : words) {
      if (word.empty()) continue;
      Slot& slot = slots_[word_list_internal::SlotOf(slots_, word, WordOf)];
      slot.word = word;
      slot.flags |= flags;
    }
  }
  // The bits of `word`; 0 for a word in no list (a free slot's).
  std::uint8_t Of(std::string_view word) const {
    return word.empty() ? 0 : slots_[word_list_internal::SlotOf(slots_, word, WordOf)].flags;
  }

 private:
  struct Slot {
    std::string_view word;  // empty: a free slot
    std::uint8_t flags = 0;
  };
  static constexpr auto WordOf = [](const Slot& slot) { return slot.word; };
  std::vector<Slot> slots_;
};

// The records of `table`, each without its `separator` (a last record
// may end the table without one): the lines of a list generated into the
// binary, read whole.
inline std::vector<std::string_view> Records(std::string_view table, char separator) {
  std::vector<std::string_view> records;
  while (!table.empty()) {
    const std::size_t end = table.find(separator);
    records.push_back(table.substr(0, end));
    table.remove_prefix(end == std::string_view::npos ? table.size() : end + 1);
  }
  return records;
}

// The record of `table` whose key is `key`, or nullopt: records are
// separated by `separator` and sorted by key, a record's key is its text up
// to its first space (the whole record when it has none). A binary search
// over the bytes in place, each probe moved back to its record's start: for
// tables generated into the binary (WordNet's), which building an index of
// would cost more than the few lookups a command makes.
inline std::optional<std::string_view> FindSortedRecord(std::string_view table, char separator,
                                                        std::string_view key) {
  std::size_t low = 0, high = table.size();  // records starting in [low, high)
  while (low < high) {
    std::size_t start = low + (high - low) / 2;
    while (start > low && table[start - 1] != separator) --start;
    std::size_t end = table.find(separator, start);
    if (end == std::string_view::npos) end = table.size();
    const std::string_view record = table.substr(start, end - start);
    const std::string_view record_key = record.substr(0, record.find(' '));
    if (record_key == key) return record;
    if (record_key < key) {
      low = end + 1;
    } else {
      high = start;
    }
  }
  return std::nullopt;
}

// Whether `word` is in `sorted_list`: distinct words in byte order, one
// space between them (a list generated from WordNet). A WordSet of the
// 9,800 nouns of people cost a million instructions and half a megabyte to
// build for the dozen words a comparison asks about.
inline bool InSortedList(std::string_view sorted_list, std::string_view word) {
  return !word.empty() && FindSortedRecord(sorted_list, ' ', word).has_value();
}

}  // namespace stet

#endif  // STET_SRC_BASE_WORD_LIST_H_
