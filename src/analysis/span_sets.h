// Spans of a text as sets of positions, for the claim comparison: whether
// two meet, whether one lies in any of several, the span covering two,
// the spans meeting one and how much of it they cover; and the words a
// span holds.
#ifndef STET_SRC_ANALYSIS_SPAN_SETS_H_
#define STET_SRC_ANALYSIS_SPAN_SETS_H_

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "stet/segment.h"

namespace stet {

// The bytes of `text` that `span` covers, in place.
inline std::string_view SpanText(std::string_view text, Span span) {
  return text.substr(span.start, span.end - span.start);
}

// The same, as a string to join with others ("Corran Power -> Atlantis
// Wind").
inline std::string Slice(std::string_view text, Span span) {
  return std::string(SpanText(text, span));
}

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

// A list of spans searched by binary search when it is in text order
// (starts and ends both non-decreasing, as a text's quotations are), span
// by span otherwise: a claim comparison asks for the quotations meeting
// each edited sentence, and a scan of every quotation made that quadratic
// in the length of the text. Answers are those of the scan, in list order.
class SpanIndex {
 public:
  explicit SpanIndex(std::vector<Span> spans) : spans_(std::move(spans)) {
    for (std::size_t k = 1; k < spans_.size(); ++k) {
      if (spans_[k].start < spans_[k - 1].start || spans_[k].end < spans_[k - 1].end)
        ordered_ = false;
    }
  }

  const std::vector<Span>& spans() const { return spans_; }

  // Meeting(within, spans()).
  std::vector<Span> Meeting(Span within) const {
    if (!ordered_) return stet::Meeting(within, spans_);
    // Spans starting before within.end are a prefix, spans ending after
    // within.start a suffix; those meeting it are where the two overlap.
    const auto first = std::upper_bound(spans_.begin(), spans_.end(), within.start,
                                        [](std::size_t at, Span span) { return at < span.end; });
    const auto last = std::lower_bound(first, spans_.end(), within.end,
                                       [](Span span, std::size_t at) { return span.start < at; });
    return {first, last};
  }

  // The index of the first span holding all of `span` (start and end
  // inside it), or spans().size() when none does.
  std::size_t FirstHolding(Span span) const {
    if (!ordered_) {
      for (std::size_t k = 0; k < spans_.size(); ++k) {
        if (span.start >= spans_[k].start && span.end <= spans_[k].end) return k;
      }
      return spans_.size();
    }
    const auto first = std::lower_bound(spans_.begin(), spans_.end(), span.end,
                                        [](Span outer, std::size_t at) { return outer.end < at; });
    if (first == spans_.end() || first->start > span.start) return spans_.size();
    return static_cast<std::size_t>(first - spans_.begin());
  }

 private:
  std::vector<Span> spans_;
  bool ordered_ = true;
};

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
