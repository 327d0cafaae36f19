// stet diff ARTICLE [REV_A [REV_B]] and stet diff --files OLD NEW: what
// changed between two revisions, sentence by sentence.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>

#include "cli.h"
#include "stet/clock.h"
#include "stet/compare.h"
#include "stet/text.h"

namespace stet::cli {
namespace {

enum class Color { kAuto, kAlways, kNever };

struct DiffOptions {
  std::vector<std::string> args;
  bool files = false;
  Format format = Format::kText;
  Color color = Color::kAuto;
  std::size_t max_size = kDefaultMaxInputBytes;
};

// One side of the comparison: a stored revision or a file.
struct DiffSide {
  std::string text;
  std::optional<RevisionInfo> revision;
  std::string file;  // for --files

  std::string Name() const {
    return revision ? "revision " + std::to_string(revision->number) : InputName(file);
  }
  nlohmann::json Json() const {
    return revision ? RevisionJson(*revision) : nlohmann::json{{"file", InputName(file)}};
  }
};

Result<DiffSide> ReadFileSide(const std::string& path, std::size_t max_size) {
  Result<std::string> bytes = ReadInputFile(path, max_size);
  if (!bytes.ok()) return bytes.status().WithOperation("diff");
  if (Status valid = CheckText(*bytes); !valid.ok()) {
    return valid.WithContext("diff " + InputName(path));
  }
  DiffSide side;
  side.text = StorableText(*bytes);
  side.file = path;
  return side;
}

// Reads both revisions of ARTICLE [REV_A [REV_B]]: with none given the last
// two, with one given that one and the latest.
Result<std::pair<DiffSide, DiffSide>> ReadRevisionSides(const DiffOptions& options,
                                                        const Context& context) {
  Result<Archive> archive = OpenArchive(context);
  if (!archive.ok()) return archive.status();
  const std::string& article = options.args[0];
  Result<std::string> id = archive->ResolveArticle(article);
  if (!id.ok()) return id.status().WithOperation("diff");
  Result<std::vector<RevisionInfo>> log = archive->Log(*id);
  if (!log.ok()) return log.status().WithOperation("diff");
  if (log->size() < 2 && options.args.size() < 3) {
    return Status::InvalidInput("diff " + article + ": only one revision is stored (" +
                                log->front().url + "); nothing to compare");
  }
  const std::string rev_a = options.args.size() >= 2 ? options.args[1] : "-2";
  const std::string rev_b = options.args.size() >= 3 ? options.args[2] : "-1";
  std::pair<DiffSide, DiffSide> sides;
  for (auto [rev, side] : {std::pair{&rev_a, &sides.first}, std::pair{&rev_b, &sides.second}}) {
    Result<RevisionInfo> revision = archive->ResolveRevision(*id, *rev);
    if (!revision.ok()) return revision.status().WithOperation("diff");
    Result<std::string> text = archive->ReadText(*revision);
    if (!text.ok()) return text.status().WithOperation("diff");
    side->revision = *revision;
    side->text = std::move(*text);
  }
  if (sides.first.revision->number == sides.second.revision->number) {
    return Status::InvalidInput("diff " + article + ": both sides are revision " +
                                std::to_string(sides.first.revision->number) +
                                "; nothing to compare");
  }
  return sides;
}

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

nlohmann::json SpanJson(std::string_view text, Span span,
                        const std::vector<std::size_t>& sentences) {
  if (sentences.empty()) return nullptr;
  return {{"text", text.substr(span.start, span.end - span.start)},
          {"start", span.start},
          {"end", span.end},
          {"sentences", sentences}};
}

void PrintJson(const DiffSide& from, const DiffSide& to, const Comparison& comparison) {
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
  const Counts counts = Count(comparison);
  nlohmann::json summary = {{"unchanged", counts.unchanged}};
  for (const auto& [kind, count] : counts.of) summary[std::string(EditKindName(kind))] = count;
  const nlohmann::json out = {{"from", from.Json()},
                              {"to", to.Json()},
                              {"changes", nlohmann::json::array()},
                              {"text_edits", std::move(edits)},
                              {"summary", std::move(summary)}};
  std::printf("%s\n", out.dump(2).c_str());
}

bool UseColor(Color color) {
  if (color != Color::kAuto) return color == Color::kAlways;
  const char* no_color = std::getenv("NO_COLOR");
  return ::isatty(STDOUT_FILENO) && (no_color == nullptr || *no_color == '\0');
}

void PrintText(const DiffSide& from, const DiffSide& to, const Comparison& comparison, bool color) {
  const InlineMarkers markers =
      color ? InlineMarkers{"\x1b[31m", "\x1b[0m", "\x1b[32m", "\x1b[0m"} : InlineMarkers{};
  if (to.revision) {
    if (!to.revision->title.empty()) std::printf("%s\n", to.revision->title.c_str());
    std::printf("%s (%s) -> %s (%s)\n", from.Name().c_str(),
                FormatTimestamp(from.revision->fetched_at).c_str(), to.Name().c_str(),
                FormatTimestamp(to.revision->fetched_at).c_str());
  } else {
    std::printf("%s -> %s\n", from.Name().c_str(), to.Name().c_str());
  }
  std::printf("\nTEXT  %s\n", SummaryLine(Count(comparison)).c_str());
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
    std::printf("  %-9s %s\n", label.c_str(), body.c_str());
  }
}

int RunDiff(const DiffOptions& options, const Context& context) {
  const std::size_t count = options.args.size();
  if (options.files ? count != 2 : (count < 1 || count > 3)) {
    Fail(Status::InvalidInput(options.files ? "diff --files: give two files, OLD and NEW"
                                            : "diff: give ARTICLE [REV_A [REV_B]]"));
    return kExitUsage;
  }
  DiffSide from, to;
  if (options.files) {
    Result<DiffSide> left = ReadFileSide(options.args[0], options.max_size);
    if (!left.ok()) return Fail(left.status());
    Result<DiffSide> right = ReadFileSide(options.args[1], options.max_size);
    if (!right.ok()) return Fail(right.status());
    from = std::move(*left);
    to = std::move(*right);
  } else {
    Result<std::pair<DiffSide, DiffSide>> sides = ReadRevisionSides(options, context);
    if (!sides.ok()) return Fail(sides.status());
    from = std::move(sides->first);
    to = std::move(sides->second);
  }
  Result<Comparison> comparison = CompareTexts(from.text, to.text);
  if (!comparison.ok()) return Fail(comparison.status().WithOperation("diff"));
  if (options.format == Format::kJson) {
    PrintJson(from, to, *comparison);
  } else if (comparison->edits.empty()) {
    const bool same_bytes = from.text == to.text;
    std::printf("no changes: %s and %s %s\n", from.Name().c_str(), to.Name().c_str(),
                same_bytes ? "have the same text"
                           : "differ only in spacing, Unicode form or quote and dash style");
  } else {
    PrintText(from, to, *comparison, UseColor(options.color));
  }
  return kExitOk;
}

}  // namespace

void SetupDiff(CLI::App& app, Context& context) {
  auto options = std::make_shared<DiffOptions>();
  CLI::App* command = app.add_subcommand(
      "diff", "What changed between two revisions (default: the last two), or two files");
  command->add_option("args", options->args, "ARTICLE [REV_A [REV_B]], or OLD NEW with --files")
      ->required();
  command->add_flag("--files", options->files, "Compare two text files; no archive needed");
  AddFormatOption(*command, &options->format);
  const std::map<std::string, Color> colors{
      {"auto", Color::kAuto}, {"always", Color::kAlways}, {"never", Color::kNever}};
  command->add_option("--color", options->color, "Colour: auto (on a terminal), always, never")
      ->transform(CLI::CheckedTransformer(colors, CLI::ignore_case))
      ->default_str("auto");
  command->add_option("--max-size", options->max_size, "Largest file accepted (default 10MiB)")
      ->transform(CLI::AsSizeValue(false));
  command->callback([options, &context] { context.exit_code = RunDiff(*options, context); });
}

}  // namespace stet::cli
