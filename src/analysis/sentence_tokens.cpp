// SentenceTokens: one array of a text's own tokens, and views of its other
// revision's for the sentences the two share (include/stet/segment.h).
#include "stet/segment.h"

#include <algorithm>

namespace stet {

TokenRange SentenceTokens::operator[](std::size_t sentence) const {
  const Sentence& at = sentences_[sentence];
  const Pool& pool = *PoolOf(at.pool);
  if ((at.pool & kWide) != 0) return {pool.wide.data() + at.first, at.size, at.shift};
  return {pool.packed.data() + at.first, at.size, at.shift};
}

void SentenceTokens::Reserve(std::size_t sentences, std::size_t tokens) {
  sentences_.reserve(sentences_.size() + sentences);
  Pool& own = OwnForWriting();
  own.packed.reserve(own.packed.size() + tokens);
}

void SentenceTokens::Append(TokenRange tokens) {
  Pool& own = OwnForWriting();
  const std::uint32_t base =
      tokens.empty() ? 0 : static_cast<std::uint32_t>(tokens.front().span().start);
  const bool packs = std::all_of(tokens.begin(), tokens.end(),
                                 [&](Token token) { return packed_token::Fits(token, base); });
  if (!packs) {
    sentences_.push_back({static_cast<std::uint32_t>(own.wide.size()),
                          static_cast<std::uint32_t>(tokens.size()), 0, kWide});
    own.wide.insert(own.wide.end(), tokens.begin(), tokens.end());
    return;
  }
  sentences_.push_back({static_cast<std::uint32_t>(own.packed.size()),
                        static_cast<std::uint32_t>(tokens.size()), base, 0});
  for (Token token : tokens) own.packed.push_back(packed_token::Pack(token, base));
}

void SentenceTokens::AppendShared(const SentenceTokens& other, std::size_t sentence,
                                  std::size_t shift) {
  Sentence shared = other.sentences_[sentence];
  shared.pool = PoolIndex(other.PoolOf(shared.pool)) | (shared.pool & kWide);
  shared.shift += static_cast<std::uint32_t>(shift);  // wraps as Token::Moved does
  sentences_.push_back(shared);
}

void SentenceTokens::ShrinkToFit() {
  // Room never written costs address space, not memory; a copy to the exact
  // size is worth it only when more than an eighth is unused (growth by
  // doubling leaves up to half; Segment's reserve for news, a tenth or so).
  auto shrink = [](auto& vector) {
    if (vector.capacity() - vector.size() > vector.capacity() / 8) vector.shrink_to_fit();
  };
  if (own_ && own_.use_count() == 1) {
    shrink(own_->packed);
    shrink(own_->wide);
  }
  shrink(sentences_);
}

std::uint32_t SentenceTokens::PoolIndex(const std::shared_ptr<Pool>& pool) {
  // A text views one other revision's arrays, one or two of them: a list
  // searched from the start is enough.
  if (pool == own_) return 0;
  for (std::uint32_t k = 0; k < shared_.size(); ++k) {
    if (shared_[k] == pool) return k + 1;
  }
  shared_.push_back(pool);
  return static_cast<std::uint32_t>(shared_.size());
}

SentenceTokens::Pool& SentenceTokens::OwnForWriting() {
  // Another text may view this array (a copy of this one, or a revision
  // segmented beside it): it must not move under that text's ranges.
  if (!own_) {
    own_ = std::make_shared<Pool>();
  } else if (own_.use_count() > 1) {
    own_ = std::make_shared<Pool>(*own_);
  }
  return *own_;
}

}  // namespace stet
