#include <catch2/catch.hpp>

#include "stet/clock.h"

using stet::FormatTimestamp;
using stet::ParseTimestamp;

TEST_CASE("RFC 3339 timestamps parse to UTC and format back", "[clock]") {
  CHECK(*ParseTimestamp("1970-01-01T00:00:00Z") == 0);
  CHECK(*ParseTimestamp("2025-02-13T14:05:00Z") == 1739455500);
  CHECK(*ParseTimestamp("2025-02-13T09:05:00-05:00") == 1739455500);
  CHECK(*ParseTimestamp("2025-02-13T15:35:00+01:30") == 1739455500);
  CHECK(*ParseTimestamp("2025-02-13 14:05:00.123456Z") == 1739455500);
  CHECK(FormatTimestamp(1739455500) == "2025-02-13T14:05:00Z");
  CHECK(FormatTimestamp(*ParseTimestamp("2024-02-29T23:59:59Z")) == "2024-02-29T23:59:59Z");
  CHECK(FormatTimestamp(-86400) == "1969-12-31T00:00:00Z");
}

TEST_CASE("malformed or impossible timestamps are refused", "[clock]") {
  for (const char* bad : {"", "2025-02-13", "2025-02-13T14:05:00", "2025-02-30T00:00:00Z",
                          "2023-02-29T00:00:00Z", "2025-13-01T00:00:00Z", "2025-02-13T24:00:00Z",
                          "2025-02-13T14:05:00+5", "yesterday", "2025-02-13T14:05:00Zjunk"}) {
    stet::Result<stet::UnixSeconds> result = ParseTimestamp(bad);
    CHECK_FALSE(result.ok());
    if (!result.ok()) CHECK(result.status().message().find("RFC 3339") != std::string::npos);
  }
}

TEST_CASE("a refused timestamp says what is wrong with it", "[clock]") {
  const std::pair<const char*, const char*> cases[] = {
      {"2025-02-13", "too short"},
      {"2025-02-13T14:05:00", "no time zone (add Z or an offset)"},
      {"2025-02-13T14:05:00.25", "no time zone (add Z or an offset)"},
      {"2025-02-13T14:05:00.Z", "malformed fraction"},
      {"2025-02-13X14:05:00Z", "malformed"},
      {"2025-02-30T00:00:00Z", "no such date or time"},
      {"2025-02-13T14:05:00+5", "malformed offset"},
      {"2025-02-13T14:05:00Zjunk", "trailing characters"},
  };
  for (const auto& [text, why] : cases) {
    INFO(text);
    const stet::Result<stet::UnixSeconds> result = ParseTimestamp(text);
    REQUIRE_FALSE(result.ok());
    CHECK(result.status().message() ==
          std::string("time ") + text + ": " + why + " (want RFC 3339, e.g. 2025-02-13T14:05:00Z)");
  }
}

TEST_CASE("a page's publication time is read as an instant when it names one", "[clock]") {
  const stet::UnixSeconds expected = *stet::ParseTimestamp("2014-12-29T19:13:00Z");
  for (const char* spelled :
       {"2014-12-29T19:13:00Z", "2014-12-29 19:13:00 UTC", "2014-12-29T19:13:00+0000",
        "2014-12-29T14:13:00-05:00", "2014-12-29T19:13:00.000Z", "Mon, 29 Dec 2014 19:13:00 GMT",
        "Mon, 29 Dec 2014 20:13:00 +0100", " 2014-12-29T19:13:00Z\n"}) {
    INFO(spelled);
    const stet::Result<stet::UnixSeconds> parsed = stet::ParsePublishedTime(spelled);
    REQUIRE(parsed.ok());
    CHECK(*parsed == expected);
  }
  // Every month name of RFC 1123.
  const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (int m = 0; m < 12; ++m) {
    INFO(months[m]);
    const stet::Result<stet::UnixSeconds> first =
        stet::ParsePublishedTime(std::string("Wed, 01 ") + months[m] + " 2025 00:00:00 GMT");
    REQUIRE(first.ok());
    CHECK(FormatTimestamp(*first).substr(0, 10) ==
          "2025-" + std::string(m < 9 ? "0" : "") + std::to_string(m + 1) + "-01");
  }
  CHECK_FALSE(stet::ParsePublishedTime("Wed, 01 Foo 2025 00:00:00 GMT").ok());
  // No single instant: a date alone, a time with no zone, words.
  for (const char* vague : {"2014-12-29", "2014-12-29 19:13:00", "yesterday", ""}) {
    CHECK_FALSE(stet::ParsePublishedTime(vague).ok());
  }
}
