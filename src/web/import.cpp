#include "stet/import.h"

#include <nlohmann/json.hpp>

#include "stet/pages.h"

#include <set>
#include <vector>

namespace stet {
namespace {

Result<std::string> OptionalString(const nlohmann::json& object, const char* field) {
  const auto found = object.find(field);
  if (found == object.end() || found->is_null()) return std::string();
  if (!found->is_string())
    return Status::InvalidInput(std::string("\"") + field + "\" is not a string");
  return found->get<std::string>();
}

}  // namespace

Result<NewRevision> ParseImportLine(std::string_view line) {
  nlohmann::json object = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (object.is_discarded()) return Status::InvalidInput("not valid JSON");
  if (!object.is_object()) return Status::InvalidInput("not a JSON object");
  NewRevision revision;
  Result<std::string> url = OptionalString(object, "url");
  Result<std::string> key = OptionalString(object, "key");
  Result<std::string> text = OptionalString(object, "text");
  Result<std::string> html = OptionalString(object, "html");
  Result<std::string> title = OptionalString(object, "title");
  Result<std::string> fetched_at = OptionalString(object, "fetched_at");
  for (const Result<std::string>* field : {&url, &key, &text, &html, &title, &fetched_at}) {
    if (!field->ok()) return field->status();
  }
  if (url->empty() && key->empty()) return Status::InvalidInput("\"url\" missing");
  if (fetched_at->empty()) return Status::InvalidInput("\"fetched_at\" missing");
  const bool has_text = object.find("text") != object.end();
  if (!html->empty() && has_text)
    return Status::InvalidInput("give \"text\" or \"html\", not both");
  if (html->empty() && !has_text) return Status::InvalidInput("\"text\" or \"html\" missing");
  Result<UnixSeconds> when = ParseTimestamp(*fetched_at);
  if (!when.ok()) return when.status().WithContext("\"fetched_at\"");
  if (!html->empty()) {
    // A page: extracted here, stored with its text (as `stet add page.html`).
    if (url->empty()) return Status::InvalidInput("a page (\"html\") needs its \"url\"");
    Result<NewRevision> page = RevisionFromPage(*html, *url, *when);
    if (!page.ok()) return page.status().WithContext("\"html\"");
    if (!title->empty()) page->title = std::move(title).value();
    if (Status valid = Archive::Validate(*page); !valid.ok()) return valid;
    return page;
  }
  revision.url = std::move(url).value();
  revision.key = std::move(key).value();
  revision.text = std::move(text).value();
  revision.title = std::move(title).value();
  revision.fetched_at = *when;
  if (Status valid = Archive::Validate(revision); !valid.ok()) return valid;
  return revision;
}

Result<ImportSummary> ImportJsonLines(Archive& archive, std::istream& in, const std::string& source,
                                      const ImportOptions& options,
                                      const RejectedLineSink& on_rejected) {
  ImportSummary summary;
  std::set<std::string> articles;
  std::vector<NewRevision> batch;
  std::size_t batch_bytes = 0;
  std::vector<std::size_t> batch_lines;  // each revision's line number, for messages
  auto flush = [&]() -> Status {
    if (batch.empty()) return Status::Ok();
    Result<std::vector<AddOutcome>> outcomes = archive.AddBatch(batch);
    if (!outcomes.ok()) return outcomes.status().WithContext("import " + source);
    for (std::size_t i = 0; i < outcomes->size(); ++i) {
      const AddOutcome& outcome = (*outcomes)[i];
      if (!outcome.refused.ok()) {
        ++summary.rejected;
        if (on_rejected) {
          on_rejected(outcome.refused.WithContext("import " + source + ":" +
                                                  std::to_string(batch_lines[i])));
        }
        continue;
      }
      ++(outcome.stored ? summary.stored : summary.unchanged);
      articles.insert(outcome.revision.article_id);
    }
    batch.clear();
    batch_lines.clear();
    batch_bytes = 0;
    return Status::Ok();
  };

  std::string line;
  std::size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    ++summary.lines;
    Result<NewRevision> revision =
        line.size() > options.max_line_bytes
            ? Result<NewRevision>(Status::InvalidInput(
                  "line of " + std::to_string(line.size()) + " bytes, over the " +
                  std::to_string(options.max_line_bytes) + "-byte limit (--max-size)"))
            : ParseImportLine(line);
    if (!revision.ok()) {
      ++summary.rejected;
      if (on_rejected) {
        on_rejected(
            revision.status().WithContext("import " + source + ":" + std::to_string(line_number)));
      }
      continue;
    }
    batch_bytes += revision->text.size();
    revision->allow_earlier = options.allow_earlier;
    batch.push_back(std::move(revision).value());
    batch_lines.push_back(line_number);
    if (batch.size() >= options.batch_revisions || batch_bytes >= options.batch_bytes) {
      if (Status flushed = flush(); !flushed.ok()) return flushed;
    }
  }
  if (in.bad()) return Status::InvalidInput("import " + source + ": read error");
  if (Status flushed = flush(); !flushed.ok()) return flushed;
  summary.articles = articles.size();
  return summary;
}

}  // namespace stet
