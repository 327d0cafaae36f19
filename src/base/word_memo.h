// Answers remembered per word (a word's stem, its content key), for the
// readers a comparison asks about the same words again and again.
#ifndef STET_SRC_BASE_WORD_MEMO_H_
#define STET_SRC_BASE_WORD_MEMO_H_

#include <xxhash.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace stet {

// Words and the strings computed from them, in an open-addressing table
// looked up by the word's own bytes (no copy is made to ask) and its XXH3
// hash. A claim comparison asks for every word of every changed sentence;
// with a std::unordered_map (its hash, a division, a node to follow) a
// content key cost 202 instructions a call over bench/diff's 10k pair, with
// this table 167. Holds at most `limit` words: all are forgotten when one
// more comes, so memory stays bounded.
class WordMemo {
 public:
  explicit WordMemo(std::size_t limit) : limit_(limit) {}

  // The answer remembered for `word`, or nullptr.
  const std::string* Find(std::string_view word) const {
    if (slots_.empty()) return nullptr;
    const std::uint64_t hash = XXH3_64bits(word.data(), word.size());
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
      const Slot& slot = slots_[at];
      if (!slot.used) return nullptr;
      if (slot.hash == hash && slot.word == word) return &slot.answer;
    }
  }

  // Remembers `answer` for `word`, which has none yet; returns it.
  const std::string& Add(std::string_view word, std::string answer) {
    if (used_ >= limit_) {
      slots_.clear();
      used_ = 0;
    }
    if (2 * (used_ + 1) > slots_.size()) Grow();
    const std::uint64_t hash = XXH3_64bits(word.data(), word.size());
    Slot& slot = FreeSlot(slots_, hash);
    slot = {hash, true, std::string(word), std::move(answer)};
    ++used_;
    return slot.answer;
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    bool used = false;
    std::string word;
    std::string answer;
  };

  static Slot& FreeSlot(std::vector<Slot>& slots, std::uint64_t hash) {
    const std::size_t mask = slots.size() - 1;
    std::size_t at = hash & mask;
    while (slots[at].used) at = (at + 1) & mask;
    return slots[at];
  }

  // Twice the slots (at least 256), every word moved to its new place.
  void Grow() {
    std::vector<Slot> grown(slots_.empty() ? 256 : 2 * slots_.size());
    for (Slot& slot : slots_) {
      if (slot.used) FreeSlot(grown, slot.hash) = std::move(slot);
    }
    slots_ = std::move(grown);
  }

  std::vector<Slot> slots_;  // a power of two, at most half used
  std::size_t used_ = 0;
  std::size_t limit_;
};

}  // namespace stet

#endif  // STET_SRC_BASE_WORD_MEMO_H_
