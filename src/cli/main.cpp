// The `stet` executable: binds global flags, registers the subcommands and
// turns CLI11's usage errors into one line and exit code 2. Each subcommand lives in its
// own file (cmd_*.cpp) and calls one library entry point.
#include <csignal>
#include <cstdio>
#include <cstdlib>

#include "cli.h"

int main(int argc, char** argv) {
  using namespace stet::cli;
  CLI::App app{
      "stet: keeps every revision of a news article and says how its quotes and claims changed"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "stet 0.1.0");
  // STET_NOW (RFC 3339): the time every command takes as now, for tests and
  // replays of a schedule.
  if (const char* now = std::getenv("STET_NOW"); now != nullptr && *now != '\0') {
    stet::Result<stet::UnixSeconds> fixed = stet::ParseTimestamp(now);
    if (!fixed.ok()) {
      std::fprintf(stderr, "stet: STET_NOW: %s\n", fixed.status().message().c_str());
      return kExitUsage;
    }
    stet::SetFixedNow(*fixed);
  }
  Context context;
  app.add_option("--archive", context.archive_flag,
                 "Archive directory (default: $STET_ARCHIVE, else ./stet-archive)");
  SetupInit(app, context);
  SetupAdd(app, context);
  SetupImport(app, context);
  SetupList(app, context);
  SetupLog(app, context);
  SetupShow(app, context);
  SetupAnalyze(app, context);
  SetupDiff(app, context);
  SetupReport(app, context);
  SetupServe(app, context);
  SetupQuotes(app, context);
  SetupExtract(app, context);
  SetupReextract(app, context);
  SetupTrack(app, context);
  SetupFeed(app, context);
  SetupRun(app, context);
  SetupStatus(app, context);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return UsageError(app, error, argc, argv);
  }
  return context.exit_code;
}
