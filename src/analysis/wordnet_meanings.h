// The format of kWordNetMeanings, the table of what WordNet says of each
// word: written by tools/gen_synonyms.cpp when stet is built, read by
// src/analysis/synonyms.cpp.
//
// One line a word, sorted: the word, a space, then each field it has, a tag
// byte and its codes. A code is a number in base 192, its digits written
// as the bytes 0x40 to 0xFF, most significant first: no code byte is a
// newline (which ends a line), a space (which ends the word) or a tag
// (below 0x40).
#ifndef STET_SRC_ANALYSIS_WORDNET_MEANINGS_H_
#define STET_SRC_ANALYSIS_WORDNET_MEANINGS_H_

namespace stet::wordnet {

enum Field : char {
  kSynsets = 1,     // its synonym sets' numbers, kNumberDigits each
  kLeanedOnNumber,  // its number among the words some word leans on
  kLeansOn,         // the numbers of the words it leans on
  kDerived,         // the words derived from it, by their lines' offsets (kOffsetDigits)
  kAntonyms,        // its opposites, by their lines' offsets
};

inline constexpr unsigned char kFirstCodeByte = 0x40;
inline constexpr int kCodeBase = 192;
inline constexpr int kNumberDigits = 2;  // synsets and words leaned on
inline constexpr int kOffsetDigits = 3;  // offsets of lines

}  // namespace stet::wordnet

#endif  // STET_SRC_ANALYSIS_WORDNET_MEANINGS_H_
