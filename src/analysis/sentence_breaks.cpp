// ICU's standard sentence-break suppressions, applied without its filtered
// iterator (analysis/sentence_breaks.h). The rule is ICU 72's
// SimpleFilteredSentenceBreakIterator's, read in its source and checked
// against it by tests/analysis/sentence_breaks_test.cpp.
#include "analysis/sentence_breaks.h"

#include <unicode/locid.h>
#include <unicode/udata.h>
#include <unicode/ures.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <set>
#include <string>
#include <utility>

namespace stet {
namespace {

using Suppressions = SentenceBreaker::Suppressions;

void AppendCodePoint(std::u16string& out, UChar32 c) {
  if (c <= 0xFFFF) {
    out += static_cast<char16_t>(c);
  } else {
    out += static_cast<char16_t>(U16_LEAD(c));
    out += static_cast<char16_t>(U16_TRAIL(c));
  }
}

std::u16string ReversedByCodePoint(const std::u16string& s) {
  std::u16string out;
  for (int32_t i = static_cast<int32_t>(s.size()); i > 0;) {
    UChar32 c = 0;
    U16_PREV(s.data(), 0, i, c);
    AppendCodePoint(out, c);
  }
  return out;
}

// The list ICU reads for "en@ss=standard" (brkitr/en,
// exceptions/SentenceBreak), split as its builder splits it: a word with a
// full stop inside ("Ph.D.", "U.S.") is known backwards by its first part
// ("Ph.") and then forwards whole, as is every word sharing that first part
// ("Ph." itself); every other word ("Mr.") backwards whole.
Result<const Suppressions*> EnglishSuppressions() {
  static const Result<const Suppressions*> loaded = []() -> Result<const Suppressions*> {
    auto fail = [](UErrorCode error) {
      return Status::InvalidInput(std::string("segment sentences: ICU break suppressions: ") +
                                  u_errorName(error));
    };
    UErrorCode error = U_ZERO_ERROR;
    icu::LocalUResourceBundlePointer bundle(
        ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "en", &error));
    if (U_FAILURE(error) || error == U_USING_DEFAULT_WARNING) return fail(error);
    icu::LocalUResourceBundlePointer exceptions(
        ures_getByKey(bundle.getAlias(), "exceptions", nullptr, &error));
    icu::LocalUResourceBundlePointer breaks(
        ures_getByKey(exceptions.getAlias(), "SentenceBreak", nullptr, &error));
    if (U_FAILURE(error)) return fail(error);
    std::set<std::u16string> words;
    for (int32_t i = 0; i < ures_getSize(breaks.getAlias()); ++i) {
      int32_t length = 0;
      const UChar* word = ures_getStringByIndex(breaks.getAlias(), i, &length, &error);
      if (U_FAILURE(error)) return fail(error);
      words.emplace(word, static_cast<std::size_t>(length));
    }
    std::set<std::u16string> first_parts;  // of the words with an inner full stop
    for (const std::u16string& word : words) {
      const std::size_t stop = word.find(u'.');
      if (stop != std::u16string::npos && stop + 1 != word.size()) {
        first_parts.insert(word.substr(0, stop + 1));
      }
    }
    static Suppressions suppressions;
    std::vector<std::pair<std::u16string, bool>> backwards;
    for (const std::u16string& part : first_parts) {
      backwards.emplace_back(ReversedByCodePoint(part), true);
    }
    for (const std::u16string& word : words) {
      const std::size_t stop = word.find(u'.');
      if (stop != std::u16string::npos && first_parts.count(word.substr(0, stop + 1)) > 0) {
        suppressions.forwards.push_back(word);
      } else {
        backwards.emplace_back(ReversedByCodePoint(word), false);
      }
    }
    std::sort(backwards.begin(), backwards.end());
    std::sort(suppressions.forwards.begin(), suppressions.forwards.end());
    for (auto& [reversed, partial] : backwards) {
      suppressions.backwards.push_back(std::move(reversed));
      suppressions.partial.push_back(partial);
    }
    return &suppressions;
  }();
  return loaded;
}

// Where a key stands among sorted strings, as a trie of them answers after
// the key's last character: whether it is one of them (and which), and
// whether longer ones go on from it.
struct TrieState {
  bool has_value = false;
  std::size_t index = 0;  // of the string equal to the key, when has_value
  bool has_next = false;
};

TrieState Look(const std::vector<std::u16string>& sorted, const std::u16string& key) {
  TrieState state;
  auto it = std::lower_bound(sorted.begin(), sorted.end(), key);
  state.has_value = it != sorted.end() && *it == key;
  state.index = static_cast<std::size_t>(it - sorted.begin());
  const auto next = state.has_value ? it + 1 : it;
  state.has_next =
      next != sorted.end() && next->size() > key.size() && next->compare(0, key.size(), key) == 0;
  return state;
}

}  // namespace

Result<SentenceBreaker*> SentenceBreaker::ForThisThread() {
  thread_local std::unique_ptr<SentenceBreaker> breaker;
  if (breaker == nullptr) {
    Result<const Suppressions*> suppressions = EnglishSuppressions();
    if (!suppressions.ok()) return suppressions.status();
    UErrorCode error = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> plain(
        icu::BreakIterator::createSentenceInstance(icu::Locale("en"), error));
    if (U_FAILURE(error)) {
      return Status::InvalidInput(std::string("segment sentences: ICU break rules: ") +
                                  u_errorName(error));
    }
    breaker.reset(new SentenceBreaker(std::move(plain), **suppressions));
  }
  return breaker.get();
}

std::vector<std::int32_t> SentenceBreaker::Breaks(const icu::UnicodeString& text) {
  std::vector<std::int32_t> breaks;
  plain_->setText(text);
  for (std::int32_t n = plain_->next(); n != icu::BreakIterator::DONE; n = plain_->next()) {
    if (n != text.length() && SuppressedAt(text, n)) continue;
    breaks.push_back(n);
  }
  return breaks;
}

bool SentenceBreaker::SuppressedAt(const icu::UnicodeString& text, std::int32_t n) const {
  if (suppressions_.backwards.empty() || n <= 0) return false;
  const char16_t* units = text.getBuffer();
  const std::int32_t length = text.length();
  // ICU assumes a space follows the full stop ("Mr. |Brown") and steps over
  // one before matching backwards.
  std::int32_t index = n;
  {
    std::int32_t before = index;
    UChar32 c = 0;
    U16_PREV(units, 0, before, c);
    if (c == u' ') index = before;
  }
  // Backwards from the break, as ICU walks its trie: the last entry met
  // while longer ones could still follow, or the entry the walk stops on.
  std::u16string key;
  TrieState state;
  std::int32_t best = -1;
  bool best_partial = false;
  while (index > 0) {
    UChar32 c = 0;
    U16_PREV(units, 0, index, c);
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
    U16_NEXT(units, index, length, c);
    AppendCodePoint(key, c);
    const TrieState forward = Look(suppressions_.forwards, key);
    matches = forward.has_value;
    if (!forward.has_next) break;
  }
  return matches;
}

}  // namespace stet
