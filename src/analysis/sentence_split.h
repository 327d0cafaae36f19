// The sentence splitter of one paragraph (stet/segment.h), shared by
// Segment and SegmentBeside.
#ifndef STET_SRC_ANALYSIS_SENTENCE_SPLIT_H_
#define STET_SRC_ANALYSIS_SENTENCE_SPLIT_H_

#include <string_view>
#include <vector>

#include "analysis/sentence_breaks.h"
#include "stet/segment.h"
#include "stet/status.h"

namespace stet {

// Appends the sentences of text[paragraph] (a span of Paragraphs(text)) to
// `sentences`. They depend on the paragraph's bytes alone, not on the text
// around it. REQUIRES: valid UTF-8.
Status AppendSentences(const SentenceBreaker& breaker, std::string_view text, Span paragraph,
                       std::vector<Span>& sentences);

}  // namespace stet

#endif  // STET_SRC_ANALYSIS_SENTENCE_SPLIT_H_
