// Speakers a phrase describes rather than names: a person by a role or a
// noun for a person ("a Port Authority official", "a lifeguard", "one
// resident", "a spokeswoman for the council") and an organisation ("the
// club", "police", "Ferreira’s campaign", "Kessel Freight Lines").
#ifndef STET_SRC_ANALYSIS_DESCRIBED_SPEAKERS_H_
#define STET_SRC_ANALYSIS_DESCRIBED_SPEAKERS_H_

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "analysis/attribution.h"

namespace stet::attribution {

bool PersonNoun(std::string_view lower);     // resident, critics, officials
bool IsDeterminer(std::string_view lower);   // a, an, the, one, another, its, ...
bool IsPreposition(std::string_view lower);  // for, at, of, in, with, from, on, to
// A word a describing phrase can hold: words, "’s", hyphens, apostrophes.
bool InPhrase(const Word& word);

// words[from, to) as a described speaker: a person (its head, before any
// prepositional modifier, a role or a noun for a person) or an
// organisation (its head an organisation word); nullopt when neither.
std::optional<Mention> DescribedSpeaker(std::span<const Word> words, std::size_t from,
                                        std::size_t to);
// The describing phrase ending at words[end - 1] (back to its determiner,
// over prepositional modifiers: "a spokesman for the company").
std::optional<Mention> PhraseEndingAt(std::span<const Word> words, std::size_t end,
                                      std::size_t floor);
// The describing phrase opening at words[first] with a determiner, to a
// comma or a relative clause ("a Port Authority official who …").
std::optional<Mention> PhraseStartingAt(std::span<const Word> words, std::size_t first);
// words[from, to) as an organisation's name when one of its words says so
// ("Kessel Freight Lines", "Ministry of Health"); not a person with an
// organisation's title ("Police Chief Anwar Siddiqui").
std::optional<Mention> OrganisationNamed(std::span<const Word> words, std::size_t from,
                                         std::size_t to);

}  // namespace stet::attribution

#endif  // STET_SRC_ANALYSIS_DESCRIBED_SPEAKERS_H_
