// Longest common subsequence over hashes.
//
// Why Debian's dtl: issue 3 asked for libgit2's diff (git_diff_buffers with
// patience or histogram on one token a line) and dtl to be tried before
// writing one. bench/diff/engines.cpp measures them on the same token
// sequences (docs/performance.md): dtl's O(NP) algorithm (Wu, Manber, Myers
// and Miller) gives the shortest edit script and was the fastest, because
// git_diff_buffers must format every token as a text line, re-hash it and
// report hunks through callbacks; patience and histogram are also not
// minimal, which the O(n*m) oracle test catches.
//
// dtl's cost grows with the product of length and edit distance, so long
// sequences with many edits (a rewritten 100k-word article) are first cut at
// anchors: elements that occur once on each side, kept when they are in the
// same order (a longest increasing subsequence, as in patience diff).
#include "analysis/sequence_diff.h"

#include <dtl/dtl.hpp>

#include <algorithm>

namespace stet {
namespace {

// Below this many elements (both sides together, after trimming the common
// ends) dtl runs on the whole middle.
constexpr std::size_t kDirectLimit = 2048;

void Exact(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b, std::size_t a_offset,
           std::size_t b_offset, std::vector<IndexPair>& out) {
  if (a.empty() || b.empty()) return;
  const std::vector<std::uint64_t> left(a.begin(), a.end());
  const std::vector<std::uint64_t> right(b.begin(), b.end());
  dtl::Diff<std::uint64_t, std::vector<std::uint64_t>> diff(left, right);
  diff.compose();
  for (const auto& [element, info] : diff.getSes().getSequence()) {
    if (info.type == dtl::SES_COMMON) {
      out.push_back({a_offset + static_cast<std::size_t>(info.beforeIdx - 1),
                     b_offset + static_cast<std::size_t>(info.afterIdx - 1)});
    }
  }
}

// Pairs of elements unique on both sides, in a-order, reduced to a longest
// run increasing in b (patience sorting, O(k log k)). The elements are
// counted by sorting one array of both sides rather than in a hash map: a
// node per distinct element was most of the memory of aligning two long
// revisions' sentences.
std::vector<IndexPair> UniqueAnchors(std::span<const std::uint64_t> a,
                                     std::span<const std::uint64_t> b) {
  struct Element {
    std::uint64_t key;
    std::size_t index;  // in a, or in b with kInB added
  };
  constexpr std::size_t kInB = std::size_t{1} << 63;
  std::vector<Element> elements;
  elements.reserve(a.size() + b.size());
  for (std::size_t i = 0; i < a.size(); ++i) elements.push_back({a[i], i});
  for (std::size_t j = 0; j < b.size(); ++j) elements.push_back({b[j], j | kInB});
  // Equal keys stay in input order, so a's element comes before b's.
  std::sort(elements.begin(), elements.end(), [](const Element& x, const Element& y) {
    return x.key != y.key ? x.key < y.key : x.index < y.index;
  });
  std::vector<IndexPair> candidates;
  for (std::size_t k = 0; k < elements.size();) {
    std::size_t end = k + 1;
    while (end < elements.size() && elements[end].key == elements[k].key) ++end;
    if (end - k == 2 && elements[k].index < kInB && elements[k + 1].index >= kInB) {
      candidates.push_back({elements[k].index, elements[k + 1].index - kInB});
    }
    k = end;
  }
  std::sort(candidates.begin(), candidates.end(),
            [](const IndexPair& x, const IndexPair& y) { return x.a < y.a; });
  // Longest increasing subsequence in b.
  std::vector<std::size_t> tails;  // candidate index ending the best run of each length
  std::vector<std::size_t> previous(candidates.size(), SIZE_MAX);
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    auto slot =
        std::lower_bound(tails.begin(), tails.end(), candidates[k].b,
                         [&](std::size_t t, std::size_t value) { return candidates[t].b < value; });
    if (slot != tails.begin()) previous[k] = *(slot - 1);
    if (slot == tails.end()) {
      tails.push_back(k);
    } else {
      *slot = k;
    }
  }
  std::vector<IndexPair> anchors;
  for (std::size_t k = tails.empty() ? SIZE_MAX : tails.back(); k != SIZE_MAX; k = previous[k]) {
    anchors.push_back(candidates[k]);
  }
  std::reverse(anchors.begin(), anchors.end());
  return anchors;
}

// The common subsequence of a and b, appended to `out` in order: common
// prefix and suffix, then unique anchors splitting the middle into gaps,
// each solved the same way. The gaps are kept on a stack of their own
// rather than the call stack: the input decides how often a gap splits.
void Solve(std::span<const std::uint64_t> a_all, std::span<const std::uint64_t> b_all,
           std::vector<IndexPair>& out) {
  // Either a gap to solve, or a run of `count` matched pairs to emit.
  struct Task {
    std::span<const std::uint64_t> a, b;
    std::size_t a_offset = 0, b_offset = 0;
    std::size_t count = 0;  // > 0: a run of pairs from (a_offset, b_offset)
  };
  std::vector<Task> tasks{{a_all, b_all, 0, 0, 0}};
  while (!tasks.empty()) {
    const Task task = tasks.back();
    tasks.pop_back();
    if (task.count > 0) {
      for (std::size_t k = 0; k < task.count; ++k) {
        out.push_back({task.a_offset + k, task.b_offset + k});
      }
      continue;
    }
    const auto a = task.a, b = task.b;
    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) {
      out.push_back({task.a_offset + prefix, task.b_offset + prefix});
      ++prefix;
    }
    std::size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
      ++suffix;
    }
    const auto middle_a = a.subspan(prefix, a.size() - prefix - suffix);
    const auto middle_b = b.subspan(prefix, b.size() - prefix - suffix);
    const std::size_t mid_a_offset = task.a_offset + prefix, mid_b_offset = task.b_offset + prefix;
    std::vector<IndexPair> anchors;
    if (middle_a.size() + middle_b.size() > kDirectLimit) {
      anchors = UniqueAnchors(middle_a, middle_b);
    }
    // Pushed in reverse: the suffix is emitted last.
    if (suffix > 0) {
      tasks.push_back(
          {{}, {}, task.a_offset + a.size() - suffix, task.b_offset + b.size() - suffix, suffix});
    }
    if (anchors.empty()) {
      // Exact appends straight to `out`: everything pushed above comes after it.
      Exact(middle_a, middle_b, mid_a_offset, mid_b_offset, out);
      continue;
    }
    std::size_t to_a = middle_a.size(), to_b = middle_b.size();
    for (auto anchor = anchors.rbegin(); anchor != anchors.rend(); ++anchor) {
      tasks.push_back({middle_a.subspan(anchor->a + 1, to_a - anchor->a - 1),
                       middle_b.subspan(anchor->b + 1, to_b - anchor->b - 1),
                       mid_a_offset + anchor->a + 1, mid_b_offset + anchor->b + 1, 0});
      tasks.push_back({{}, {}, mid_a_offset + anchor->a, mid_b_offset + anchor->b, 1});
      to_a = anchor->a;
      to_b = anchor->b;
    }
    tasks.push_back(
        {middle_a.subspan(0, to_a), middle_b.subspan(0, to_b), mid_a_offset, mid_b_offset, 0});
  }
}

}  // namespace

std::vector<IndexPair> CommonSubsequence(std::span<const std::uint64_t> a,
                                         std::span<const std::uint64_t> b) {
  std::vector<IndexPair> pairs;
  Solve(a, b, pairs);
  return pairs;
}

}  // namespace stet
