#include "stet/schedule.h"

#include <algorithm>
#include <charconv>

#include "base/ascii.h"

namespace stet {

Result<long> ParseDelayMs(std::string_view text) {
  if (text == "0") return 0L;
  if (text.ends_with("ms")) {
    Result<Seconds> ms = ParseDuration(text.substr(0, text.size() - 2));
    if (!ms.ok()) return ms.status();
    return static_cast<long>(*ms);
  }
  Result<Seconds> seconds = ParseDuration(text);
  if (!seconds.ok()) return seconds.status();
  return static_cast<long>(*seconds * 1000);
}

Result<std::vector<ScheduleTier>> ParseTiers(std::string_view text) {
  std::vector<ScheduleTier> tiers;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view part = TrimAsciiSpace(text.substr(start, end - start));
    start = end + 1;
    const std::size_t word = part.find(" for ");
    if (word == std::string_view::npos) {
      return Status::InvalidInput("'" + std::string(part) +
                                  "' is not a tier (EVERY for AGE: 15m for 6h)");
    }
    Result<Seconds> every = ParseDuration(part.substr(0, word));
    if (!every.ok()) return every.status();
    Result<Seconds> until = ParseDuration(part.substr(word + 5));
    if (!until.ok()) return until.status();
    if (!tiers.empty() && *until <= tiers.back().until) {
      return Status::InvalidInput("'" + std::string(part) + "': tiers must go from young to old");
    }
    tiers.push_back({*until, *every});
  }
  return tiers;
}

std::string FormatTiers(const std::vector<ScheduleTier>& tiers) {
  std::string text;
  for (const ScheduleTier& tier : tiers) {
    if (!text.empty()) text += ", ";
    text += FormatDuration(tier.every) + " for " + FormatDuration(tier.until);
  }
  return text;
}

Result<ScheduleRules> ReadScheduleRules(const Archive& archive) {
  ScheduleRules rules;
  auto read = [&](const std::string& key, auto apply) -> Status {
    Result<std::optional<std::string>> value = archive.ConfigValue(key);
    if (!value.ok()) return value.status();
    if (!*value) return Status::Ok();
    Status applied = apply(**value);
    return applied.ok() ? applied
                        : applied.WithContext("archive " + archive.path() + ": config " + key);
  };
  auto span = [](Seconds& target) {
    return [&target](const std::string& value) {
      Result<Seconds> parsed = ParseDuration(value);
      if (!parsed.ok()) return parsed.status();
      target = *parsed;
      return Status::Ok();
    };
  };
  const Status statuses[] = {
      read("stet.schedule",
           [&](const std::string& value) {
             Result<std::vector<ScheduleTier>> tiers = ParseTiers(value);
             if (!tiers.ok()) return tiers.status();
             rules.tiers = std::move(tiers).value();
             return Status::Ok();
           }),
      read("stet.feedInterval", span(rules.feed_every)),
      read("stet.retryAfter", span(rules.retry_first)),
      read("stet.retryMost", span(rules.retry_most)),
      read("stet.hostDelay",
           [&](const std::string& value) {
             Result<long> delay = ParseDelayMs(value);
             if (!delay.ok()) return delay.status();
             rules.host_delay_ms = *delay;
             return Status::Ok();
           }),
  };
  for (const Status& status : statuses) {
    if (!status.ok()) return status;
  }
  return rules;
}

std::optional<UnixSeconds> NextArticleCheck(const ScheduleRules& rules, UnixSeconds last_change,
                                            UnixSeconds now, Seconds every) {
  if (every > 0) return now + every;
  const Seconds age = std::max<Seconds>(0, now - last_change);
  for (const ScheduleTier& tier : rules.tiers) {
    if (age < tier.until) return now + tier.every;
  }
  return std::nullopt;
}

Seconds RetryDelay(const ScheduleRules& rules, int failures) {
  Seconds delay = rules.retry_first;
  for (int i = 1; i < failures && delay < rules.retry_most; ++i) delay *= 2;
  return std::min(delay, rules.retry_most);
}

}  // namespace stet
