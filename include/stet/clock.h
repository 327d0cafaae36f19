// stet/clock.h: instants as stored in the archive, RFC 3339 in UTC.
#ifndef STET_CLOCK_H_
#define STET_CLOCK_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "stet/status.h"

namespace stet {

// Seconds since the Unix epoch, UTC.
using UnixSeconds = std::int64_t;

// A span of time in seconds.
using Seconds = std::int64_t;

// Parses "90s", "15m", "6h", "2d", "1w" or a bare number of seconds; a
// positive whole number and one unit. kInvalidInput otherwise.
Result<Seconds> ParseDuration(std::string_view text);

// The largest unit that divides `span` exactly: "15m", "6h", "90s".
std::string FormatDuration(Seconds span);

// Parses an RFC 3339 timestamp ("2025-02-13T14:05:00Z",
// "2025-02-13T09:05:00-05:00", fractional seconds allowed and dropped; a
// space may stand for the "T"). Fails with kInvalidInput on anything else,
// including impossible dates.
Result<UnixSeconds> ParseTimestamp(std::string_view text);

// A publication time as pages write it, read as an instant when it names
// one: RFC 3339, or with its offset written without a colon (+0000), or a
// space for the "T" and "UTC"/"GMT" for the zone ("2014-12-29 19:13:00
// UTC"), or RFC 1123 ("Mon, 29 Dec 2014 19:13:00 GMT"). Fails with
// kInvalidInput on anything else, including a date alone or a time with no
// zone, which name no single instant.
Result<UnixSeconds> ParsePublishedTime(std::string_view text);

// Whether two publication times as pages write them are the same: the same
// string, or two spellings of one instant ("2014-12-29 19:13:00 UTC" and
// "2014-12-29T19:13:00Z").
bool SamePublishedTime(std::string_view a, std::string_view b);

// Formats as "YYYY-MM-DDTHH:MM:SSZ".
std::string FormatTimestamp(UnixSeconds seconds);

// The current time; the one place the library reads the wall clock,
// unless a fixed time was set.
UnixSeconds Now();

// Makes Now() return `fixed` from then on (nullopt: the wall clock again).
// For a clock the caller controls: the CLI sets it from STET_NOW, so that
// tests and replays of a schedule need no sleeping. Call before any thread
// reads the clock.
void SetFixedNow(std::optional<UnixSeconds> fixed);

}  // namespace stet

#endif  // STET_CLOCK_H_
