// stet serve: the read-only review site over the archive, on loopback
// unless --public.
#include <signal.h>

#include <cstdio>
#include <memory>
#include <thread>

#include "cli.h"
#include "stet/serve.h"

namespace stet::cli {
namespace {

struct ServeCommandOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;
  bool allow_public = false;
  std::string window = "7d";
};

int RunServe(const ServeCommandOptions& options, const Context& context) {
  Result<Seconds> window = ParseDuration(options.window);
  if (!window.ok()) return Fail(window.status().WithContext("serve --window"));
  ServeOptions serve;
  serve.archive_path = context.ArchivePath();
  serve.bind = options.bind;
  serve.port = options.port;
  serve.allow_public = options.allow_public;
  serve.recent_window = *window;
  // SIGINT and SIGTERM are taken by one thread that stops the server; the
  // server's own threads, started after, inherit the blocked mask.
  sigset_t stopping;
  sigemptyset(&stopping);
  sigaddset(&stopping, SIGINT);
  sigaddset(&stopping, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stopping, nullptr);
  Result<std::unique_ptr<ReviewServer>> server = ReviewServer::Start(serve);
  if (!server.ok()) return Fail(server.status());
  std::printf("serving %s at http://%s:%d/ (read-only; Ctrl-C stops)\n", serve.archive_path.c_str(),
              options.bind.find(':') != std::string::npos ? ("[" + options.bind + "]").c_str()
                                                          : options.bind.c_str(),
              (*server)->port());
  std::fflush(stdout);
  ReviewServer* running = server->get();
  std::thread stopper([&stopping, running] {
    int signal_number = 0;
    sigwait(&stopping, &signal_number);
    running->Stop();
  });
  running->Run();
  // Run returned without a signal (the server failed): wake the stopper.
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  return kExitOk;
}

}  // namespace

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
  command->callback([options, &context] { context.exit_code = RunServe(*options, context); });
}

}  // namespace stet::cli
