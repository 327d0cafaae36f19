// RFC 3339 timestamps. Parsed by hand because C++20's std::chrono::parse is
// missing from libstdc++ 12 and strptime accepts too much (no range checks,
// no offsets); the grammar is small and fully tested.
#include "stet/clock.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>

#include "base/ascii.h"

namespace stet {
namespace {

bool IsLeap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

// Howard Hinnant's days_from_civil: days since 1970-01-01 of a civil date.
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// Reads exactly `width` digits at `pos`; returns -1 when they are not digits.
int Digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return -1;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

Result<UnixSeconds> ParseTimestamp(std::string_view text) {
  auto invalid = [&](const char* why) {
    return Status::InvalidInput("time " + std::string(text) + ": " + why +
                                " (want RFC 3339, e.g. 2025-02-13T14:05:00Z)");
  };
  // YYYY-MM-DDTHH:MM:SS, then a zone (checked below, where a date and time
  // without one are told "no time zone").
  if (text.size() < 19) return invalid("too short");
  const int year = Digits(text, 0, 4), month = Digits(text, 5, 2), day = Digits(text, 8, 2);
  const int hour = Digits(text, 11, 2), minute = Digits(text, 14, 2), second = Digits(text, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || text[4] != '-' ||
      text[7] != '-' || text[13] != ':' || text[16] != ':') {
    return invalid("malformed");
  }
  const char separator = text[10];
  if (separator != 'T' && separator != 't' && separator != ' ') return invalid("malformed");
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month) || hour > 23 ||
      minute > 59 || second > 60) {
    return invalid("no such date or time");
  }
  std::size_t pos = 19;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    const std::size_t digits_start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == digits_start) return invalid("malformed fraction");
  }
  if (pos >= text.size()) return invalid("no time zone (add Z or an offset)");
  int offset_seconds = 0;
  if (text[pos] == 'Z' || text[pos] == 'z') {
    ++pos;
  } else if (text[pos] == '+' || text[pos] == '-') {
    const int offset_hours = Digits(text, pos + 1, 2), offset_minutes = Digits(text, pos + 4, 2);
    if (offset_hours < 0 || offset_minutes < 0 || pos + 3 >= text.size() || text[pos + 3] != ':' ||
        offset_hours > 23 || offset_minutes > 59) {
      return invalid("malformed offset");
    }
    offset_seconds = (offset_hours * 60 + offset_minutes) * 60 * (text[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return invalid("malformed time zone");
  }
  if (pos != text.size()) return invalid("trailing characters");
  const std::int64_t days =
      DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  // A leap second is stored as the second after it.
  return days * 86400 + hour * 3600 + minute * 60 + second - offset_seconds;
}

Result<UnixSeconds> ParsePublishedTime(std::string_view raw) {
  const auto invalid = [&] {
    return Status::InvalidInput("time " + std::string(raw) + ": not a time with a zone");
  };
  std::string text(raw);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n')) text.erase(0, 1);
  // RFC 1123: "Mon, 29 Dec 2014 19:13:00 GMT" (or an offset, +0000).
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (text.size() >= 29 && text[3] == ',' && text[4] == ' ') {
    const std::string month_name = text.substr(8, 3);
    int month = 0;
    for (int m = 0; m < 12; ++m) {
      if (kMonths[m] == month_name) month = m + 1;
    }
    if (month == 0) return invalid();
    std::string zone = text.substr(26);
    if (zone == "GMT" || zone == "UT" || zone == "UTC") zone = "Z";
    if (zone.size() == 5 && (zone[0] == '+' || zone[0] == '-')) zone.insert(3, ":");
    char month_digits[16];
    std::snprintf(month_digits, sizeof month_digits, "%02d", month);
    text = text.substr(12, 4) + "-" + month_digits + "-" + text.substr(5, 2) + "T" +
           text.substr(17, 8) + zone;
  } else if (text.size() >= 19) {
    // "2014-12-29 19:13:00 UTC", "...T19:13:00+0000", "...T19:13:00.000Z".
    for (std::string_view utc : {" UTC", " GMT", "UTC", "GMT"}) {
      if (text.size() > utc.size() && text.ends_with(utc)) {
        text.replace(text.size() - utc.size(), utc.size(), "Z");
        break;
      }
    }
    const std::size_t zone = text.find_first_of("+-", 19);
    if (zone != std::string::npos && text.size() - zone == 5) text.insert(zone + 3, ":");
  }
  Result<UnixSeconds> parsed = ParseTimestamp(text);
  if (!parsed.ok()) return invalid();
  return parsed;
}

bool SamePublishedTime(std::string_view a, std::string_view b) {
  if (a == b) return true;
  const Result<UnixSeconds> first = ParsePublishedTime(a);
  const Result<UnixSeconds> second = ParsePublishedTime(b);
  return first.ok() && second.ok() && *first == *second;
}

std::string FormatTimestamp(UnixSeconds seconds) {
  std::int64_t days = seconds / 86400;
  std::int64_t rest = seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  // civil_from_days (Hinnant).
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned day = doy - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2);
  char out[64];
  std::snprintf(out, sizeof out, "%04lld-%02u-%02uT%02d:%02d:%02dZ", static_cast<long long>(year),
                month, day, static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60),
                static_cast<int>(rest % 60));
  return out;
}

namespace {
std::optional<UnixSeconds> fixed_now;
}  // namespace

namespace {

struct Unit {
  char letter;
  Seconds seconds;
};
constexpr Unit kUnits[] = {{'w', 7 * 86400}, {'d', 86400}, {'h', 3600}, {'m', 60}, {'s', 1}};

}  // namespace

Result<Seconds> ParseDuration(std::string_view text) {
  const std::string_view trimmed = TrimAsciiSpace(text);
  auto bad = [&] {
    return Status::InvalidInput("'" + std::string(text) +
                                "' is not a duration (a whole number and s, m, h, d or w: 15m)");
  };
  if (trimmed.empty()) return bad();
  Seconds unit = 1;
  std::string_view number = trimmed;
  const char last = AsciiLowerChar(trimmed.back());
  if (!(last >= '0' && last <= '9')) {
    const auto* found = std::find_if(std::begin(kUnits), std::end(kUnits),
                                     [&](const Unit& u) { return u.letter == last; });
    if (found == std::end(kUnits)) return bad();
    unit = found->seconds;
    number.remove_suffix(1);
  }
  Seconds value = 0;
  const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (error != std::errc() || end != number.data() + number.size() || value <= 0 ||
      value > 100LL * 365 * 86400 / unit) {
    return bad();
  }
  return value * unit;
}

std::string FormatDuration(Seconds span) {
  for (const Unit& unit : kUnits) {
    if (span != 0 && span % unit.seconds == 0) {
      return std::to_string(span / unit.seconds) + unit.letter;
    }
  }
  return std::to_string(span) + "s";
}

UnixSeconds Now() {
  if (fixed_now) return *fixed_now;
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void SetFixedNow(std::optional<UnixSeconds> fixed) {
  fixed_now = fixed;
}

}  // namespace stet
