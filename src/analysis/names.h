// The name finder's vocabulary: which capitalised words can never be part
// of a person's name (sentence openers, days, months, number words), which
// mark a place or an organisation ("States", "Ministry", "Authority"), and
// what a title, a role noun or a pronoun says of a person's gender ("Mr.",
// "spokeswoman", "his"), the evidence pronoun resolution agrees with.
#ifndef STET_SRC_ANALYSIS_NAMES_H_
#define STET_SRC_ANALYSIS_NAMES_H_

#include <string_view>

namespace stet::attribution {

// A capitalised word that is never part of a person's name ("As", "His",
// "Despite", "Tuesday", "December", "Two", "Asked"). `lower`: lower case.
bool NeverInName(std::string_view lower);

// A word that makes a capitalised sequence a place or an organisation
// ("United States", "Port Authority", "Ministry of Health").
bool IsOrganisationWord(std::string_view lower);

// A common noun for a person, singular or plural ("greengrocer",
// "lifeguards", "critic"): the 6,400 nouns WordNet 3.0 files under
// noun.person, read from Debian's wordnet-base at build time.
bool NamesAPerson(std::string_view lower);

enum class Gender { kUnknown, kMale, kFemale };

// What a title, a role or kinship noun, or a pronoun says of a person's
// gender: "mr." and "he" male; "ms.", "spokeswoman", "daughter" and "her"
// female; kUnknown for the rest.
Gender GenderOfWord(std::string_view lower);

// he, him, his, himself / she, her, hers, herself.
bool IsGenderedPronoun(std::string_view lower);

}  // namespace stet::attribution

#endif  // STET_SRC_ANALYSIS_NAMES_H_
