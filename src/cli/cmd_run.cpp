// stet run / stet watch: passes over what is due (stet/run.h), and the
// alerts of what they stored (stet/alerts.h).
#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

#include "cli.h"
#include "run_log.h"
#include "stet/alerts.h"
#include "stet/claims.h"
#include "stet/crawl_state.h"
#include "stet/render.h"
#include "stet/revision_diff.h"
#include "stet/run.h"
#include "stet/schedule.h"

namespace stet::cli {
namespace {

std::atomic<int> g_stop_signal{0};

void OnStopSignal(int signal) {
  g_stop_signal = signal;
}

struct RunFlags {
  std::string now;              // --now, RFC 3339
  std::string wait = "0";       // --wait: for another pass's lock
  std::string interval = "5m";  // watch only
  int max_passes = 0;           // watch only: 0 = until a signal
  bool ignore_robots = false;
  std::string host_delay;  // "" = the archive's config
  int max_per_host = 2;
  std::string notify;
  std::string webhook;
  std::string min_materiality = "medium";
  LogFormat log_format = LogFormat::kText;
  bool verbose = false;
  std::string shard = "1/1";
  FetchFlags fetch;
};

// Delivers every queued alert at or above the threshold; one that fails
// stays queued for the next pass.
Status DeliverAlerts(Archive& archive, CrawlState& state, const RunFlags& flags,
                     const FetchOptions& fetch, RunLog& log) {
  Result<std::vector<PendingAlert>> pending = state.PendingAlerts();
  if (!pending.ok()) return pending.status();
  for (const PendingAlert& alert : *pending) {
    Result<RevisionInfo> to = archive.ResolveRevision(alert.article_id, alert.commit);
    if (!to.ok()) return to.status();
    if (to->number < 2) {
      if (Status done = state.AlertDelivered(alert.id); !done.ok()) return done;
      continue;
    }
    Result<std::pair<DiffSide, DiffSide>> sides = ReadArchiveSides(
        archive, alert.article_id, std::to_string(to->number - 1), std::to_string(to->number));
    if (!sides.ok()) return sides.status();
    Result<RevisionDiff> analysis = AnalyzeDiff(std::move(sides->first), std::move(sides->second));
    if (!analysis.ok()) return analysis.status();
    const std::string level(MaterialityLabel(analysis->Materiality()));
    if (analysis->Materiality() < MaterialityFloor(flags.min_materiality)) {
      if (Status done = state.AlertDelivered(alert.id); !done.ok()) return done;
      continue;
    }
    const std::string json = RenderDiffJson(*analysis);
    Status delivered;
    if (!flags.notify.empty()) delivered = RunAlertCommand(flags.notify, json);
    if (delivered.ok() && !flags.webhook.empty()) {
      Result<long> posted = PostJson(flags.webhook, json, fetch);
      if (!posted.ok()) delivered = Status::Network("--webhook " + posted.status().message());
    }
    const std::string what = "revision " + std::to_string(to->number) + " (" + level + ")";
    if (delivered.ok()) {
      if (Status done = state.AlertDelivered(alert.id); !done.ok()) return done;
      log.Note("alert", to->url, what + " delivered");
    } else {
      if (Status failed = state.AlertFailed(alert.id, delivered.message()); !failed.ok()) {
        return failed;
      }
      log.Note("alert_failed", to->url,
               what + ": " + delivered.message() + "; retried at the next pass");
    }
  }
  return Status::Ok();
}

// The pass options the flags and the archive's config give.
Result<RunOptions> PassOptions(const Archive& archive, const RunFlags& flags) {
  RunOptions options;
  Result<ScheduleRules> rules = ReadScheduleRules(archive);
  if (!rules.ok()) return rules.status();
  options.rules = *rules;
  if (!flags.host_delay.empty()) {
    Result<long> delay = ParseDelayMs(flags.host_delay);
    if (!delay.ok()) return delay.status().WithContext("--host-delay");
    options.rules.host_delay_ms = *delay;
  }
  Result<Shard> shard = ParseShard(flags.shard);
  if (!shard.ok()) return shard.status().WithContext("--shard");
  options.shard = *shard;
  options.fetch = flags.fetch.Options(10 * 1024 * 1024);
  options.ignore_robots = flags.ignore_robots;
  options.max_per_host = flags.max_per_host;
  options.queue_alerts = !flags.notify.empty() || !flags.webhook.empty();
  options.stop = [] { return g_stop_signal != 0; };
  return options;
}

// One pass under the lock. Returns the exit code; `summary` when it ran.
int OnePass(Archive& archive, const RunFlags& flags, long wait_ms, RunLog& log,
            std::optional<RunSummary>* summary) {
  std::string holder;
  Result<std::optional<RunLock>> lock = RunLock::Acquire(archive.path(), wait_ms, &holder);
  if (!lock.ok()) return Fail(lock.status().WithContext("run"));
  if (!*lock) {
    std::fprintf(stderr, "stet: run: another pass over %s is running (%s); not starting\n",
                 archive.path().c_str(), holder.empty() ? "holder unknown" : holder.c_str());
    return kExitOk;
  }
  Result<CrawlState> state = CrawlState::Open(archive.path());
  if (!state.ok()) return Fail(state.status().WithContext("run"));
  if (!state->recovered().empty()) {
    log.Note("state_rebuilt", state->path(), "was unreadable (" + state->recovered() + ")");
  }
  Result<RunOptions> options = PassOptions(archive, flags);
  if (!options.ok()) return Fail(options.status().WithContext("run"));
  options->now = Now();
  const auto start = std::chrono::steady_clock::now();
  Result<RunSummary> ran =
      RunPass(archive, *state, *options, [&](const RunEvent& event) { log.Event(event); });
  if (!ran.ok()) return Fail(ran.status().WithContext("run"));
  if (options->queue_alerts && g_stop_signal == 0) {
    Status alerts = DeliverAlerts(archive, *state, flags, options->fetch, log);
    if (!alerts.ok()) return Fail(alerts.WithContext("run"));
  }
  log.Summary(*ran,
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  *summary = *ran;
  return ran->all_failed() ? kExitNetwork : kExitOk;
}

Result<long> WaitMs(const std::string& wait) {
  if (wait == "0") return 0L;
  Result<Seconds> seconds = ParseDuration(wait);
  if (!seconds.ok()) return seconds.status().WithContext("--wait");
  return static_cast<long>(*seconds * 1000);
}

int RunOnce(const RunFlags& flags, const Context& context) {
  if (!flags.now.empty()) {
    Result<UnixSeconds> now = ParseTimestamp(flags.now);
    if (!now.ok()) return Fail(now.status().WithContext("run: --now"));
    SetFixedNow(*now);
  }
  Result<long> wait_ms = WaitMs(flags.wait);
  if (!wait_ms.ok()) return Fail(wait_ms.status().WithContext("run"));
  Result<Archive> archive = OpenArchive(context);
  if (!archive.ok()) return Fail(archive.status());
  RunLog log(flags.log_format, flags.verbose);
  std::optional<RunSummary> summary;
  return OnePass(*archive, flags, *wait_ms, log, &summary);
}

// Sleeps `span`, waking early for a stop signal.
void SleepUnlessStopped(std::chrono::milliseconds span) {
  const auto until = std::chrono::steady_clock::now() + span;
  while (g_stop_signal == 0 && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

int Watch(const RunFlags& flags, const Context& context) {
  Result<Seconds> interval = ParseDuration(flags.interval);
  if (!interval.ok()) return Fail(interval.status().WithContext("watch: --interval"));
  std::optional<UnixSeconds> start_time;
  if (!flags.now.empty()) {
    Result<UnixSeconds> now = ParseTimestamp(flags.now);
    if (!now.ok()) return Fail(now.status().WithContext("watch: --now"));
    start_time = *now;
  }
  Result<Archive> archive = OpenArchive(context);
  if (!archive.ok()) return Fail(archive.status());
  struct sigaction action {};
  action.sa_handler = OnStopSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
  RunLog log(flags.log_format, flags.verbose);
  const auto started = std::chrono::steady_clock::now();
  int passes = 0;
  while (g_stop_signal == 0) {
    // With --now the clock starts there and runs at the real pace.
    if (start_time) {
      const auto elapsed = std::chrono::duration_cast<std::chrono::seconds>(
          std::chrono::steady_clock::now() - started);
      SetFixedNow(*start_time + elapsed.count());
    }
    const auto pass_start = std::chrono::steady_clock::now();
    std::optional<RunSummary> summary;
    const int code = OnePass(*archive, flags, 0, log, &summary);
    if (code != kExitOk && code != kExitNetwork) return code;  // the archive is in trouble
    ++passes;
    if (flags.max_passes > 0 && passes >= flags.max_passes) break;
    const auto spent = std::chrono::steady_clock::now() - pass_start;
    const auto wait = std::chrono::seconds(*interval) - spent;
    if (wait > std::chrono::milliseconds(0)) {
      SleepUnlessStopped(std::chrono::duration_cast<std::chrono::milliseconds>(wait));
    }
  }
  if (g_stop_signal != 0) {
    log.Note("stopped", "",
             "by " + std::string(g_stop_signal == SIGTERM ? "SIGTERM" : "SIGINT") + " after " +
                 std::to_string(passes) + " pass(es)");
  }
  return kExitOk;
}

void AddPassOptions(CLI::App& command, RunFlags* flags) {
  command.add_option("--now", flags->now,
                     "Take this time (RFC 3339) as now, for tests and replays");
  command.add_flag("--ignore-robots", flags->ignore_robots, "Fetch what robots.txt disallows");
  command.add_option("--host-delay", flags->host_delay,
                     "Least time between two requests to one host: 1s, 500ms, 0 "
                     "(default: config stet.hostDelay, else 1s)");
  command.add_option("--max-per-host", flags->max_per_host, "Connections to one host at a time")
      ->check(CLI::Range(1, 16))
      ->default_str("2");
  command.add_option("--notify", flags->notify,
                     "Run this shell command once per stored change at or above "
                     "--min-materiality, its `stet diff --format json` on standard input");
  command.add_option("--webhook", flags->webhook, "POST the same JSON to this URL")
      ->check(CLI::Validator(
          [](std::string& url) {
            return IsHttpUrl(url) ? std::string() : "'" + url + "' is not an http(s) URL";
          },
          "URL"));
  command.add_option("--min-materiality", flags->min_materiality, "Alert threshold")
      ->check(CLI::IsMember({"low", "medium", "high"}))
      ->default_str("medium");
  const std::map<std::string, LogFormat> formats{{"text", LogFormat::kText},
                                                 {"json", LogFormat::kJson}};
  command.add_option("--log-format", flags->log_format, "text (one line per event) or json")
      ->transform(OneOf(formats))
      ->default_str("text");
  command.add_flag("-v,--verbose", flags->verbose, "Log every check, unchanged ones too");
  AddShardOption(command, &flags->shard);
  AddFetchOptions(command, &flags->fetch);
}

}  // namespace

void SetupRun(CLI::App& app, Context& context) {
  auto flags = std::make_shared<RunFlags>();
  CLI::App* run = app.add_subcommand("run", "One pass over the due feeds and articles (for cron)");
  AddPassOptions(*run, flags.get());
  run->add_option("--wait", flags->wait,
                  "When another pass holds the archive, wait this long (0: exit at once, with 0)")
      ->default_str("0");
  run->callback([flags, &context] { context.exit_code = RunOnce(*flags, context); });

  auto watch_flags = std::make_shared<RunFlags>();
  CLI::App* watch = app.add_subcommand("watch", "Run passes until SIGTERM or SIGINT");
  AddPassOptions(*watch, watch_flags.get());
  watch
      ->add_option("--interval", watch_flags->interval,
                   "Time from the start of one pass to the next")
      ->default_str("5m");
  watch->add_option("--max-passes", watch_flags->max_passes, "Stop after this many passes");
  watch->callback([watch_flags, &context] { context.exit_code = Watch(*watch_flags, context); });
}

}  // namespace stet::cli
