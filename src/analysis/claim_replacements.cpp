// Sentences replaced by others about the same thing
// (src/analysis/claim_replacements.h).
#include "analysis/claim_replacements.h"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <optional>

#include "analysis/claim_wording.h"

namespace stet::claim_replacements {
namespace {

// Content words two sentences share for them to be about the same thing.
constexpr std::size_t kSharedWords = 2;

std::size_t SharedWords(const std::vector<claim_wording::ContentWord>& a,
                        const std::vector<claim_wording::ContentWord>& b) {
  std::vector<claim_wording::ContentWord> shared;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(shared));
  return shared.size();
}

}  // namespace

std::vector<TextEdit> WithReplacements(const Comparison& comparison, std::string_view before,
                                       const SegmentedText& before_text, std::string_view after,
                                       const SegmentedText& after_text) {
  const std::vector<TextEdit>& edits = comparison.edits;
  std::vector<TextEdit> out;
  out.reserve(edits.size());
  std::vector<bool> taken(edits.size(), false);
  auto words_of = [](std::string_view text, const SegmentedText& segmented, std::size_t s) {
    return claim_wording::ContentKeys(text, segmented.tokens[s], {});
  };
  for (std::size_t i = 0; i < edits.size(); ++i) {
    if (taken[i]) continue;
    const TextEdit& edit = edits[i];
    if (edit.kind != EditKind::kRemoved && edit.kind != EditKind::kAdded) {
      out.push_back(edit);
      continue;
    }
    // The next sentence of the other kind, or the one after it when the
    // next is of this kind too (two removed, then two added), whichever
    // shares more words with it.
    const EditKind other_kind =
        edit.kind == EditKind::kRemoved ? EditKind::kAdded : EditKind::kRemoved;
    std::vector<std::size_t> candidates = {i + 1};
    if (i + 1 < edits.size() && edits[i + 1].kind == edit.kind) candidates.push_back(i + 2);
    std::optional<std::size_t> best;
    std::size_t best_shared = kSharedWords - 1;
    for (std::size_t j : candidates) {
      if (j >= edits.size() || taken[j] || edits[j].kind != other_kind) continue;
      const TextEdit& removed = edit.kind == EditKind::kRemoved ? edit : edits[j];
      const TextEdit& added = edit.kind == EditKind::kAdded ? edit : edits[j];
      const std::size_t shared =
          SharedWords(words_of(before, before_text, removed.before_sentences.front()),
                      words_of(after, after_text, added.after_sentences.front()));
      if (shared > best_shared) {
        best = j;
        best_shared = shared;
      }
    }
    if (!best) {
      out.push_back(edit);
      continue;
    }
    taken[*best] = true;
    const TextEdit& removed = edit.kind == EditKind::kRemoved ? edit : edits[*best];
    const TextEdit& added = edit.kind == EditKind::kAdded ? edit : edits[*best];
    TextEdit replaced;
    replaced.kind = EditKind::kEdited;
    replaced.before_sentences = removed.before_sentences;
    replaced.after_sentences = added.after_sentences;
    replaced.before = removed.before;
    replaced.after = added.after;
    replaced.words = DiffTokens(before_text.tokens[removed.before_sentences.front()],
                                after_text.tokens[added.after_sentences.front()]);
    out.push_back(std::move(replaced));
  }
  return out;
}

}  // namespace stet::claim_replacements
