// The JSON of stet's outputs (stet/report_json.h, docs/json.md).
#include "stet/report_json.h"

#include "report/diff_parts.h"
#include "report/json_writer.h"
#include "stet/clock.h"
#include "stet/render.h"

namespace stet {
namespace {

using report::Count;
using report::Counts;
using report::JsonWriter;
using report::QuoteInline;

// Where a side's text is: null for a side without sentences. Sentences are
// numbered from 1 in JSON as in the text output ("moved (3->5)"), as
// revisions are.
void WriteSpan(JsonWriter& json, std::string_view text, Span span,
               const std::vector<std::size_t>& sentences) {
  if (sentences.empty()) return json.Null();
  json.BeginObject();
  json.Key("end");
  json.Number(span.end);
  json.Key("sentences");
  json.BeginArray();
  for (std::size_t index : sentences) json.Number(index + 1);
  json.EndArray();
  json.Key("start");
  json.Number(span.start);
  json.Key("text");
  json.String(text.substr(span.start, span.end - span.start));
  json.EndObject();
}

void StringOrNull(JsonWriter& json, std::string_view value) {
  if (value.empty()) return json.Null();
  json.String(value);
}

// The bytes of `span`, or null for an empty span.
void TextOrNull(JsonWriter& json, std::string_view text, Span span) {
  if (span.end <= span.start) return json.Null();
  json.String(text.substr(span.start, span.end - span.start));
}

void OffsetOrNull(JsonWriter& json, bool present, std::size_t offset) {
  if (!present) return json.Null();
  json.Number(offset);
}

// Every field on every change: null where a side has none. Keys are written
// in byte order (report/json_writer.h).
void WriteQuoteChange(JsonWriter& json, const RevisionDiff& diff, const QuoteChange& change) {
  const Quote* before = change.before >= 0 ? &diff.quotes_before[change.before] : nullptr;
  const Quote* after = change.after >= 0 ? &diff.quotes_after[change.after] : nullptr;
  const Quote& current = after != nullptr ? *after : *before;
  const bool edited = change.kind == QuoteChangeKind::kEdited;
  json.BeginObject();
  for (const auto& [side, prefix] : {std::pair{after, "after"}, std::pair{before, "before"}}) {
    const std::string name = prefix;
    json.Key(name);
    side ? json.String(side->text) : json.Null();
    json.Key(name + "_end");
    OffsetOrNull(json, side != nullptr, side ? side->Whole().end : 0);
    json.Key(name + "_speaker");
    side ? StringOrNull(json, side->speaker) : json.Null();
    json.Key(name + "_start");
    OffsetOrNull(json, side != nullptr, side ? side->Whole().start : 0);
  }
  json.Key("detail");
  edited ? json.String(change.detail) : json.Null();
  json.Key("inline");
  edited ? json.String(QuoteInline(diff, *before, *after)) : json.Null();
  json.Key("kind");
  json.String(QuoteChangeKindName(change.kind));
  json.Key("materiality");
  json.Value(QuoteMateriality(change));
  json.Key("minor");
  json.Bool(edited && change.minor);
  json.Key("speaker");
  StringOrNull(json, current.speaker);
  json.EndObject();
}

void WriteClaimChange(JsonWriter& json, const RevisionDiff& diff, const ClaimChange& change) {
  auto sentence = [&](std::string_view text, const std::vector<Span>& sentences, int index) {
    if (index < 0) return json.Null();
    const Span span = sentences[static_cast<std::size_t>(index)];
    json.String(text.substr(span.start, span.end - span.start));
  };
  auto side = [&](const char* prefix, std::string_view text, Span span,
                  const std::vector<Span>& sentences, int index) {
    const std::string name = prefix;
    const bool present = span.end > span.start;
    json.Key(name);
    TextOrNull(json, text, span);
    json.Key(name + "_end");
    OffsetOrNull(json, present, span.end);
    json.Key(name + "_sentence");
    sentence(text, sentences, index);
    json.Key(name + "_start");
    OffsetOrNull(json, present, span.start);
  };
  json.BeginObject();
  side("after", diff.to.text, change.after, diff.text.after_sentences, change.after_sentence);
  side("before", diff.from.text, change.before, diff.text.before_sentences, change.before_sentence);
  json.Key("detail");
  StringOrNull(json, change.detail);
  json.Key("kind");
  json.String(ClaimChangeKindName(change.kind));
  json.Key("materiality");
  json.Value(change.materiality);
  json.Key("parts");
  json.BeginArray();
  const std::string_view part_text =
      change.kind == ClaimChangeKind::kClaimRemoved ? diff.from.text : diff.to.text;
  for (const ClaimPart& part : change.parts) {
    json.BeginObject();
    json.Key("end");
    json.Number(part.span.end);
    json.Key("kind");
    json.String(part.kind);
    json.Key("start");
    json.Number(part.span.start);
    json.Key("text");
    TextOrNull(json, part_text, part.span);
    json.EndObject();
  }
  json.EndArray();
  json.Key("refers_to");
  sentence(diff.to.text, diff.text.after_sentences, change.refers_to);
  json.Key("speaker");
  StringOrNull(json, change.speaker);
  json.EndObject();
}

void WriteTextEdit(JsonWriter& json, const RevisionDiff& diff, const TextEdit& edit) {
  json.BeginObject();
  json.Key("after");
  WriteSpan(json, diff.to.text, edit.after, edit.after_sentences);
  json.Key("before");
  WriteSpan(json, diff.from.text, edit.before, edit.before_sentences);
  json.Key("inline");
  json.String(InlineWords(diff.from.text, diff.to.text, edit));
  json.Key("kind");
  json.String(EditKindName(edit.kind));
  json.Key("words");
  json.BeginArray();
  // A side of a word change: its bytes, then their offsets.
  auto side = [&](const std::string& name, std::string_view text, Span span) {
    json.Key(name);
    json.String(text.substr(span.start, span.end - span.start));
    json.Key(name + "_end");
    json.Number(span.end);
    json.Key(name + "_start");
    json.Number(span.start);
  };
  for (const WordChange& change : edit.words) {
    json.BeginObject();
    side("after", diff.to.text, change.after);
    side("before", diff.from.text, change.before);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
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

// The document, written to `json`; its final line break is the caller's.
void WriteDiffJson(const RevisionDiff& diff, JsonWriter& json) {
  const Comparison& comparison = diff.text;
  auto changed = [&](const std::string& field) -> nlohmann::json {
    for (const MetadataChange& change : diff.metadata) {
      if (change.field == field) return {{"before", change.before}, {"after", change.after}};
    }
    return nullptr;
  };
  const Counts counts = Count(comparison);
  nlohmann::json summary = {{"unchanged", counts.unchanged},
                            {"quotes_changed", diff.quotes.changes.size()},
                            {"quotes_unchanged", diff.quotes.unchanged},
                            {"claims_changed", diff.claims.size()},
                            {"materiality", diff.Materiality()},
                            {"materiality_label", MaterialityLabel(diff.Materiality())}};
  for (const auto& [kind, count] : counts.of) summary[std::string(EditKindName(kind))] = count;

  json.BeginObject();
  for (const char* field : {"byline"}) {
    json.Key(field);
    json.Value(changed(field));
    json.Key(std::string(field) + "_changed");
    json.Bool(!changed(field).is_null());
  }
  json.Key("changes");
  json.BeginArray();
  for (const QuoteChange& change : diff.quotes.changes) WriteQuoteChange(json, diff, change);
  for (const ClaimChange& change : diff.claims) WriteClaimChange(json, diff, change);
  json.EndArray();
  json.Key("from");
  json.Value(SideJson(diff.from));
  for (const char* field : {"headline", "published"}) {
    json.Key(field);
    json.Value(changed(field));
    json.Key(std::string(field) + "_changed");
    json.Bool(!changed(field).is_null());
  }
  json.Key("schema_version");
  json.Number(kJsonSchemaVersion);
  json.Key("summary");
  json.Value(summary);
  json.Key("text_edits");
  json.BeginArray();
  for (const TextEdit& edit : comparison.edits) WriteTextEdit(json, diff, edit);
  json.EndArray();
  json.Key("to");
  json.Value(SideJson(diff.to));
  json.EndObject();
}

}  // namespace

nlohmann::json DiffJson(const RevisionDiff& diff) {
  return nlohmann::json::parse(RenderDiffJson(diff));
}

std::string RenderDiffJson(const RevisionDiff& diff) {
  std::string out;
  // The document is about as long as the two texts it quotes, plus fields.
  out.reserve(diff.from.text.size() + diff.to.text.size() + 4096);
  JsonWriter json(out);
  WriteDiffJson(diff, json);
  out += '\n';
  return out;
}

void RenderDiffJson(const RevisionDiff& diff, const std::function<void(std::string_view)>& write) {
  std::string out;
  out.reserve(2 * JsonWriter::kFlushBytes);
  JsonWriter json(out, write);
  WriteDiffJson(diff, json);
  out += '\n';
  write(out);
}

}  // namespace stet
