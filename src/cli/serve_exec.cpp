// stet's ServeCommand: the server runs in stet-serve, beside the stet
// executable, given the same command line (git runs its larger commands
// the same way). Every other command then starts without loading the HTTP
// server's libraries (serve_command.h).
#include <limits.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "serve_command.h"

namespace stet::cli {

int ServeCommand(const ServeCommandOptions&, const Context& context) {
  char self[PATH_MAX];
  const ssize_t length = ::readlink("/proc/self/exe", self, sizeof self - 1);
  if (length <= 0) {
    return Fail(Status::NotFound(std::string("serve: cannot find the stet executable: ") +
                                 std::strerror(errno)));
  }
  std::string helper(self, static_cast<std::size_t>(length));
  helper = helper.substr(0, helper.rfind('/') + 1) + "stet-serve";
  context.argv[0] = helper.data();
  ::execv(helper.c_str(), context.argv);
  return Fail(Status::NotFound("serve: cannot run " + helper + ": " + std::strerror(errno)));
}

}  // namespace stet::cli
