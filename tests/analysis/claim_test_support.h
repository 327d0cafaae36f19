// Claim changes between two texts as the claim tests read them.
#ifndef STET_TESTS_ANALYSIS_CLAIM_TEST_SUPPORT_H_
#define STET_TESTS_ANALYSIS_CLAIM_TEST_SUPPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "stet/claims.h"

namespace stet::test {

// What stet diff runs: segment, compare, quotes, then claims.
std::vector<ClaimChange> ClaimChanges(const std::string& before, const std::string& after);

// A change as a reviewer reads it: its kind, the changed words on each
// side ("" for none) and its detail, e.g.
// "negation_changed [confirmed] -> [did not confirm] (negation added)".
std::string Describe(const ClaimChange& change, std::string_view before, std::string_view after);

// Every change between two texts, described, in the order reported.
std::vector<std::string> Described(const std::string& before, const std::string& after);

bool Has(const std::vector<std::string>& described, const std::string& line);

}  // namespace stet::test

#endif  // STET_TESTS_ANALYSIS_CLAIM_TEST_SUPPORT_H_
