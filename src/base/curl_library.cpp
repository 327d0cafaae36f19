#include "base/curl_library.h"

#include <mutex>
#include <string>

#include "base/shared_library.h"

namespace stet {
namespace {

constexpr const char* kSoname = "libcurl.so.4";  // libcurl's ABI since 2006

}  // namespace

Result<const CurlLibrary*> Curl() {
  static CurlLibrary library;
  static std::string error;
  static std::once_flag once;
  std::call_once(once, [] {
    void* handle = ::dlopen(kSoname, RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = ::dlerror();
      error = std::string("cannot load ") + kSoname + ": " + (why ? why : "unknown error");
      return;
    }
    const bool ok = Resolve(handle, "curl_url", library.url) &&
                    Resolve(handle, "curl_url_cleanup", library.url_cleanup) &&
                    Resolve(handle, "curl_url_set", library.url_set) &&
                    Resolve(handle, "curl_url_get", library.url_get) &&
                    Resolve(handle, "curl_url_strerror", library.url_strerror) &&
                    Resolve(handle, "curl_free", library.free) &&
                    Resolve(handle, "curl_easy_init", library.easy_init) &&
                    Resolve(handle, "curl_easy_setopt", library.easy_setopt) &&
                    Resolve(handle, "curl_easy_perform", library.easy_perform) &&
                    Resolve(handle, "curl_easy_getinfo", library.easy_getinfo) &&
                    Resolve(handle, "curl_easy_cleanup", library.easy_cleanup) &&
                    Resolve(handle, "curl_easy_strerror", library.easy_strerror) &&
                    Resolve(handle, "curl_slist_append", library.slist_append) &&
                    Resolve(handle, "curl_slist_free_all", library.slist_free_all) &&
                    Resolve(handle, "curl_version_info", library.version_info) &&
                    Resolve(handle, "curl_multi_init", library.multi_init) &&
                    Resolve(handle, "curl_multi_setopt", library.multi_setopt) &&
                    Resolve(handle, "curl_multi_add_handle", library.multi_add_handle) &&
                    Resolve(handle, "curl_multi_remove_handle", library.multi_remove_handle) &&
                    Resolve(handle, "curl_multi_perform", library.multi_perform) &&
                    Resolve(handle, "curl_multi_poll", library.multi_poll) &&
                    Resolve(handle, "curl_multi_info_read", library.multi_info_read) &&
                    Resolve(handle, "curl_multi_cleanup", library.multi_cleanup);
    if (!ok) error = std::string(kSoname) + " lacks the URL API (libcurl 7.80 or later is needed)";
    // curl_easy_init would initialise the library on first use, but that is
    // not thread-safe; do it here, once, under the call_once.
    if (ok) {
      decltype(&::curl_global_init) global_init = nullptr;
      if (Resolve(handle, "curl_global_init", global_init)) global_init(CURL_GLOBAL_DEFAULT);
    }
  });
  if (!error.empty()) return Status::InvalidInput(error);
  return &library;
}

}  // namespace stet
