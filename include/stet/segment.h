// stet/segment.h: paragraphs and sentences of news text, as byte spans.
//
// Sentences are ICU's for English with its standard break suppressions
// (en@ss=standard: Unicode's sentence rules, UAX #29, and no break after
// "Mr." or "Ph.D."), found without ICU's iterators, with a layer of news rules
// on top: titles (Gen., Sen., Gov.), initials (J.D.), months (Jan.), dotted
// acronyms and times (U.S., p.m.) that ICU splits after when a capitalised
// word follows; lists written on one line; full stops glued to the next
// word; footnote marks; spaced ellipses; a quotation ending in "?" or "!"
// before its lower-case attribution. Tokens are words and punctuation
// marks with byte offsets.
#ifndef STET_SEGMENT_H_
#define STET_SEGMENT_H_

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <string_view>
#include <vector>

#include "stet/status.h"

namespace stet {

// A half-open range of UTF-8 byte offsets into the text it was made from.
struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
};

// Paragraphs: news text as stored has one paragraph a line, or paragraphs
// separated by blank lines, so every line break ends a paragraph, except a
// break that wraps a sentence (the line ends in a letter, digit or comma
// and the next line starts with a lower-case letter). Leading and trailing
// white space is not part of a span.
std::vector<Span> Paragraphs(std::string_view text);

// Sentences of `text`, in order, none crossing a paragraph; each span
// excludes surrounding white space, so text.substr(start, end - start) is
// the sentence. Fails if `text` is not UTF-8.
Result<std::vector<Span>> Sentences(std::string_view text);

// A word or a punctuation mark, as compared when two revisions are aligned.
// Eight bytes (a SegmentedText keeps its tokens in four, PackedToken): at
// 32 (two size_t offsets, a padded flag), then 16 (with a hash of its
// matching form), they were half of a large diff's memory. Offsets are
// 32-bit (CheckText refuses texts of 2 GiB or more) and the flag is the end
// offset's top bit. The hash the aligner compares is TokenKey's, made from
// the bytes when it is needed: only the tokens of sentences that changed
// are ever compared one by one.
class Token {
 public:
  Token() = default;
  // REQUIRES: span.end < 2^31.
  Token(Span span, bool word)
      : start_(static_cast<std::uint32_t>(span.start)),
        end_and_word_(static_cast<std::uint32_t>(span.end) | (word ? kWordBit : 0)) {}

  // The original bytes.
  Span span() const { return {start_, end_and_word_ & ~kWordBit}; }
  // Letters or digits, else one punctuation mark.
  bool word() const { return (end_and_word_ & kWordBit) != 0; }
  // The same token `shift` bytes further on (a paragraph found elsewhere);
  // unsigned arithmetic wraps back for a move towards the start.
  Token Moved(std::size_t shift) const {
    Token moved = *this;
    moved.start_ += static_cast<std::uint32_t>(shift);
    moved.end_and_word_ += static_cast<std::uint32_t>(shift);
    return moved;
  }

 private:
  static constexpr std::uint32_t kWordBit = 0x80000000u;
  std::uint32_t start_ = 0;
  std::uint32_t end_and_word_ = 0;
};

// XXH3-64 of the MatchingForm of a token's bytes in `text`, the text it was
// made from: two tokens match when their keys are equal.
std::uint64_t TokenKey(std::string_view text, Token token);

// The tokens of text[within]: words are runs of letters, digits and
// combining marks, joined across an apostrophe or hyphen between letters
// ("don't", "G-7", "nearly three-year-long"), a point or comma between
// digits ("3.5", "1,000") and the points of single-letter acronyms ("U.S");
// every other non-space character is a token of its own. White space is not
// a token. REQUIRES: valid UTF-8, `within` inside `text`.
std::vector<Token> Tokens(std::string_view text, Span within);

// How a SentenceTokens array keeps a token of a sentence: four bytes, its
// start as an offset from its sentence's first token (low 16 bits), its
// length (15 bits) and the word flag (top bit). A segmented text keeps every
// token of both revisions through the whole analysis; at eight bytes (a
// Token) they were, after the texts, the largest part of a large diff's
// memory. A sentence that does not fit (64 KiB from its first token to its
// last, or a token of 32 KiB) keeps Tokens.
using PackedToken = std::uint32_t;

// PackedToken's layout, written by SentenceTokens and read by TokenRange.
namespace packed_token {
inline constexpr std::uint32_t kMaxOffset = 0xFFFFu;  // the low 16 bits
inline constexpr std::uint32_t kMaxLength = 0x7FFFu;  // the next 15
inline constexpr int kLengthShift = 16;
inline constexpr PackedToken kWordBit = 0x80000000u;

// Whether `token` fits packed in a sentence whose first token starts at
// `base`.
inline bool Fits(Token token, std::uint32_t base) {
  const Span span = token.span();
  return span.start - base <= kMaxOffset && span.end - span.start <= kMaxLength;
}
// REQUIRES: Fits(token, base).
inline PackedToken Pack(Token token, std::uint32_t base) {
  const Span span = token.span();
  return static_cast<PackedToken>(span.start - base) |
         static_cast<PackedToken>(span.end - span.start) << kLengthShift |
         (token.word() ? kWordBit : 0);
}
// The token again, at `base` plus its offset (modulo 2^32, as Token::Moved).
inline Token Unpack(PackedToken packed, std::uint32_t base) {
  const std::uint32_t start = (packed & kMaxOffset) + base;
  const std::uint32_t end = start + ((packed >> kLengthShift) & kMaxLength);
  return Token({start, end}, (packed & kWordBit) != 0);
}
}  // namespace packed_token

// Tokens in a row, read as values: a view of a vector of them, or of the
// tokens of one sentence of a SegmentedText, valid while what it views
// lives. A sentence a text shares with its other revision views that
// revision's tokens, each read moved to where the sentence stands.
class TokenRange {
 public:
  class Iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = Token;
    using difference_type = std::ptrdiff_t;
    using reference = Token;
    using pointer = void;

    Iterator() = default;
    Iterator(const TokenRange& range, difference_type at)
        : wide_(range.wide_), packed_(range.packed_), at_(at), shift_(range.shift_) {}
    Token operator*() const { return Read(wide_, packed_, shift_, at_); }
    Token operator[](difference_type k) const { return Read(wide_, packed_, shift_, at_ + k); }
    Iterator& operator++() { return ++at_, *this; }
    Iterator operator++(int) {
      Iterator before = *this;
      ++at_;
      return before;
    }
    Iterator& operator--() { return --at_, *this; }
    Iterator operator--(int) {
      Iterator before = *this;
      --at_;
      return before;
    }
    Iterator& operator+=(difference_type k) { return at_ += k, *this; }
    Iterator& operator-=(difference_type k) { return at_ -= k, *this; }
    Iterator operator+(difference_type k) const { return Iterator(*this) += k; }
    Iterator operator-(difference_type k) const { return Iterator(*this) -= k; }
    difference_type operator-(const Iterator& other) const { return at_ - other.at_; }
    bool operator==(const Iterator& other) const { return at_ == other.at_; }
    auto operator<=>(const Iterator& other) const { return at_ <=> other.at_; }

   private:
    const Token* wide_ = nullptr;
    const PackedToken* packed_ = nullptr;
    difference_type at_ = 0;
    std::uint32_t shift_ = 0;
  };

  TokenRange() = default;
  // Implicit: every function that reads a sentence's tokens also reads a
  // vector Tokens() made. The vector must outlive the range.
  TokenRange(const std::vector<Token>& tokens)  // NOLINT(google-explicit-constructor)
      : wide_(tokens.data()), size_(tokens.size()) {}
  // Tokens each read moved by `shift` bytes (modulo 2^32, as Token::Moved).
  TokenRange(const Token* first, std::size_t size, std::uint32_t shift)
      : wide_(first), size_(size), shift_(shift) {}
  // Packed tokens, each read at `shift` plus its offset.
  TokenRange(const PackedToken* first, std::size_t size, std::uint32_t shift)
      : packed_(first), size_(size), shift_(shift) {}

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  Token operator[](std::size_t k) const {
    return Read(wide_, packed_, shift_, static_cast<std::ptrdiff_t>(k));
  }
  Token front() const { return (*this)[0]; }
  Token back() const { return (*this)[size_ - 1]; }
  Iterator begin() const { return {*this, 0}; }
  Iterator end() const { return {*this, static_cast<std::ptrdiff_t>(size_)}; }

 private:
  // Exactly one of `wide` and `packed` is set (or neither, for no tokens).
  static Token Read(const Token* wide, const PackedToken* packed, std::uint32_t shift,
                    std::ptrdiff_t k) {
    if (wide != nullptr) return wide[k].Moved(shift);
    return packed_token::Unpack(packed[k], shift);
  }

  const Token* wide_ = nullptr;
  const PackedToken* packed_ = nullptr;
  std::size_t size_ = 0;
  std::uint32_t shift_ = 0;  // added to every offset read, modulo 2^32
};

// The tokens of each sentence of a text. One array holds a text's own
// tokens, and a sentence of a paragraph the text shares byte for byte with
// its other revision keeps no copy: it views that revision's array (held
// here too) with the bytes between the two places. A vector per sentence
// cost 40 bytes a sentence besides its tokens, and the newer text of a
// large diff copied most of the older one's tokens (docs/design.md).
class SentenceTokens {
 public:
  // Sentences.
  std::size_t size() const { return sentences_.size(); }
  bool empty() const { return sentences_.empty(); }
  TokenRange operator[](std::size_t sentence) const;
  // Tokens held in this text's own array, not viewed in another's.
  std::size_t OwnTokenCount() const { return own_ ? own_->packed.size() + own_->wide.size() : 0; }

  // Making them (Segment, SegmentBeside). Room for about `tokens` more of
  // this text's own tokens in `sentences` more sentences.
  void Reserve(std::size_t sentences, std::size_t tokens);
  // The next sentence's tokens, copied.
  void Append(TokenRange tokens);
  // The next sentence reads `other`'s sentence `sentence`, moved by `shift`
  // bytes (modulo 2^32, as Token::Moved).
  void AppendShared(const SentenceTokens& other, std::size_t sentence, std::size_t shift);
  // Gives back room Reserve or growth took when much of it is unused.
  void ShrinkToFit();

 private:
  struct Pool {
    std::vector<PackedToken> packed;
    std::vector<Token> wide;  // sentences too long to pack: rare
  };
  // A sentence's tokens: `size` of them from `first` in one pool's packed
  // array, each read at `shift` plus its offset, or (kWide) in its wide
  // array, each moved by `shift`.
  struct Sentence {
    std::uint32_t first = 0;
    std::uint32_t size = 0;
    std::uint32_t shift = 0;
    std::uint32_t pool = 0;  // 0: own_; k: shared_[k - 1]; or'ed with kWide
  };
  static constexpr std::uint32_t kWide = 0x80000000u;
  // Held too by the texts that view them; an array is never changed once
  // another holds it (Append copies it first), so their ranges stay valid.
  std::shared_ptr<Pool> own_;                  // none until the first Append
  std::vector<std::shared_ptr<Pool>> shared_;  // other texts' arrays viewed
  std::vector<Sentence> sentences_;

  const std::shared_ptr<Pool>& PoolOf(std::uint32_t pool) const {
    pool &= ~kWide;
    return pool == 0 ? own_ : shared_[pool - 1];
  }
  std::uint32_t PoolIndex(const std::shared_ptr<Pool>& pool);
  Pool& OwnForWriting();
};

// A text's sentences and the tokens of each: the segmentation every
// analysis (comparison, quotes, claims) starts from, made once per text.
struct SegmentedText {
  std::vector<Span> sentences;
  SentenceTokens tokens;  // per sentence
  // Per sentence, XXH3-64 of its tokens' TokenKeys in order: two sentences
  // with equal keys read the same once matching forms are taken.
  std::vector<std::uint64_t> sentence_keys;
};

// Sentences(text) and the Tokens of each. REQUIRES: valid UTF-8.
Result<SegmentedText> Segment(std::string_view text);

// Segment(text) for a text compared with `base`, its other revision, already
// segmented as `base_segmented`: a paragraph of `text` that is byte for byte
// a paragraph of `base` takes that paragraph's sentences and tokens, moved
// to where it stands, instead of being segmented again. Sentences never
// cross a paragraph and come from its bytes alone, so the result equals
// Segment(text); and most of a revision is paragraphs the one before had.
// REQUIRES: both valid UTF-8, base_segmented == Segment(base).
Result<SegmentedText> SegmentBeside(std::string_view text, std::string_view base,
                                    const SegmentedText& base_segmented);

}  // namespace stet

#endif  // STET_SEGMENT_H_
