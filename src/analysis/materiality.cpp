// How much a change matters to a reviewer (docs/design.md, "Materiality"),
// and the names of claim change kinds.
#include <algorithm>
#include <string_view>
#include <vector>

#include "stet/claims.h"

namespace stet {

// Each kind's weight is how much a reader's understanding can turn on it,
// lowered where the kind is often a false alarm: on the claim suites
// (docs/quality.md) a number, certainty, negation, source or correction is
// true 83-100% of the time, a claim edit about a quarter of the time.
double ClaimMateriality(const ClaimChange& change) {
  switch (change.kind) {
    case ClaimChangeKind::kNegationChanged:
      return 0.9;
    case ClaimChangeKind::kCorrectionAdded:
      return 0.8;
    case ClaimChangeKind::kNumberChanged:
      return 0.7;
    case ClaimChangeKind::kSourceChanged:
      return 0.7;
    case ClaimChangeKind::kHedgeChanged:
      return 0.6;
    case ClaimChangeKind::kEntityAdded:
    case ClaimChangeKind::kEntityRemoved:
      return 0.4;
    case ClaimChangeKind::kClaimAdded:
    case ClaimChangeKind::kClaimRemoved: {
      // A sentence stating a number, a denial, a degree of certainty or a
      // source says more that can be checked than one naming people.
      const bool checkable = std::any_of(
          change.parts.begin(), change.parts.end(),
          [](const ClaimPart& part) { return part.kind != "name" && part.kind != "role"; });
      return checkable ? 0.5 : 0.3;
    }
    case ClaimChangeKind::kClaimEdited:
      return 0.2;
  }
  return 0.2;
}

std::string_view ClaimChangeKindName(ClaimChangeKind kind) {
  switch (kind) {
    case ClaimChangeKind::kNumberChanged:
      return "number_changed";
    case ClaimChangeKind::kNegationChanged:
      return "negation_changed";
    case ClaimChangeKind::kHedgeChanged:
      return "hedge_changed";
    case ClaimChangeKind::kSourceChanged:
      return "source_changed";
    case ClaimChangeKind::kEntityAdded:
      return "entity_added";
    case ClaimChangeKind::kEntityRemoved:
      return "entity_removed";
    case ClaimChangeKind::kCorrectionAdded:
      return "correction_added";
    case ClaimChangeKind::kClaimEdited:
      return "claim_edited";
    case ClaimChangeKind::kClaimAdded:
      return "claim_added";
    case ClaimChangeKind::kClaimRemoved:
      return "claim_removed";
  }
  return "claim_edited";
}

double QuoteMateriality(const QuoteChange& change) {
  switch (change.kind) {
    case QuoteChangeKind::kReattributed:
      return 0.9;
    case QuoteChangeKind::kRemoved:
      return 0.6;
    case QuoteChangeKind::kAdded:
      return 0.5;
    case QuoteChangeKind::kEdited:
      return change.minor ? 0.05 : 0.5;
  }
  return 0.5;
}

double RevisionMateriality(const std::vector<double>& change_materialities) {
  if (change_materialities.empty()) return 0;
  std::vector<double> sorted = change_materialities;
  std::sort(sorted.rbegin(), sorted.rend());
  double total = sorted.front();
  for (std::size_t k = 1; k < sorted.size(); ++k) total += 0.05 * sorted[k];
  return std::min(1.0, total);
}

namespace {

// The edges between the labels, read by MaterialityLabel and MaterialityFloor.
constexpr double kHigh = 0.7;
constexpr double kMedium = 0.4;
// "low" is anything above none: the smallest rating a stored revision can
// carry (three decimals) is 0.001.
constexpr double kLow = 1e-9;

}  // namespace

std::string_view MaterialityLabel(double materiality) {
  if (materiality >= kHigh) return "high";
  if (materiality >= kMedium) return "medium";
  if (materiality >= kLow) return "low";
  return "none";
}

double MaterialityFloor(std::string_view label) {
  if (label == "high") return kHigh;
  if (label == "medium") return kMedium;
  if (label == "low") return kLow;
  return 0;
}

}  // namespace stet
