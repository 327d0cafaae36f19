// ICU's English sentence boundaries with its standard suppressions
// ("en@ss=standard": no break after "Mr.", "U.S.", "Ph.D." ...), found as
// ICU finds them, over UTF-8, without its iterators.
//
// Why not ICU's filtered iterator: building it (loading the list of about
// 200 abbreviations, then two tries of them) cost 2.2 million instructions
// on every start of every command that reads sentences, a third of a short
// `stet diff`, and ICU offers no way to keep it across processes. The
// suppressions are the same list, copied from ICU's data when stet is
// built, applied by the same rule.
//
// Why not ICU's plain rule-based iterator under them: it walks a DFA built
// for every locale's tailoring, one UTF-16 unit at a time through a break
// cache, and with the UTF-8 text converted to UTF-16 for it, it was a sixth
// of every comparison (about 45 instructions a byte). The rules of Unicode
// Standard Annex #29 for sentences are a dozen lines; applied here to each
// code point's Sentence_Break property (ICU's own), they run in a few
// instructions a byte. Tests compare both parts with ICU's iterators on
// thousands of random texts over every Sentence_Break class, and
// bench/diff times the two.
#ifndef STET_SRC_ANALYSIS_SENTENCE_BREAKS_H_
#define STET_SRC_ANALYSIS_SENTENCE_BREAKS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "stet/status.h"

namespace stet {

class SentenceBreaker {
 public:
  // This thread's breaker, made on first use.
  static SentenceBreaker& ForThisThread();

  // Replaces `breaks` with the sentence boundaries of `text` after its
  // start, ascending, as byte offsets; the last is text.size() (none for
  // an empty text). Fails if `text` is not UTF-8.
  Status Breaks(std::string_view text, std::vector<std::size_t>& breaks) const;

  // The boundaries of Unicode's sentence rules alone (UAX #29, as ICU's
  // plain iterator for "en" finds them), before any suppression, in the
  // same form. Fails if `text` is not UTF-8.
  static Status PlainBreaks(std::string_view text, std::vector<std::size_t>& breaks);

  // How ICU's suppressions are kept: its list, split as its builder splits
  // it into words matched backwards from a break ("Mr.") and abbreviations
  // with an inner full stop, whose first part is matched backwards and the
  // whole forwards ("Ph." then "Ph.D."). UTF-8; sorted by bytes.
  struct Suppressions {
    std::vector<std::string> backwards;  // each reversed by code point
    std::vector<bool> partial;           // per backwards entry: its first part only
    std::vector<std::string> forwards;
  };

 private:
  explicit SentenceBreaker(const Suppressions& suppressions) : suppressions_(suppressions) {}
  // Whether ICU suppresses the plain break at byte `n` of `text`.
  bool SuppressedAt(std::string_view text, std::size_t n) const;

  const Suppressions& suppressions_;  // one for the process
};

}  // namespace stet

#endif  // STET_SRC_ANALYSIS_SENTENCE_BREAKS_H_
