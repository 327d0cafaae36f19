// Readability.js's text lengths, composed from the children's.
#include "web/text_length.h"

#include <cstdint>
#include <string_view>

namespace stet::html {
namespace {

// What Readability.js's _getInnerText length needs to know of a stretch of
// text: its length trimmed with white space runs counted as one, in code
// points, and whether it has white space at either end (a run between two
// stretches counts one). So a parent's length is its children's, joined:
// computing every element's costs one pass over the tree, not one per
// ancestor.
struct TextSpan {
  std::size_t length = 0;
  bool blank = true;  // no text but white space (or nothing)
  bool space_before = false;
  bool space_after = false;
};

TextSpan Join(const TextSpan& a, const TextSpan& b) {
  if (a.blank && b.blank) {
    return {0, true, a.space_before || b.space_before, a.space_after || b.space_after};
  }
  if (a.blank) return {b.length, false, a.space_before || b.space_before, b.space_after};
  if (b.blank) return {a.length, false, a.space_before, a.space_after || b.space_before};
  return {a.length + b.length + (a.space_after || b.space_before ? 1 : 0), false, a.space_before,
          b.space_after};
}

TextSpan SpanOfText(const xmlNode* text) {
  TextSpan span;
  if (!text->content) return span;
  const std::string_view s(reinterpret_cast<const char*>(text->content));
  bool pending_space = false;
  for (std::size_t i = 0; i < s.size();) {
    if (const std::size_t n = SpaceLength(s, i)) {
      if (span.blank) span.space_before = true;
      pending_space = true;
      i += n;
      continue;
    }
    if (pending_space && !span.blank) ++span.length;
    pending_space = false;
    span.blank = false;
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++span.length;
    ++i;
  }
  span.space_after = pending_space;
  if (span.blank) span.space_after = span.space_before;
  return span;
}

// Elements remember their span in libxml2's field for the application's use,
// with the generation it was computed in: a removal forgets the removed
// node's ancestors' spans, a new generation forgets all (after the article
// is assembled from moved nodes). One extraction runs on one thread.
// 24 bits of generation (a page would need 16 million removals of replaced
// nodes for one to come round again), 3 of flags, 37 of length.
static_assert(sizeof(std::uintptr_t) == 8, "a span is packed into a 64-bit pointer");
thread_local std::uintptr_t span_generation = 1;
constexpr int kGenerationBits = 24, kLengthShift = 3;
constexpr std::uintptr_t kGenerationMask = (std::uintptr_t{1} << kGenerationBits) - 1;

TextSpan SpanOf(const xmlNode* node) {
  if (IsText(node)) return SpanOfText(node);
  if (!IsElement(node)) return {};
  const auto stored = reinterpret_cast<std::uintptr_t>(node->_private);
  if (stored != 0 && (stored & kGenerationMask) == span_generation) {
    const std::uintptr_t bits = stored >> kGenerationBits;
    return {bits >> kLengthShift, (bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0};
  }
  TextSpan span;
  for (const xmlNode* child = node->children; child; child = child->next) {
    span = Join(span, SpanOf(child));
  }
  const std::uintptr_t bits = span.length << kLengthShift | std::uintptr_t{span.blank} |
                              std::uintptr_t{span.space_before} << 1 |
                              std::uintptr_t{span.space_after} << 2;
  const_cast<xmlNode*>(node)->_private =
      reinterpret_cast<void*>(bits << kGenerationBits | span_generation);
  return span;
}

}  // namespace

std::size_t InnerTextLength(const xmlNode* node) {
  return SpanOf(node).length;
}

std::string InnerText(const xmlNode* node) {
  return CollapseSpaces(TextContent(node));
}

bool HasText(const xmlNode* node) {
  xmlNode* root = const_cast<xmlNode*>(node);
  for (xmlNode* at = root->children; at; at = NextInTree(at, root)) {
    if (!IsText(at) || !at->content) continue;
    const std::string_view s(reinterpret_cast<const char*>(at->content));
    for (std::size_t i = 0; i < s.size();) {
      const std::size_t n = SpaceLength(s, i);
      if (n == 0) return true;
      i += n;
    }
  }
  return false;
}

bool ShortText(const xmlNode* node, std::size_t limit, std::string& out) {
  std::string raw;
  xmlNode* root = const_cast<xmlNode*>(node);
  for (xmlNode* at = root->children; at; at = NextInTree(at, root)) {
    if (IsText(at) && at->content) {
      raw += reinterpret_cast<const char*>(at->content);
      if (raw.size() > limit * 2 + 64) return false;
    }
  }
  out = CollapseSpaces(raw);
  return out.size() <= limit;
}

void ForgetLengthsAbove(xmlNode* node) {
  for (xmlNode* above = node->parent; above; above = above->parent) above->_private = nullptr;
}

void ForgetAllLengths() {
  span_generation = span_generation % kGenerationMask + 1;  // never 0: 0 is "unknown"
}

}  // namespace stet::html
