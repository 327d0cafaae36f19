#include "schedule/robots_cache.h"

namespace stet {
namespace {

// "https://host:8080/robots.txt" for a URL on `host` (HostOf the URL).
std::string RobotsUrlOf(std::string_view url, const std::string& host) {
  return std::string(url.substr(0, url.find("://") + 3)) + host + "/robots.txt";
}

HostRobots FromState(const RobotsState& stored) {
  HostRobots robots;
  robots.expires_at = stored.expires_at;
  if (stored.http_status >= 200 && stored.http_status < 300) {
    robots.rules = RobotsRules::Parse(stored.body);
  } else if (stored.http_status >= 400 && stored.http_status < 500 && stored.http_status != 429) {
    robots.rules = RobotsRules::AllowAll();
  } else {
    robots.rules = RobotsRules::DisallowAll();
    robots.reachable = false;
    robots.failure = stored.body;  // the cause, kept in place of a body
  }
  return robots;
}

}  // namespace

Result<std::map<std::string, HostRobots>> ReadRobots(CrawlState& state,
                                                     const std::vector<std::string>& urls,
                                                     const FetchOptions& fetch, UnixSeconds now,
                                                     const ScheduleRules& rules,
                                                     const std::function<bool()>& stop) {
  std::map<std::string, HostRobots> hosts;
  std::vector<FetchRequest> requests;
  std::vector<std::string> request_hosts;
  for (const std::string& url : urls) {
    const std::string host = HostOf(url);
    if (host.empty() || hosts.count(host)) continue;
    Result<std::optional<RobotsState>> stored = state.Robots(host);
    if (!stored.ok()) return stored.status();
    if (*stored && (*stored)->expires_at > now) {
      hosts[host] = FromState(**stored);
      continue;
    }
    hosts[host] = HostRobots{};  // allowed unless the fetch says otherwise
    FetchRequest request{RobotsUrlOf(url, host), fetch};
    request.options.if_none_match.clear();
    request.options.if_modified_since.clear();
    request.options.max_bytes = 512 * 1024;  // RFC 9309 asks parsers for 500 KiB at least
    requests.push_back(std::move(request));
    request_hosts.push_back(host);
  }
  Status failed;
  FetchManyOptions many;
  many.stop = stop;
  FetchMany(
      requests, many,
      [&](std::size_t index, FetchOutcome outcome) {
        RobotsState stored;
        stored.host = request_hosts[index];
        stored.fetched_at = now;
        stored.http_status = outcome.http_status;
        if (outcome.page.ok()) {
          stored.body = std::move(outcome.page->body);
          stored.expires_at = now + kRobotsLifetime;
        } else if (outcome.http_status >= 400 && outcome.http_status < 500 &&
                   outcome.http_status != 429) {
          stored.expires_at = now + kRobotsLifetime;  // no robots.txt: all allowed
        } else {
          // Unreachable: asked again when the host's back-off ends.
          if (stored.http_status >= 200 && stored.http_status < 300) stored.http_status = 0;
          stored.body = outcome.cause;
          stored.expires_at = now + rules.retry_first;
        }
        HostRobots robots = FromState(stored);
        robots.outcome = std::move(outcome);
        hosts[request_hosts[index]] = std::move(robots);
        if (Status put = state.PutRobots(stored); !put.ok() && failed.ok()) failed = put;
        return AfterFetch::kGoOn;
      },
      [](std::size_t, std::string_view) {});
  if (!failed.ok()) return failed;
  return hosts;
}

}  // namespace stet
