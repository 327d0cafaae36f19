// Canonical URLs of the plain shape news articles have, without a URL
// parser.
//
// stet's URL parser is libcurl's (identity.cpp), opened on first use with
// some twenty libraries it depends on: 3 to 5 ms of a command that stores
// or finds one article by URL. Nearly every article URL has one plain
// shape, http(s)://host[:port]/path?query#fragment with a host name of
// letters, digits and hyphens and nothing in it a parser would rewrite;
// for those the canonical form is written here. Anything else (user
// names, IP addresses, non-ASCII, dot segments, unusual characters) goes
// to libcurl as before. A test compares both on every URL of the test
// data and the evaluation pages (tests/store/identity_test.cpp).
#ifndef STET_SRC_STORE_PLAIN_URL_H_
#define STET_SRC_STORE_PLAIN_URL_H_

#include <optional>
#include <string>
#include <string_view>

#include "stet/status.h"

namespace stet {

// The canonical form of `url` when it has the plain shape; nullopt when it
// has not (which says nothing about whether it is a valid URL).
std::optional<std::string> CanonicalPlainUrl(std::string_view url);

// A query string without the parameters that say how a reader arrived
// (utm_*, fbclid, ...), the rest sorted; empty when nothing is left.
std::string CanonicalQuery(std::string_view query);

// The canonical URL by libcurl's parser alone (identity.cpp; for the test
// that holds CanonicalPlainUrl to it).
Result<std::string> CanonicalUrlByParser(std::string_view url);

}  // namespace stet

#endif  // STET_SRC_STORE_PLAIN_URL_H_
