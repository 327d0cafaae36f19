// What every stet executable's main does: global flags, STET_NOW, the parse
// and its usage errors.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "cli.h"

namespace stet::cli {
namespace {

// The first argument that is neither a global flag nor its value: the
// subcommand, if the line names one.
std::string_view NamedCommand(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view argument = argv[i];
    if (argument == "--archive") {
      ++i;
    } else if (argument.empty() || argument.front() != '-') {
      return argument;
    }
  }
  return {};
}

// The Setups to call: the named command's alone, else every one once, in
// order. CLI11 builds each option of each command it is given, which was
// two thirds of the instructions of a short command such as `stet log`.
std::vector<Setup> ChosenSetups(int argc, char** argv, std::initializer_list<Command> commands) {
  const std::string_view named = NamedCommand(argc, argv);
  for (const Command& command : commands) {
    if (command.name == named) return {command.setup};
  }
  // --version alone needs no command at all.
  if (named.empty() && argc == 2 && std::string_view(argv[1]) == "--version") return {};
  std::vector<Setup> all;
  for (const Command& command : commands) {
    if (std::find(all.begin(), all.end(), command.setup) == all.end()) {
      all.push_back(command.setup);
    }
  }
  return all;
}

}  // namespace

int RunCommandLine(int argc, char** argv, std::initializer_list<Command> commands) {
  CLI::App app{
      "stet: keeps every revision of a news article and says how its quotes and claims changed"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "stet 0.1.0");
  // STET_NOW (RFC 3339): the time every command takes as now, for tests and
  // replays of a schedule.
  if (const char* now = std::getenv("STET_NOW"); now != nullptr && *now != '\0') {
    Result<UnixSeconds> fixed = ParseTimestamp(now);
    if (!fixed.ok()) {
      std::fprintf(stderr, "stet: STET_NOW: %s\n", fixed.status().message().c_str());
      return kExitUsage;
    }
    SetFixedNow(*fixed);
  }
  Context context;
  context.argv = argv;
  app.add_option("--archive", context.archive_flag,
                 "Archive directory (default: $STET_ARCHIVE, else ./stet-archive)");
  for (Setup setup : ChosenSetups(argc, argv, commands)) setup(app, context);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return UsageError(app, error, argc, argv);
  }
  return context.exit_code;
}

}  // namespace stet::cli
