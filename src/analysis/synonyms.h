// Whether two English words can say the same, from WordNet 3.0. Each word
// is first reduced to its base forms the way WordNet's morphy does (its
// exception lists, then the regular endings: "injured" -> "injure",
// "countries" -> "country"); a phrasal verb is joined by '_'
// ("called_off"). Two opposites ("buy" and "sell", "rise" and "fall") are
// never near.
#ifndef STET_SRC_ANALYSIS_SYNONYMS_H_
#define STET_SRC_ANALYSIS_SYNONYMS_H_

#include <memory>
#include <string_view>

namespace stet {

// What WordNet says of one word (its forms, synonym sets, derived words,
// what it leans on, its opposites), read once and compared many times.
struct WordMeaning;

// REQUIRES: lower case.
std::shared_ptr<const WordMeaning> MeaningOf(std::string_view word);

// Whether WordNet puts two words in one synonym set ("close" and "shut",
// "nation" and "country", "construction" and "building") or derives one
// from the other ("won" and "winner", "approved" and "approval").
// REQUIRES: lower case.
bool AreSynonyms(std::string_view a, std::string_view b);
bool AreSynonyms(const WordMeaning& a, const WordMeaning& b);

// Whether two words can say the same in a news sentence: synonyms, or one
// of the three most common senses of one leans on the other: is a kind of
// it ("backed" -> "approve") or is defined by it (Lesk's gloss overlap:
// "called off" is "postpone indefinitely or annul something that was
// scheduled"). REQUIRES: lower case.
bool AreNearInMeaning(std::string_view a, std::string_view b);
bool AreNearInMeaning(const WordMeaning& a, const WordMeaning& b);

// Whether a word (in any inflection: "bought", "questioned") is a verb
// in WordNet. REQUIRES: lower case.
bool IsVerb(std::string_view word);

// Whether a word, as written, is a verb in WordNet and nothing else
// ("consider", "impose"; not "cover", also a noun). REQUIRES: lower case.
bool IsOnlyVerb(std::string_view word);

// Whether two verbs (in any inflection) name one kind of event: one of
// the three most common senses of each, or a broader sense up to two
// levels above it, in common ("secure" and "win", "raise" and "bring_in"),
// and they are no opposites ("buy", "sell"). "arrest" and "question" are
// not. REQUIRES: lower case.
bool AreKindredVerbs(std::string_view a, std::string_view b);

// Whether WordNet names two words (in any inflection) as opposites: "buy"
// and "sell", "rise" and "fall", "accept" and "reject". REQUIRES: lower case.
bool AreOpposites(std::string_view a, std::string_view b);
// Whether a capitalised word is an adjective of a place, a people or a
// party in WordNet ("Austrian", "Republican"), as written.
bool IsProperAdjective(std::string_view word);

}  // namespace stet

#endif  // STET_SRC_ANALYSIS_SYNONYMS_H_
