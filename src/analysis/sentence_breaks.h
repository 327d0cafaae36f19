// ICU's English sentence boundaries with its standard suppressions
// ("en@ss=standard": no break after "Mr.", "U.S.", "Ph.D." ...), found as
// ICU's filtered break iterator finds them, without building it.
//
// Why not ICU's own filtered iterator: building it (loading the list of
// about 200 abbreviations, then two tries of them) cost 2.2 million
// instructions on every start of every command that reads sentences,
// a third of a short `stet diff`, and ICU offers no way to keep it across
// processes. The plain iterator costs almost nothing to make; the
// suppressions are the same list, read from ICU's data, applied by the
// same rule (a test compares the two on thousands of texts).
#ifndef STET_SRC_ANALYSIS_SENTENCE_BREAKS_H_
#define STET_SRC_ANALYSIS_SENTENCE_BREAKS_H_

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "stet/status.h"

namespace stet {

class SentenceBreaker {
 public:
  // This thread's breaker, made on first use. Fails only if ICU's break
  // rules or its suppression list cannot be loaded.
  static Result<SentenceBreaker*> ForThisThread();

  // The sentence boundaries of `text` after its start, ascending, in UTF-16
  // units; the last is the text's length. `text` must live until the next
  // call.
  std::vector<std::int32_t> Breaks(const icu::UnicodeString& text);

  // How ICU's suppressions are kept: its list, split as its builder splits
  // it into words matched backwards from a break ("Mr.") and abbreviations
  // with an inner full stop, whose first part is matched backwards and the
  // whole forwards ("Ph." then "Ph.D.").
  struct Suppressions {
    std::vector<std::u16string> backwards;  // sorted, each reversed by code point
    std::vector<bool> partial;              // per backwards entry: its first part only
    std::vector<std::u16string> forwards;   // sorted
  };

 private:
  SentenceBreaker(std::unique_ptr<icu::BreakIterator> plain, const Suppressions& suppressions)
      : plain_(std::move(plain)), suppressions_(suppressions) {}
  // Whether ICU suppresses the plain iterator's break at `n`.
  bool SuppressedAt(const icu::UnicodeString& text, std::int32_t n) const;

  std::unique_ptr<icu::BreakIterator> plain_;
  const Suppressions& suppressions_;  // one for the process
};

}  // namespace stet

#endif  // STET_SRC_ANALYSIS_SENTENCE_BREAKS_H_
