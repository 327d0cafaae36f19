// Spans of a text as sets of positions, for the claim comparison: whether
// two meet, whether one lies in any of several, the span covering two,
// the spans meeting one and how much of it they cover.
#ifndef STET_SRC_ANALYSIS_SPAN_SETS_H_
#define STET_SRC_ANALYSIS_SPAN_SETS_H_

#include <algorithm>
#include <cstddef>
#include <vector>

#include "stet/segment.h"

namespace stet {

// Whether two spans meet; an empty span (an insertion point) meets the
// spans it touches.
inline bool Overlaps(Span a, Span b) {
  if (a.start == a.end) return a.start >= b.start && a.start <= b.end;
  if (b.start == b.end) return b.start >= a.start && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

// Whether `span` lies within one of `spans`.
inline bool WithinAny(Span span, const std::vector<Span>& spans) {
  return std::any_of(spans.begin(), spans.end(), [&](Span outer) {
    return span.start >= outer.start && span.end <= outer.end;
  });
}

// The span covering both; an empty span (nothing yet, or the insertion
// point of a pure insertion) adds nothing, so it cannot stretch the other
// back to offset 0 or to a far-away point.
inline Span Union(Span a, Span b) {
  if (a.start == a.end) return b;
  if (b.start == b.end) return a;
  return {std::min(a.start, b.start), std::max(a.end, b.end)};
}

// The spans of `spans` that meet `within` (a sentence's quotations).
inline std::vector<Span> Meeting(Span within, const std::vector<Span>& spans) {
  std::vector<Span> out;
  for (Span span : spans) {
    if (span.start < within.end && within.start < span.end) out.push_back(span);
  }
  return out;
}

// Whether a non-empty `span` lies within one of `spans`.
inline bool InsideAny(Span span, const std::vector<Span>& spans) {
  return span.end > span.start && WithinAny(span, spans);
}

// How much of `within` the spans cover, 0..1 (how much of a sentence is
// quoted words). REQUIRES: `spans` do not overlap.
inline double CoveredShare(Span within, const std::vector<Span>& spans) {
  std::size_t covered = 0;
  for (Span span : spans) {
    const std::size_t start = std::max(span.start, within.start);
    const std::size_t end = std::min(span.end, within.end);
    if (end > start) covered += end - start;
  }
  return within.end > within.start
             ? static_cast<double>(covered) / static_cast<double>(within.end - within.start)
             : 0;
}

}  // namespace stet

#endif  // STET_SRC_ANALYSIS_SPAN_SETS_H_
