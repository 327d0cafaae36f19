// Spans of a text as sets of positions, for the claim comparison: whether
// two meet, whether one lies in any of several, the span covering two.
#ifndef STET_SRC_ANALYSIS_SPAN_SETS_H_
#define STET_SRC_ANALYSIS_SPAN_SETS_H_

#include <algorithm>
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

}  // namespace stet

#endif  // STET_SRC_ANALYSIS_SPAN_SETS_H_
