// The words of a text's sentences as attribution reads them, made when
// first asked for and let go once the reader has moved on.
#ifndef STET_SRC_ANALYSIS_SENTENCE_WORDS_H_
#define STET_SRC_ANALYSIS_SENTENCE_WORDS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "analysis/attribution.h"
#include "stet/segment.h"

namespace stet {

class SentenceWords {
 public:
  // `quoted`: every quotation with its marks, in text order. All must
  // outlive this.
  SentenceWords(std::string_view text, const SegmentedText& segmented,
                const std::vector<Span>& quoted);

  // The words of sentence `s`. Quoted words are never names, roles or cues
  // of the writer's sentence: each quotation stands in as its two marks,
  // which is all that clause boundaries need. Valid until Forget of `s`.
  const std::vector<attribution::Word>& Of(std::size_t s) const;

  // Lets go of sentence `s`'s words; asked for again, they are made again,
  // the same.
  void Forget(std::size_t s);
  // Lets go of the words of sentences more than a few (8) before `s`: a
  // reader that goes through the text in order and looks only a few
  // sentences back (pronouns three, gender evidence four) seldom asks for
  // them again. Kept, the words were 4 MB of a 300k-word diff's peak memory.
  void ForgetBefore(std::size_t s);

 private:
  static constexpr std::size_t kKeptBehind = 8;

  std::string_view text_;
  const SegmentedText& segmented_;
  const std::vector<Span>& quoted_;
  mutable std::vector<std::vector<attribution::Word>> words_;
  mutable std::vector<bool> made_;
  mutable std::vector<Token> outside_scratch_;  // Of's, kept for their capacity
  mutable std::vector<Span> skipped_scratch_;
  std::size_t forgotten_upto_ = 0;
};

}  // namespace stet

#endif  // STET_SRC_ANALYSIS_SENTENCE_WORDS_H_
