// stet import FILE.jsonl|-: bulk-load revisions.
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
  Result<ImportSummary> summary = ImportJsonLines(
      *archive, from_stdin ? std::cin : file, source, options.import, [](const Status& rejected) {
        std::fprintf(stderr, "stet: %s\n", rejected.message().c_str());
      });
  if (!summary.ok()) return Fail(summary.status());
  if (options.format == Format::kJson) {
    std::printf("%s\n", nlohmann::json{{"lines", summary->lines},
                                       {"stored", summary->stored},
                                       {"unchanged", summary->unchanged},
                                       {"rejected", summary->rejected},
                                       {"articles", summary->articles}}
                            .dump(2)
                            .c_str());
  } else {
    std::printf("imported %zu revision(s) of %zu article(s); %zu unchanged, %zu line(s) rejected\n",
                summary->stored, summary->articles, summary->unchanged, summary->rejected);
  }
  return summary->rejected > 0 ? kExitProblem : kExitOk;
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
  command->add_flag("--allow-earlier", options->import.allow_earlier,
                    "Store lines seen before their article's latest revision (after it)");
  AddFormatOption(*command, &options->format);
  command->callback([options, &context] { context.exit_code = RunImport(*options, context); });
}

}  // namespace stet::cli
