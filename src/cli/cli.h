// Shared pieces of the `stet` command line: the context every subcommand
// gets, the one place errors are printed, and the subcommand table.
#ifndef STET_SRC_CLI_CLI_H_
#define STET_SRC_CLI_CLI_H_

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <string>

#include "stet/archive.h"
#include "stet/status.h"

namespace stet::cli {

// Exit codes (docs/cli.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitProblem = 1;  // bad input, nothing found, nothing to compare
inline constexpr int kExitUsage = 2;
inline constexpr int kExitNetwork = 3;
inline constexpr int kExitArchiveDamaged = 4;

struct Context {
  std::string archive_flag;  // --archive, empty when not given
  int exit_code = kExitOk;

  // --archive, else $STET_ARCHIVE, else ./stet-archive.
  std::string ArchivePath() const;
};

// Prints "stet: <message>" on stderr and returns the exit code for it.
// The only place the CLI reports a failure.
int Fail(const Status& status);

// Opens the archive of `context`, or reports why not.
Result<Archive> OpenArchive(const Context& context);

// How messages name an input file: its path, or "standard input" for "-".
std::string InputName(const std::string& file);

// Output formats of listing commands.
enum class Format { kText, kJson };
void AddFormatOption(CLI::App& command, Format* format);

nlohmann::json RevisionJson(const RevisionInfo& revision);

// Each subcommand registers itself on the app; its callback sets
// context.exit_code.
void SetupInit(CLI::App& app, Context& context);
void SetupAdd(CLI::App& app, Context& context);
void SetupImport(CLI::App& app, Context& context);
void SetupList(CLI::App& app, Context& context);
void SetupLog(CLI::App& app, Context& context);
void SetupShow(CLI::App& app, Context& context);
void SetupAnalyze(CLI::App& app, Context& context);
void SetupDiff(CLI::App& app, Context& context);

}  // namespace stet::cli

#endif  // STET_SRC_CLI_CLI_H_
