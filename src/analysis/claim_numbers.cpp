// Values changed between two versions of a claim
// (src/analysis/claim_numbers.h).
#include "analysis/claim_numbers.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "analysis/span_sets.h"

namespace stet::claim_numbers {
namespace {

std::string FormatValue(double value) {
  char out[32];
  if (std::fabs(value - std::round(value)) < 1e-9) {
    std::snprintf(out, sizeof out, "%.0f", value);
  } else {
    std::snprintf(out, sizeof out, "%g", value);
  }
  return out;
}

// How a number changed, as a reviewer reads it: "$3.2 billion -> $3.4
// billion" or "Tuesday -> Wednesday" as written when both are in digits
// or are dates, else the values with their unit ("1 -> 2 day", "G-7 ->
// G-8").
std::string Detail(std::string_view before_text, const Quantity& before,
                   std::string_view after_text, const Quantity& after) {
  auto has_digit = [](std::string_view text) {
    return text.find_first_of("0123456789") != std::string_view::npos;
  };
  const std::string written_before = Slice(before_text, before.span);
  const std::string written_after = Slice(after_text, after.span);
  const bool calendar =
      before.unit == "weekday" || before.unit == "month" || before.unit == "fraction";
  if (calendar || (has_digit(written_before) && has_digit(written_after))) {
    return written_before + " -> " + written_after;
  }
  const std::string& unit = after.unit.empty() ? before.unit : after.unit;
  if (unit.ends_with("-")) {  // a numbered name: "G-7 -> G-8"
    return before.unit + FormatValue(before.value) + " -> " + after.unit + FormatValue(after.value);
  }
  std::string detail = FormatValue(before.value) + " -> " + FormatValue(after.value);
  if (!unit.empty() && unit != "ordinal") detail += " " + unit;
  return detail;
}

// Whether two units can count the same thing: the same, one unsaid, or
// one naming more of it ("$" and "$grant": "$4.5 million grant" and "$4.5
// million").
// A day of the week, a month or a clock time counts only its own kind:
// "Friday" is no number of "weeks".
bool Compatible(const std::string& a, const std::string& b) {
  if (a == b) return true;
  // "a fifth" and "30%": both a share of the whole.
  if ((a == "fraction" && b == "%") || (a == "%" && b == "fraction")) return true;
  for (const std::string* unit : {&a, &b}) {
    if (*unit == "weekday" || *unit == "month" || *unit == "time") return false;
  }
  return a.empty() || b.empty() || a.starts_with(b) || b.starts_with(a);
}

// A span of time in minutes, or nullopt for another unit: "48 hours" and
// "two days" say the same, as do "30 minutes" and "half an hour".
std::optional<double> Minutes(const Quantity& q) {
  if (q.unit == "minute") return q.value;
  if (q.unit == "hour") return q.value * 60;
  if (q.unit == "day") return q.value * 60 * 24;
  if (q.unit == "week") return q.value * 60 * 24 * 7;
  return std::nullopt;
}

// Whether two quantities state the same value of the same thing.
bool SameValue(const Quantity& a, const Quantity& b) {
  if (a.value == b.value && Compatible(a.unit, b.unit)) return true;
  // "a fifth" and "20%", "a third" and "33 percent", "half" (a number of
  // no unit) and "50 percent".
  for (const auto& [fraction, percent] : {std::pair{&a, &b}, std::pair{&b, &a}}) {
    const bool share =
        fraction->unit == "fraction" || (fraction->unit.empty() && fraction->value == 0.5);
    if (share && percent->unit == "%" && std::fabs(100 * fraction->value - percent->value) < 0.5)
      return true;
  }
  const std::optional<double> minutes_a = Minutes(a), minutes_b = Minutes(b);
  return minutes_a && minutes_b && std::fabs(*minutes_a - *minutes_b) < 1e-6;
}

}  // namespace

std::optional<ValueChange> ChangedValues(std::string_view before_text,
                                         const std::vector<Quantity>& before,
                                         std::size_t before_from, std::string_view after_text,
                                         const std::vector<Quantity>& after,
                                         std::size_t after_from) {
  std::vector<Quantity> gone, new_ones;
  for (const Quantity& q : before) {
    if (q.span.start >= before_from) gone.push_back(q);
  }
  for (const Quantity& q : after) {
    if (q.span.start < after_from) continue;
    auto same =
        std::find_if(gone.begin(), gone.end(), [&](const Quantity& g) { return SameValue(g, q); });
    if (same != gone.end()) {
      gone.erase(same);
    } else {
      new_ones.push_back(q);
    }
  }
  ValueChange change;
  std::vector<bool> gone_paired(gone.size(), false), new_paired(new_ones.size(), false);
  auto pair = [&](std::size_t g, std::size_t a) {
    gone_paired[g] = new_paired[a] = true;
    change.before = Union(change.before, gone[g].span);
    change.after = Union(change.after, new_ones[a].span);
    change.detail +=
        (change.detail.empty() ? "" : "; ") + Detail(before_text, gone[g], after_text, new_ones[a]);
  };
  for (std::size_t g = 0; g < gone.size(); ++g) {
    for (std::size_t a = 0; a < new_ones.size(); ++a) {
      if (new_paired[a] || new_ones[a].unit != gone[g].unit) continue;
      pair(g, a);
      break;
    }
  }
  // One number left on each side took the other's place, unless they
  // count different things ("6-1" and "six") or say the same value in
  // other words ("sixth day" and "sixth straight").
  if (std::count(gone_paired.begin(), gone_paired.end(), false) == 1 &&
      std::count(new_paired.begin(), new_paired.end(), false) == 1) {
    const auto g = static_cast<std::size_t>(
        std::find(gone_paired.begin(), gone_paired.end(), false) - gone_paired.begin());
    const auto a = static_cast<std::size_t>(std::find(new_paired.begin(), new_paired.end(), false) -
                                            new_paired.begin());
    // A clock time gives way only to another ("1 p.m." is no "1").
    const bool times_agree = (gone[g].unit == "time") == (new_ones[a].unit == "time");
    if (gone[g].value != new_ones[a].value && times_agree &&
        Compatible(gone[g].unit, new_ones[a].unit)) {
      pair(g, a);
    }
  }
  if (change.detail.empty() && change.before.end == change.before.start) return std::nullopt;
  return change;
}

}  // namespace stet::claim_numbers
