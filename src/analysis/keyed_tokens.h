// The tokens of a sentence and its key, as a SegmentedText keeps them.
#ifndef STET_ANALYSIS_KEYED_TOKENS_H_
#define STET_ANALYSIS_KEYED_TOKENS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "stet/segment.h"

namespace stet {

struct KeyedTokens {
  std::vector<Token> tokens;
  std::uint64_t key = 0;  // SegmentedText::sentence_keys
};

// Tokens(text, sentence) and the sentence's key, made in one reading: the
// key needs every token's TokenKey, which a Token does not keep.
KeyedTokens KeyedTokensOf(std::string_view text, Span sentence);

}  // namespace stet

#endif  // STET_ANALYSIS_KEYED_TOKENS_H_
