// stet/robots.h: what a site's robots.txt lets stet fetch (RFC 9309).
//
// stet obeys the group of rules for its product token "stet", else the
// group for "*"; within it the longest matching Allow or Disallow pattern
// decides, Allow winning a tie; "*" matches any run of characters and a
// final "$" anchors the end. Crawl-delay, not in the RFC but widely
// written, is read as the least delay between two requests to the host.
#ifndef STET_ROBOTS_H_
#define STET_ROBOTS_H_

#include <string>
#include <string_view>
#include <vector>

namespace stet {

class RobotsRules {
 public:
  // Everything allowed: what a missing robots.txt (HTTP 4xx) means.
  static RobotsRules AllowAll();
  // Nothing allowed: what an unreachable one (HTTP 5xx, no connection)
  // means until it can be read (RFC 9309 2.3.1.4).
  static RobotsRules DisallowAll();
  // The rules `text` gives the agent `product` ("stet"), read leniently:
  // unknown lines and lines without a colon are skipped.
  static RobotsRules Parse(std::string_view text, std::string_view product = "stet");

  // Whether the path and query of a URL ("/news/a?id=3"; a full URL is
  // reduced to them) may be fetched. /robots.txt itself always may.
  bool Allows(std::string_view path_or_url) const;

  // Crawl-delay of the group, in milliseconds; 0 when none.
  long crawl_delay_ms() const { return crawl_delay_ms_; }

 private:
  struct Rule {
    std::string pattern;
    bool allow = false;
  };
  std::vector<Rule> rules_;
  bool disallow_all_ = false;
  long crawl_delay_ms_ = 0;
};

}  // namespace stet

#endif  // STET_ROBOTS_H_
