// stet status: what is due when, what fails and why, per host
// (stet/crawl_state.h, after the watch list is synced into it).
#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>

#include "cli.h"
#include "stet/crawl_state.h"
#include "stet/run.h"
#include "stet/schedule.h"

namespace stet::cli {
namespace {

struct StatusFlags {
  std::string now;
  Format format = Format::kText;
  int upcoming = 10;
  std::string shard = "1/1";
};

struct HostSummary {
  long urls = 0;
  long due = 0;
  long failing = 0;
  HostState state;
};

// "in 14m", "5m ago", "now".
std::string Relative(UnixSeconds when, UnixSeconds now) {
  const Seconds span = when - now;
  if (span == 0) return "now";
  auto rounded = [](Seconds s) {
    if (s >= 2 * 86400) return std::to_string(s / 86400) + "d";
    if (s >= 2 * 3600) return std::to_string(s / 3600) + "h";
    if (s >= 120) return std::to_string(s / 60) + "m";
    return std::to_string(s) + "s";
  };
  return span > 0 ? "in " + rounded(span) : rounded(-span) + " ago";
}

nlohmann::json When(std::optional<UnixSeconds> when) {
  return when ? nlohmann::json(FormatTimestamp(*when)) : nlohmann::json(nullptr);
}

int RunStatus(const StatusFlags& flags, const Context& context) {
  if (!flags.now.empty()) {
    Result<UnixSeconds> now = ParseTimestamp(flags.now);
    if (!now.ok()) return Fail(now.status().WithContext("status: --now"));
    SetFixedNow(*now);
  }
  const UnixSeconds now = Now();
  Result<Archive> archive = OpenArchive(context);
  if (!archive.ok()) return Fail(archive.status());
  Result<ScheduleRules> rules = ReadScheduleRules(*archive);
  if (!rules.ok()) return Fail(rules.status().WithContext("status"));
  Result<CrawlState> state = CrawlState::Open(archive->path());
  if (!state.ok()) return Fail(state.status().WithContext("status"));
  if (Status synced = SyncWatchList(*archive, *state, *rules, now); !synced.ok()) {
    return Fail(synced.WithContext("status"));
  }
  Result<std::vector<UrlState>> urls = state->Urls();
  if (!urls.ok()) return Fail(urls.status().WithContext("status"));
  // Only this machine's shard: what its `run --shard` would check.
  Result<Shard> shard = ParseShard(flags.shard);
  if (!shard.ok()) return Fail(shard.status().WithContext("status: --shard"));
  std::erase_if(*urls, [&](const UrlState& url) { return !shard->Owns(url.url); });
  Result<std::vector<HostState>> host_states = state->Hosts();
  if (!host_states.ok()) return Fail(host_states.status().WithContext("status"));
  Result<std::vector<PendingAlert>> alerts = state->PendingAlerts();
  if (!alerts.ok()) return Fail(alerts.status().WithContext("status"));

  std::map<std::string, HostSummary> hosts;
  for (const HostState& host : *host_states) hosts[host.host].state = host;
  long articles = 0, feeds = 0, due = 0, stopped = 0, failing = 0;
  std::optional<UnixSeconds> next;
  for (const UrlState& url : *urls) {
    (url.feed ? feeds : articles)++;
    HostSummary& host = hosts[url.host];
    host.state.host = url.host;
    ++host.urls;
    if (!url.next_due) {
      ++stopped;
    } else if (*url.next_due <= now) {
      ++due;
      ++host.due;
    } else if (!next || *url.next_due < *next) {
      next = url.next_due;
    }
    if (url.failures > 0) {
      ++failing;
      ++host.failing;
    }
  }
  std::vector<const UrlState*> upcoming;
  for (const UrlState& url : *urls) {
    if (url.next_due) upcoming.push_back(&url);
  }
  std::sort(upcoming.begin(), upcoming.end(), [](const UrlState* a, const UrlState* b) {
    return std::tie(*a->next_due, a->url) < std::tie(*b->next_due, b->url);
  });

  if (flags.format == Format::kJson) {
    nlohmann::json json = {{"now", FormatTimestamp(now)},
                           {"state", state->path()},
                           {"schedule",
                            {{"articles", FormatTiers(rules->tiers)},
                             {"feeds", FormatDuration(rules->feed_every)},
                             {"host_delay_ms", rules->host_delay_ms}}},
                           {"articles", articles},
                           {"feeds", feeds},
                           {"due", due},
                           {"next_due", When(next)},
                           {"no_longer_checked", stopped},
                           {"failing", failing},
                           {"alerts_queued", alerts->size()},
                           {"urls", nlohmann::json::array()},
                           {"hosts", nlohmann::json::array()}};
    for (const UrlState& url : *urls) {
      nlohmann::json row = {{"url", url.url},
                            {"kind", url.feed ? "feed" : "article"},
                            {"host", url.host},
                            {"article", url.article_id},
                            {"next_due", When(url.next_due)},
                            {"last_check", url.last_check ? When(url.last_check) : nullptr},
                            {"last_change", url.last_change ? When(url.last_change) : nullptr},
                            {"last_result", url.last_result},
                            {"failures", url.failures},
                            {"last_cause", url.last_cause},
                            {"last_error", url.last_error},
                            {"checks", url.checks},
                            {"changes", url.changes},
                            {"reappearances", url.reappearances}};
      row.update(EntryOptionsJson(url.options));
      json["urls"].push_back(std::move(row));
    }
    for (const auto& [name, host] : hosts) {
      json["hosts"].push_back(
          {{"host", name},
           {"urls", host.urls},
           {"due", host.due},
           {"failing", host.failing},
           {"backoff_until", host.state.backoff_until > now ? When(host.state.backoff_until)
                                                            : nlohmann::json(nullptr)},
           {"failures", host.state.failures},
           {"last_cause", host.state.last_cause}});
    }
    std::printf("%s\n", json.dump(2).c_str());
    return kExitOk;
  }
  std::printf("tracked: %ld article(s), %ld feed(s); state %s\n", articles, feeds,
              state->path().c_str());
  std::printf("schedule: articles %s; feeds every %s\n", FormatTiers(rules->tiers).c_str(),
              FormatDuration(rules->feed_every).c_str());
  std::printf("due now: %ld", due);
  if (next)
    std::printf("; next %s (%s)", FormatTimestamp(*next).c_str(), Relative(*next, now).c_str());
  std::printf("\n");
  if (stopped > 0) std::printf("no longer checked (still past the last tier): %ld\n", stopped);
  if (!alerts->empty()) std::printf("alerts queued: %zu\n", alerts->size());
  if (failing > 0) {
    std::printf("failing: %ld\n", failing);
    for (const UrlState& url : *urls) {
      if (url.failures == 0) continue;
      std::printf("  %s  %s, %d in a row; retry %s: %s\n", url.url.c_str(), url.last_cause.c_str(),
                  url.failures, url.next_due ? Relative(*url.next_due, now).c_str() : "never",
                  url.last_error.c_str());
    }
  }
  std::printf("hosts:\n");
  for (const auto& [name, host] : hosts) {
    std::printf("  %s  %ld URL(s), %ld due", name.c_str(), host.urls, host.due);
    if (host.failing > 0) std::printf(", %ld failing", host.failing);
    if (host.state.backoff_until > now) {
      std::printf("; backing off until %s (%s) after %d failure(s): %s",
                  FormatTimestamp(host.state.backoff_until).c_str(),
                  Relative(host.state.backoff_until, now).c_str(), host.state.failures,
                  host.state.last_cause.c_str());
    }
    std::printf("\n");
  }
  if (!upcoming.empty()) {
    std::printf("next checks:\n");
    for (std::size_t i = 0; i < upcoming.size() && i < static_cast<std::size_t>(flags.upcoming);
         ++i) {
      std::printf("  %s  %-8s %s\n", FormatTimestamp(*upcoming[i]->next_due).c_str(),
                  Relative(*upcoming[i]->next_due, now).c_str(), upcoming[i]->url.c_str());
    }
  }
  return kExitOk;
}

}  // namespace

void SetupStatus(CLI::App& app, Context& context) {
  auto flags = std::make_shared<StatusFlags>();
  CLI::App* command =
      app.add_subcommand("status", "What is due when, what fails and why, per host");
  command->add_option("--now", flags->now, "Take this time (RFC 3339) as now");
  command->add_option("--upcoming", flags->upcoming, "How many next checks to list")
      ->default_str("10");
  AddShardOption(*command, &flags->shard);
  AddFormatOption(*command, &flags->format);
  command->callback([flags, &context] { context.exit_code = RunStatus(*flags, context); });
}

}  // namespace stet::cli
