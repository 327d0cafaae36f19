#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "analysis/claim_entities.h"
#include "stet/segment.h"

namespace {

// Whether a text has each name, asked of one index in turn: the first
// questions read the text's words, the later ones its index.
std::vector<bool> Answers(const std::string& text, const std::vector<std::string>& names) {
  const auto segmented = stet::Segment(text);
  REQUIRE(segmented.ok());
  stet::claim_entities::NameIndex index(text, *segmented);
  std::vector<bool> out;
  for (const std::string& name : names) out.push_back(index.Has(name));
  return out;
}

}  // namespace

TEST_CASE("a name index answers alike before and after it is made", "[claims]") {
  const std::string text =
      "Mayor Sofia Marchetti's office said on Tuesday that Marek \u0160\u0165astn\u00fd, "
      "the port authority's chief, would meet the council. The mayor declined to comment. "
      "Officials from Kelm Harbour\u2019s union told Dr. Ewan MacNeil.";
  // Capitalised words, a possessive either way, a name with accents asked
  // for without them; a word only in lower case, a prefix, a longer word.
  const std::vector<std::string> names = {
      "marchetti",  "stastny", "harbour", "kelm",    "mayor",   "port", "march",
      "marchettis", "sofia",   "tuesday", "council", "macneil", ""};
  const std::vector<bool> expected = {true,  true, true, true,  true, false, false,
                                      false, true, true, false, true, true};
  // Asked in this order, and with the list turned round so that each name
  // is asked both before and after the index is made.
  CHECK(Answers(text, names) == expected);
  std::vector<std::string> reversed(names.rbegin(), names.rend());
  std::vector<bool> reversed_expected(expected.rbegin(), expected.rend());
  CHECK(Answers(text, reversed) == reversed_expected);
}

TEST_CASE("a name index of a long text keeps every name it has", "[claims]") {
  // Thousands of capitalised words, most of them the same few names: the
  // index makes its keys distinct whenever its array fills. Names seen once,
  // early, between and late, are still found.
  std::string text = "Adaeze Okonkwo spoke first.";
  for (int k = 0; k < 3000; ++k) {
    text += " Mayor Sofia Marchetti met Officials.";
    if (k == 1500) text += " Then Bartholomew Quist arrived.";
  }
  text += " Last came Ingrid Vossberg.";
  // Asked after the first few reads, so that the index is made.
  const std::vector<std::string> names = {"nobody", "nobody",   "nobody",    "nobody",    "okonkwo",
                                          "quist",  "vossberg", "marchetti", "officials", "absent"};
  const std::vector<bool> expected = {false, false, false, false, true,
                                      true,  true,  true,  true,  false};
  CHECK(Answers(text, names) == expected);
}
