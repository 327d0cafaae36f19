// The tokens of a sentence and its key, as a SegmentedText keeps them.
#ifndef STET_ANALYSIS_KEYED_TOKENS_H_
#define STET_ANALYSIS_KEYED_TOKENS_H_

#include <string_view>

#include "stet/segment.h"

namespace stet {

// Appends Tokens(text, sentence) to segmented.tokens and the sentence's key
// to segmented.sentence_keys, made in one reading: the key needs every
// token's TokenKey, which a Token does not keep.
void AppendKeyedTokens(std::string_view text, Span sentence, SegmentedText& segmented);

}  // namespace stet

#endif  // STET_ANALYSIS_KEYED_TOKENS_H_
