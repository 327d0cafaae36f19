// robots.txt, read by hand: Debian packages no C or C++ parser of it (only
// Perl, Python and Ruby ones), and the format is a few line kinds.
// Matching follows RFC 9309 section 2.2.2; tests/web/robots_test.cpp holds
// its examples.
#include "stet/robots.h"

#include <algorithm>
#include <cstdlib>

#include "base/ascii.h"

namespace stet {
namespace {

// Whether `pattern` ("*" any run, final "$" the end) matches a prefix of
// `path`, or all of it when anchored. Iterative with one backtrack point
// per "*", as glob matching is, so a hostile pattern cannot blow up.
bool Matches(std::string_view pattern, std::string_view path) {
  bool anchored = false;
  if (!pattern.empty() && pattern.back() == '$') {
    anchored = true;
    pattern.remove_suffix(1);
  }
  std::size_t p = 0, s = 0;
  std::size_t star = std::string_view::npos, star_s = 0;
  while (s < path.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_s = s;
    } else if (p < pattern.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
    } else if (p == pattern.size() && !anchored) {
      return true;  // the pattern is a prefix of the path
    } else if (star != std::string_view::npos) {
      p = star + 1;
      s = ++star_s;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

// The path and query of `url`, or `url` itself when it is one already.
std::string_view PathOf(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return url.empty() ? std::string_view("/") : url;
  const std::size_t path = url.find('/', scheme + 3);
  if (path == std::string_view::npos) return "/";
  std::string_view rest = url.substr(path);
  return rest.substr(0, rest.find('#'));
}

}  // namespace

RobotsRules RobotsRules::AllowAll() {
  return RobotsRules();
}

RobotsRules RobotsRules::DisallowAll() {
  RobotsRules rules;
  rules.disallow_all_ = true;
  return rules;
}

RobotsRules RobotsRules::Parse(std::string_view text, std::string_view product) {
  const std::string ours = AsciiLower(product);
  // A group is the user-agent lines that open it and the rules after them.
  // Every group naming us counts, else every "*" group (RFC 9309 2.2.1).
  RobotsRules mine, anyone;
  bool have_mine = false, have_anyone = false;
  bool in_agents = false;  // the last line read was a user-agent line
  bool group_mine = false, group_anyone = false;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    line = line.substr(0, line.find('#'));
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string key = AsciiLower(TrimAsciiSpace(line.substr(0, colon)));
    const std::string_view value = TrimAsciiSpace(line.substr(colon + 1));
    if (key == "user-agent") {
      if (!in_agents) group_mine = group_anyone = false;
      in_agents = true;
      const std::string agent = AsciiLower(value);
      if (agent == "*") {
        group_anyone = have_anyone = true;
      } else if (agent == ours) {
        group_mine = have_mine = true;
      }
      continue;
    }
    const bool rule = key == "allow" || key == "disallow";
    if (!rule && key != "crawl-delay") continue;  // sitemap:, host: and the like
    in_agents = false;
    for (RobotsRules* target : {group_mine ? &mine : nullptr, group_anyone ? &anyone : nullptr}) {
      if (target == nullptr) continue;
      if (key == "crawl-delay") {
        const double seconds = std::strtod(std::string(value).c_str(), nullptr);
        if (seconds > 0 && seconds < 86'400) {
          target->crawl_delay_ms_ = static_cast<long>(seconds * 1000);
        }
      } else if (!value.empty()) {  // an empty Disallow forbids nothing
        target->rules_.push_back({std::string(value), key == "allow"});
      }
    }
  }
  if (have_mine) return mine;
  if (have_anyone) return anyone;
  return AllowAll();
}

bool RobotsRules::Allows(std::string_view path_or_url) const {
  const std::string_view path = PathOf(path_or_url);
  if (path == "/robots.txt") return true;
  if (disallow_all_) return false;
  std::size_t best_length = 0;
  bool allowed = true;
  for (const Rule& rule : rules_) {
    if (!Matches(rule.pattern, path)) continue;
    const std::size_t length = rule.pattern.size();
    if (length > best_length || (length == best_length && rule.allow)) {
      best_length = length;
      allowed = rule.allow;
    }
  }
  return allowed;
}

}  // namespace stet
