#include "stet/import.h"

#include <nlohmann/json.hpp>

#include "stet/pages.h"

#include <algorithm>
#include <limits>
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

namespace {

// Reads the next line of `in` (without its '\n') into `line`, reading at
// most `max` bytes of it into memory: a longer line is read past to its end
// and reported in `*too_long` (its first `max` bytes in `line`). False at
// the end of the input.
bool ReadBoundedLine(std::istream& in, std::size_t max, std::vector<char>& buffer,
                     std::string& line, bool* too_long) {
  *too_long = false;
  if (buffer.size() < max + 2) buffer.resize(max + 2);
  in.getline(buffer.data(), static_cast<std::streamsize>(max + 2));
  const auto got = static_cast<std::size_t>(in.gcount());
  if (in.eof() && got == 0) return false;
  if (in.fail() && !in.eof()) {
    // The buffer filled before a '\n': a line longer than `max`.
    in.clear();
    in.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
    *too_long = true;
    line.assign(buffer.data(), max);
    return true;
  }
  // gcount counts the '\n' taken, unless the input ended first.
  const std::size_t length = got > 0 && !in.eof() ? got - 1 : got;
  in.clear(in.rdstate() & ~std::ios::failbit);
  *too_long = length > max;
  line.assign(buffer.data(), std::min(length, max));
  return true;
}

}  // namespace

ImportSummary ImportJsonLines(Archive& archive, std::istream& in, const std::string& source,
                              const ImportOptions& options, const RejectedLineSink& on_rejected,
                              const ImportProgress& on_progress) {
  ImportSummary summary;
  std::set<std::string> articles;
  std::vector<NewRevision> batch;
  std::size_t batch_bytes = 0;
  std::vector<std::size_t> batch_lines;  // each revision's line number, for messages
  auto reject = [&](const Status& why, std::size_t line_number) {
    ++summary.rejected;
    if (on_rejected)
      on_rejected(why.WithContext("import " + source + ":" + std::to_string(line_number)));
  };
  auto flush = [&](std::size_t through_line) -> Status {
    if (!batch.empty()) {
      Result<std::vector<AddOutcome>> outcomes = archive.AddBatch(batch);
      if (!outcomes.ok()) return outcomes.status().WithContext("import " + source);
      for (std::size_t i = 0; i < outcomes->size(); ++i) {
        const AddOutcome& outcome = (*outcomes)[i];
        if (!outcome.refused.ok()) {
          reject(outcome.refused, batch_lines[i]);
          continue;
        }
        ++(outcome.stored           ? summary.stored
           : outcome.already_stored ? summary.already_stored
                                    : summary.unchanged);
        articles.insert(outcome.revision.article_id);
      }
    }
    batch.clear();
    batch_lines.clear();
    batch_bytes = 0;
    summary.settled_through_line = through_line;
    summary.articles = articles.size();
    if (on_progress) on_progress(summary);
    return Status::Ok();
  };

  std::string line;
  std::vector<char> buffer;
  std::size_t line_number = 0;
  bool too_long = false;
  while (ReadBoundedLine(in, options.max_line_bytes, buffer, line, &too_long)) {
    ++line_number;
    if (!too_long && line.find_first_not_of(" \t\r") == std::string::npos) continue;
    ++summary.lines;
    if (too_long) {
      reject(Status::InvalidInput("line over the " + std::to_string(options.max_line_bytes) +
                                  "-byte limit (--max-size)"),
             line_number);
      continue;
    }
    Result<NewRevision> revision = ParseImportLine(line);
    if (!revision.ok()) {
      reject(revision.status(), line_number);
      continue;
    }
    batch_bytes += revision->text.size();
    revision->allow_earlier = options.allow_earlier;
    batch.push_back(std::move(revision).value());
    batch_lines.push_back(line_number);
    if (batch.size() >= options.batch_revisions || batch_bytes >= options.batch_bytes) {
      if (Status flushed = flush(line_number); !flushed.ok()) {
        summary.error = flushed;
        return summary;
      }
    }
  }
  if (in.bad()) {
    summary.error = Status::InvalidInput("import " + source + ": read error after line " +
                                         std::to_string(line_number));
    return summary;
  }
  if (Status flushed = flush(line_number); !flushed.ok()) summary.error = flushed;
  return summary;
}

}  // namespace stet
