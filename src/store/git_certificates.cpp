#include "store/git_certificates.h"

#include <git2.h>

#include <atomic>
#include <mutex>
#include <string>

#ifdef STET_STATIC_LIBGIT2
#include <git2/sys/stream.h>
#include <mbedtls/x509_crt.h>
#endif

namespace stet::git {
namespace {

#ifdef STET_STATIC_LIBGIT2
// What git_libgit2_init asked to load; guarded by `mutex`.
struct DeferredLocation {
  std::mutex mutex;
  bool pending = false;
  std::string file, path;  // one of them, as libgit2 passes it
};

DeferredLocation& Deferred() {
  static DeferredLocation deferred;
  return deferred;
}

std::atomic<bool> initialising{false};

// True when the parse is deferred (during initialisation). A location
// loaded later is libgit2's own choice or the caller's: it replaces the
// deferred default, as each load replaces the chain in libgit2.
bool Defer(const char* file, const char* path) {
  DeferredLocation& deferred = Deferred();
  std::lock_guard<std::mutex> lock(deferred.mutex);
  if (!initialising.load()) {
    deferred.pending = false;
    return false;
  }
  deferred.pending = true;
  deferred.file = file != nullptr ? file : "";
  deferred.path = path != nullptr ? path : "";
  return true;
}

// Before the first TLS stream: the default bundle, unless another location
// replaced it. Once per process; a second connecting thread waits for it.
void LoadDeferred() {
  static std::once_flag once;
  std::call_once(once, [] {
    DeferredLocation& deferred = Deferred();
    std::string file, path;
    {
      std::lock_guard<std::mutex> lock(deferred.mutex);
      if (!deferred.pending) return;
      file = deferred.file;
      path = deferred.path;
    }
    // Parses through the wrappers below, now outside initialisation.
    git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file.empty() ? nullptr : file.c_str(),
                     path.empty() ? nullptr : path.c_str());
  });
}
#endif

}  // namespace

void InitializeDeferringCertificates() {
#ifdef STET_STATIC_LIBGIT2
  initialising = true;
  git_libgit2_init();
  initialising = false;
#else
  git_libgit2_init();
#endif
}

bool DefaultCertificatesPending() {
#ifdef STET_STATIC_LIBGIT2
  DeferredLocation& deferred = Deferred();
  std::lock_guard<std::mutex> lock(deferred.mutex);
  return deferred.pending;
#else
  return false;
#endif
}

}  // namespace stet::git

#ifdef STET_STATIC_LIBGIT2
// The linker's --wrap names: libgit2's calls of the left-hand functions
// arrive here, and __real_ reaches the originals. If a libgit2 release
// renames them, the link fails on the __real_ names rather than silently
// parsing at init again.
extern "C" {
int __real_mbedtls_x509_crt_parse_file(mbedtls_x509_crt* chain, const char* file);
int __real_mbedtls_x509_crt_parse_path(mbedtls_x509_crt* chain, const char* path);
int __real_git_mbedtls_stream_new(git_stream** out, const char* host, const char* port);
int __real_git_mbedtls_stream_wrap(git_stream** out, git_stream* in, const char* host);

int __wrap_mbedtls_x509_crt_parse_file(mbedtls_x509_crt* chain, const char* file) {
  if (stet::git::Defer(file, nullptr)) return 0;
  return __real_mbedtls_x509_crt_parse_file(chain, file);
}

int __wrap_mbedtls_x509_crt_parse_path(mbedtls_x509_crt* chain, const char* path) {
  if (stet::git::Defer(nullptr, path)) return 0;
  return __real_mbedtls_x509_crt_parse_path(chain, path);
}

int __wrap_git_mbedtls_stream_new(git_stream** out, const char* host, const char* port) {
  stet::git::LoadDeferred();
  return __real_git_mbedtls_stream_new(out, host, port);
}

int __wrap_git_mbedtls_stream_wrap(git_stream** out, git_stream* in, const char* host) {
  stet::git::LoadDeferred();
  return __real_git_mbedtls_stream_wrap(out, in, host);
}
}
#endif
