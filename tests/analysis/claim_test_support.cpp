// Claim changes between two texts (tests/analysis/claim_test_support.h).
#include "analysis/claim_test_support.h"

#include <catch2/catch.hpp>

#include <algorithm>

#include "stet/compare.h"
#include "stet/quotes.h"
#include "stet/text.h"

namespace stet::test {

std::vector<ClaimChange> ClaimChanges(const std::string& before, const std::string& after) {
  auto segmented_before = Segment(before);
  auto segmented_after = Segment(after);
  REQUIRE(segmented_before.ok());
  REQUIRE(segmented_after.ok());
  const Comparison comparison =
      CompareSegmented(before, *segmented_before, after, *segmented_after);
  const auto quotes_before = FindQuotes(before, *segmented_before);
  const auto quotes_after = FindQuotes(after, *segmented_after);
  return CompareClaims(before, *segmented_before, after, *segmented_after, comparison,
                       quotes_before, quotes_after, CompareQuotes(quotes_before, quotes_after));
}

std::string Describe(const ClaimChange& change, std::string_view before, std::string_view after) {
  auto words = [](std::string_view text, Span span) {
    return std::string(text.substr(span.start, span.end - span.start));
  };
  std::string out = std::string(ClaimChangeKindName(change.kind)) + " [" +
                    words(before, change.before) + "] -> [" + words(after, change.after) + "]";
  if (!change.detail.empty()) out += " (" + change.detail + ")";
  return out;
}

std::vector<std::string> Described(const std::string& before, const std::string& after) {
  std::vector<std::string> out;
  for (const ClaimChange& change : ClaimChanges(before, after))
    out.push_back(Describe(change, before, after));
  return out;
}

bool Has(const std::vector<std::string>& described, const std::string& line) {
  return std::find(described.begin(), described.end(), line) != described.end();
}

}  // namespace stet::test
