// ICU's English sentence boundaries (analysis/sentence_breaks.h): the
// rules of UAX #29 over each code point's Sentence_Break property, then
// ICU's standard suppressions by the rule of ICU 72's
// SimpleFilteredSentenceBreakIterator, read in its source. Both are checked
// against ICU's iterators by tests/analysis/sentence_breaks_test.cpp.
#include "analysis/sentence_breaks.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/word_list.h"

namespace stet {
namespace {

using Suppressions = SentenceBreaker::Suppressions;

#include "break_suppressions.inc"

void AppendCodePoint(std::string& out, UChar32 c) {
  char bytes[U8_MAX_LENGTH];
  std::int32_t length = 0;
  U8_APPEND_UNSAFE(bytes, length, c);
  out.append(bytes, static_cast<std::size_t>(length));
}

std::string ReversedByCodePoint(const std::string& s) {
  std::string out;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data());
  for (auto i = static_cast<std::int32_t>(s.size()); i > 0;) {
    UChar32 c = 0;
    U8_PREV(bytes, 0, i, c);
    AppendCodePoint(out, c);
  }
  return out;
}

// The list ICU reads for "en@ss=standard" (brkitr/en,
// exceptions/SentenceBreak, copied from ICU's data when stet is built:
// tools/gen_break_suppressions.cpp), split as its builder splits it: a word
// with a full stop inside ("Ph.D.", "U.S.") is known backwards by its first
// part ("Ph.") and then forwards whole, as is every word sharing that first
// part ("Ph." itself); every other word ("Mr.") backwards whole.
const Suppressions& EnglishSuppressions() {
  static const Suppressions suppressions = [] {
    const std::vector<std::string_view> list =
        Records({kIcuSentenceSuppressions, sizeof kIcuSentenceSuppressions - 1}, '\n');
    const std::set<std::string> words(list.begin(), list.end());
    std::set<std::string> first_parts;  // of the words with an inner full stop
    for (const std::string& word : words) {
      const std::size_t stop = word.find('.');
      if (stop != std::string::npos && stop + 1 != word.size()) {
        first_parts.insert(word.substr(0, stop + 1));
      }
    }
    Suppressions split;
    std::vector<std::pair<std::string, bool>> backwards;
    for (const std::string& part : first_parts) {
      backwards.emplace_back(ReversedByCodePoint(part), true);
    }
    for (const std::string& word : words) {
      const std::size_t stop = word.find('.');
      if (stop != std::string::npos && first_parts.count(word.substr(0, stop + 1)) > 0) {
        split.forwards.push_back(word);
      } else {
        backwards.emplace_back(ReversedByCodePoint(word), false);
      }
    }
    std::sort(backwards.begin(), backwards.end());
    std::sort(split.forwards.begin(), split.forwards.end());
    for (auto& [reversed, partial] : backwards) {
      split.backwards.push_back(std::move(reversed));
      split.partial.push_back(partial);
    }
    return split;
  }();
  return suppressions;
}

// Where a key stands among sorted strings, as a trie of them answers after
// the key's last character: whether it is one of them (and which), and
// whether longer ones go on from it.
struct TrieState {
  bool has_value = false;
  std::size_t index = 0;  // of the string equal to the key, when has_value
  bool has_next = false;
};

TrieState Look(const std::vector<std::string>& sorted, const std::string& key) {
  TrieState state;
  auto it = std::lower_bound(sorted.begin(), sorted.end(), key);
  state.has_value = it != sorted.end() && *it == key;
  state.index = static_cast<std::size_t>(it - sorted.begin());
  const auto next = state.has_value ? it + 1 : it;
  state.has_next =
      next != sorted.end() && next->size() > key.size() && next->compare(0, key.size(), key) == 0;
  return state;
}

// The Sentence_Break class of each ASCII code point, filled from ICU once:
// the common case of reading a class is one lookup.
const std::array<USentenceBreak, 128>& AsciiClasses() {
  static const std::array<USentenceBreak, 128> classes = [] {
    std::array<USentenceBreak, 128> made{};
    for (UChar32 c = 0; c < 128; ++c) {
      made[static_cast<std::size_t>(c)] =
          static_cast<USentenceBreak>(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
    }
    return made;
  }();
  return classes;
}

bool IsParagraphSeparator(USentenceBreak kind) {
  return kind == U_SB_SEP || kind == U_SB_CR || kind == U_SB_LF;
}

bool IsTerminal(USentenceBreak kind) {
  return kind == U_SB_ATERM || kind == U_SB_STERM;
}

// The bytes a run of plain text stops at: a terminal or a paragraph
// separator, or any byte of a code point beyond ASCII.
const std::array<bool, 256>& StopBytes() {
  static const std::array<bool, 256> stops = [] {
    std::array<bool, 256> made{};
    for (std::size_t byte = 0; byte < 256; ++byte) {
      made[byte] = byte >= 0x80 || IsTerminal(AsciiClasses()[byte]) ||
                   IsParagraphSeparator(AsciiClasses()[byte]);
    }
    return made;
  }();
  return stops;
}

// Reads a text's code points' classes. A code point beyond ASCII is read
// out of line, so that the ASCII path inlines into the loops.
class ClassReader {
 public:
  explicit ClassReader(std::string_view text) : text_(text), ascii_(AsciiClasses()) {}

  // The class of the code point at `at`, moving `at` past it; false at an
  // ill-formed sequence.
  bool Read(std::size_t& at, USentenceBreak& kind) const {
    const auto byte = static_cast<unsigned char>(text_[at]);
    if (byte < 0x80) {
      ++at;
      kind = ascii_[byte];
      return true;
    }
    return ReadNonAscii(at, kind);
  }

 private:
  [[gnu::noinline]] bool ReadNonAscii(std::size_t& at, USentenceBreak& kind) const {
    auto i = static_cast<std::int32_t>(at);
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const std::uint8_t*>(text_.data()), i,
            static_cast<std::int32_t>(text_.size()), c);
    at = static_cast<std::size_t>(i);
    if (c < 0) return false;
    kind = static_cast<USentenceBreak>(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
    return true;
  }

  std::string_view text_;
  const std::array<USentenceBreak, 128>& ascii_;
};

// Rule SB8's look ahead: whether, from byte `at` on, the first code point
// that is a letter, a paragraph separator or a sentence terminal is a
// lower-case letter. Queries come at rising offsets, so the last answer is
// kept with the stretch it covers: no code point is read twice.
class LowerAhead {
 public:
  explicit LowerAhead(std::string_view text) : text_(text), reader_(text) {}

  bool From(std::size_t at) {
    if (at < scanned_from_ || at > found_at_) {
      scanned_from_ = at;
      found_lower_ = false;
      std::size_t next = at;
      while (next < text_.size()) {
        const std::size_t here = next;
        USentenceBreak kind = U_SB_OTHER;
        if (!reader_.Read(next, kind)) break;  // PlainBreaks reports it
        if (kind == U_SB_OLETTER || kind == U_SB_UPPER || kind == U_SB_LOWER ||
            IsParagraphSeparator(kind) || IsTerminal(kind)) {
          found_lower_ = kind == U_SB_LOWER;
          found_at_ = here;
          return found_lower_;
        }
      }
      found_at_ = text_.size();
    }
    return found_lower_;
  }

 private:
  std::string_view text_;
  ClassReader reader_;
  std::size_t scanned_from_ = 1;  // an empty stretch: nothing answered yet
  std::size_t found_at_ = 0;
  bool found_lower_ = false;
};

}  // namespace

SentenceBreaker& SentenceBreaker::ForThisThread() {
  thread_local SentenceBreaker breaker(EnglishSuppressions());
  return breaker;
}

Status SentenceBreaker::PlainBreaks(std::string_view text, std::vector<std::size_t>& breaks) {
  breaks.clear();
  // The text is read once, code point by code point. Rule SB5 folds
  // Extend and Format into the code point before them, so the rules see
  // "effective" code points; what they look back at is kept as state: the
  // last two effective classes, and whether the text so far ends in
  // SATerm Close* Sp* (a terminal, then closing marks, then spaces).
  enum class Run { kNone, kAfterTerminal, kAfterSpace };
  Run run = Run::kNone;
  bool run_from_aterm = false;
  USentenceBreak last = U_SB_OTHER;         // the last effective class
  USentenceBreak before_last = U_SB_OTHER;  // the one before it
  USentenceBreak last_raw = U_SB_OTHER;     // the last code point's own class
  const ClassReader reader(text);
  LowerAhead lower_ahead(text);
  const std::array<USentenceBreak, 128>& ascii = AsciiClasses();
  const std::array<bool, 256>& stops = StopBytes();
  for (std::size_t at = 0; at < text.size();) {
    if (run == Run::kNone && !IsParagraphSeparator(last_raw)) {
      // Most of a text: no rule breaks before a code point unless the text
      // so far ends in a terminal run or a separator, so ASCII that is
      // neither only moves the last class on.
      const std::size_t from = at;
      while (at < text.size() && !stops[static_cast<unsigned char>(text[at])]) ++at;
      if (at > from) last = last_raw = ascii[static_cast<unsigned char>(text[at - 1])];
      if (at == text.size()) break;
    }
    const std::size_t here = at;
    USentenceBreak kind = U_SB_OTHER;
    if (!reader.Read(at, kind)) return Status::InvalidInput("segment sentences: not UTF-8");
    const bool extends = kind == U_SB_EXTEND || kind == U_SB_FORMAT;
    if (here > 0) {
      bool boundary = false;
      if (last_raw == U_SB_CR && kind == U_SB_LF) {
        boundary = false;  // SB3
      } else if (IsParagraphSeparator(last_raw)) {
        boundary = true;  // SB4
      } else if (extends) {
        boundary = false;  // SB5
      } else if (last == U_SB_ATERM && kind == U_SB_NUMERIC) {
        boundary = false;  // SB6
      } else if (last == U_SB_ATERM && (before_last == U_SB_UPPER || before_last == U_SB_LOWER) &&
                 kind == U_SB_UPPER) {
        boundary = false;  // SB7
      } else if (run != Run::kNone) {
        if (run_from_aterm && lower_ahead.From(here)) {
          boundary = false;  // SB8
        } else if (kind == U_SB_SCONTINUE || IsTerminal(kind)) {
          boundary = false;  // SB8a
        } else if (run == Run::kAfterTerminal &&
                   (kind == U_SB_CLOSE || kind == U_SB_SP || IsParagraphSeparator(kind))) {
          boundary = false;  // SB9
        } else if (kind == U_SB_SP || IsParagraphSeparator(kind)) {
          boundary = false;  // SB10
        } else {
          boundary = true;  // SB11
        }
      }
      if (boundary) breaks.push_back(here);
    }
    const bool folded = extends && here > 0 && !IsParagraphSeparator(last_raw);
    last_raw = kind;
    if (folded) continue;
    before_last = last;
    last = kind;
    if (IsTerminal(kind)) {
      run = Run::kAfterTerminal;
      run_from_aterm = kind == U_SB_ATERM;
    } else if (run == Run::kAfterTerminal && kind == U_SB_CLOSE) {
      // still SATerm Close*
    } else if (run != Run::kNone && kind == U_SB_SP) {
      run = Run::kAfterSpace;
    } else {
      run = Run::kNone;
    }
  }
  if (!text.empty()) breaks.push_back(text.size());
  return Status::Ok();
}

Status SentenceBreaker::Breaks(std::string_view text, std::vector<std::size_t>& breaks) const {
  if (Status status = PlainBreaks(text, breaks); !status.ok()) return status;
  std::erase_if(breaks, [&](std::size_t n) { return n != text.size() && SuppressedAt(text, n); });
  return Status::Ok();
}

bool SentenceBreaker::SuppressedAt(std::string_view text, std::size_t n) const {
  if (suppressions_.backwards.empty() || n == 0) return false;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  // ICU assumes a space follows the full stop ("Mr. |Brown") and steps over
  // one before matching backwards.
  auto index = static_cast<std::int32_t>(n);
  if (text[n - 1] == ' ') --index;
  // Backwards from the break, as ICU walks its trie: the last entry met
  // while longer ones could still follow, or the entry the walk stops on.
  std::string key;
  TrieState state;
  std::int32_t best = -1;
  bool best_partial = false;
  while (index > 0) {
    UChar32 c = 0;
    U8_PREV(bytes, 0, index, c);
    AppendCodePoint(key, c);
    state = Look(suppressions_.backwards, key);
    if (!state.has_next) break;
    if (state.has_value) {
      best = index;
      best_partial = suppressions_.partial[state.index];
    }
  }
  if (state.has_value) {
    best = index;
    best_partial = suppressions_.partial[state.index];
  }
  if (best < 0) return false;
  if (!best_partial) return true;
  // A first part ("Ph."): suppressed when the whole ("Ph.D.") follows.
  if (suppressions_.forwards.empty()) return false;
  key.clear();
  bool matches = true;  // ICU's walk starts as a match and ends as its last step
  for (index = best; index < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, index, length, c);
    AppendCodePoint(key, c);
    const TrieState forward = Look(suppressions_.forwards, key);
    matches = forward.has_value;
    if (!forward.has_next) break;
  }
  return matches;
}

}  // namespace stet
