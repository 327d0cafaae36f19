// Whether the numbers of two versions of a claim state different values:
// compared as sets, paired by what they count.
#ifndef STET_SRC_ANALYSIS_CLAIM_NUMBERS_H_
#define STET_SRC_ANALYSIS_CLAIM_NUMBERS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stet/claims.h"

namespace stet::claim_numbers {

struct ValueChange {
  Span before;         // the numbers given way, together
  Span after;          // the numbers in their place
  std::string detail;  // "212 drivers -> 230 drivers; G-7 -> G-8"
};

// The values changed between two versions of a claim (the quantities at
// or after `before_from` / `after_from`: a live entry's time opens the
// sentence before them). A value changed only where a number of one
// version gave way to another counting the same thing (the same unit; or
// the only one left on each side). A number moved within the sentence, or
// added or dropped with nothing in its place ("Sept. 11, 2001" -> "Sept.
// 11"), changed no value: nullopt.
std::optional<ValueChange> ChangedValues(std::string_view before_text,
                                         const std::vector<Quantity>& before,
                                         std::size_t before_from, std::string_view after_text,
                                         const std::vector<Quantity>& after,
                                         std::size_t after_from);

}  // namespace stet::claim_numbers

#endif  // STET_SRC_ANALYSIS_CLAIM_NUMBERS_H_
