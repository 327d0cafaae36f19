// `stet serve`: its options (cmd_serve.cpp) and its work, which is linked
// in one of two ways. In `stet`, ServeCommand hands the command line to the
// stet-serve executable (serve_exec.cpp); in stet-serve, it runs the server
// (serve_run.cpp). The server's HTTP library (cpp-httplib, with OpenSSL and
// brotli) is then loaded only by the command that serves, not at every
// stet start (docs/design.md, "Start-up").
#ifndef STET_SRC_CLI_SERVE_COMMAND_H_
#define STET_SRC_CLI_SERVE_COMMAND_H_

#include <string>

#include "cli.h"

namespace stet::cli {

struct ServeCommandOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;
  bool allow_public = false;
  std::string window = "7d";
};

// Returns the exit code.
int ServeCommand(const ServeCommandOptions& options, const Context& context);

}  // namespace stet::cli

#endif  // STET_SRC_CLI_SERVE_COMMAND_H_
