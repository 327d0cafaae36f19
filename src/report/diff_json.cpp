// The JSON of stet's outputs (stet/report_json.h, docs/json.md).
#include "stet/report_json.h"

#include "report/diff_parts.h"
#include "stet/clock.h"
#include "stet/render.h"

namespace stet {
namespace {

using report::Count;
using report::Counts;
using report::QuoteInline;

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

nlohmann::json QuoteChangeJson(const RevisionDiff& diff, const QuoteChange& change) {
  const Quote* before = change.before >= 0 ? &diff.quotes_before[change.before] : nullptr;
  const Quote* after = change.after >= 0 ? &diff.quotes_after[change.after] : nullptr;
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
                     ? nlohmann::json(QuoteInline(diff, *before, *after))
                     : nlohmann::json()}};
  return out;
}

nlohmann::json ClaimChangeJson(const RevisionDiff& diff, const ClaimChange& change) {
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
                        {"before", text_of(diff.from.text, change.before)},
                        {"after", text_of(diff.to.text, change.after)},
                        {"speaker", change.speaker.empty() ? nlohmann::json(nullptr)
                                                           : nlohmann::json(change.speaker)},
                        {"before_sentence", sentence_of(diff.from.text, diff.text.before_sentences,
                                                        change.before_sentence)},
                        {"after_sentence", sentence_of(diff.to.text, diff.text.after_sentences,
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
        change.kind == ClaimChangeKind::kClaimRemoved ? diff.from.text : diff.to.text;
    parts.push_back({{"kind", part.kind},
                     {"text", text_of(text, part.span)},
                     {"start", part.span.start},
                     {"end", part.span.end}});
  }
  out["parts"] = std::move(parts);
  out["refers_to"] = change.refers_to >= 0
                         ? sentence_of(diff.to.text, diff.text.after_sentences, change.refers_to)
                         : nlohmann::json(nullptr);
  return out;
}

}  // namespace

nlohmann::json MaterialityJson(const std::optional<double>& materiality) {
  if (!materiality) return {{"materiality", nullptr}, {"materiality_label", nullptr}};
  return {{"materiality", *materiality}, {"materiality_label", MaterialityLabel(*materiality)}};
}

nlohmann::json LogJson(const std::vector<RevisionInfo>& revisions) {
  nlohmann::json out = nlohmann::json::array();
  for (const RevisionInfo& revision : revisions) {
    nlohmann::json entry = RevisionJson(revision);
    entry["schema_version"] = kJsonSchemaVersion;
    out.push_back(std::move(entry));
  }
  return out;
}

nlohmann::json ArticleListJson(const std::vector<ArticleSummary>& articles) {
  nlohmann::json out = nlohmann::json::array();
  for (const ArticleSummary& article : articles) {
    if (!article.damage.empty()) {
      out.push_back({{"schema_version", kJsonSchemaVersion},
                     {"article", article.id},
                     {"id", article.id},
                     {"damaged", article.damage}});
      continue;
    }
    // "article", as log and diff name it; "id" kept for older readers.
    out.push_back(
        {{"schema_version", kJsonSchemaVersion},
         {"article", article.id},
         {"id", article.id},
         {"url", article.url},
         {"title", article.title},
         {"revisions", article.revisions},
         {"last_fetched_at", FormatTimestamp(article.last_fetched_at)},
         {"last_commit", article.last_commit},
         {"last_materiality", article.last_materiality ? nlohmann::json(*article.last_materiality)
                                                       : nlohmann::json(nullptr)}});
  }
  return out;
}

nlohmann::json RevisionJson(const RevisionInfo& revision) {
  nlohmann::json json = {
      {"number", revision.number},      {"commit", revision.commit},
      {"article", revision.article_id}, {"url", revision.url},
      {"title", revision.title},        {"fetched_at", FormatTimestamp(revision.fetched_at)},
      {"hash", revision.hash}};
  if (revision.extractor > 0) {
    json["extractor"] = revision.extractor;
    json["reextracted"] = revision.reextracted;
  }
  json.update(MaterialityJson(revision.materiality));
  return json;
}

namespace {

// A stored revision, or a file compared outside the archive.
nlohmann::json SideJson(const DiffSide& side) {
  return side.revision ? RevisionJson(*side.revision) : nlohmann::json{{"file", side.Name()}};
}

}  // namespace

nlohmann::json DiffJson(const RevisionDiff& diff) {
  const Comparison& comparison = diff.text;
  nlohmann::json edits = nlohmann::json::array();
  for (const TextEdit& edit : comparison.edits) {
    nlohmann::json words = nlohmann::json::array();
    for (const WordChange& change : edit.words) {
      words.push_back(
          {{"before", std::string_view(diff.from.text)
                          .substr(change.before.start, change.before.end - change.before.start)},
           {"after", std::string_view(diff.to.text)
                         .substr(change.after.start, change.after.end - change.after.start)},
           {"before_start", change.before.start},
           {"before_end", change.before.end},
           {"after_start", change.after.start},
           {"after_end", change.after.end}});
    }
    edits.push_back({{"kind", EditKindName(edit.kind)},
                     {"before", SpanJson(diff.from.text, edit.before, edit.before_sentences)},
                     {"after", SpanJson(diff.to.text, edit.after, edit.after_sentences)},
                     {"words", std::move(words)},
                     {"inline", InlineWords(diff.from.text, diff.to.text, edit)}});
  }
  nlohmann::json changes = nlohmann::json::array();
  for (const QuoteChange& change : diff.quotes.changes) {
    nlohmann::json entry = QuoteChangeJson(diff, change);
    entry["materiality"] = QuoteMateriality(change);
    changes.push_back(std::move(entry));
  }
  for (const ClaimChange& change : diff.claims) {
    changes.push_back(ClaimChangeJson(diff, change));
  }
  const Counts counts = Count(comparison);
  nlohmann::json summary = {{"unchanged", counts.unchanged},
                            {"quotes_changed", diff.quotes.changes.size()},
                            {"quotes_unchanged", diff.quotes.unchanged},
                            {"claims_changed", diff.claims.size()},
                            {"materiality", diff.Materiality()},
                            {"materiality_label", MaterialityLabel(diff.Materiality())}};
  for (const auto& [kind, count] : counts.of) summary[std::string(EditKindName(kind))] = count;
  auto changed = [&](const std::string& field) -> nlohmann::json {
    for (const MetadataChange& change : diff.metadata) {
      if (change.field == field) return {{"before", change.before}, {"after", change.after}};
    }
    return nullptr;
  };
  const nlohmann::json out = {{"schema_version", kJsonSchemaVersion},
                              {"from", SideJson(diff.from)},
                              {"to", SideJson(diff.to)},
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

std::string RenderDiffJson(const RevisionDiff& diff) {
  return DiffJson(diff).dump(2) + "\n";
}

}  // namespace stet
