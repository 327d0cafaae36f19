// stet/alerts.h: telling someone a stored change matters.
//
// `stet run --notify CMD` and `--webhook URL` hand each stored change at or
// above a materiality to a program or a URL, its `stet diff --format json`
// as the message. A hook that fails is retried at the next pass: the alert
// stays queued in the state database (stet/crawl_state.h) until delivered.
#ifndef STET_ALERTS_H_
#define STET_ALERTS_H_

#include <string>
#include <string_view>

#include "stet/status.h"

namespace stet {

// Runs `command` with /bin/sh -c, `input` on its standard input, its output
// going where ours goes. Fails with kInvalidInput naming the command when it
// cannot start, exits non-zero, dies of a signal, or runs over `timeout_ms`
// (then it is killed).
Status RunAlertCommand(const std::string& command, std::string_view input,
                       long timeout_ms = 60'000);

}  // namespace stet

#endif  // STET_ALERTS_H_
