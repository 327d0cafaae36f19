// The claim parts of one sentence, for stet/claims.h: what FindClaims
// returns per sentence and what CompareClaims reads for the sentences that
// changed, plus the word tests both need.
#ifndef STET_SRC_ANALYSIS_CLAIM_PARTS_H_
#define STET_SRC_ANALYSIS_CLAIM_PARTS_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "stet/claims.h"
#include "stet/segment.h"

namespace stet::claim_parts {

// The claim parts of sentence `s` of a segmented text.
Claim ClaimOf(std::string_view text, const SegmentedText& segmented, std::size_t s);

// The claims of one text, made per sentence when first asked for: a diff
// needs only the sentences that changed. A pointer per sentence, not an
// optional claim (176 bytes): at 12,000 sentences the empty slots were
// 2 MB of memory touched for nothing.
class LazyClaims {
 public:
  LazyClaims(std::string_view text, const SegmentedText& segmented)
      : text_(text), segmented_(segmented), claims_(segmented.sentences.size(), nullptr) {}

  const Claim& operator[](std::size_t s) {
    if (claims_[s] == nullptr) {
      if (used_ == kBlock) {
        blocks_.push_back(std::make_unique<Claim[]>(kBlock));
        used_ = 0;
      }
      Claim& slot = blocks_.back()[used_++];
      slot = claim_parts::ClaimOf(text_, segmented_, s);
      claims_[s] = &slot;
    }
    return *claims_[s];
  }

 private:
  // Claims are kept eight to an allocation, which never moves: the
  // allocator was 15% of the claims' instructions, and one allocation a
  // claim a good part of it.
  static constexpr std::size_t kBlock = 8;

  std::string_view text_;
  const SegmentedText& segmented_;
  std::vector<const Claim*> claims_;  // of each sentence; null until made
  std::vector<std::unique_ptr<Claim[]>> blocks_;
  std::size_t used_ = kBlock;  // of the last block
};

// The claim parts of `sentences` (indexes into `claims`), as one claim: a
// split or merged sentence's parts on each side.
Claim Joined(LazyClaims& claims, const std::vector<std::size_t>& sentences);

// The claim of `sentences`: a sentence's own, read in place (nearly every
// edit's), or their parts joined into `joined`.
const Claim& OneClaim(LazyClaims& claims, const std::vector<std::size_t>& sentences, Claim& joined);

// The tokens of `sentences` of a text, as Segment made them, as one list:
// a sentence's own, read in place (nearly every edit's), or theirs joined
// into `joined`.
TokenRange JoinedTokens(const SegmentedText& text, const std::vector<std::size_t>& sentences,
                        std::vector<Token>& joined);

// Words that carry no claim of their own ("the", "and", "of", ...): a
// change made only of them is no claim edit. REQUIRES: lower case.
bool IsFunctionWord(std::string_view lower);

// A finite form of a reporting verb ("said", "tells", "reported").
// REQUIRES: lower case.
bool IsReportingWord(std::string_view lower);

// Starts with an ASCII capital.
bool IsUpper(std::string_view word);

// A plural noun's singular the simple way ("days" -> "day"), for units:
// `word` or its start.
std::string_view Singular(std::string_view word);

}  // namespace stet::claim_parts

#endif  // STET_SRC_ANALYSIS_CLAIM_PARTS_H_
