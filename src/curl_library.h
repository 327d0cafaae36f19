// libcurl, loaded when first needed rather than linked.
//
// Linking libcurl makes the dynamic loader map and relocate about thirty
// libraries it depends on (TLS, Kerberos, LDAP, RTMP, ...) at every start:
// 3.5 ms of the 7 ms a `stet` command took before doing anything
// (docs/performance.md). Most commands (diff, analyze, show, log by id)
// never touch a URL, so the library is opened on the first call that does.
#ifndef STET_SRC_CURL_LIBRARY_H_
#define STET_SRC_CURL_LIBRARY_H_

#include <curl/curl.h>

#include "stet/status.h"

namespace stet {

// The libcurl entry points stet uses, resolved from libcurl.so.4.
struct CurlLibrary {
  decltype(&::curl_url) url = nullptr;
  decltype(&::curl_url_cleanup) url_cleanup = nullptr;
  decltype(&::curl_url_set) url_set = nullptr;
  decltype(&::curl_url_get) url_get = nullptr;
  decltype(&::curl_url_strerror) url_strerror = nullptr;
  decltype(&::curl_free) free = nullptr;
};

// The loaded library (opened once per process, never closed), or why it
// cannot be loaded (kInvalidInput naming the library and the loader's error).
Result<const CurlLibrary*> Curl();

}  // namespace stet

#endif  // STET_SRC_CURL_LIBRARY_H_
