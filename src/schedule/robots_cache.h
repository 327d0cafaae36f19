// Each host's robots.txt for a pass: read from the state database while
// fresh (a day), fetched again otherwise, all hosts at once.
#ifndef STET_SRC_SCHEDULE_ROBOTS_CACHE_H_
#define STET_SRC_SCHEDULE_ROBOTS_CACHE_H_

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "stet/crawl_state.h"
#include "stet/fetch.h"
#include "stet/robots.h"
#include "stet/schedule.h"

namespace stet {

// How long a robots.txt that was read (or found missing) is trusted.
inline constexpr Seconds kRobotsLifetime = 86400;

struct HostRobots {
  RobotsRules rules;
  UnixSeconds expires_at = 0;
  // False when robots.txt could not be read (a server error, no
  // connection): everything is disallowed until it can (RFC 9309 2.3.1.4).
  bool reachable = true;
  std::string failure;   // then why: "HTTP 503", "cannot connect"
  FetchOutcome outcome;  // of the fetch that failed
};

// The rules of every host of `urls` (keyed by HostOf).
Result<std::map<std::string, HostRobots>> ReadRobots(CrawlState& state,
                                                     const std::vector<std::string>& urls,
                                                     const FetchOptions& fetch, UnixSeconds now,
                                                     const ScheduleRules& rules,
                                                     const std::function<bool()>& stop);

}  // namespace stet

#endif  // STET_SRC_SCHEDULE_ROBOTS_CACHE_H_
