// libcurl, loaded when first needed rather than linked.
//
// Linking libcurl makes the dynamic loader map and relocate about thirty
// libraries it depends on (TLS, Kerberos, LDAP, RTMP, ...) at every start:
// 3.5 ms of the 7 ms a `stet` command took before doing anything
// (docs/performance.md). Most commands (diff, analyze, show, log by id)
// never touch a URL, so the library is opened on the first call that does.
#ifndef STET_SRC_BASE_CURL_LIBRARY_H_
#define STET_SRC_BASE_CURL_LIBRARY_H_

#include <curl/curl.h>

#include <memory>

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
  // Transfers (src/web/fetch.cpp).
  decltype(&::curl_easy_init) easy_init = nullptr;
  decltype(&::curl_easy_setopt) easy_setopt = nullptr;
  decltype(&::curl_easy_perform) easy_perform = nullptr;
  decltype(&::curl_easy_getinfo) easy_getinfo = nullptr;
  decltype(&::curl_easy_cleanup) easy_cleanup = nullptr;
  decltype(&::curl_easy_strerror) easy_strerror = nullptr;
  decltype(&::curl_slist_append) slist_append = nullptr;
  decltype(&::curl_slist_free_all) slist_free_all = nullptr;
  decltype(&::curl_version_info) version_info = nullptr;
  // Many transfers at once (src/web/fetch_many.cpp).
  decltype(&::curl_multi_init) multi_init = nullptr;
  decltype(&::curl_multi_setopt) multi_setopt = nullptr;
  decltype(&::curl_multi_add_handle) multi_add_handle = nullptr;
  decltype(&::curl_multi_remove_handle) multi_remove_handle = nullptr;
  decltype(&::curl_multi_perform) multi_perform = nullptr;
  decltype(&::curl_multi_poll) multi_poll = nullptr;
  decltype(&::curl_multi_info_read) multi_info_read = nullptr;
  decltype(&::curl_multi_cleanup) multi_cleanup = nullptr;
};

// Owning handles for libcurl objects, freed through the loaded library.
template <typename T>
struct CurlFree {
  const CurlLibrary* curl;
  void operator()(T* handle) const;
};
template <>
inline void CurlFree<CURLU>::operator()(CURLU* handle) const {
  curl->url_cleanup(handle);
}
template <>
inline void CurlFree<char>::operator()(char* text) const {
  curl->free(text);
}
template <>
inline void CurlFree<CURL>::operator()(CURL* handle) const {
  curl->easy_cleanup(handle);
}
template <>
inline void CurlFree<curl_slist>::operator()(curl_slist* list) const {
  curl->slist_free_all(list);
}
// CURLM and CURL are both void, so the multi handle has a deleter of its own.
struct CurlMultiFree {
  const CurlLibrary* curl;
  void operator()(CURLM* multi) const { curl->multi_cleanup(multi); }
};

using CurlUrlPtr = std::unique_ptr<CURLU, CurlFree<CURLU>>;
using CurlString = std::unique_ptr<char, CurlFree<char>>;
using CurlEasyPtr = std::unique_ptr<CURL, CurlFree<CURL>>;
using CurlListPtr = std::unique_ptr<curl_slist, CurlFree<curl_slist>>;
using CurlMultiPtr = std::unique_ptr<CURLM, CurlMultiFree>;

// The loaded library (opened once per process, never closed), or why it
// cannot be loaded (kInvalidInput naming the library and the loader's error).
Result<const CurlLibrary*> Curl();

}  // namespace stet

#endif  // STET_SRC_BASE_CURL_LIBRARY_H_
