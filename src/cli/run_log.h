// What `stet run` and `stet watch` show while they work: on a terminal a
// progress bar with counts and rate, events that matter printed above it;
// otherwise one plain line per event (cron mail, journald), or one JSON
// object per line with --log-format json (log shippers).
#ifndef STET_SRC_CLI_RUN_LOG_H_
#define STET_SRC_CLI_RUN_LOG_H_

#include <chrono>
#include <string>

#include "stet/run.h"

namespace stet::cli {

enum class LogFormat { kText, kJson };

class RunLog {
 public:
  // `verbose` logs every check, not only what changed or failed.
  RunLog(LogFormat format, bool verbose);
  ~RunLog();

  void Event(const RunEvent& event);
  // A line of the command's own (an alert delivered, a pass skipped).
  void Note(std::string_view kind, const std::string& url, const std::string& detail);
  void Summary(const RunSummary& summary, double seconds);

 private:
  void Line(const std::string& text);
  void DrawBar();
  void ClearBar();

  LogFormat format_;
  bool verbose_;
  bool bar_ = false;  // stderr is a terminal and the log is text
  bool bar_drawn_ = false;
  long planned_ = 0;
  long done_ = 0;
  RunSummary counts_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

// "checked 52, changed 5, new 2, not modified 40, ..." for people.
std::string SummaryText(const RunSummary& summary);

}  // namespace stet::cli

#endif  // STET_SRC_CLI_RUN_LOG_H_
