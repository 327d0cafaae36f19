// libgit2's CA bundle (src/store/git_certificates.h): not parsed when
// libgit2 starts, parsed at its first TLS connection; a location given
// through GIT_OPT_SET_SSL_CERT_LOCATIONS still takes effect.
#include <git2.h>
#include <httplib.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "store/git_certificates.h"
#include "store/git_handles.h"
#include "test_support.h"

// The deferral and what stet loads at start hold when libgit2 and the
// rest are linked statically (STET_STATIC_DEPENDENCIES, the default).
#ifdef STET_STATIC_LIBGIT2

using stet::test::Run;
using stet::test::ScratchDir;

namespace {

// libgit2's error code and message for connecting to `url` to fetch.
int Connect(const std::string& url, std::string* message) {
  git_remote* remote = nullptr;
  int code = git_remote_create_detached(&remote, url.c_str());
  if (code == 0) code = git_remote_connect(remote, GIT_DIRECTION_FETCH, nullptr, nullptr, nullptr);
  const git_error* error = git_error_last();
  *message = error != nullptr && error->message != nullptr ? error->message : "";
  git_remote_free(remote);
  return code;
}

}  // namespace

TEST_CASE("git certificates: the system bundle is parsed at the first TLS connection, not at start",
          "[store]") {
  stet::git::EnsureInitialized();
  REQUIRE(stet::git::DefaultCertificatesPending());

  // A TLS server on loopback with a certificate of its own for localhost.
  ScratchDir dir;
  const stet::test::RunResult made =
      Run({"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
           "/CN=localhost", "-addext", "subjectAltName=DNS:localhost", "-keyout", dir / "key.pem",
           "-out", dir / "cert.pem"});
  REQUIRE(made.exit_code == 0);
  httplib::SSLServer server((dir / "cert.pem").c_str(), (dir / "key.pem").c_str());
  REQUIRE(server.is_valid());
  const int port = server.bind_to_any_port("127.0.0.1");
  std::thread serving([&server] { server.listen_after_bind(); });
  while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  const std::string url = "https://localhost:" + std::to_string(port) + "/archive.git";

  // The system bundle does not vouch for the server; connecting loaded it.
  std::string message;
  CHECK(Connect(url, &message) == GIT_ECERTIFICATE);
  CHECK_FALSE(stet::git::DefaultCertificatesPending());

  // Trusted by name, the handshake succeeds and the server's 404 comes back.
  REQUIRE(git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, (dir / "cert.pem").c_str(), nullptr) ==
          0);
  CHECK(Connect(url, &message) != GIT_ECERTIFICATE);
  CHECK(message.find("404") != std::string::npos);

  server.stop();
  serving.join();
}

// What a command loads and starts: the shared libraries it opens, and
// whether libgit2 starts (its initialisation seeds two random generators
// with blocking getrandom calls; glibc's own call is GRND_NONBLOCK).
namespace {

std::string Traced(const ScratchDir& dir, const std::vector<std::string>& command) {
  const std::string trace = dir / "trace";
  // LeakSanitizer cannot run under ptrace: in a sanitizer build the
  // traced command's leak check is off (every other test keeps it).
  std::vector<std::string> argv = {"strace",   "-f",
                                   "-E",       "ASAN_OPTIONS=detect_leaks=0",
                                   "-e",       "trace=open,openat,getrandom",
                                   "-o",       trace,
                                   STET_BINARY};
  argv.insert(argv.end(), command.begin(), command.end());
  const stet::test::RunResult traced = Run(argv);
  INFO(traced.err);
  REQUIRE(traced.exit_code == 0);
  return stet::test::ReadFile(trace);
}

bool StartsLibgit2(const std::string& trace) {
  std::size_t at = 0;
  while ((at = trace.find("getrandom(", at)) != std::string::npos) {
    const std::size_t end = trace.find('\n', at);
    if (trace.substr(at, end - at).find("GRND_NONBLOCK") == std::string::npos) return true;
    at = end;
  }
  return false;
}

}  // namespace

TEST_CASE("git certificates: an archive command reads no CA bundle", "[store][cli]") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(stet::test::Stet(archive, {"init"}).exit_code == 0);
  REQUIRE(stet::test::AddSampleRevisions(archive, "https://example.com/a", "A"));
  const std::string opened = Traced(dir, {"--archive", archive, "log", "https://example.com/a"});
  CHECK(opened.find("/refs/") != std::string::npos);  // the trace saw the archive read
  CHECK(opened.find("ca-certificates") == std::string::npos);
  CHECK(opened.find("/etc/ssl") == std::string::npos);
}

TEST_CASE("start-up: commands open only what they use, and libgit2 only with an archive", "[cli]") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(stet::test::Stet(archive, {"init"}).exit_code == 0);
  REQUIRE(stet::test::AddSampleRevisions(archive, "https://example.com/a", "A"));
  const std::string r1 = stet::test::SamplePath("r1.txt"), r2 = stet::test::SamplePath("r2.txt");
  stet::test::WriteFile(dir / "page.html",
                        "<html><head><link rel=\"canonical\" href=\"https://example.com/a\">"
                        "</head><body><article><p>" +
                            stet::test::ReadFile(r1) + "</p></article></body></html>");

  const std::string version = Traced(dir, {"--version"});
  for (const char* library : {"libgit2", "libicu", "libxml2", "libcurl", "libssl", "libcrypto",
                              "httplib", "libgssapi", "libpsl", "libstemmer", "libssh2"}) {
    INFO(library);
    CHECK(version.find(library) == std::string::npos);
  }
#ifdef STET_STATIC_CXX_RUNTIME  // not in sanitizer builds, which keep libstdc++.so
  CHECK(version.find("libstdc++") == std::string::npos);
#endif
  CHECK_FALSE(StartsLibgit2(version));

  // An archive command starts libgit2 (the control for the checks below),
  // and a URL as the archive stores it needs no URL parser.
  const std::string log = Traced(dir, {"--archive", archive, "log", "https://example.com/a"});
  CHECK(StartsLibgit2(log));
  CHECK(log.find("libcurl") == std::string::npos);
  CHECK(log.find("libssh2") == std::string::npos);  // opened for an ssh remote only

  for (const std::vector<std::string>& command : std::vector<std::vector<std::string>>{
           {"diff", "--files", r1, r2}, {"analyze", r1}, {"extract", dir / "page.html"}}) {
    INFO(command.front());
    const std::string trace = Traced(dir, command);
    CHECK_FALSE(StartsLibgit2(trace));
    CHECK(trace.find("libcurl") == std::string::npos);
  }
}
#endif
