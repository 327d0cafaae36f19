// The stet-serve executable: `stet serve` runs here (serve_exec.cpp), with
// stet's own command line.
#include "cli.h"

int main(int argc, char** argv) {
  return stet::cli::RunCommandLine(argc, argv, {{"serve", stet::cli::SetupServe}});
}
