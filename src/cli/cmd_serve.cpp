// stet serve's options; the command itself is ServeCommand
// (serve_command.h).
#include <memory>

#include "cli.h"
#include "serve_command.h"

namespace stet::cli {

void SetupServe(CLI::App& app, Context& context) {
  auto options = std::make_shared<ServeCommandOptions>();
  CLI::App* command =
      app.add_subcommand("serve", "A read-only review site over the archive (127.0.0.1)");
  command->add_option("--bind", options->bind,
                      "Address to listen on (default 127.0.0.1; others need --public)");
  command->add_option("--port", options->port, "Port (default 8080; 0: any free port)")
      ->check(CLI::Range(0, 65535));
  command->add_flag("--public", options->allow_public,
                    "Allow an address other than loopback: the archive is then served to the "
                    "network");
  command->add_option("--window", options->window,
                      "The recent changes page's default window (default 7d)");
  command->callback([options, &context] { context.exit_code = ServeCommand(*options, context); });
}

}  // namespace stet::cli
