// The pieces of a sentence the claim parts are read from, and the word
// lists and readers claim_parts.cpp and claim_quantities.cpp share.
// Internal to the claim parts.
#ifndef STET_SRC_ANALYSIS_CLAIM_PIECES_H_
#define STET_SRC_ANALYSIS_CLAIM_PIECES_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "base/word_list.h"
#include "stet/claims.h"
#include "stet/segment.h"

namespace stet::claim_parts {

// What a piece's word may open or hold, read once when the pieces are
// made: each reader turns away the words it has no use for by a bit, where
// a lookup per reader and word was a fifth of a comparison's claims.
enum PieceClass : std::uint8_t {
  kOpensCertainty = 1 << 0,  // a hedge, a firm word, "expected" (to), "in" (talks) ...
  kOpensSource = 1 << 1,     // a verb of saying, "according" (to), "citing", a finding ...
  kOpensNegation = 1 << 2,   // "not", "never", "failed" (to), "ruled" (out) ...
  kNumberWord = 1 << 3,      // "seven", "third", "dozen" (NumberWord has a value)
  kHasDigit = 1 << 4,
  kHasHyphen = 1 << 5,
};

// A token of a sentence with its text and lower-case text.
struct Piece {
  Span span;
  std::string_view text;
  std::string_view lower;  // into the sentence's lower-case copy
  bool word;
  std::uint8_t classes = 0;  // PieceClass bits
};

// The pieces of a sentence, into `pieces` (emptied first); `lower` is the
// sentence in lower case, from offset `base` of the text, and outlives
// them.
void Pieces(std::string_view text, std::string_view lower, std::size_t base, TokenRange tokens,
            std::vector<Piece>& pieces);

// Words that carry no claim of their own: articles, prepositions,
// conjunctions, pronouns and auxiliaries.
const WordSet& FunctionWords();

// Months (and their abbreviations) and time zones: dates, not names.
const WordSet& CalendarWords();

// The days of the week, as written, Monday first.
inline constexpr std::array<std::string_view, 7> kWeekdays = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

// Whether pieces[k] is "No." before a number: "the No. 71 bus", "ranked
// No. 3".
bool IsNumberSign(const std::vector<Piece>& pieces, std::size_t k);

// The spans of negating words and phrases (src/analysis/claim_negations.cpp).
std::vector<Span> Negations(const std::vector<Piece>& pieces);

// The words a negation opens with (but for a contraction or "un-"); read
// once, into the classes of pieces.
std::vector<std::string_view> NegationOpeners();

// The words a certainty marker opens with, and a source
// (src/analysis/claim_parts.cpp); read once, as NegationOpeners.
std::vector<std::string_view> CertaintyOpeners();
std::vector<std::string_view> SourceOpeners();

// A number word's value ("seven", "sixty", "third", "half", "dozen").
std::optional<double> NumberWord(std::string_view lower);

// The words NumberWord has a value for.
const WordSet& NumberWords();

// A quantity starting at pieces[k] (a number with its unit and
// modifiers, a clock time, a weekday or a month), or nullopt; `end` is set
// past it.
std::optional<Quantity> QuantityAt(const std::vector<Piece>& pieces, std::size_t k,
                                   std::size_t& end);

}  // namespace stet::claim_parts

#endif  // STET_SRC_ANALYSIS_CLAIM_PIECES_H_
