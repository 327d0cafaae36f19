// How the claim model reads revisions as a blog, a wire or a list goes on:
// live entries that fell off a blog's end, a name put in another's place,
// light verbs, fractions said as percentages, a wire's dated dateline and
// place names.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "analysis/claim_test_support.h"
#include "analysis/structure.h"
#include "analysis/synonyms.h"
#include "stet/claims.h"
#include "stet/segment.h"

namespace {

using stet::test::Described;

const std::string kBlogBefore =
    "Live: the count in Dunmore\n"
    "02:20 - Sheila Morton has won Ashby Ford North by 88 votes.\n"
    "01:55 - A recount was requested in Carrow South by the Green Alliance.\n"
    "01:30 - The Civic Party holds Dunmore Central. Turnout there was 31%.\n";

TEST_CASE("claim revisions: a live entry that fell off the end is no claim removed", "[claims]") {
  // A new entry on top; the oldest one gone from the bottom.
  const std::string after =
      "Live: the count in Dunmore\n"
      "03:40 - The Green Alliance gains Carrow South after a recount.\n"
      "02:20 - Sheila Morton has won Ashby Ford North by 88 votes.\n"
      "01:55 - A recount was requested in Carrow South by the Green Alliance.\n";
  // The new entry is a claim added; the old one, both of its sentences,
  // is no claim removed.
  CHECK(Described(kBlogBefore, after) ==
        std::vector<std::string>{
            "claim_added [] -> [03:40 - The Green Alliance gains Carrow South after a recount.]"});
  // An entry taken out between two that stay is withdrawn.
  const std::string middle_gone =
      "Live: the count in Dunmore\n"
      "02:20 - Sheila Morton has won Ashby Ford North by 88 votes.\n"
      "01:30 - The Civic Party holds Dunmore Central. Turnout there was 31%.\n";
  CHECK(Described(kBlogBefore, middle_gone) ==
        std::vector<std::string>{"claim_removed [01:55 - A recount was requested in Carrow South "
                                 "by the Green Alliance.] -> []"});
}

TEST_CASE("claim revisions: which entries lie at a live blog's ends", "[claims]") {
  auto segmented = stet::Segment(kBlogBefore);
  REQUIRE(segmented.ok());
  // Sentences: headline, 02:20, 01:55, 01:30 and its second sentence.
  REQUIRE(segmented->sentences.size() == 5);
  const std::vector<bool> last_gone = {false, false, false, true, true};
  CHECK(stet::structure::EntriesAtEnds(kBlogBefore, *segmented, last_gone) == last_gone);
  const std::vector<bool> first_gone = {false, true, false, false, false};
  CHECK(stet::structure::EntriesAtEnds(kBlogBefore, *segmented, first_gone) == first_gone);
  // Between shared entries; or no entry shared at all (a blog rewritten).
  const std::vector<bool> none(5, false);
  CHECK(stet::structure::EntriesAtEnds(kBlogBefore, *segmented,
                                       {false, false, true, false, false}) == none);
  CHECK(stet::structure::EntriesAtEnds(kBlogBefore, *segmented, {true, true, true, true, true}) ==
        none);
  // An entry only partly gone is still shared.
  CHECK(stet::structure::EntriesAtEnds(kBlogBefore, *segmented,
                                       {false, false, false, false, true}) == none);
}

TEST_CASE("claim revisions: a name in another's place as who says so is a source changed",
          "[claims]") {
  CHECK(Described("Trials by the Varn Crop Institute show the crop recovers.",
                  "Trials by Hexa Chemicals show the crop recovers.") ==
        std::vector<std::string>{"source_changed [Varn Crop Institute] -> [Hexa Chemicals] (Varn "
                                 "Crop Institute -> Hexa Chemicals)"});
  CHECK(Described("About 60% of trains were cancelled, the journal Rail Reports said.",
                  "About 60% of trains were cancelled, the operator, FerroTess, said.") ==
        std::vector<std::string>{
            "source_changed [Rail Reports] -> [FerroTess] (Rail Reports -> FerroTess)"});
}

TEST_CASE("claim revisions: a sentence told anew around the same numbers is one claim",
          "[claims]") {
  // Paired as one sentence replaced (they share a subject and both
  // numbers), not a claim removed and another added.
  const std::vector<std::string> changes =
      Described("Councillors voted 38-21 in favour.\nThe plan goes to the mayor.",
                "Councillors backed the plans by 38 votes to 21.\nThe plan goes to the mayor.");
  CHECK(changes.size() == 1);
  for (const std::string& change : changes) {
    CHECK_FALSE(change.starts_with("claim_added"));
    CHECK_FALSE(change.starts_with("claim_removed"));
  }
}

TEST_CASE("claim revisions: a phrase of a light verb is no other event", "[claims]") {
  CHECK(Described("The grant propped up the theatre for a decade, the trust said.",
                  "The grant kept the theatre afloat for a decade, the trust said.")
            .empty());
  CHECK(Described("The mill has been derelict since 2009.", "The mill has stood empty since 2009.")
            .empty());
  // "Be" is no light verb: another state is another claim.
  CHECK(Described("Exports of grain actually fell in May.", "Exports of grain were flat in May.") ==
        std::vector<std::string>{"claim_edited [actually fell] -> [were flat]"});
  CHECK(stet::AreOpposites("bought", "sold"));
  CHECK(stet::AreOpposites("opened", "closed"));
  CHECK_FALSE(stet::AreOpposites("dropped", "abandoned"));
}

TEST_CASE("claim revisions: a fraction is its percentage and thousands are more than hundreds",
          "[claims]") {
  CHECK(Described("Thousands of farmers drove tractors into the city.",
                  "Hundreds of farmers drove tractors into the city.") ==
        std::vector<std::string>{"number_changed [Thousands] -> [Hundreds] (1000 -> 100)"});
  CHECK(Described("Yields could fall by a fifth in dry years.",
                  "Yields could fall by 20% in dry years.")
            .empty());
  CHECK(Described("About a quarter of the flats are empty.",
                  "About 25 percent of the flats are empty.")
            .empty());
  CHECK(Described("Yields could fall by a fifth in dry years.",
                  "Yields could fall by 30% in dry years.") ==
        std::vector<std::string>{"number_changed [a fifth] -> [30%] (a fifth -> 30%)"});
  // Nor is a compound or a period.
  for (const char* text : {"The code came from a third-party, not the firm.",
                           "Alarms are tested once a "
                           "quarter."}) {
    const std::string sentence = text;
    auto segmented = stet::Segment(sentence);
    REQUIRE(segmented.ok());
    for (const stet::Claim& claim : stet::FindClaims(sentence, *segmented)) {
      for (const stet::Quantity& quantity : claim.quantities) CHECK(quantity.unit != "fraction");
    }
  }
  // An ordinal before its noun is no fraction.
  CHECK(Described("She won a fifth term in May.", "She won a sixth term in May.") ==
        std::vector<std::string>{"number_changed [fifth term] -> [sixth term] (5 -> 6 term)"});
}

TEST_CASE("claim revisions: a wire's dateline with its date and tag is no claim", "[claims]") {
  CHECK(Described("ARLSBERG, Oct 28 (Continental Press) - The refiner will cut 2,000 jobs.",
                  "ARLSBERG, Oct 29 (Continental Press) - The refiner will cut 2,000 jobs.")
            .empty());
  CHECK(Described("MARLOW, Nov 18 (Meridian Wire) - Police arrested three men.",
                  "MARLOW, Nov 18 (Meridian Wire) (Updates with charges) - Police arrested "
                  "three men.")
            .empty());
  // Without a city and its comma a spaced hyphen opens no dateline.
  CHECK(Described("UK prices rose 3.2% - the most in a year.",
                  "UK prices rose 3.4% - the most in a year.") ==
        std::vector<std::string>{"number_changed [3.2%] -> [3.4%] (3.2% -> 3.4%)"});
  CHECK(Described("UK prices rose 3.2% in May, to a high — a blow.",
                  "UK prices rose 3.4% in May, to a high — a blow.") ==
        std::vector<std::string>{"number_changed [3.2%] -> [3.4%] (3.2% -> 3.4%)"});
  // The claim's own numbers still count.
  CHECK(Described("ARLSBERG, Oct 28 (Continental Press) - The refiner will cut 2,000 jobs.",
                  "ARLSBERG, Oct 28 (Continental Press) - The refiner will cut 2,500 jobs.") ==
        std::vector<std::string>{
            "number_changed [2,000 jobs] -> [2,500 jobs] (2,000 jobs -> 2,500 jobs)"});
}

TEST_CASE("claim revisions: a street or a ridge is no entity", "[claims]") {
  CHECK(Described("The roads include Orchard Lane, Fennick Road and Mill Row.",
                  "The roads include Orchard Lane and Fennick Road.")
            .empty());
  CHECK(Described("Objectors feared for the view from the Pellworth Ridge footpath.",
                  "Objectors feared for the view.")
            .empty());
  // A body named after a place is one.
  CHECK(Described("The plan was backed by the council and the Tarrow Valley flood authority.",
                  "The plan was backed by the council.") ==
        std::vector<std::string>{"entity_removed [Tarrow Valley] -> []"});
}

}  // namespace
