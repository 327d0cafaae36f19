// stet/schedule.h: when an article or a feed is due for its next check.
//
// An article is checked often while young and rarely when old, as
// NewsDiffs does, but its age counts from its last change, not from its
// first sight: an article that changes is watched closely again, one that
// has been still for the last tier's span is no longer checked. A failed
// check is retried after an exponential back-off instead. The rules are
// the archive's git config (docs/scheduling.md), so every pass over one
// archive follows the same ones.
#ifndef STET_SCHEDULE_H_
#define STET_SCHEDULE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stet/archive.h"
#include "stet/clock.h"
#include "stet/status.h"

namespace stet {

// A delay between requests in milliseconds: "0", "500ms", or a duration
// as ParseDuration reads it ("1s", "2m"). kInvalidInput otherwise.
Result<long> ParseDelayMs(std::string_view text);

// Until an article is `until` old (since its last change), it is checked
// `every` so often.
struct ScheduleTier {
  Seconds until = 0;
  Seconds every = 0;
};

struct ScheduleRules {
  // Config stet.schedule: "15m for 6h, 1h for 2d, 6h for 14d, 1d for 60d".
  std::vector<ScheduleTier> tiers = {
      {6 * 3600, 15 * 60}, {2 * 86400, 3600}, {14 * 86400, 6 * 3600}, {60 * 86400, 86400}};
  Seconds feed_every = 15 * 60;  // stet.feedInterval
  Seconds retry_first = 5 * 60;  // stet.retryAfter: the first retry of a failure
  Seconds retry_most = 86400;    // stet.retryMost: back-off grows to this at most
  long host_delay_ms = 1000;     // stet.hostDelay: between two requests to a host
};

// Reads "15m for 6h, ..." (tiers in growing order of age). kInvalidInput
// naming the part that is wrong.
Result<std::vector<ScheduleTier>> ParseTiers(std::string_view text);
std::string FormatTiers(const std::vector<ScheduleTier>& tiers);

// The archive's rules: the defaults above, each replaced by its config key
// when set. kInvalidInput naming the key and value that cannot be read.
Result<ScheduleRules> ReadScheduleRules(const Archive& archive);

// When an article last changed at `last_change` (its first sight when it
// never changed) is next due after a successful check at `now`; nullopt
// when it is older than the last tier: it is no longer checked. An entry
// with its own interval (`every` > 0, `stet track --every`) is due that
// long after the check, whatever its age.
std::optional<UnixSeconds> NextArticleCheck(const ScheduleRules& rules, UnixSeconds last_change,
                                            UnixSeconds now, Seconds every = 0);

// How long to wait after the `failures`-th failure in a row (1 = the
// first): retry_first, doubled each time, at most retry_most.
Seconds RetryDelay(const ScheduleRules& rules, int failures);

}  // namespace stet

#endif  // STET_SCHEDULE_H_
