// The `stet` executable: names the subcommands (cli_main.cpp binds the
// global flags and reports usage errors). Each subcommand lives in its own
// file (cmd_*.cpp) and calls one library entry point; `serve` runs in its
// own executable, stet-serve (serve_command.h says why).
#include "cli.h"
#include "heap.h"

int main(int argc, char** argv) {
  using namespace stet::cli;
  KeepFreedMemory();
  return RunCommandLine(
      argc, argv,
      {{"init", SetupInit},           {"add", SetupAdd},       {"import", SetupImport},
       {"list", SetupList},           {"log", SetupLog},       {"show", SetupShow},
       {"analyze", SetupAnalyze},     {"diff", SetupDiff},     {"report", SetupReport},
       {"serve", SetupServe},         {"quotes", SetupQuotes}, {"extract", SetupExtract},
       {"reextract", SetupReextract}, {"track", SetupTrack},   {"untrack", SetupTrack},
       {"tracked", SetupTrack},       {"feed", SetupFeed},     {"run", SetupRun},
       {"watch", SetupRun},           {"status", SetupStatus}, {"verify", SetupVerify},
       {"remote", SetupRemote},       {"push", SetupPush},     {"pull", SetupPull},
       {"clone", SetupClone},         {"gc", SetupGc}});
}
