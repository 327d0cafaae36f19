// Whether two English words can say the same: WordNet 3.0 puts them in
// one synonym set ("close" and "shut", "nation" and "country", "hurt" and
// "injured", "construction" and "building") or derives one from the other
// ("won" and "winner", "approved" and "approval"), after reducing each to
// its base form the way WordNet's morphy does (its exception lists, then
// the regular endings: "injured" -> "injure", "countries" -> "country").
#ifndef STET_SRC_ANALYSIS_SYNONYMS_H_
#define STET_SRC_ANALYSIS_SYNONYMS_H_

#include <string_view>

namespace stet {

// REQUIRES: lower case.
bool AreSynonyms(std::string_view a, std::string_view b);

}  // namespace stet

#endif  // STET_SRC_ANALYSIS_SYNONYMS_H_
