// Pieces every rendering of a RevisionDiff shares (diff_parts.h).
#include "report/diff_parts.h"

#include <algorithm>
#include <optional>

namespace stet::report {
namespace {

// Where words deleted from `before` stood in the newer text: the word diff
// of the sentence pair places a deletion after the preceding unchanged word.
std::optional<std::size_t> DeletionPoint(const RevisionDiff& diff, const ClaimChange& change) {
  for (const TextEdit& edit : diff.text.edits) {
    const auto& after = edit.after_sentences;
    if (std::find(after.begin(), after.end(), static_cast<std::size_t>(change.after_sentence)) ==
        after.end()) {
      continue;
    }
    for (const WordChange& word : edit.words) {
      if (word.before.start < change.before.end && change.before.start < word.before.end) {
        return word.after.start;
      }
    }
  }
  return std::nullopt;
}

}  // namespace

Counts Count(const Comparison& comparison) {
  Counts counts;
  for (EditKind kind : {EditKind::kEdited, EditKind::kAdded, EditKind::kRemoved, EditKind::kMoved,
                        EditKind::kSplit, EditKind::kMerged}) {
    counts.of[kind] = 0;
  }
  for (const TextEdit& edit : comparison.edits) ++counts.of[edit.kind];
  counts.unchanged = comparison.unchanged;
  return counts;
}

std::string SummaryLine(const Counts& counts) {
  std::string line = std::to_string(counts.of.at(EditKind::kEdited)) + " sentences edited, " +
                     std::to_string(counts.of.at(EditKind::kAdded)) + " added, " +
                     std::to_string(counts.of.at(EditKind::kRemoved)) + " removed, " +
                     std::to_string(counts.of.at(EditKind::kMoved)) + " moved";
  for (EditKind kind : {EditKind::kSplit, EditKind::kMerged}) {
    if (counts.of.at(kind) > 0) {
      line += ", " + std::to_string(counts.of.at(kind)) + " " + std::string(EditKindName(kind));
    }
  }
  return line + "; " + std::to_string(counts.unchanged) + " unchanged";
}

std::string QuoteInline(const RevisionDiff& diff, const Quote& before, const Quote& after,
                        const InlineMarkers& markers) {
  TextEdit edit;
  edit.before_sentences = {0};
  edit.after_sentences = {0};
  edit.before = before.Whole();
  edit.after = after.Whole();
  std::vector<Token> tokens_before, tokens_after;
  for (const Span& part : before.parts) {
    const std::vector<Token> tokens = Tokens(diff.from.text, part);
    tokens_before.insert(tokens_before.end(), tokens.begin(), tokens.end());
  }
  for (const Span& part : after.parts) {
    const std::vector<Token> tokens = Tokens(diff.to.text, part);
    tokens_after.insert(tokens_after.end(), tokens.begin(), tokens.end());
  }
  edit.words = DiffTokens(diff.from.text, tokens_before, diff.to.text, tokens_after);
  return InlineWords(diff.from.text, diff.to.text, edit, markers);
}

QuoteLine DescribeQuoteChange(const RevisionDiff& diff, const QuoteChange& change,
                              const InlineMarkers& markers) {
  const Quote* before = change.before >= 0 ? &diff.quotes_before[change.before] : nullptr;
  const Quote* after = change.after >= 0 ? &diff.quotes_after[change.after] : nullptr;
  auto who = [](const Quote* quote) {
    return quote == nullptr || quote->speaker.empty() ? std::string("(unknown)") : quote->speaker;
  };
  QuoteLine line;
  switch (change.kind) {
    case QuoteChangeKind::kAdded:
      line.label = "added";
      line.words = after->text;
      line.speaker = who(after);
      break;
    case QuoteChangeKind::kRemoved:
      line.label = "removed";
      line.words = before->text;
      line.speaker = who(before);
      break;
    case QuoteChangeKind::kReattributed:
      line.label = "re-attributed";
      line.words = after->text;
      line.speaker = who(before) + " -> " + who(after);
      break;
    case QuoteChangeKind::kEdited:
      line.label = change.minor ? "edited, minor" : "edited";
      if (change.detail == "extended" || change.detail == "truncated")
        line.label += ", " + change.detail;
      line.words = QuoteInline(diff, *before, *after, markers);
      line.speaker =
          before->speaker == after->speaker ? who(after) : who(before) + " -> " + who(after);
      break;
  }
  std::replace(line.words.begin(), line.words.end(), '\n', ' ');
  return line;
}

std::string Excerpt(const std::string& text, const InlineMarkers& markers, std::size_t width) {
  if (text.size() <= width) return text;
  std::size_t focus = std::min(text.find(markers.delete_open), text.find(markers.insert_open));
  if (focus == std::string::npos) focus = 0;
  std::size_t start = focus > 25 ? text.rfind(' ', focus - 25) : 0;
  if (start == std::string::npos) start = 0;
  std::size_t end = start + width < text.size() ? text.rfind(' ', start + width) : text.size();
  if (end == std::string::npos || end <= focus) end = std::min(text.size(), focus + width);
  // Keep the whole marked region when it is not much longer than the width.
  std::size_t region_end = 0;
  for (std::string_view close : {markers.delete_close, markers.insert_close}) {
    const std::size_t last = text.rfind(close);
    if (last != std::string::npos && last > focus)
      region_end = std::max(region_end, last + close.size());
  }
  if (region_end > end && region_end - focus <= 2 * width) end = region_end;
  // Close any marker left open: scan the markers in order up to the cut,
  // which also works when a marker opens and closes alike (Markdown's ~~).
  for (const auto& [open, close] : {std::pair{markers.delete_open, markers.delete_close},
                                    std::pair{markers.insert_open, markers.insert_close}}) {
    bool inside = false;
    std::size_t at = 0;
    while (true) {
      const std::size_t next = text.find(inside ? close : open, at);
      if (next == std::string::npos || next >= end) break;
      at = next + (inside ? close.size() : open.size());
      inside = !inside;
    }
    if (inside) {
      const std::size_t closes = text.find(close, at);
      if (closes != std::string::npos) end = std::max(end, closes + close.size());
    }
  }
  end = std::min(end, text.size());
  return (start > 0 ? "..." : "") +
         text.substr(start == 0 ? 0 : start + 1, end - (start == 0 ? 0 : start + 1)) +
         (end < text.size() ? "..." : "");
}

std::string MetadataInline(const MetadataChange& change, const InlineMarkers& markers) {
  auto whole = [&] {
    std::string line;
    if (!change.before.empty()) {
      line += std::string(markers.delete_open) + change.before + std::string(markers.delete_close);
    }
    if (!change.after.empty()) {
      line += std::string(markers.insert_open) + change.after + std::string(markers.insert_close);
    }
    return line;
  };
  if (change.field != "headline" || change.before.empty() || change.after.empty()) return whole();
  Result<Comparison> words = CompareTexts(change.before, change.after);
  if (!words.ok() || words->edits.size() != 1 || words->edits[0].kind != EditKind::kEdited) {
    return whole();
  }
  // A headline of several sentences keeps the unchanged ones around the
  // edited one.
  const TextEdit& edit = words->edits[0];
  return std::string(change.after.substr(0, edit.after.start)) +
         InlineWords(change.before, change.after, edit, markers) +
         std::string(change.after.substr(edit.after.end));
}

std::string_view ClaimLabel(const ClaimChange& change) {
  switch (change.kind) {
    case ClaimChangeKind::kNegationChanged:
      return "denial";
    case ClaimChangeKind::kNumberChanged:
      return "number";
    case ClaimChangeKind::kSourceChanged:
      return "source";
    case ClaimChangeKind::kHedgeChanged:
      return change.detail == "certainty up" ? "certainty up" : "certainty down";
    case ClaimChangeKind::kEntityAdded:
      return "entity added";
    case ClaimChangeKind::kEntityRemoved:
      return "entity removed";
    case ClaimChangeKind::kCorrectionAdded:
      return "correction";
    case ClaimChangeKind::kClaimAdded:
      return "added";
    case ClaimChangeKind::kClaimRemoved:
      return "removed";
    case ClaimChangeKind::kClaimEdited:
      return "edited";
  }
  return "edited";
}

std::string ClaimLine(const RevisionDiff& diff, const ClaimChange& change,
                      const InlineMarkers& markers) {
  auto text_of = [](std::string_view text, Span span) {
    return std::string(text.substr(span.start, span.end - span.start));
  };
  const bool has_before = change.before.end > change.before.start;
  const bool has_after = change.after.end > change.after.start;
  if (change.after_sentence < 0) return text_of(diff.from.text, change.before);
  const Span sentence = diff.text.after_sentences[static_cast<std::size_t>(change.after_sentence)];
  if (change.kind == ClaimChangeKind::kClaimAdded) {
    return text_of(diff.to.text, has_after ? change.after : sentence);
  }
  Span at = change.after;
  if (!has_after) {
    const std::size_t point = DeletionPoint(diff, change).value_or(sentence.start);
    at = {point, point};
  }
  at.start = std::clamp(at.start, sentence.start, sentence.end);
  at.end = std::clamp(at.end, at.start, sentence.end);
  std::string line = text_of(diff.to.text, {sentence.start, at.start});
  // A deletion placed right after a word keeps the space between the words
  // on both sides of its mark ("did [-not-] break").
  if (!has_after && at.start > sentence.start && at.start < sentence.end &&
      diff.to.text[at.start - 1] != ' ' && diff.to.text[at.start] == ' ') {
    line += ' ';
  }
  if (has_before) {
    line += std::string(markers.delete_open) + text_of(diff.from.text, change.before) +
            std::string(markers.delete_close);
  }
  if (has_after) {
    line += std::string(markers.insert_open) + text_of(diff.to.text, at) +
            std::string(markers.insert_close);
  }
  line += text_of(diff.to.text, {at.end, sentence.end});
  return line;
}

namespace {

// What a correction notice corrects, marked: the change in the sentence it
// refers to, or that sentence whole. Empty for any other change.
std::string CorrectedLine(const RevisionDiff& diff, const ClaimChange& change,
                          const InlineMarkers& markers) {
  if (change.kind != ClaimChangeKind::kCorrectionAdded || change.refers_to < 0) return "";
  const auto corrected =
      std::find_if(diff.claims.begin(), diff.claims.end(), [&](const ClaimChange& c) {
        return c.kind != ClaimChangeKind::kCorrectionAdded && c.after_sentence == change.refers_to;
      });
  if (corrected != diff.claims.end()) return ClaimLine(diff, *corrected, markers);
  const Span sentence = diff.text.after_sentences[static_cast<std::size_t>(change.refers_to)];
  return std::string(diff.to.text.substr(sentence.start, sentence.end - sentence.start));
}

std::size_t SentenceAt(const std::vector<Span>& sentences, std::size_t offset) {
  const auto found = std::upper_bound(sentences.begin(), sentences.end(), offset,
                                      [](std::size_t at, const Span& s) { return at < s.end; });
  return found == sentences.end() ? sentences.size() - 1
                                  : static_cast<std::size_t>(found - sentences.begin());
}

}  // namespace

std::vector<RankedChange> RankedChanges(const RevisionDiff& diff, const InlineMarkers& markers) {
  std::vector<RankedChange> changes;
  // Sized once: a long diff ranks thousands of changes, and each doubling
  // of a vector of them left its old copy free where the heap could not use
  // it again for anything as large (docs/performance.md).
  changes.reserve(diff.metadata.size() + diff.quotes.changes.size() + diff.claims.size());
  for (const MetadataChange& change : diff.metadata) {
    RankedChange ranked;
    ranked.materiality = change.field == "headline" ? 0.5 : 0.3;
    ranked.kind = ranked.label = change.field;
    ranked.words = MetadataInline(change, markers);
    changes.push_back(std::move(ranked));
  }
  for (std::size_t k = 0; k < diff.quotes.changes.size(); ++k) {
    const QuoteChange& change = diff.quotes.changes[k];
    const QuoteLine line = DescribeQuoteChange(diff, change, markers);
    RankedChange ranked;
    ranked.materiality = QuoteMateriality(change);
    ranked.kind = QuoteChangeKindName(change.kind);
    ranked.label = "quote " + line.label;
    ranked.words = line.words;
    ranked.speaker = line.speaker;
    ranked.quote_change = static_cast<int>(k);
    ranked.in_after = change.after >= 0;
    const Quote& quote = ranked.in_after
                             ? diff.quotes_after[static_cast<std::size_t>(change.after)]
                             : diff.quotes_before[static_cast<std::size_t>(change.before)];
    const std::vector<Span>& sentences =
        ranked.in_after ? diff.text.after_sentences : diff.text.before_sentences;
    if (!sentences.empty()) {
      ranked.sentence = static_cast<int>(SentenceAt(sentences, quote.Whole().start));
    }
    changes.push_back(std::move(ranked));
  }
  for (const ClaimChange& change : diff.claims) {
    RankedChange ranked;
    ranked.materiality = change.materiality;
    ranked.kind = ClaimChangeKindName(change.kind);
    ranked.label = ClaimLabel(change);
    ranked.words = ClaimLine(diff, change, markers);
    std::replace(ranked.words.begin(), ranked.words.end(), '\n', ' ');
    // The label already says which way certainty went.
    ranked.detail = change.kind == ClaimChangeKind::kHedgeChanged ? "" : change.detail;
    ranked.speaker = change.speaker;
    ranked.corrects = CorrectedLine(diff, change, markers);
    std::replace(ranked.corrects.begin(), ranked.corrects.end(), '\n', ' ');
    if (!ranked.corrects.empty()) ranked.corrected_sentence = change.refers_to;
    ranked.in_after = change.after_sentence >= 0;
    ranked.sentence = ranked.in_after ? change.after_sentence : change.before_sentence;
    changes.push_back(std::move(ranked));
  }
  std::stable_sort(
      changes.begin(), changes.end(),
      [](const RankedChange& x, const RankedChange& y) { return x.materiality > y.materiality; });
  return changes;
}

}  // namespace stet::report
