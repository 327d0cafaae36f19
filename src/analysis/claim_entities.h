// The named people and organisations that join or leave a claim as its
// actors, once the names that only look new are set aside: a name the
// other version has, a name given to a person it names by role ("The
// mayor" -> "Mayor Sofia Marchetti"), a name spelt anew ("Solvang" ->
// "Sollvang"), examples in a list ("several towns, including Alder and
// Pike"), and a dateline's place ("KELM, Norway —").
#ifndef STET_SRC_ANALYSIS_CLAIM_ENTITIES_H_
#define STET_SRC_ANALYSIS_CLAIM_ENTITIES_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "stet/segment.h"

namespace stet::claim_entities {

// The capitalised words of a text, lower case (outside ASCII in their
// matching form): whether a name occurs anywhere in it. The first few
// questions read the text's words; later ones an index made at the next.
class NameIndex {
 public:
  NameIndex(std::string_view text, const SegmentedText& segmented)
      : text_(text), segmented_(segmented) {}

  // Whether the text has a capitalised word `lower_word` (lower case);
  // true for "".
  bool Has(std::string_view lower_word);

 private:
  // A comparison asks about a name or two, and reading the words for one
  // costs a quarter of making the index.
  static constexpr int kReadsBeforeIndex = 4;

  bool Read(std::string_view lower_word) const;
  void Make();

  std::string_view text_;
  const SegmentedText& segmented_;
  int reads_ = 0;
  bool made_ = false;
  // XXH3-64 of each capitalised word in lower case, sorted: a hash set
  // costs more to build than the few lookups a comparison makes.
  std::vector<std::uint64_t> names_;
};

// One version of a claim as its entities are read.
struct Side {
  std::string_view text;
  Span sentence;               // the claim (its sentences, joined)
  std::vector<Span> entities;  // named people and organisations in it
  std::vector<Span> changed;   // the word changes on this side (empty spans too)
  std::vector<Span> left_out;  // sources, quotations and numbers: never actors here
  // Whether the other version names someone with this last name (lower
  // case) anywhere.
  std::function<bool(const std::string&)> named_in_other;
};

struct Entity {
  Span span;
  std::size_t change = 0;  // the index of the word change that touches it
};

// The entities of `side` that the other version does not have: added when
// `side` is the newer version, removed when it is the older. The word
// changes whose names only look new (named in the other version, by role,
// in a list of examples or a dateline) or belong to a source, quotation or
// number go to `settled`: no claim edit either.
std::vector<Entity> NewEntities(const Side& side, const Side& other,
                                std::vector<std::size_t>& settled);

// Drops from `added` and `removed` each pair that is one name spelt anew
// ("Solvang" -> "Sollvang") or an organisation and its initials ("Harbour
// Workers’ Union" -> "HWU"); their word changes go to `settled`.
void DropRespellings(std::string_view before_text, std::vector<Entity>& removed,
                     std::string_view after_text, std::vector<Entity>& added,
                     std::vector<std::size_t>& settled);

// A name that took another's place in one word change ("led by Seastar
// Energy and Corran Power" -> "and Atlantis Wind"): the claim's actor
// changed.
struct Swap {
  Span before;
  Span after;
  std::size_t change = 0;
  // Whether the names are who says so ("the journal X said" -> "the
  // publisher, Y, said"; "Trials by X show"): a source changed.
  bool source = false;
};

// Takes from `removed` and `added` the names that replace one another: an
// entity of one side whose word change puts an entity of the other side
// (new, or named elsewhere in the text) in its place. `changes` is the
// number of word changes.
std::vector<Swap> Swaps(const Side& before, std::vector<Entity>& removed, const Side& after,
                        std::vector<Entity>& added, std::size_t changes);

}  // namespace stet::claim_entities

#endif  // STET_SRC_ANALYSIS_CLAIM_ENTITIES_H_
