// stet/identity.h: which article a URL or key names.
//
// Two URLs that differ only in ways a reader cannot see (the case of the
// scheme and host, a default port, a fragment, tracking parameters, the
// order of query parameters) name one article. Its id is the XXH3-64 of the
// canonical URL, written as 16 lower-case hex digits.
#ifndef STET_IDENTITY_H_
#define STET_IDENTITY_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "stet/status.h"

namespace stet {

// Returns the canonical form of an absolute URL: scheme and host lower-cased,
// the scheme's default port dropped, the fragment dropped, tracking query
// parameters (utm_*, fbclid, gclid and the like) dropped, the remaining query
// parameters sorted, an empty path written as "/", credentials
// (user:password@) dropped, an internationalised host in its ASCII form
// (münchen.de is xn--mnchen-3ya.de).
// Fails with kInvalidInput when `url` is not an absolute URL with a host.
Result<std::string> CanonicalUrl(std::string_view url);

// The article id of an already canonical URL (or of a key made by KeyName).
std::string ArticleIdOf(std::string_view canonical_name);

// The name under which a user-given key (for a local file with no URL) is
// identified: "key:" + key. Fails when the key is empty or has a control
// character.
Result<std::string> KeyName(std::string_view key);

// True when two absolute URLs are on one site: the same host, or hosts
// under the same registrable domain by the Public Suffix List (libpsl):
// www.example.com and amp.example.com are one site, example.com and
// example.org are two, as are a.github.io and b.github.io. An IP address
// is a site of its own. False when either is not an absolute URL.
bool SameSite(std::string_view a, std::string_view b);

// True when `text` looks like an article id or a prefix of one (1-16 hex).
bool LooksLikeIdPrefix(std::string_view text);

}  // namespace stet

#endif  // STET_IDENTITY_H_
