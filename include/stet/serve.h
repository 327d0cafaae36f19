// stet/serve.h: the review server, a read-only web site over an archive
// (`stet serve`): recent changes, search, an article's revisions, any two
// revisions compared, a quote's history, a stored page as fetched (its
// scripts never run), JSON mirroring the CLI's, and an Atom feed.
#ifndef STET_SERVE_H_
#define STET_SERVE_H_

#include <memory>
#include <string>

#include "stet/clock.h"
#include "stet/status.h"

namespace stet {

struct ServeOptions {
  std::string archive_path;
  std::string bind = "127.0.0.1";
  int port = 8080;  // 0: any free port (ReviewServer::port says which)
  // Binding to an address other than loopback serves the archive to the
  // network; refused unless asked for.
  bool allow_public = false;
  Seconds recent_window = 7 * 24 * 3600;  // the recent changes page's default window
};

class ReviewServer {
 public:
  // Opens the archive and binds. Fails with kInvalidInput for an address
  // other than loopback without allow_public, or when the address cannot
  // be bound (a port in use), naming it.
  static Result<std::unique_ptr<ReviewServer>> Start(const ServeOptions& options);
  ~ReviewServer();
  ReviewServer(const ReviewServer&) = delete;
  ReviewServer& operator=(const ReviewServer&) = delete;

  int port() const;
  // Serves requests until Stop(); returns then.
  void Run();
  // Makes Run() return; safe from any thread.
  void Stop();

  struct Impl;

 private:
  explicit ReviewServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Whether `address` is a loopback address (127.0.0.0/8, ::1, localhost).
bool IsLoopback(const std::string& address);

}  // namespace stet

#endif  // STET_SERVE_H_
