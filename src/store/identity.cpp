// Canonical URLs and article ids. URL parsing is libcurl's (curl_url), so
// that stet and its fetcher agree on what a URL is; only the news-specific
// rules (which query parameters are tracking noise) and the plain shape
// most article URLs have (plain_url.h) are written here. libcurl is opened
// on first use (curl_library.h says why).
#include "stet/identity.h"

#include <libpsl.h>
#include <unicode/uidna.h>
#include <xxhash.h>

#include <cstring>

#include "base/ascii.h"
#include "base/curl_library.h"
#include "base/shared_library.h"
#include "store/plain_url.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <memory>
#include <vector>

namespace stet {
namespace {

// The host in lower case, an internationalised one in its ASCII form by
// UTS #46 (ICU's IDNA): libcurl's own conversion (CURLU_PUNYCODE) reads the
// name in the process's locale, which a library must not depend on.
Result<std::string> AsciiHost(std::string_view host) {
  if (std::all_of(host.begin(), host.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return AsciiLower(host);
  }
  UErrorCode status = U_ZERO_ERROR;
  static UIDNA* const idna = uidna_openUTS46(UIDNA_NONTRANSITIONAL_TO_ASCII, &status);
  if (idna == nullptr) return Status::InvalidInput("host " + std::string(host) + ": no IDNA");
  status = U_ZERO_ERROR;
  UIDNAInfo info = UIDNA_INFO_INITIALIZER;
  char ascii[256];
  const int32_t length = uidna_nameToASCII_UTF8(
      idna, host.data(), static_cast<int32_t>(host.size()), ascii, sizeof ascii, &info, &status);
  if (U_FAILURE(status) || info.errors != 0 || length <= 0 ||
      length >= static_cast<int32_t>(sizeof ascii)) {
    return Status::InvalidInput("has a host that is not a valid internationalised name");
  }
  return AsciiLower(std::string_view(ascii, static_cast<std::size_t>(length)));
}

}  // namespace

Result<std::string> CanonicalUrl(std::string_view url) {
  if (std::optional<std::string> plain = CanonicalPlainUrl(url)) return std::move(*plain);
  return CanonicalUrlByParser(url);
}

Result<std::string> CanonicalUrlByParser(std::string_view url) {
  const std::string given(url);
  auto invalid = [&](const std::string& why) {
    return Status::InvalidInput("URL " + given + ": " + why);
  };
  if (given.empty()) return invalid("empty");
  for (char c : given) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f)
      return invalid("contains a space or control character");
  }
  Result<const CurlLibrary*> loaded = Curl();
  if (!loaded.ok()) return loaded.status();
  const CurlLibrary& curl = **loaded;
  auto text = [&](char* raw) { return CurlString(raw, CurlFree<char>{&curl}); };
  CurlUrlPtr handle(curl.url(), CurlFree<CURLU>{&curl});
  if (!handle) return invalid("out of memory");
  CURLUcode rc = curl.url_set(handle.get(), CURLUPART_URL, given.c_str(), CURLU_NON_SUPPORT_SCHEME);
  if (rc != CURLUE_OK)
    return invalid(std::string("not an absolute URL (") + curl.url_strerror(rc) + ")");

  char* raw = nullptr;
  // An internationalised host in its ASCII (punycode) form, so that
  // münchen.de and xn--mnchen-3ya.de name one host.
  if (curl.url_get(handle.get(), CURLUPART_HOST, &raw, 0) != CURLUE_OK || raw == nullptr) {
    return invalid("has no host");
  }
  Result<std::string> host = AsciiHost(text(raw).get());
  if (!host.ok()) return invalid(host.status().message());
  curl.url_set(handle.get(), CURLUPART_HOST, host->c_str(), 0);
  // Credentials are a secret, never part of an article's name: the archive
  // would keep them in every ref, message and listing.
  curl.url_set(handle.get(), CURLUPART_USER, nullptr, 0);
  curl.url_set(handle.get(), CURLUPART_PASSWORD, nullptr, 0);
  curl.url_set(handle.get(), CURLUPART_OPTIONS, nullptr, 0);
  curl.url_set(handle.get(), CURLUPART_FRAGMENT, nullptr, 0);

  raw = nullptr;
  if (curl.url_get(handle.get(), CURLUPART_QUERY, &raw, 0) == CURLUE_OK && raw != nullptr) {
    const std::string query = CanonicalQuery(text(raw).get());
    curl.url_set(handle.get(), CURLUPART_QUERY, query.empty() ? nullptr : query.c_str(), 0);
  }

  raw = nullptr;
  rc = curl.url_get(handle.get(), CURLUPART_URL, &raw, CURLU_NO_DEFAULT_PORT);
  if (rc != CURLUE_OK || raw == nullptr) return invalid(curl.url_strerror(rc));
  return std::string(text(raw).get());
}

std::string ArticleIdOf(std::string_view canonical_name) {
  const XXH64_hash_t hash = XXH3_64bits(canonical_name.data(), canonical_name.size());
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

Result<std::string> KeyName(std::string_view key) {
  if (key.empty()) return Status::InvalidInput("key: empty");
  for (char c : key) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return Status::InvalidInput("key " + std::string(key) + ": contains a control character");
    }
  }
  return "key:" + std::string(key);
}

namespace {

// The host of a canonical URL ("scheme://host[:port]/..."), without port.
std::string HostOf(std::string_view canonical) {
  std::size_t start = canonical.find("://");
  if (start == std::string_view::npos) return "";
  start += 3;
  if (start < canonical.size() && canonical[start] == '[') {  // an IPv6 literal
    const std::size_t close = canonical.find(']', start);
    return close == std::string_view::npos
               ? ""
               : std::string(canonical.substr(start, close + 1 - start));
  }
  const std::size_t end = canonical.find_first_of(":/", start);
  return std::string(canonical.substr(start, end - start));
}

// libpsl, opened on first use (base/shared_library.h): with libidn2 and
// libunistring it is three libraries only a feed's or a redirect's site
// check needs.
struct PslLibrary {
  decltype(&::psl_latest) latest = nullptr;
  decltype(&::psl_builtin) builtin = nullptr;
  decltype(&::psl_registrable_domain) registrable_domain = nullptr;
};

const PslLibrary* Psl() {
  return OpenedOnce<PslLibrary>("libpsl.so.5", [](void* handle, PslLibrary& library) {
    return Resolve(handle, "psl_latest", library.latest) &&
           Resolve(handle, "psl_builtin", library.builtin) &&
           Resolve(handle, "psl_registrable_domain", library.registrable_domain);
  });
}

// The Public Suffix List: Debian's current copy (package publicsuffix)
// when installed, else the one built into libpsl. Loaded once; null when
// libpsl cannot be opened.
const psl_ctx_t* SuffixList() {
  static const psl_ctx_t* const list = []() -> const psl_ctx_t* {
    const PslLibrary* psl = Psl();
    if (psl == nullptr) return nullptr;
    const psl_ctx_t* latest = psl->latest(nullptr);
    return latest != nullptr ? latest : psl->builtin();
  }();
  return list;
}

}  // namespace

bool SameSite(std::string_view a, std::string_view b) {
  const Result<std::string> first = CanonicalUrl(a), second = CanonicalUrl(b);
  if (!first.ok() || !second.ok()) return false;
  const std::string host_a = HostOf(*first), host_b = HostOf(*second);
  if (host_a.empty() || host_b.empty()) return false;
  if (host_a == host_b) return true;
  const psl_ctx_t* list = SuffixList();
  if (list == nullptr) return false;
  // NULL for an IP address, a bare public suffix or a name psl cannot read.
  const char* domain_a = Psl()->registrable_domain(list, host_a.c_str());
  const char* domain_b = Psl()->registrable_domain(list, host_b.c_str());
  return domain_a != nullptr && domain_b != nullptr && std::strcmp(domain_a, domain_b) == 0;
}

bool LooksLikeIdPrefix(std::string_view text) {
  if (text.empty() || text.size() > 16) return false;
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

}  // namespace stet
