#include <catch2/catch.hpp>

#include "stet/identity.h"
#include "store/plain_url.h"

#include <optional>
#include <string>
#include <vector>

using stet::ArticleIdOf;
using stet::CanonicalUrl;

TEST_CASE("canonical URL lower-cases scheme and host and drops default port and fragment",
          "[identity]") {
  CHECK(*CanonicalUrl("HTTPS://News.Example.COM:443/World/Vance#comments") ==
        "https://news.example.com/World/Vance");
  CHECK(*CanonicalUrl("http://example.com:80/a") == "http://example.com/a");
  CHECK(*CanonicalUrl("http://example.com:8080/a") == "http://example.com:8080/a");
  CHECK(*CanonicalUrl("https://example.com") == "https://example.com/");
}

TEST_CASE("canonical URL drops tracking parameters and sorts the rest", "[identity]") {
  CHECK(
      *CanonicalUrl("https://example.com/a?utm_source=tw&b=2&fbclid=x&a=1&gclid=y&UTM_Medium=z") ==
      "https://example.com/a?a=1&b=2");
  CHECK(*CanonicalUrl("https://example.com/a?utm_source=tw") == "https://example.com/a");
  CHECK(*CanonicalUrl("https://example.com/a?page=2&id=7") == "https://example.com/a?id=7&page=2");
}

TEST_CASE("variants of one URL share one article id and other URLs do not", "[identity]") {
  const std::string id = ArticleIdOf(*CanonicalUrl("https://news.example.com/world/vance-ukraine"));
  CHECK(id.size() == 16);
  CHECK(id.find_first_not_of("0123456789abcdef") == std::string::npos);
  for (const char* variant :
       {"HTTPS://NEWS.EXAMPLE.COM/world/vance-ukraine",
        "https://news.example.com:443/world/vance-ukraine#top",
        "https://news.example.com/world/vance-ukraine?utm_campaign=feed&fbclid=abc"}) {
    CHECK(ArticleIdOf(*CanonicalUrl(variant)) == id);
  }
  CHECK(ArticleIdOf(*CanonicalUrl("https://news.example.com/world/vance-ukraine-2")) != id);
  CHECK(ArticleIdOf(*CanonicalUrl("http://news.example.com/world/vance-ukraine")) != id);
}

TEST_CASE("not a URL is refused with the input named", "[identity]") {
  for (const char* bad :
       {"", "news.example.com/a", "https://", "https://exa mple.com/a", "just words"}) {
    stet::Result<std::string> result = CanonicalUrl(bad);
    REQUIRE_FALSE(result.ok());
    CHECK(result.status().code() == stet::Status::Code::kInvalidInput);
    CHECK(result.status().message().rfind(std::string("URL ") + bad, 0) == 0);
  }
}

TEST_CASE("keys name local documents", "[identity]") {
  CHECK(*stet::KeyName("my-notes") == "key:my-notes");
  CHECK_FALSE(stet::KeyName("").ok());
  CHECK_FALSE(stet::KeyName("a\nb").ok());
  CHECK(stet::LooksLikeIdPrefix("abc123"));
  CHECK_FALSE(stet::LooksLikeIdPrefix("xyz"));
  CHECK_FALSE(stet::LooksLikeIdPrefix("0123456789abcdef0"));
}

TEST_CASE("regression: credentials never reach an article's URL", "[identity][regression]") {
  CHECK(*CanonicalUrl("https://user:secret@news.example.com/a") == "https://news.example.com/a");
  CHECK(*CanonicalUrl("https://user@news.example.com/a") == "https://news.example.com/a");
  CHECK(ArticleIdOf(*CanonicalUrl("https://user:secret@news.example.com/a")) ==
        ArticleIdOf(*CanonicalUrl("https://news.example.com/a")));
}

TEST_CASE("regression: an internationalised host and its ASCII form are one host",
          "[identity][regression]") {
  CHECK(*CanonicalUrl("https://m\xC3\xBCnchen.de/a") == "https://xn--mnchen-3ya.de/a");
  CHECK(*CanonicalUrl("https://M\xC3\x9C"
                      "NCHEN.de/a") == "https://xn--mnchen-3ya.de/a");
  CHECK(*CanonicalUrl("https://xn--mnchen-3ya.de/a") == "https://xn--mnchen-3ya.de/a");
  CHECK(*CanonicalUrl("https://XN--MNCHEN-3YA.de/a") == "https://xn--mnchen-3ya.de/a");
  std::string too_long = "https://";
  for (int i = 0; i < 70; ++i) too_long += "\xC3\xBC";  // a label past 63 letters in ASCII
  const stet::Result<std::string> bad = CanonicalUrl(too_long + ".de/");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("not a valid internationalised name") != std::string::npos);
}

// The plain shape is written by hand (store/plain_url.h); libcurl's parser
// is the authority. Every URL the hand-written path answers must come out
// as libcurl's path makes it: URLs of many shapes, and each of them with
// every character of interest put at every position.
TEST_CASE("canonical URL: the plain shape agrees with libcurl's parser", "[identity]") {
  const std::vector<std::string> bases = {
      "https://news.example.com/world/2025/01/02/vance-ukraine.html",
      "HTTP://News.Example.COM:80/a/b?utm_source=x&id=7&b=2#top",
      "https://example.com",
      "https://example.com?a=1",
      "https://example.com/a?",
      "https://example.com/a?&&",
      "https://example.com:8443/a/",
      "https://example.com:443/a",
      "https://ex-ample.co.uk/a;b=c/d,e/~f/g@h/i:j/k%20l/m+n/o(p)/q!r/s*t/u'v/$w",
      "https://example.com/a?b=c?d&e=%41&f=/g",
      "https://example.com/a#frag?x",
      "http://localhost:8080/a/b/c",
      "https://example.com/a/./b/../c",
      "https://user:pw@example.com/a",
      "https://127.0.0.1/a",
      "https://[::1]:8080/a",
      "https://0x7f.1/a",
      "https://example.123/a",
      "https://example.com:/a",
      "https://example.com:0080/a",
      "https://example.com:65536/a",
      "https://example..com/a",
      "https://.example.com/a",
      "https://example.com./a",
      "https://xn--mnchen-3ya.de/a",
      "ftp://example.com/a",
      "https:/example.com/a",
      "https://example.com/a%2e%2E/b",
      "https://example.com/.hidden/..dots/...",
  };
  const std::string specials = "./?#:@%[]\\\"<>{}|^`'!$&()*+,;=~-_09AZaz\x7f\xc3";
  std::vector<std::string> urls = bases;
  for (const std::string& base : bases) {
    for (std::size_t at = 0; at <= base.size(); ++at) {
      for (char c : specials) urls.push_back(base.substr(0, at) + c + base.substr(at));
    }
  }
  std::size_t plain = 0;
  for (const std::string& url : urls) {
    const std::optional<std::string> fast = stet::CanonicalPlainUrl(url);
    if (!fast) continue;
    ++plain;
    INFO(url);
    const stet::Result<std::string> parsed = stet::CanonicalUrlByParser(url);
    REQUIRE(parsed.ok());
    CHECK(*fast == *parsed);
  }
  // Thousands were compared, not none.
  CHECK(plain > urls.size() / 10);
}
