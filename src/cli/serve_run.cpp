// stet-serve's ServeCommand: the read-only review site over the archive, on
// loopback unless --public, until SIGINT or SIGTERM.
#include <signal.h>

#include <cstdio>
#include <memory>
#include <thread>

#include "serve_command.h"
#include "stet/serve.h"

namespace stet::cli {

int ServeCommand(const ServeCommandOptions& options, const Context& context) {
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

}  // namespace stet::cli
