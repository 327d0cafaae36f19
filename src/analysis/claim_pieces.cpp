// The pieces of a sentence and the word lists the claim readers share
// (src/analysis/claim_pieces.h).
#include "analysis/claim_pieces.h"

#include <array>
#include <cstdint>
#include <utility>

namespace stet::claim_parts {

const WordSet& FunctionWords() {
  static const WordSet words(
      "the a an and or but of to in on at for with by that as is was be it "
      "this from also then are were been being has have had do does did would "
      "shall should can will he she its they them their his her him we us our "
      "you your these those who which whose there here into onto upon so not "
      "after before despite although though while because during until without "
      "within amid against among between through across above below toward "
      "towards via per if when where whether ");
  return words;
}
const WordSet& CalendarWords() {
  static const WordSet words(
      "January February March April May June July August September October "
      "November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec ET "
      "EST EDT GMT BST UTC CET PT PST PDT CT CST ");
  return words;
}

namespace {

// The PieceClass bits of a lower-case word.
std::uint8_t ClassesOf(std::string_view lower) {
  static const WordFlags flags = [] {
    std::vector<std::pair<std::string_view, std::uint8_t>> words;
    const std::pair<std::vector<std::string_view>, std::uint8_t> lists[] = {
        {CertaintyOpeners(), kOpensCertainty},
        {SourceOpeners(), kOpensSource},
        {NegationOpeners(), kOpensNegation},
        {NumberWords().SortedWords(), kNumberWord}};
    for (const auto& [list, bit] : lists) {
      for (std::string_view word : list) words.emplace_back(word, bit);
    }
    return WordFlags(words);
  }();
  // The bits a byte gives: a table, as a test per byte cost twice the
  // lookup above.
  static constexpr std::array<std::uint8_t, 256> kByteClasses = [] {
    std::array<std::uint8_t, 256> table{};
    for (char c = '0'; c <= '9'; ++c) table[static_cast<unsigned char>(c)] = kHasDigit;
    table['-'] = kHasHyphen;
    return table;
  }();
  std::uint8_t classes = flags.Of(lower);
  for (char c : lower) classes |= kByteClasses[static_cast<unsigned char>(c)];
  return classes;
}

}  // namespace

void Pieces(std::string_view text, std::string_view lower, std::size_t base, TokenRange tokens,
            std::vector<Piece>& pieces) {
  pieces.clear();
  pieces.reserve(tokens.size());
  // Views made in place: a token lies within its sentence (and the text),
  // so substr's bounds test is not needed, and it cost a tenth of this.
  for (const Token& token : tokens) {
    const Span span = token.span();
    const std::size_t length = span.end - span.start;
    const std::string_view piece_lower(lower.data() + (span.start - base), length);
    pieces.push_back({span, std::string_view(text.data() + span.start, length), piece_lower,
                      token.word(), token.word() ? ClassesOf(piece_lower) : std::uint8_t{0}});
  }
}

}  // namespace stet::claim_parts
