// libgit2's initialisation without its CA-bundle parse.
//
// libgit2 1.5 (Debian's, built with mbedTLS) parses the whole system CA
// bundle in git_libgit2_init: about 53 million instructions, three quarters
// of `stet log`, for TLS connections stet's archive commands never open.
// It has no option to skip it (its source, streams/mbedtls.c, loads
// GIT_DEFAULT_CERT_LOCATION unconditionally, up to its main branch of
// 2026-08). So the link wraps the parse (cmake/StaticDependencies.cmake):
// during initialisation it only remembers the location, and the bundle is
// parsed when libgit2 first opens a TLS connection. A location set through
// GIT_OPT_SET_SSL_CERT_LOCATIONS is parsed at once, as libgit2 does, and
// replaces the default.
#ifndef STET_SRC_STORE_GIT_CERTIFICATES_H_
#define STET_SRC_STORE_GIT_CERTIFICATES_H_

namespace stet::git {

// git_libgit2_init() with the default CA bundle's parse deferred (when
// libgit2 is linked statically; otherwise plain git_libgit2_init()).
void InitializeDeferringCertificates();

// Whether the default CA bundle is still waiting for the first TLS
// connection (for tests).
bool DefaultCertificatesPending();

}  // namespace stet::git

#endif  // STET_SRC_STORE_GIT_CERTIFICATES_H_
