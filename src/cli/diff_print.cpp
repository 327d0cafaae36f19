// How `stet diff` prints what changed (diff_print.h).
#include "diff_print.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "stet/clock.h"

namespace stet::cli {
namespace {

struct Counts {
  std::map<EditKind, std::size_t> of;
  std::size_t unchanged = 0;
};

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

// Sentences are numbered from 1 in JSON as in the text output ("moved
// (3->5)"), as revisions are.
nlohmann::json SpanJson(std::string_view text, Span span,
                        const std::vector<std::size_t>& sentences) {
  if (sentences.empty()) return nullptr;
  std::vector<std::size_t> numbers;
  for (std::size_t index : sentences) numbers.push_back(index + 1);
  return {{"text", text.substr(span.start, span.end - span.start)},
          {"start", span.start},
          {"end", span.end},
          {"sentences", numbers}};
}

// A quote's words with its changes marked inline, over the after quote.
std::string QuoteInline(const DiffSide& from, const DiffSide& to, const Quote& before,
                        const Quote& after, const InlineMarkers& markers = {}) {
  TextEdit edit;
  edit.before_sentences = {0};
  edit.after_sentences = {0};
  edit.before = before.Whole();
  edit.after = after.Whole();
  std::vector<Token> tokens_before, tokens_after;
  for (const Span& part : before.parts) {
    const std::vector<Token> tokens = Tokens(from.text, part);
    tokens_before.insert(tokens_before.end(), tokens.begin(), tokens.end());
  }
  for (const Span& part : after.parts) {
    const std::vector<Token> tokens = Tokens(to.text, part);
    tokens_after.insert(tokens_after.end(), tokens.begin(), tokens.end());
  }
  edit.words = DiffTokens(tokens_before, tokens_after);
  return InlineWords(from.text, to.text, edit, markers);
}

nlohmann::json QuoteChangeJson(const DiffSide& from, const DiffSide& to, const Analysis& analysis,
                               const QuoteChange& change) {
  const Quote* before = change.before >= 0 ? &analysis.quotes_before[change.before] : nullptr;
  const Quote* after = change.after >= 0 ? &analysis.quotes_after[change.after] : nullptr;
  auto or_null = [](const std::string& value) -> nlohmann::json {
    return value.empty() ? nlohmann::json(nullptr) : nlohmann::json(value);
  };
  const Quote& current = after != nullptr ? *after : *before;
  auto offset = [](const Quote* quote, bool start) -> nlohmann::json {
    if (quote == nullptr) return nullptr;
    return start ? quote->Whole().start : quote->Whole().end;
  };
  // Every field on every change: null where a side has none.
  nlohmann::json out = {
      {"kind", QuoteChangeKindName(change.kind)},
      {"before", before ? nlohmann::json(before->text) : nlohmann::json()},
      {"after", after ? nlohmann::json(after->text) : nlohmann::json()},
      {"speaker", or_null(current.speaker)},
      {"before_speaker", before ? or_null(before->speaker) : nlohmann::json()},
      {"after_speaker", after ? or_null(after->speaker) : nlohmann::json()},
      {"before_start", offset(before, true)},
      {"before_end", offset(before, false)},
      {"after_start", offset(after, true)},
      {"after_end", offset(after, false)},
      {"minor", change.kind == QuoteChangeKind::kEdited && change.minor},
      {"detail",
       change.kind == QuoteChangeKind::kEdited ? nlohmann::json(change.detail) : nlohmann::json()},
      {"inline", change.kind == QuoteChangeKind::kEdited
                     ? nlohmann::json(QuoteInline(from, to, *before, *after))
                     : nlohmann::json()}};
  return out;
}

nlohmann::json ClaimChangeJson(const DiffSide& from, const DiffSide& to, const Analysis& analysis,
                               const ClaimChange& change) {
  auto text_of = [](std::string_view text, Span span) -> nlohmann::json {
    if (span.end <= span.start) return nullptr;
    return std::string(text.substr(span.start, span.end - span.start));
  };
  auto sentence_of = [](std::string_view text, const std::vector<Span>& sentences,
                        int index) -> nlohmann::json {
    if (index < 0) return nullptr;
    const Span span = sentences[static_cast<std::size_t>(index)];
    return std::string(text.substr(span.start, span.end - span.start));
  };
  nlohmann::json out = {{"kind", ClaimChangeKindName(change.kind)},
                        {"before", text_of(from.text, change.before)},
                        {"after", text_of(to.text, change.after)},
                        {"speaker", change.speaker.empty() ? nlohmann::json(nullptr)
                                                           : nlohmann::json(change.speaker)},
                        {"before_sentence", sentence_of(from.text, analysis.text.before_sentences,
                                                        change.before_sentence)},
                        {"after_sentence", sentence_of(to.text, analysis.text.after_sentences,
                                                       change.after_sentence)},
                        {"materiality", change.materiality}};
  auto offset = [](Span span, bool start) -> nlohmann::json {
    if (span.end <= span.start) return nullptr;
    return start ? span.start : span.end;
  };
  // Every field on every change: null where a side has none.
  out["before_start"] = offset(change.before, true);
  out["before_end"] = offset(change.before, false);
  out["after_start"] = offset(change.after, true);
  out["after_end"] = offset(change.after, false);
  out["detail"] = change.detail.empty() ? nlohmann::json(nullptr) : nlohmann::json(change.detail);
  nlohmann::json parts = nlohmann::json::array();
  for (const ClaimPart& part : change.parts) {
    const std::string_view text =
        change.kind == ClaimChangeKind::kClaimRemoved ? from.text : to.text;
    parts.push_back({{"kind", part.kind},
                     {"text", text_of(text, part.span)},
                     {"start", part.span.start},
                     {"end", part.span.end}});
  }
  out["parts"] = std::move(parts);
  out["refers_to"] = change.refers_to >= 0
                         ? sentence_of(to.text, analysis.text.after_sentences, change.refers_to)
                         : nlohmann::json(nullptr);
  return out;
}

}  // namespace

nlohmann::json DiffJson(const DiffSide& from, const DiffSide& to, const Analysis& analysis) {
  const Comparison& comparison = analysis.text;
  nlohmann::json edits = nlohmann::json::array();
  for (const TextEdit& edit : comparison.edits) {
    nlohmann::json words = nlohmann::json::array();
    for (const WordChange& change : edit.words) {
      words.push_back(
          {{"before", std::string_view(from.text).substr(change.before.start,
                                                         change.before.end - change.before.start)},
           {"after", std::string_view(to.text).substr(change.after.start,
                                                      change.after.end - change.after.start)},
           {"before_start", change.before.start},
           {"before_end", change.before.end},
           {"after_start", change.after.start},
           {"after_end", change.after.end}});
    }
    edits.push_back({{"kind", EditKindName(edit.kind)},
                     {"before", SpanJson(from.text, edit.before, edit.before_sentences)},
                     {"after", SpanJson(to.text, edit.after, edit.after_sentences)},
                     {"words", std::move(words)},
                     {"inline", InlineWords(from.text, to.text, edit)}});
  }
  nlohmann::json changes = nlohmann::json::array();
  for (const QuoteChange& change : analysis.quotes.changes) {
    nlohmann::json entry = QuoteChangeJson(from, to, analysis, change);
    entry["materiality"] = QuoteMateriality(change);
    changes.push_back(std::move(entry));
  }
  for (const ClaimChange& change : analysis.claims) {
    changes.push_back(ClaimChangeJson(from, to, analysis, change));
  }
  const Counts counts = Count(comparison);
  nlohmann::json summary = {{"unchanged", counts.unchanged},
                            {"quotes_changed", analysis.quotes.changes.size()},
                            {"quotes_unchanged", analysis.quotes.unchanged},
                            {"claims_changed", analysis.claims.size()},
                            {"materiality", analysis.Materiality()},
                            {"materiality_label", MaterialityLabel(analysis.Materiality())}};
  for (const auto& [kind, count] : counts.of) summary[std::string(EditKindName(kind))] = count;
  auto changed = [&](const std::string& field) -> nlohmann::json {
    for (const MetadataChange& change : analysis.metadata) {
      if (change.field == field) return {{"before", change.before}, {"after", change.after}};
    }
    return nullptr;
  };
  const nlohmann::json out = {{"from", from.Json()},
                              {"to", to.Json()},
                              {"headline_changed", !changed("headline").is_null()},
                              {"byline_changed", !changed("byline").is_null()},
                              {"published_changed", !changed("published").is_null()},
                              {"headline", changed("headline")},
                              {"byline", changed("byline")},
                              {"published", changed("published")},
                              {"changes", std::move(changes)},
                              {"text_edits", std::move(edits)},
                              {"summary", std::move(summary)}};
  return out;
}

namespace {

// At most about `width` bytes of `text`, cut at spaces around its first
// marked change, with "..." where it was cut; a cut never splits a marker
// pair.
std::string Excerpt(const std::string& text, const InlineMarkers& markers, std::size_t width = 70) {
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

// How the text output is laid out: for a terminal or a file (brackets or
// colours), or as Markdown (~~deleted~~ **inserted**, headings and lists).
struct Style {
  InlineMarkers markers;
  bool markdown = false;

  void Heading(const std::string& name, const std::string& counts) const {
    if (markdown) {
      std::string title = name;
      for (std::size_t k = 1; k < title.size(); ++k) {
        title[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(title[k])));
      }
      std::printf("\n## %s (%s)\n\n", title.c_str(), counts.c_str());
    } else {
      std::printf("\n%s  %s\n", name.c_str(), counts.c_str());
    }
  }
  void Item(const std::string& label, const std::string& body, const std::string& note,
            int width) const {
    if (markdown) {
      std::printf("- **%s** %s%s%s\n", label.c_str(), body.c_str(), note.empty() ? "" : " \u2014 ",
                  note.c_str());
    } else {
      std::printf("  %-*s %s%s%s\n", width, label.c_str(), body.c_str(), note.empty() ? "" : "    ",
                  note.c_str());
    }
  }
  // A line under the item before, indented as its body.
  void SubItem(const std::string& body, int width) const {
    if (markdown) {
      std::printf("  - %s\n", body.c_str());
    } else {
      std::printf("  %-*s %s\n", width, "", body.c_str());
    }
  }
};

// The headline's words with their changes marked inline; the byline and
// the time whole.
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

void PrintMetadataChanges(const Analysis& analysis, const Style& style) {
  if (analysis.metadata.empty()) return;
  style.Heading("HEADLINE", std::to_string(analysis.metadata.size()) + " changed");
  for (const MetadataChange& change : analysis.metadata) {
    style.Item(change.field, MetadataInline(change, style.markers), "", 9);
  }
}

void PrintQuoteChanges(const DiffSide& from, const DiffSide& to, const Analysis& analysis,
                       const Style& style) {
  const InlineMarkers& markers = style.markers;
  style.Heading("QUOTES", std::to_string(analysis.quotes.changes.size()) + " changed, " +
                              std::to_string(analysis.quotes.unchanged) + " unchanged");
  // Most material first (a re-attribution before a comma), in text order
  // among equals.
  std::vector<QuoteChange> ordered = analysis.quotes.changes;
  std::stable_sort(ordered.begin(), ordered.end(), [](const QuoteChange& x, const QuoteChange& y) {
    return QuoteMateriality(x) > QuoteMateriality(y);
  });
  for (const QuoteChange& change : ordered) {
    const Quote* before = change.before >= 0 ? &analysis.quotes_before[change.before] : nullptr;
    const Quote* after = change.after >= 0 ? &analysis.quotes_after[change.after] : nullptr;
    auto who = [](const Quote* quote) {
      return quote == nullptr || quote->speaker.empty() ? std::string("(unknown)") : quote->speaker;
    };
    std::string label, words, speaker;
    switch (change.kind) {
      case QuoteChangeKind::kAdded:
        label = "added";
        words = after->text;
        speaker = who(after);
        break;
      case QuoteChangeKind::kRemoved:
        label = "removed";
        words = before->text;
        speaker = who(before);
        break;
      case QuoteChangeKind::kReattributed:
        label = "re-attributed";
        words = after->text;
        speaker = who(before) + " -> " + who(after);
        break;
      case QuoteChangeKind::kEdited:
        label = change.minor ? "edited, minor" : "edited";
        if (change.detail == "extended" || change.detail == "truncated")
          label += ", " + change.detail;
        words = QuoteInline(from, to, *before, *after, markers);
        speaker =
            before->speaker == after->speaker ? who(after) : who(before) + " -> " + who(after);
        break;
    }
    std::replace(words.begin(), words.end(), '\n', ' ');
    style.Item(label, "\u201C" + Excerpt(words, markers) + "\u201D", speaker, 17);
  }
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

// Where words deleted from `before` stood in the newer text: the word diff
// of the sentence pair places a deletion after the preceding unchanged word.
std::optional<std::size_t> DeletionPoint(const Analysis& analysis, const ClaimChange& change) {
  for (const TextEdit& edit : analysis.text.edits) {
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

// A claim change in its sentence: the newer sentence with the changed words
// marked where they stand (a deletion where the deleted words stood), or the
// whole added or removed sentence.
std::string ClaimLine(const DiffSide& from, const DiffSide& to, const Analysis& analysis,
                      const ClaimChange& change, const InlineMarkers& markers) {
  auto text_of = [](std::string_view text, Span span) {
    return std::string(text.substr(span.start, span.end - span.start));
  };
  const bool has_before = change.before.end > change.before.start;
  const bool has_after = change.after.end > change.after.start;
  if (change.after_sentence < 0) return text_of(from.text, change.before);
  const Span sentence =
      analysis.text.after_sentences[static_cast<std::size_t>(change.after_sentence)];
  if (change.kind == ClaimChangeKind::kClaimAdded) {
    return text_of(to.text, has_after ? change.after : sentence);
  }
  Span at = change.after;
  if (!has_after) {
    const std::size_t point = DeletionPoint(analysis, change).value_or(sentence.start);
    at = {point, point};
  }
  at.start = std::clamp(at.start, sentence.start, sentence.end);
  at.end = std::clamp(at.end, at.start, sentence.end);
  std::string line = text_of(to.text, {sentence.start, at.start});
  // A deletion placed right after a word keeps the space between the words
  // on both sides of its mark ("did [-not-] break").
  if (!has_after && at.start > sentence.start && at.start < sentence.end &&
      to.text[at.start - 1] != ' ' && to.text[at.start] == ' ') {
    line += ' ';
  }
  if (has_before) {
    line += std::string(markers.delete_open) + text_of(from.text, change.before) +
            std::string(markers.delete_close);
  }
  if (has_after) {
    line +=
        std::string(markers.insert_open) + text_of(to.text, at) + std::string(markers.insert_close);
  }
  line += text_of(to.text, {at.end, sentence.end});
  return line;
}

void PrintClaimChanges(const DiffSide& from, const DiffSide& to, const Analysis& analysis,
                       const Style& style) {
  const InlineMarkers& markers = style.markers;
  style.Heading("CLAIMS", std::to_string(analysis.claims.size()) + " changed");
  for (const ClaimChange& change : analysis.claims) {
    std::string line = ClaimLine(from, to, analysis, change, markers);
    std::replace(line.begin(), line.end(), '\n', ' ');
    // The label already says which way certainty went.
    std::string note = change.kind == ClaimChangeKind::kHedgeChanged ? "" : change.detail;
    // Whose words they are, for a change inside a quote.
    if (!change.speaker.empty()) note += (note.empty() ? "" : "    ") + change.speaker;
    style.Item(std::string(ClaimLabel(change)), Excerpt(line, markers, 80), note, 17);
    if (change.kind == ClaimChangeKind::kCorrectionAdded && change.refers_to >= 0) {
      // What the notice corrects: the change in that sentence, marked, or
      // the sentence itself.
      const auto corrected =
          std::find_if(analysis.claims.begin(), analysis.claims.end(), [&](const ClaimChange& c) {
            return c.kind != ClaimChangeKind::kCorrectionAdded &&
                   c.after_sentence == change.refers_to;
          });
      std::string target;
      if (corrected != analysis.claims.end()) {
        target = ClaimLine(from, to, analysis, *corrected, markers);
      } else {
        const Span sentence =
            analysis.text.after_sentences[static_cast<std::size_t>(change.refers_to)];
        target = std::string(to.text.substr(sentence.start, sentence.end - sentence.start));
      }
      std::replace(target.begin(), target.end(), '\n', ' ');
      style.SubItem("corrects: " + Excerpt(target, markers, 70), 17);
    }
  }
}

void PrintText(const DiffSide& from, const DiffSide& to, const Analysis& analysis,
               const Style& style) {
  const Comparison& comparison = analysis.text;
  const InlineMarkers& markers = style.markers;
  if (to.revision) {
    if (!to.revision->title.empty()) {
      std::printf("%s%s\n", style.markdown ? "# " : "", to.revision->title.c_str());
    }
    std::printf("%s (%s) -> %s (%s)", from.Name().c_str(),
                FormatTimestamp(from.revision->fetched_at).c_str(), to.Name().c_str(),
                FormatTimestamp(to.revision->fetched_at).c_str());
  } else {
    std::printf("%s -> %s", from.Name().c_str(), to.Name().c_str());
  }
  std::printf("     materiality: %s\n",
              std::string(MaterialityLabel(analysis.Materiality())).c_str());
  PrintMetadataChanges(analysis, style);
  PrintQuoteChanges(from, to, analysis, style);
  PrintClaimChanges(from, to, analysis, style);
  style.Heading("TEXT", SummaryLine(Count(comparison)));
  for (const TextEdit& edit : comparison.edits) {
    std::string body = InlineWords(from.text, to.text, edit, markers);
    // One line an edit: a sentence wrapped over lines in its text is not here.
    std::replace(body.begin(), body.end(), '\n', ' ');
    if (edit.kind == EditKind::kAdded) {
      body = std::string(markers.insert_open) + body + std::string(markers.insert_close);
    } else if (edit.kind == EditKind::kRemoved) {
      body = std::string(markers.delete_open) + body + std::string(markers.delete_close);
    }
    std::string label(EditKindName(edit.kind));
    if (edit.kind == EditKind::kMoved) {
      label += " (" + std::to_string(edit.before_sentences.front() + 1) + "->" +
               std::to_string(edit.after_sentences.front() + 1) + ")";
    }
    style.Item(label, body, "", 9);
  }
}

}  // namespace

void PrintDiffJson(const DiffSide& from, const DiffSide& to, const Analysis& analysis) {
  std::printf("%s\n", DiffJson(from, to, analysis).dump(2).c_str());
}

void PrintDiffText(const DiffSide& from, const DiffSide& to, const Analysis& analysis,
                   bool markdown, bool color) {
  Style style;
  if (markdown) {
    style.markdown = true;
    style.markers = InlineMarkers{"~~", "~~", "**", "**"};
  } else if (color) {
    style.markers = InlineMarkers{"\x1b[31m", "\x1b[0m", "\x1b[32m", "\x1b[0m"};
  }
  PrintText(from, to, analysis, style);
}

}  // namespace stet::cli
