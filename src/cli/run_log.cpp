#include "run_log.h"

#include <unistd.h>

#include <cstdio>

#include "cli.h"

namespace stet::cli {
namespace {

bool Counts(RunEvent::Kind kind) {
  switch (kind) {
    case RunEvent::Kind::kPlanned:
    case RunEvent::Kind::kHostBackoff:
      return false;
    default:
      return true;
  }
}

// Events a person wants to read even without --verbose.
bool Notable(RunEvent::Kind kind) {
  switch (kind) {
    case RunEvent::Kind::kStored:
    case RunEvent::Kind::kNew:
    case RunEvent::Kind::kReappeared:
    case RunEvent::Kind::kFailed:
    case RunEvent::Kind::kBlocked:
    case RunEvent::Kind::kHostBackoff:
      return true;
    default:
      return false;
  }
}

std::string EventText(const RunEvent& event) {
  std::string text = std::string(RunEventName(event.kind));
  text.resize(std::max<std::size_t>(text.size() + 1, 13), ' ');
  text += event.url;
  switch (event.kind) {
    case RunEvent::Kind::kStored:
    case RunEvent::Kind::kNew:
      text += "  revision " + std::to_string(event.revision) + " of article " + event.article_id;
      break;
    case RunEvent::Kind::kReappeared:
      text += "  same text as revision " + std::to_string(event.revision) + "; not stored again";
      break;
    case RunEvent::Kind::kFailed:
      text += "  " + event.cause + ": " + event.detail;
      break;
    case RunEvent::Kind::kBlocked:
      text += "  disallowed by robots.txt";
      break;
    case RunEvent::Kind::kDeferred:
      text += "  " + event.detail;
      break;
    case RunEvent::Kind::kHostBackoff:
      text += "  backs off until " + event.detail + " (" + event.cause + ")";
      break;
    case RunEvent::Kind::kFeedChecked:
      text += "  " + std::to_string(event.count) + " new item(s)";
      break;
    default:
      break;
  }
  return text;
}

}  // namespace

std::string SummaryText(const RunSummary& s) {
  std::string text = "checked " + std::to_string(s.checked) + ", changed " +
                     std::to_string(s.changed) + ", new " + std::to_string(s.added) +
                     ", not modified " + std::to_string(s.not_modified) + ", unchanged " +
                     std::to_string(s.unchanged);
  if (s.reappeared > 0) text += ", re-appeared " + std::to_string(s.reappeared);
  text += ", failed " + std::to_string(s.failed);
  if (!s.failed_by_cause.empty()) {
    text += " (";
    bool first = true;
    for (const auto& [cause, count] : s.failed_by_cause) {
      text += (first ? "" : ", ") + cause + ": " + std::to_string(count);
      first = false;
    }
    text += ")";
  }
  if (s.deferred > 0) text += ", deferred " + std::to_string(s.deferred);
  if (s.blocked > 0) text += ", blocked by robots.txt " + std::to_string(s.blocked);
  if (s.abandoned > 0) text += ", abandoned " + std::to_string(s.abandoned);
  if (s.feeds_checked > 0) {
    text += "; feeds " + std::to_string(s.feeds_checked) + " (" + std::to_string(s.feed_items) +
            " new item(s))";
  }
  return text;
}

RunLog::RunLog(LogFormat format, bool verbose)
    : format_(format),
      verbose_(verbose),
      bar_(format == LogFormat::kText && ::isatty(STDERR_FILENO)),
      start_(std::chrono::steady_clock::now()) {}

RunLog::~RunLog() {
  ClearBar();
}

void RunLog::Line(const std::string& text) {
  ClearBar();
  std::printf("%s\n", text.c_str());
  std::fflush(stdout);
  if (bar_) DrawBar();
}

void RunLog::ClearBar() {
  if (!bar_drawn_) return;
  std::fprintf(stderr, "\r\x1b[2K");
  std::fflush(stderr);
  bar_drawn_ = false;
}

void RunLog::DrawBar() {
  const auto now = std::chrono::steady_clock::now();
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const long total = std::max(planned_, done_);
  constexpr int kWidth = 24;
  const int filled = total > 0 ? static_cast<int>(kWidth * done_ / total) : 0;
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(kWidth, '.');
  std::fprintf(stderr, "\r\x1b[2K[%s] %ld/%ld  %.0f/s  changed %ld  new %ld  failed %ld",
               bar.c_str(), done_, total, seconds > 0 ? static_cast<double>(done_) / seconds : 0.0,
               counts_.changed, counts_.added, counts_.failed);
  std::fflush(stderr);
  bar_drawn_ = true;
  last_draw_ = now;
}

void RunLog::Event(const RunEvent& event) {
  if (event.kind == RunEvent::Kind::kPlanned) planned_ += event.count;
  if (Counts(event.kind)) ++done_;
  switch (event.kind) {
    case RunEvent::Kind::kStored:
      ++counts_.changed;
      break;
    case RunEvent::Kind::kNew:
      ++counts_.added;
      break;
    case RunEvent::Kind::kFailed:
      ++counts_.failed;
      break;
    default:
      break;
  }
  if (format_ == LogFormat::kJson) {
    if (event.kind == RunEvent::Kind::kPlanned && !verbose_) return;
    nlohmann::json line = {
        {"time", FormatTimestamp(Now())}, {"event", RunEventName(event.kind)}, {"url", event.url}};
    if (!event.article_id.empty()) line["article"] = event.article_id;
    if (event.revision > 0) line["revision"] = event.revision;
    if (!event.cause.empty()) line["cause"] = event.cause;
    if (!event.detail.empty()) line["detail"] = event.detail;
    if (event.http_status > 0) line["http_status"] = event.http_status;
    if (event.kind == RunEvent::Kind::kPlanned || event.kind == RunEvent::Kind::kFeedChecked) {
      line["count"] = event.count;
    }
    std::printf("%s\n", line.dump().c_str());
    std::fflush(stdout);
    return;
  }
  if (event.kind != RunEvent::Kind::kPlanned && (verbose_ || Notable(event.kind))) {
    Line(EventText(event));
  } else if (bar_ &&
             std::chrono::steady_clock::now() - last_draw_ > std::chrono::milliseconds(100)) {
    DrawBar();
  }
}

void RunLog::Note(std::string_view kind, const std::string& url, const std::string& detail) {
  if (format_ == LogFormat::kJson) {
    nlohmann::json line = {{"time", FormatTimestamp(Now())}, {"event", kind}, {"url", url}};
    if (!detail.empty()) line["detail"] = detail;
    std::printf("%s\n", line.dump().c_str());
    std::fflush(stdout);
    return;
  }
  std::string text(kind);
  text.resize(std::max<std::size_t>(text.size() + 1, 13), ' ');
  Line(text + url + (detail.empty() ? "" : "  " + detail));
}

void RunLog::Summary(const RunSummary& summary, double seconds) {
  ClearBar();
  if (format_ == LogFormat::kJson) {
    nlohmann::json line = {{"time", FormatTimestamp(Now())},
                           {"event", "summary"},
                           {"due", summary.due},
                           {"checked", summary.checked},
                           {"changed", summary.changed},
                           {"new", summary.added},
                           {"not_modified", summary.not_modified},
                           {"unchanged", summary.unchanged},
                           {"reappeared", summary.reappeared},
                           {"failed", summary.failed},
                           {"failed_by_cause", summary.failed_by_cause},
                           {"deferred", summary.deferred},
                           {"blocked", summary.blocked},
                           {"abandoned", summary.abandoned},
                           {"feeds_checked", summary.feeds_checked},
                           {"feed_items", summary.feed_items},
                           {"seconds", seconds}};
    std::printf("%s\n", line.dump().c_str());
  } else {
    std::printf("%s in %.1f s\n", SummaryText(summary).c_str(), seconds);
  }
  std::fflush(stdout);
}

}  // namespace stet::cli
