// stet/segment.h: paragraphs and sentences of news text, as byte spans.
//
// Sentences come from ICU's sentence iterator for English with its
// standard break suppressions (en@ss=standard), with a layer of news
// abbreviations on top: titles (Gen., Sen., Gov.), initials (J.D.),
// months (Jan.), and dotted acronyms and times (U.S., p.m.) that ICU splits
// after when a capitalised word follows.
#ifndef STET_SEGMENT_H_
#define STET_SEGMENT_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "stet/status.h"

namespace stet {

// A half-open range of UTF-8 byte offsets into the text it was made from.
struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
};

// Paragraphs: runs of non-blank lines, split at every line break (news text
// as stored has one paragraph a line, or paragraphs separated by blank
// lines). Leading and trailing white space is not part of a span.
std::vector<Span> Paragraphs(std::string_view text);

// Sentences of `text`, in order, none crossing a paragraph; each span
// excludes surrounding white space, so text.substr(start, end - start) is
// the sentence. REQUIRES: valid UTF-8. Fails only if ICU's break rules
// cannot be loaded.
Result<std::vector<Span>> Sentences(std::string_view text);

}  // namespace stet

#endif  // STET_SEGMENT_H_
