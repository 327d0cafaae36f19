// The schedule: durations, tiers, when an article is next due, back-off.
#include "stet/schedule.h"

#include <catch2/catch.hpp>

TEST_CASE("schedule: durations and tiers read and print back", "[schedule]") {
  CHECK(*stet::ParseDuration("15m") == 900);
  CHECK(*stet::ParseDuration("2d") == 172800);
  CHECK(*stet::ParseDuration("90") == 90);
  for (const char* bad : {"", "m", "-5m", "0s", "5x", "1.5h", "99999999999w"}) {
    INFO(bad);
    CHECK_FALSE(stet::ParseDuration(bad).ok());
  }
  // Delays between requests: 0, milliseconds or a duration.
  CHECK(*stet::ParseDelayMs("0") == 0);
  CHECK(*stet::ParseDelayMs("500ms") == 500);
  CHECK(*stet::ParseDelayMs("2s") == 2000);
  CHECK_FALSE(stet::ParseDelayMs("2xms").ok());
  CHECK_FALSE(stet::ParseDelayMs("-1").ok());
  CHECK(stet::FormatDuration(900) == "15m");
  CHECK(stet::FormatDuration(90) == "90s");
  auto tiers = stet::ParseTiers("10m for 1h, 2h for 1d");
  REQUIRE(tiers.ok());
  CHECK(stet::FormatTiers(*tiers) == "10m for 1h, 2h for 1d");
  CHECK_FALSE(stet::ParseTiers("2h for 1d, 10m for 1h").ok());  // old before young
  CHECK(stet::ParseTiers("every 5m").status().message().find("'every 5m' is not a tier") == 0);
}

TEST_CASE("schedule: young articles often, old ones rarely, still ones never", "[schedule]") {
  const stet::ScheduleRules rules;  // 15m for 6h, 1h for 2d, 6h for 2w, 1d for 60d
  const stet::UnixSeconds changed = 1'000'000;
  CHECK(*stet::NextArticleCheck(rules, changed, changed + 60) == changed + 60 + 900);
  CHECK(*stet::NextArticleCheck(rules, changed, changed + 7 * 3600) == changed + 7 * 3600 + 3600);
  CHECK(*stet::NextArticleCheck(rules, changed, changed + 3 * 86400) ==
        changed + 3 * 86400 + 6 * 3600);
  CHECK(*stet::NextArticleCheck(rules, changed, changed + 20 * 86400) == changed + 21 * 86400);
  CHECK_FALSE(stet::NextArticleCheck(rules, changed, changed + 61 * 86400));
  // Failures back off from 5m, doubling, to a day at most.
  CHECK(stet::RetryDelay(rules, 1) == 300);
  CHECK(stet::RetryDelay(rules, 2) == 600);
  CHECK(stet::RetryDelay(rules, 4) == 2400);
  CHECK(stet::RetryDelay(rules, 40) == 86400);
}
