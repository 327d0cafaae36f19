// libgit2's SSH calls reach libssh2, opened on their first use
// (src/store/git_ssh.cpp): starting libgit2 does not open it, and an ssh
// remote's connection goes through it to a real server's bytes.
#include <arpa/inet.h>
#include <dlfcn.h>
#include <git2.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <string>
#include <thread>

#include "store/git_handles.h"

// Only when libgit2 is linked statically (STET_STATIC_DEPENDENCIES, the
// default): linked shared, libgit2 brings libssh2 itself.
#ifdef STET_STATIC_LIBGIT2
namespace {

// A server on loopback that speaks the first line of SSH (its version
// banner) to one client, then hangs up: the client's libssh2 reads the
// banner and fails at the key exchange that follows.
class BannerServer {
 public:
  BannerServer() {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    REQUIRE(::bind(listener_, reinterpret_cast<sockaddr*>(&address), length) == 0);
    REQUIRE(::listen(listener_, 1) == 0);
    REQUIRE(::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    port_ = ntohs(address.sin_port);
    serving_ = std::thread([this] {
      const int client = ::accept(listener_, nullptr, nullptr);
      if (client < 0) return;
      const std::string banner = "SSH-2.0-stet_test\r\n";
      if (::write(client, banner.data(), banner.size()) > 0) {
        char buffer[4096];
        (void)::read(client, buffer, sizeof buffer);  // the client's banner
      }
      ::close(client);
    });
  }
  ~BannerServer() {
    ::shutdown(listener_, SHUT_RDWR);
    serving_.join();
    ::close(listener_);
  }
  int port() const { return port_; }

 private:
  int listener_ = -1;
  int port_ = 0;
  std::thread serving_;
};

}  // namespace

TEST_CASE("git ssh: libssh2 opens at an ssh remote's first call, not when libgit2 starts",
          "[store]") {
  stet::git::EnsureInitialized();  // which calls libssh2_init
  CHECK(::dlopen("libssh2.so.1", RTLD_NOW | RTLD_NOLOAD) == nullptr);

  BannerServer server;
  const std::string url = "ssh://git@127.0.0.1:" + std::to_string(server.port()) + "/archive.git";
  git_remote* remote = nullptr;
  REQUIRE(git_remote_create_detached(&remote, url.c_str()) == 0);
  CHECK(git_remote_connect(remote, GIT_DIRECTION_FETCH, nullptr, nullptr, nullptr) < 0);
  const git_error* error = git_error_last();
  const std::string message = error != nullptr && error->message != nullptr ? error->message : "";
  git_remote_free(remote);

  // libgit2's words, then libssh2's own for the key exchange the server
  // never answered: the handshake ran in the library opened for it.
  INFO(message);
  CHECK(message.find("failed to start SSH session") != std::string::npos);
  CHECK(message.find("Unable to exchange encryption keys") != std::string::npos);
  CHECK(::dlopen("libssh2.so.1", RTLD_NOW | RTLD_NOLOAD) != nullptr);
}
#endif
