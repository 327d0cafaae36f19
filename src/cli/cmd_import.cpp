// stet import FILE.jsonl|-: bulk-load revisions.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli.h"
#include "stet/import.h"

namespace stet::cli {
namespace {

struct ImportCommandOptions {
  std::string file;
  bool progress = false;
  bool no_rate = false;  // --no-rate: store without materiality, as fast as storing goes
  ImportOptions import;
  Format format = Format::kText;
};

int RunImport(const ImportCommandOptions& options, const Context& context) {
  const bool from_stdin = options.file == "-";
  const std::string source = InputName(options.file);
  std::ifstream file;
  if (!from_stdin) {
    if (Status readable = CheckInputPath(options.file); !readable.ok()) {
      return Fail(readable.WithOperation("import"));
    }
    file.open(options.file, std::ios::binary);
    if (!file) return Fail(Status::InvalidInput("import " + options.file + ": cannot open"));
  }
  Result<Archive> archive = OpenArchive(context);
  if (!archive.ok()) return Fail(archive.status());
  if (options.no_rate) archive->SetRevisionRater(nullptr);
  // Progress after each written batch on a terminal (or with --progress):
  // a long import says how far it got, and a failed one where to go on from.
  const bool progress = options.progress || ::isatty(STDERR_FILENO);
  const ImportSummary summary = ImportJsonLines(
      *archive, from_stdin ? std::cin : file, source, options.import,
      [](const Status& rejected) {
        std::fprintf(stderr, "stet: %s\n", rejected.message().c_str());
      },
      [&](const ImportSummary& so_far) {
        if (!progress) return;
        std::fprintf(stderr,
                     "import %s: through line %zu: %zu stored, %zu already stored, %zu "
                     "rejected\n",
                     source.c_str(), so_far.settled_through_line, so_far.stored,
                     so_far.already_stored, so_far.rejected);
      });
  if (options.format == Format::kJson) {
    nlohmann::json out{{"lines", summary.lines},
                       {"stored", summary.stored},
                       {"unchanged", summary.unchanged},
                       {"already_stored", summary.already_stored},
                       {"rejected", summary.rejected},
                       {"articles", summary.articles},
                       {"settled_through_line", summary.settled_through_line},
                       {"error", summary.error.ok() ? nlohmann::json(nullptr)
                                                    : nlohmann::json(summary.error.message())}};
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    std::printf(
        "imported %zu revision(s) of %zu article(s); %zu unchanged, %zu already stored, "
        "%zu line(s) rejected%s\n",
        summary.stored, summary.articles, summary.unchanged, summary.already_stored,
        summary.rejected,
        summary.error.ok()
            ? ""
            : ("; stopped after line " + std::to_string(summary.settled_through_line) +
               " (run the same import again to go on)")
                  .c_str());
  }
  if (!summary.error.ok()) return Fail(summary.error);
  return summary.rejected > 0 ? kExitProblem : kExitOk;
}

}  // namespace

void SetupImport(CLI::App& app, Context& context) {
  auto options = std::make_shared<ImportCommandOptions>();
  CLI::App* command = app.add_subcommand("import",
                                         "Bulk-load revisions from JSON Lines: {\"url\", "
                                         "\"fetched_at\", \"text\", \"title\"?} a line");
  command->add_option("file", options->file, "JSONL file, or - for standard input")->required();
  command
      ->add_option("--max-size", options->import.max_line_bytes,
                   "Longest line accepted (default 10MiB)")
      ->check(NonNegativeSize())
      ->transform(CLI::AsSizeValue(false));
  command
      ->add_option("--batch-size", options->import.batch_revisions,
                   "Revisions written per pack (default 10000)")
      ->check(CLI::PositiveNumber);
  command->add_flag("--progress", options->progress,
                    "Report each written batch on stderr (the default on a terminal)");
  command->add_flag("--no-rate", options->no_rate,
                    "Store revisions without their materiality (about twice as fast; log, list "
                    "and report then show none for them)");
  command->add_flag("--allow-earlier", options->import.allow_earlier,
                    "Store lines seen before their article's latest revision (after it)");
  AddFormatOption(*command, &options->format);
  command->callback([options, &context] { context.exit_code = RunImport(*options, context); });
}

}  // namespace stet::cli
