#include "analysis/sentence_words.h"

#include <algorithm>

#include "analysis/quote_spans.h"

namespace stet {

using attribution::Word;

SentenceWords::SentenceWords(std::string_view text, const SegmentedText& segmented,
                             const std::vector<Span>& quoted)
    : text_(text),
      segmented_(segmented),
      quoted_(quoted),
      words_(segmented.tokens.size()),
      made_(segmented.tokens.size(), false) {}

const std::vector<Word>& SentenceWords::Of(std::size_t s) const {
  if (made_[s]) return words_[s];
  std::vector<Token>& outside = outside_scratch_;
  std::vector<Span>& skipped = skipped_scratch_;
  outside.clear();
  skipped.clear();
  auto next = std::lower_bound(quoted_.begin(), quoted_.end(), segmented_.sentences[s].start,
                               [](Span span, std::size_t value) { return span.end <= value; });
  for (const Token& token : segmented_.tokens[s]) {
    while (next != quoted_.end() && next->end <= token.span().start) ++next;
    const bool quoted =
        next != quoted_.end() && next->start <= token.span().start && token.span().end <= next->end;
    if (!quoted) {
      outside.push_back(token);
    } else if (skipped.empty() || skipped.back().start != next->start) {
      skipped.push_back(*next);
      outside.push_back(Token{*next, false});  // a placeholder, replaced below
    }
  }
  std::vector<Word> words = attribution::WordsFrom(text_, outside);
  std::vector<Word> with_marks;
  with_marks.reserve(words.size() + skipped.size());
  auto placeholder = skipped.begin();  // words and quotations are both in text order
  for (Word& word : words) {
    while (placeholder != skipped.end() && placeholder->start < word.span.start) ++placeholder;
    if (placeholder == skipped.end() || placeholder->start != word.span.start ||
        placeholder->end != word.span.end) {
      with_marks.push_back(std::move(word));
      continue;
    }
    Word open{{word.span.start, word.span.start}, kOpenCurly, std::string(kOpenCurly), false};
    Word close{{word.span.end, word.span.end}, kCloseCurly, std::string(kCloseCurly), false};
    open.quoted = close.quoted = true;
    with_marks.push_back(open);
    with_marks.push_back(close);
  }
  words_[s] = std::move(with_marks);
  made_[s] = true;
  return words_[s];
}

void SentenceWords::Forget(std::size_t s) {
  if (!made_[s]) return;
  std::vector<Word>().swap(words_[s]);
  made_[s] = false;
}

void SentenceWords::ForgetBefore(std::size_t s) {
  const std::size_t upto = s > kKeptBehind ? s - kKeptBehind : 0;
  for (; forgotten_upto_ < upto; ++forgotten_upto_) Forget(forgotten_upto_);
}

}  // namespace stet
