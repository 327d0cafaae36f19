// robots.txt as RFC 9309 reads it: groups, longest match, wildcards.
#include "stet/robots.h"

#include <catch2/catch.hpp>

using stet::RobotsRules;

TEST_CASE("robots: the longest matching rule decides, Allow winning a tie", "[robots]") {
  const RobotsRules rules = RobotsRules::Parse(
      "User-agent: *\n"
      "Disallow: /news/\n"
      "Allow: /news/public/\n"
      "Disallow: /*.pdf$\n"
      "Allow: /page\n"
      "Disallow: /page\n");
  CHECK_FALSE(rules.Allows("/news/2026/story"));
  CHECK(rules.Allows("/news/public/story"));
  CHECK(rules.Allows("/world/story"));
  CHECK_FALSE(rules.Allows("/files/report.pdf"));
  CHECK(rules.Allows("/files/report.pdf?download=1"));  // "$" anchors the end
  CHECK(rules.Allows("/page"));                         // a tie: Allow
  CHECK_FALSE(rules.Allows("https://example.com/news/a?b=c"));
  CHECK(rules.Allows("/robots.txt"));
}

TEST_CASE("robots: stet's own group wins over *, and groups share their rules", "[robots]") {
  const RobotsRules rules = RobotsRules::Parse(
      "# comment\n"
      "User-agent: *\n"
      "Disallow: /\n"
      "\n"
      "User-agent: Googlebot\n"
      "User-agent: STET\n"
      "Disallow: /drafts/ # trailing comment\n"
      "Crawl-delay: 2.5\n"
      "Sitemap: https://example.com/sitemap.xml\n");
  CHECK(rules.Allows("/news/story"));
  CHECK_FALSE(rules.Allows("/drafts/x"));
  CHECK(rules.crawl_delay_ms() == 2500);
  // Not a prefix match on the agent: "st" is not stet.
  CHECK(RobotsRules::Parse("User-agent: st\nDisallow: /\n").Allows("/a"));
  // An empty Disallow forbids nothing; no group at all allows everything.
  CHECK(RobotsRules::Parse("User-agent: *\nDisallow:\n").Allows("/a"));
  CHECK(RobotsRules::Parse("").Allows("/a"));
  CHECK_FALSE(RobotsRules::DisallowAll().Allows("/a"));
  CHECK(RobotsRules::DisallowAll().Allows("/robots.txt"));
}

TEST_CASE("robots: wildcards never blow up on hostile patterns", "[robots]") {
  const std::string pattern = "/" + std::string(200, '*') + "a" + std::string(200, '*') + "b$";
  const RobotsRules rules = RobotsRules::Parse("User-agent: *\nDisallow: " + pattern + "\n");
  CHECK(rules.Allows("/" + std::string(5000, 'a')));
  CHECK_FALSE(rules.Allows("/" + std::string(5000, 'a') + "b"));
  CHECK_FALSE(RobotsRules::Parse("User-agent: *\nDisallow: /a*c*e\n").Allows("/abcde"));
  CHECK(RobotsRules::Parse("User-agent: *\nDisallow: /a*c*e$\n").Allows("/abcdef"));
}
