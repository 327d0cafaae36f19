// The `stet` executable: names the subcommands (cli_main.cpp binds the
// global flags and reports usage errors). Each subcommand lives in its own
// file (cmd_*.cpp) and calls one library entry point; `serve` runs in its
// own executable, stet-serve (serve_command.h says why).
#include <malloc.h>

#include "cli.h"

int main(int argc, char** argv) {
  using namespace stet::cli;
  // Memory a command frees is kept for its next allocations instead of
  // going back to the system: a page the process touches for the first time
  // costs a fault (about 10 us on a virtual machine), and glibc's default
  // maps each block over 128 KB apart and unmaps it when freed, so a large
  // comparison faulted its text, tokens and quotes in again and again. A
  // long `stet watch` keeps at most the trim threshold of free memory.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
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
