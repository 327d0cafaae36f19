#include <catch2/catch.hpp>

#include "stet/identity.h"

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
