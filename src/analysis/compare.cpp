// Sentence alignment and word diffs between two revisions.
#include "stet/compare.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>
#include <unordered_map>

#include "analysis/sequence_diff.h"
#include "analysis/sorted_keys.h"

namespace stet {
namespace {

// Least share of words (Dice coefficient) for two neighbouring sentences to
// count as one sentence edited; a sentence found away from its place needs
// more, since position no longer vouches for the pairing.
constexpr double kEditedSimilarity = 0.4;
constexpr double kMovedSimilarity = 0.6;
constexpr std::size_t kMovedMinWords = 3;
// Gaps between exact matches are paired by dynamic programming over
// (sentences before) x (sentences after); larger gaps are cut into blocks
// of about this many sentences a side.
constexpr std::size_t kGapBlock = 200;
// A word shared by more sentences than this does not help find a moved one.
constexpr std::size_t kCommonWordPostings = 64;

// One text as the aligner sees it: its text and segmentation (borrowed),
// and per sentence, once exact matches are known, the sorted word keys of
// each sentence left without one.
struct Side {
  Side(std::string_view side_text, const SegmentedText& segmented)
      : text(side_text),
        sentences(segmented.sentences),
        tokens(segmented.tokens),
        keys(segmented.sentence_keys) {
    partner.assign(sentences.size(), std::nullopt);
  }

  // Fills `words` for the sentences without a partner, the only ones paired
  // by their words: most of a revision matches exactly, and the words of
  // every sentence were a third of the memory the tokens take.
  void SortWordsOfUnmatched() {
    words.resize(sentences.size());
    for (std::size_t s = 0; s < sentences.size(); ++s) {
      if (partner[s]) continue;
      for (const Token& token : tokens[s]) {
        if (token.word()) words[s].push_back(TokenKey(text, token));
      }
      std::sort(words[s].begin(), words[s].end());
    }
  }

  std::string_view text;
  const std::vector<Span>& sentences;
  const SentenceTokens& tokens;
  const std::vector<std::uint64_t>& keys;         // per sentence
  std::vector<std::vector<std::uint64_t>> words;  // sorted word keys per unmatched sentence
  std::vector<std::optional<std::size_t>> partner;
};

double Dice(std::size_t shared, std::size_t size_a, std::size_t size_b) {
  return size_a + size_b == 0
             ? 0.0
             : 2.0 * static_cast<double>(shared) / static_cast<double>(size_a + size_b);
}

std::vector<std::uint64_t> MergedWords(const std::vector<std::uint64_t>& a,
                                       const std::vector<std::uint64_t>& b) {
  std::vector<std::uint64_t> merged;
  merged.reserve(a.size() + b.size());
  std::merge(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(merged));
  return merged;
}

Span Cover(const std::vector<Span>& sentences, const std::vector<std::size_t>& indexes) {
  if (indexes.empty()) return {};
  return {sentences[indexes.front()].start, sentences[indexes.back()].end};
}

std::vector<Token> JoinedTokens(const Side& side, const std::vector<std::size_t>& indexes) {
  std::vector<Token> tokens;
  for (std::size_t index : indexes) {
    tokens.insert(tokens.end(), side.tokens[index].begin(), side.tokens[index].end());
  }
  return tokens;
}

class Aligner {
 public:
  Aligner(std::string_view before_text, const SegmentedText& before, std::string_view after_text,
          const SegmentedText& after)
      : a_(before_text, before), b_(after_text, after) {}

  Comparison Run() {
    MatchInPlace();
    MatchMovedExactly();
    a_.SortWordsOfUnmatched();
    b_.SortWordsOfUnmatched();
    PairGaps();
    MatchMovedEdited();
    AddRemainder();
    return Finish();
  }

 private:
  void Pair(EditKind kind, std::vector<std::size_t> before, std::vector<std::size_t> after) {
    TextEdit edit;
    edit.kind = kind;
    for (std::size_t i : before) a_.partner[i] = after.empty() ? SIZE_MAX : after.front();
    for (std::size_t j : after) b_.partner[j] = before.empty() ? SIZE_MAX : before.front();
    edit.before_sentences = std::move(before);
    edit.after_sentences = std::move(after);
    edits_.push_back(std::move(edit));
  }

  void MatchInPlace() {
    for (const IndexPair& pair : CommonSubsequence(a_.keys, b_.keys)) {
      a_.partner[pair.a] = pair.b;
      b_.partner[pair.b] = pair.a;
      in_place_.push_back(pair);
    }
    comparison_.unchanged = in_place_.size();
  }

  void MatchMovedExactly() {
    std::unordered_multimap<std::uint64_t, std::size_t> unmatched_after;
    for (std::size_t j = 0; j < b_.keys.size(); ++j) {
      if (!b_.partner[j]) unmatched_after.emplace(b_.keys[j], j);
    }
    if (unmatched_after.empty()) return;
    for (std::size_t i = 0; i < a_.keys.size(); ++i) {
      if (a_.partner[i]) continue;
      auto found = unmatched_after.find(a_.keys[i]);
      if (found == unmatched_after.end()) continue;
      Pair(EditKind::kMoved, {i}, {found->second});
      unmatched_after.erase(found);
    }
  }

  // The sentences between consecutive in-place matches, paired by words.
  void PairGaps() {
    std::size_t from_a = 0, from_b = 0;
    auto gap = [&](std::size_t to_a, std::size_t to_b) {
      std::vector<std::size_t> left, right;
      for (std::size_t i = from_a; i < to_a; ++i)
        if (!a_.partner[i]) left.push_back(i);
      for (std::size_t j = from_b; j < to_b; ++j)
        if (!b_.partner[j]) right.push_back(j);
      if (left.empty() || right.empty()) return;
      const std::size_t blocks = (std::max(left.size(), right.size()) + kGapBlock - 1) / kGapBlock;
      for (std::size_t k = 0; k < blocks; ++k) {
        PairBlock(Slice(left, k, blocks), Slice(right, k, blocks));
      }
    };
    for (const IndexPair& anchor : in_place_) {
      gap(anchor.a, anchor.b);
      from_a = anchor.a + 1;
      from_b = anchor.b + 1;
    }
    gap(a_.sentences.size(), b_.sentences.size());
  }

  static std::vector<std::size_t> Slice(const std::vector<std::size_t>& all, std::size_t k,
                                        std::size_t blocks) {
    return {all.begin() + static_cast<std::ptrdiff_t>(all.size() * k / blocks),
            all.begin() + static_cast<std::ptrdiff_t>(all.size() * (k + 1) / blocks)};
  }

  // Weight of pairing sentence i before with sentence j after: the words
  // they share, or 0 when they are not similar enough to be one sentence.
  std::size_t OneToOneWeight(std::size_t i, std::size_t j) const {
    const std::vector<std::uint64_t>& left = a_.words[i];
    const std::vector<std::uint64_t>& right = b_.words[j];
    const std::size_t shared = SharedKeys(left, right);
    return Dice(shared, left.size(), right.size()) >= kEditedSimilarity ? shared : 0;
  }

  // The same for one sentence against two adjacent ones on the other side
  // (a split or a merge): each of the two must also bring at least half of
  // its own words, so an unrelated neighbour is not swallowed.
  static std::size_t OneToTwoWeight(const std::vector<std::uint64_t>& one,
                                    const std::vector<std::uint64_t>& first,
                                    const std::vector<std::uint64_t>& second) {
    const std::vector<std::uint64_t> both = MergedWords(first, second);
    const std::size_t shared = SharedKeys(one, both);
    if (Dice(shared, one.size(), both.size()) < kEditedSimilarity) return 0;
    for (const std::vector<std::uint64_t>* part : {&first, &second}) {
      if (part->empty() || 2 * SharedKeys(*part, one) < part->size()) return 0;
    }
    return shared;
  }

  void PairBlock(const std::vector<std::size_t>& left, const std::vector<std::size_t>& right) {
    const std::size_t n = left.size(), m = right.size();
    enum Step : std::uint8_t { kSkipLeft, kSkipRight, kOneOne, kSplitStep, kMergeStep };
    std::vector<std::size_t> best((n + 1) * (m + 1), 0);
    std::vector<Step> step((n + 1) * (m + 1), kSkipLeft);
    auto at = [m](std::size_t i, std::size_t j) { return i * (m + 1) + j; };
    for (std::size_t i = 0; i <= n; ++i) {
      for (std::size_t j = 0; j <= m; ++j) {
        if (i == 0 && j == 0) continue;
        std::size_t value = 0;
        Step chosen = i > 0 ? kSkipLeft : kSkipRight;
        auto consider = [&](std::size_t candidate, Step how) {
          if (candidate > value) value = candidate, chosen = how;
        };
        if (i > 0) consider(best[at(i - 1, j)], kSkipLeft);
        if (j > 0) consider(best[at(i, j - 1)], kSkipRight);
        if (i > 0 && j > 0) {
          if (const std::size_t w = OneToOneWeight(left[i - 1], right[j - 1]); w > 0)
            consider(best[at(i - 1, j - 1)] + w, kOneOne);
        }
        if (i > 0 && j > 1) {
          const std::size_t w =
              OneToTwoWeight(a_.words[left[i - 1]], b_.words[right[j - 2]], b_.words[right[j - 1]]);
          if (w > 0) consider(best[at(i - 1, j - 2)] + w, kSplitStep);
        }
        if (i > 1 && j > 0) {
          const std::size_t w =
              OneToTwoWeight(b_.words[right[j - 1]], a_.words[left[i - 2]], a_.words[left[i - 1]]);
          if (w > 0) consider(best[at(i - 2, j - 1)] + w, kMergeStep);
        }
        best[at(i, j)] = value;
        step[at(i, j)] = chosen;
      }
    }
    std::size_t i = n, j = m;
    while (i > 0 || j > 0) {
      switch (step[at(i, j)]) {
        case kSkipLeft:
          --i;
          break;
        case kSkipRight:
          --j;
          break;
        case kOneOne:
          Pair(EditKind::kEdited, {left[i - 1]}, {right[j - 1]});
          --i, --j;
          break;
        case kSplitStep:
          Pair(EditKind::kSplit, {left[i - 1]}, {right[j - 2], right[j - 1]});
          --i, j -= 2;
          break;
        case kMergeStep:
          Pair(EditKind::kMerged, {left[i - 2], left[i - 1]}, {right[j - 1]});
          i -= 2, --j;
          break;
      }
    }
  }

  // A sentence left over on both sides that shares most of its words with
  // one elsewhere moved and was edited on the way.
  void MatchMovedEdited() {
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> postings;
    for (std::size_t j = 0; j < b_.sentences.size(); ++j) {
      if (b_.partner[j] || b_.words[j].size() < kMovedMinWords) continue;
      for (std::uint64_t word : b_.words[j]) {
        std::vector<std::size_t>& list = postings[word];
        if (list.empty() || list.back() != j) list.push_back(j);
      }
    }
    if (postings.empty()) return;
    std::unordered_map<std::size_t, std::size_t> votes;
    for (std::size_t i = 0; i < a_.sentences.size(); ++i) {
      if (a_.partner[i] || a_.words[i].size() < kMovedMinWords) continue;
      votes.clear();
      for (std::uint64_t word : a_.words[i]) {
        auto found = postings.find(word);
        if (found == postings.end() || found->second.size() > kCommonWordPostings) continue;
        for (std::size_t j : found->second) ++votes[j];
      }
      std::optional<std::size_t> best;
      double best_score = kMovedSimilarity;
      for (const auto& [j, count] : votes) {
        if (b_.partner[j] || 2.0 * static_cast<double>(count) <
                                 kMovedSimilarity * static_cast<double>(a_.words[i].size())) {
          continue;
        }
        const double score =
            Dice(SharedKeys(a_.words[i], b_.words[j]), a_.words[i].size(), b_.words[j].size());
        if (score >= best_score && (!best || score > best_score || j < *best)) {
          best = j;
          best_score = score;
        }
      }
      if (best) Pair(EditKind::kMoved, {i}, {*best});
    }
  }

  void AddRemainder() {
    for (std::size_t i = 0; i < a_.sentences.size(); ++i)
      if (!a_.partner[i]) Pair(EditKind::kRemoved, {i}, {});
    for (std::size_t j = 0; j < b_.sentences.size(); ++j)
      if (!b_.partner[j]) Pair(EditKind::kAdded, {}, {j});
  }

  // Fills spans and word changes, and puts the edits in the after text's order.
  Comparison Finish() {
    // Where in the after text each before sentence stands: its partner's
    // place, or just after the place of the sentence before it.
    std::vector<double> place(a_.sentences.size(), -1.0);
    for (std::size_t i = 0; i < a_.sentences.size(); ++i) {
      const std::optional<std::size_t>& partner = a_.partner[i];
      if (partner && *partner != SIZE_MAX) {
        place[i] = static_cast<double>(*partner);
      } else {
        place[i] =
            (i == 0 ? -1.0 : place[i - 1]) + 0.5 / static_cast<double>(a_.sentences.size() + 1);
      }
    }
    auto sort_key = [&](const TextEdit& edit) {
      return edit.after_sentences.empty() ? place[edit.before_sentences.front()]
                                          : static_cast<double>(edit.after_sentences.front());
    };
    std::stable_sort(edits_.begin(), edits_.end(), [&](const TextEdit& x, const TextEdit& y) {
      return sort_key(x) < sort_key(y);
    });
    for (TextEdit& edit : edits_) {
      edit.before = Cover(a_.sentences, edit.before_sentences);
      edit.after = Cover(b_.sentences, edit.after_sentences);
      if (!edit.before_sentences.empty() && !edit.after_sentences.empty()) {
        edit.words = DiffTokens(a_.text, JoinedTokens(a_, edit.before_sentences), b_.text,
                                JoinedTokens(b_, edit.after_sentences));
      }
    }
    comparison_.before_sentences = a_.sentences;
    comparison_.after_sentences = b_.sentences;
    comparison_.edits = std::move(edits_);
    // Grown by doubling, up to half of it unused, for the rest of the
    // analysis (0.15 MB of 0.46 at 300k words).
    comparison_.edits.shrink_to_fit();
    return std::move(comparison_);
  }

  Side a_;
  Side b_;
  std::vector<IndexPair> in_place_;
  std::vector<TextEdit> edits_;
  Comparison comparison_;
};

}  // namespace

std::string_view EditKindName(EditKind kind) {
  switch (kind) {
    case EditKind::kEdited:
      return "edited";
    case EditKind::kAdded:
      return "added";
    case EditKind::kRemoved:
      return "removed";
    case EditKind::kMoved:
      return "moved";
    case EditKind::kSplit:
      return "split";
    case EditKind::kMerged:
      return "merged";
  }
  return "edited";
}

std::vector<WordChange> DiffTokens(std::string_view before_text, TokenRange before,
                                   std::string_view after_text, TokenRange after) {
  std::vector<std::uint64_t> keys_a(before.size()), keys_b(after.size());
  std::transform(before.begin(), before.end(), keys_a.begin(),
                 [&](const Token& t) { return TokenKey(before_text, t); });
  std::transform(after.begin(), after.end(), keys_b.begin(),
                 [&](const Token& t) { return TokenKey(after_text, t); });
  std::vector<IndexPair> common = CommonSubsequence(keys_a, keys_b);
  common.push_back({before.size(), after.size()});  // sentinel: the end of both
  std::vector<WordChange> changes;
  std::size_t i = 0, j = 0;
  for (const IndexPair& match : common) {
    if (match.a > i || match.b > j) {
      // Empty sides sit right after the preceding unchanged token.
      auto cover = [](TokenRange tokens, std::size_t from, std::size_t to) -> Span {
        if (to > from) return {tokens[from].span().start, tokens[to - 1].span().end};
        const std::size_t at = from > 0 ? tokens[from - 1].span().end
                                        : (tokens.empty() ? 0 : tokens.front().span().start);
        return {at, at};
      };
      changes.push_back({cover(before, i, match.a), cover(after, j, match.b)});
    }
    i = match.a + 1;
    j = match.b + 1;
  }
  return changes;
}

std::string InlineWords(std::string_view before, std::string_view after, const TextEdit& edit,
                        const InlineMarkers& markers) {
  auto slice = [](std::string_view text, std::size_t from, std::size_t to) {
    return text.substr(from, to - from);
  };
  if (edit.after_sentences.empty())
    return std::string(slice(before, edit.before.start, edit.before.end));
  auto is_space = [](std::string_view text, std::size_t at) {
    return at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n');
  };
  std::string out;
  std::size_t cursor = edit.after.start;
  for (const WordChange& change : edit.words) {
    out += slice(after, cursor, change.after.start);
    const bool deleted = change.before.end > change.before.start;
    const bool inserted = change.after.end > change.after.start;
    if (deleted) {
      const bool space_before =
          change.before.start > edit.before.start && is_space(before, change.before.start - 1);
      const bool space_after = is_space(before, change.before.end);
      if (!inserted && space_before && !out.empty() && out.back() != ' ') out += ' ';
      out += markers.delete_open;
      out += slice(before, change.before.start, change.before.end);
      out += markers.delete_close;
      if (!inserted && !space_before && space_after && change.after.start < edit.after.end &&
          !is_space(after, change.after.start)) {
        out += ' ';
      }
    }
    if (inserted) {
      out += markers.insert_open;
      out += slice(after, change.after.start, change.after.end);
      out += markers.insert_close;
    }
    cursor = change.after.end;
  }
  out += slice(after, cursor, edit.after.end);
  return out;
}

Result<Comparison> CompareTexts(std::string_view before, std::string_view after) {
  Result<SegmentedText> left = Segment(before);
  if (!left.ok()) return left.status();
  Result<SegmentedText> right = SegmentBeside(after, before, *left);
  if (!right.ok()) return right.status();
  return CompareSegmented(before, *left, after, *right);
}

Comparison CompareSegmented(std::string_view before_text, const SegmentedText& before,
                            std::string_view after_text, const SegmentedText& after) {
  return Aligner(before_text, before, after_text, after).Run();
}

}  // namespace stet
