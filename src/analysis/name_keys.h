// How the names of two versions are compared: the name part of an entity,
// its last word, and a word's key (lower case, no accents, no possessive),
// so that "Marek Stastny" and "Marek Šťastný", or "Ethiopia's" and
// "Ethiopia", are one name.
#ifndef STET_SRC_ANALYSIS_NAME_KEYS_H_
#define STET_SRC_ANALYSIS_NAME_KEYS_H_

#include <string>
#include <string_view>

#include "stet/segment.h"

namespace stet::name_keys {

// A word as names are compared: lower case, accents and a possessive
// dropped ("Šťastný" -> "stastny", "Ethiopia’s" -> "ethiopia").
std::string NameKey(std::string_view word);

// Whether a word starts with a capital letter, in any script ("Šťastný").
bool StartsUpperOutsideAscii(std::string_view word);
inline bool StartsUpper(std::string_view word) {
  if (word.empty()) return false;
  if (static_cast<unsigned char>(word[0]) < 0x80) return word[0] >= 'A' && word[0] <= 'Z';
  return StartsUpperOutsideAscii(word);
}

// The name part of an entity span (after its lower-case role words, before
// a possessive): "special envoy Keith Kellogg’s" -> "Keith Kellogg".
Span NameOf(std::string_view text, Span entity);

// The key of the last word of an entity's name ("kellogg").
std::string LastName(std::string_view text, Span entity);

// Whether two folded names are one name spelt anew ("solvang" ->
// "sollvang", "harow" -> "harrow"): at least four letters, and at most one
// edit in five.
bool IsRespelling(std::string_view a, std::string_view b);

}  // namespace stet::name_keys

#endif  // STET_SRC_ANALYSIS_NAME_KEYS_H_
