// stet/segment.h: paragraphs and sentences of news text, as byte spans.
//
// Sentences come from ICU's sentence iterator for English with its
// standard break suppressions (en@ss=standard), with a layer of news rules
// on top: titles (Gen., Sen., Gov.), initials (J.D.), months (Jan.), dotted
// acronyms and times (U.S., p.m.) that ICU splits after when a capitalised
// word follows; lists written on one line; full stops glued to the next
// word; footnote marks; spaced ellipses; a quotation ending in "?" or "!"
// before its lower-case attribution. Tokens are words and punctuation
// marks with byte offsets and a hash of their matching form.
#ifndef STET_SEGMENT_H_
#define STET_SEGMENT_H_

#include <cstddef>
#include <cstdint>
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
// the sentence. REQUIRES: valid UTF-8. Fails only if ICU's break rules
// cannot be loaded.
Result<std::vector<Span>> Sentences(std::string_view text);

// A word or a punctuation mark, as compared when two revisions are aligned.
struct Token {
  Span span;              // the original bytes
  std::uint64_t key = 0;  // XXH3-64 of MatchingForm of those bytes
  bool word = false;      // letters or digits, else one punctuation mark
};

// The tokens of text[within]: words are runs of letters, digits and
// combining marks, joined across an apostrophe or hyphen between letters
// ("don't", "G-7", "nearly three-year-long"), a point or comma between
// digits ("3.5", "1,000") and the points of single-letter acronyms ("U.S");
// every other non-space character is a token of its own. White space is not
// a token. REQUIRES: valid UTF-8, `within` inside `text`.
std::vector<Token> Tokens(std::string_view text, Span within);

// A text's sentences and the tokens of each: the segmentation every
// analysis (comparison, quotes, claims) starts from, made once per text.
struct SegmentedText {
  std::vector<Span> sentences;
  std::vector<std::vector<Token>> tokens;  // per sentence
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
