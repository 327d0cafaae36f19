// Sentences replaced by others about the same thing
// (src/analysis/claim_replacements.h).
#include "analysis/claim_replacements.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "analysis/claim_numbers.h"
#include "analysis/claim_parts.h"
#include "analysis/claim_sources.h"
#include "analysis/claim_wording.h"
#include "analysis/sorted_keys.h"
#include "analysis/span_sets.h"
#include "analysis/structure.h"
#include "base/ascii.h"

namespace stet::claim_replacements {
namespace {

// Content words two sentences share for them to be about the same thing.
constexpr std::size_t kSharedWords = 2;
// Two short sentences in one place (at most this many content words each)
// need share only one: "Lyle has not been arrested." -> "She was arrested
// Thursday." is one statement turned, where two words shared would leave a
// claim removed and one added.
constexpr std::size_t kShortSentence = 4;

// A sentence's content words, each as its first five letters in lower
// case (packed in an integer): near enough to a stem to meet "Szabo's"
// and "Szabo", "surgery" and "surgeries", and cheap, for every sentence
// added or removed is weighed. Function words and reporting verbs are
// left out: every sentence has them. Numbers count whatever their length
// ("voted 38-21" and "backed ... by 38 votes to 21" are one vote), hashed
// with the top bit set (a prefix of five letters never sets it). Sorted.
std::vector<std::uint64_t> WordsOf(std::string_view text, TokenRange tokens) {
  std::vector<std::uint64_t> out;
  out.reserve(tokens.size());
  char lower[24];
  for (const Token& token : tokens) {
    const std::size_t length = token.span().end - token.span().start;
    const std::string_view written = text.substr(token.span().start, length);
    constexpr std::string_view kDigits = "0123456789";
    if (token.word() && !written.empty() && written.front() >= '0' && written.front() <= '9') {
      // Each run of digits ("38-21" is 38 and 21), marked apart from words.
      for (std::size_t k = written.find_first_of(kDigits); k != std::string_view::npos;) {
        const std::size_t end = written.find_first_not_of(kDigits, k);
        const std::string_view digits = written.substr(k, end - k);
        out.push_back(XXH3_64bits(digits.data(), digits.size()) | (std::uint64_t{1} << 63));
        k = written.find_first_of(kDigits, end);
      }
      continue;
    }
    if (!token.word() || length < 3 || length > sizeof lower) continue;
    LowerAsciiInto(lower, written);
    const std::string_view word(lower, length);
    if (claim_parts::IsFunctionWord(word) || claim_parts::IsReportingWord(word)) continue;
    std::uint64_t prefix = 0;
    for (std::size_t k = 0; k < std::min<std::size_t>(length, 5); ++k) {
      prefix = prefix << 8 | static_cast<unsigned char>(lower[k]);
    }
    out.push_back(prefix);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::vector<Replacement> Replacements(const Comparison& comparison, std::string_view before,
                                      const SegmentedText& before_text, std::string_view after,
                                      const SegmentedText& after_text) {
  const std::vector<TextEdit>& edits = comparison.edits;
  std::vector<Replacement> out;
  // Each added or removed sentence's words, read once (a sentence is
  // weighed against up to two neighbours).
  std::vector<std::optional<std::vector<std::uint64_t>>> words(edits.size());
  // A correction notice is a claim of its own kind, never a replacement.
  auto words_of = [&](std::size_t e) -> const std::vector<std::uint64_t>& {
    if (!words[e]) {
      const bool removed = edits[e].kind == EditKind::kRemoved;
      const std::string_view text = removed ? before : after;
      const SegmentedText& segmented = removed ? before_text : after_text;
      const std::size_t s =
          removed ? edits[e].before_sentences.front() : edits[e].after_sentences.front();
      const Span span = segmented.sentences[s];
      words[e] = structure::IsCorrectionNotice(text.substr(span.start, span.end - span.start))
                     ? std::vector<std::uint64_t>{}
                     : WordsOf(text, segmented.tokens[s]);
    }
    return *words[e];
  };
  std::vector<bool> taken(edits.size(), false);
  for (std::size_t i = 0; i < edits.size(); ++i) {
    const EditKind kind = edits[i].kind;
    if (taken[i] || (kind != EditKind::kRemoved && kind != EditKind::kAdded)) continue;
    // The next sentence of the other kind, or the one after it when the
    // next is of this kind too (two removed, then two added), whichever
    // shares more words with it.
    const EditKind other_kind = kind == EditKind::kRemoved ? EditKind::kAdded : EditKind::kRemoved;
    std::optional<std::size_t> best;
    std::size_t best_shared = kSharedWords - 1;
    for (std::size_t j = i + 1; j < edits.size() && j <= i + 2; ++j) {
      if (edits[j].kind == other_kind && !taken[j]) {
        const std::size_t shared = SharedKeys(words_of(i), words_of(j));
        const bool short_pair =
            words_of(i).size() <= kShortSentence && words_of(j).size() <= kShortSentence;
        if (shared > best_shared || (short_pair && shared >= 1 && !best)) {
          best = j;
          best_shared = shared;
        }
      }
      if (edits[j].kind != kind) break;  // only past one more of this kind
    }
    if (!best) continue;
    taken[i] = taken[*best] = true;
    const TextEdit& removed = kind == EditKind::kRemoved ? edits[i] : edits[*best];
    const TextEdit& added = kind == EditKind::kAdded ? edits[i] : edits[*best];
    Replacement replacement{i, *best, removed.before_sentences.front(),
                            added.after_sentences.front()};
    out.push_back(std::move(replacement));
  }
  return out;
}

std::vector<ClaimChange> CompareReplaced(const ReplacedSide& before, const ReplacedSide& after) {
  std::vector<ClaimChange> out;
  auto make = [&](ClaimChangeKind kind, Span b, Span a, std::string detail) {
    ClaimChange change;
    change.kind = kind;
    change.before = b;
    change.after = a;
    change.before_sentence = static_cast<int>(before.claim.sentence);
    change.after_sentence = static_cast<int>(after.claim.sentence);
    change.detail = std::move(detail);
    out.push_back(std::move(change));
  };
  // The markers of one kind outside quotations, together, and how many.
  struct Markers {
    Span span{};
    int count = 0;
  };
  auto outside = [](const std::vector<Span>& markers, const std::vector<Span>& quotes) {
    Markers found;
    for (Span marker : markers) {
      if (WithinAny(marker, quotes)) continue;
      found.span = found.count == 0 ? marker : Union(found.span, marker);
      ++found.count;
    }
    return found;
  };
  if (const std::optional<claim_numbers::ValueChange> values = claim_numbers::ChangedValues(
          before.text, before.claim.quantities,
          structure::EntryTimeEnd(before.text, before.claim.span), after.text,
          after.claim.quantities, structure::EntryTimeEnd(after.text, after.claim.span))) {
    make(ClaimChangeKind::kNumberChanged, values->before, values->after, values->detail);
  }
  const Markers negations_before = outside(before.claim.negations, before.quotes);
  const Markers negations_after = outside(after.claim.negations, after.quotes);
  if ((negations_before.count > 0) != (negations_after.count > 0)) {
    make(ClaimChangeKind::kNegationChanged, negations_before.span, negations_after.span,
         negations_after.count > 0 ? "negation added" : "negation removed");
  }
  const Markers hedges_before = outside(before.claim.hedges, before.quotes);
  const Markers hedges_after = outside(after.claim.hedges, after.quotes);
  const Markers firm_before = outside(before.claim.firm, before.quotes);
  const Markers firm_after = outside(after.claim.firm, after.quotes);
  const int certainty_before = firm_before.count - hedges_before.count;
  const int certainty_after = firm_after.count - hedges_after.count;
  if (certainty_before != certainty_after) {
    make(ClaimChangeKind::kHedgeChanged, Union(hedges_before.span, firm_before.span),
         Union(hedges_after.span, firm_after.span),
         certainty_after > certainty_before ? "certainty up" : "certainty down");
  }
  if (const auto sources =
          claim_sources::ChangedSources(before.text, before.sources, before.claim.span, after.text,
                                        after.sources, after.claim.span)) {
    make(ClaimChangeKind::kSourceChanged, sources->first, sources->second, "");
  }
  // Nothing of its parts changed: the same claim re-told ("Signs mark the
  // boundary." -> "The boundary is marked by signs.", every content word
  // the other's or its synonym) is no change; else what it says did.
  if (out.empty() &&
      !claim_wording::IsRewording(before.text, before.tokens, after.text, after.tokens)) {
    make(ClaimChangeKind::kClaimEdited, before.claim.span, after.claim.span, "");
  }
  return out;
}

}  // namespace stet::claim_replacements
