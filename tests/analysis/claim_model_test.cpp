// The claim model's judgements of meaning: words near in meaning (WordNet
// synonyms, broader senses and definitions, never opposites), time stamps,
// values said another way, sources named elsewhere in the claim, and names
// with initials.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "analysis/claim_test_support.h"
#include "analysis/synonyms.h"

namespace {

using stet::test::Described;

TEST_CASE("claim model: words near in meaning and opposites", "[claims]") {
  CHECK(stet::AreSynonyms("shut", "close"));
  CHECK_FALSE(stet::AreSynonyms("backed", "approved"));
  // A broader sense ("back" is a way to "approve"), a definition ("call
  // off": "postpone indefinitely or annul ..."), a phrasal verb.
  CHECK(stet::AreNearInMeaning("backed", "approved"));
  CHECK(stet::AreNearInMeaning("called_off", "postponed"));
  CHECK(stet::AreNearInMeaning("postponed", "called_off"));
  CHECK(stet::AreNearInMeaning("sacked", "fired"));
  // Opposites and other events are never near.
  CHECK_FALSE(stet::AreNearInMeaning("bought", "sold"));
  CHECK_FALSE(stet::AreNearInMeaning("rose", "fell"));
  CHECK_FALSE(stet::AreNearInMeaning("closed", "opened"));
  CHECK_FALSE(stet::AreNearInMeaning("arrested", "questioned"));
  CHECK_FALSE(stet::AreNearInMeaning("dismissed", "resigned"));
}

TEST_CASE("claim model: the same event in other words is no claim edit", "[claims]") {
  CHECK(Described("The council approved a plan on Monday to build 600 homes.",
                  "The council backed a plan on Monday to build 600 homes.")
            .empty());
  CHECK(Described("Saturday's derby was postponed because of snow.",
                  "Saturday's derby was called off because of snow.")
            .empty());
  // A detail added with nothing in its place.
  CHECK(Described("Marrow Foods is preparing to close its Aldercross factory, the company said.",
                  "Marrow Foods is preparing to close its Aldercross factory, the company said "
                  "in a statement.")
            .empty());
  // A noun or adjective for another, alone, is a wording; a verb for
  // another is an event changed.
  CHECK(Described("The plant will shed 300 jobs by March.",
                  "The plant will shed 300 positions by March.")
            .empty());
  CHECK(Described("Attendance at the final was a record.", "The crowd at the final was a record.")
            .empty());
  CHECK(stet::IsVerb("questioned"));
  CHECK(stet::IsVerb("bought"));
  CHECK_FALSE(stet::IsVerb("prospective"));
  // Another amount is an edit.
  CHECK(Described("Some of the 40 buses were taken off the road.",
                  "All of the 40 buses were taken off the road.") ==
        std::vector<std::string>{"claim_edited [Some] -> [All]"});
  // One verb for another that WordNet cannot tell from a re-wording: a
  // phrase of a light verb or a particle, or two verbs of one event.
  CHECK(Described("Rowe pushed for the project.", "Rowe championed the project.").empty());
  CHECK(Described("Students took part in the march.", "Students joined the march.").empty());
  CHECK(Described("The city dropped the plan in May.", "The city abandoned the plan in May.")
            .empty());
  CHECK(Described("The figures held flat in June.", "The figures stayed flat in June.").empty());
  // The opposite event is an edit.
  CHECK(Described("The chain bought a majority stake in the bakery.",
                  "The chain sold a majority stake in the bakery.") ==
        std::vector<std::string>{"claim_edited [bought] -> [sold]"});
}

TEST_CASE("claim model: an update time is no number and a value said another way no change",
          "[claims]") {
  CHECK(Described("Court revives dam lawsuit\nUpdated 11:45 a.m.\nThe court revived the suit.",
                  "Court revives dam lawsuit\nUpdated 3:20 p.m.\nThe court revived the suit.")
            .empty());
  CHECK(Described("The road will be closed for at least 48 hours.",
                  "The road will be closed for at least two days.")
            .empty());
  CHECK(Described("The meeting lasted 30 minutes.", "The meeting lasted half an hour.").empty());
  CHECK(Described("The victim was 61.", "The victim was sixty-one.").empty());
  CHECK(Described("The Hawks won their sixth game in a row, beating the Owls 6-1.",
                  "The Hawks won their sixth straight game, beating the Owls six to one.")
            .empty());
  CHECK(Described("Kelm beat Tarrow 6-1 on Sunday.", "Kelm beat Tarrow 6-2 on Sunday.") ==
        std::vector<std::string>{"number_changed [6-1] -> [6-2] (6-1 -> 6-2)"});
  // A clock time gives way only to another.
  for (const std::string& change : Described("The avalanche struck at about 1 p.m. near the pass.",
                                             "The avalanche struck near Pass 1.")) {
    CHECK(change.rfind("number_changed", 0) != 0);
  }
  CHECK(Described("The victim was 61.", "The victim was sixty-two.") ==
        std::vector<std::string>{"number_changed [61] -> [sixty-two] (61 -> 62)"});
}

TEST_CASE("claim model: a source the other version names in its claim is the same source",
          "[claims]") {
  CHECK(Described("Gov. Patricia Varga, who attended the opening, said the state had provided "
                  "$65 million in tax credits.",
                  "The state provided $65 million in tax credits, Gov. Patricia Varga said at "
                  "the opening.")
            .empty());
  CHECK(Described("Police said the driver fled the scene.",
                  "Witnesses said the driver fled the scene.") ==
        std::vector<std::string>{"source_changed [Police said] -> [Witnesses said]"});
}

TEST_CASE("claim model: initials and titles inside a name and capitalised numbers are no entities",
          "[claims]") {
  CHECK(Described("Curtis Webb, the city's lawyer, said the freeze was lawful.",
                  "Curtis W. Webb, the city's lawyer, said the freeze was lawful.")
            .empty());
  CHECK(Described("The expedition was led by Dr. Amara Osei of Kelm University.",
                  "The expedition was led by Dr. Amara Osei, of Kelm University.")
            .empty());
  CHECK(Described("RIVERSIDE, Tenn. — Four people were wounded on Thursday, police said.",
                  "RIVERSIDE, Tenn. — Five people were wounded on Thursday, police said.") ==
        std::vector<std::string>{"number_changed [Four people] -> [Five people] (4 -> 5 people)"});
}

TEST_CASE("claim model: a sentence replaced by one about the same thing is one claim changed",
          "[claims]") {
  const std::string before =
      "The team said Delgado would have surgery on his elbow this week.\n"
      "He is the club's leading scorer.\n";
  const std::string after =
      "The club's doctors examined him on Monday.\n"
      "The team said Delgado would not need surgery on his elbow.\n"
      "He is the club's leading scorer.\n";
  CHECK(Described(before, after) ==
        std::vector<std::string>{"negation_changed [have] -> [not need] (negation added)",
                                 "claim_added [] -> [The club's doctors examined him on Monday.]"});
  // Sentences about different things stay a removal and an addition.
  CHECK(Described("The bridge reopened after repairs costing $2 million.\nIt carries 9,000 cars "
                  "a day.\n",
                  "Tolls on the bridge will double in May.\nIt carries 9,000 cars a day.\n") ==
        std::vector<std::string>{
            "claim_removed [The bridge reopened after repairs costing $2 million.] -> []",
            "claim_added [] -> [Tolls on the bridge will double in May.]"});
}

TEST_CASE("claim model: an outcome not yet reached and a number sign", "[claims]") {
  CHECK(Described("Korvel is in talks to acquire Brandt Mills.",
                  "Korvel has agreed to acquire Brandt Mills.") ==
        std::vector<std::string>{"hedge_changed [is in talks] -> [has agreed] (certainty up)"});
  CHECK(Described("A possible tornado tore roofs off two barns.",
                  "A tornado tore roofs off two barns.") ==
        std::vector<std::string>{"hedge_changed [possible] -> [] (certainty up)"});
  // "No." before a number is no denial and no name.
  CHECK(Described("The No. 71 bus was diverted.", "The No. 71 bus was diverted on Friday.") ==
        std::vector<std::string>{});
  CHECK(Described("The bus was diverted.", "The No. 71 bus was diverted.").empty());
}

TEST_CASE("claim model: words only added are a detail unless they make a clause of their own",
          "[claims]") {
  CHECK(Described("The restaurant was cited for rodent droppings twice last year.",
                  "The restaurant was cited for rodent droppings by city inspectors twice last "
                  "year.")
            .empty());
  CHECK(Described("\u201cThis building has waited long enough,\u201d said Ms. Varga, who now runs "
                  "the Kelm Port Authority.",
                  "\u201cThis building has waited long enough,\u201d said Ms. Varga.") ==
        std::vector<std::string>{"claim_removed [, who now runs the Kelm Port Authority] -> []"});
  // A thing's clause is a detail.
  CHECK(Described("The mill, which is owned by a holding company, will close.",
                  "The mill will close.")
            .empty());
}

TEST_CASE("claim model: verbs that deny what follows are denials", "[claims]") {
  CHECK(Described("The water company failed to meet its leakage target.",
                  "The water company did not meet its leakage target.")
            .empty());
  CHECK(Described("The company met its leakage target.",
                  "The company failed to meet its leakage target.") ==
        std::vector<std::string>{"negation_changed [met] -> [failed to meet] (negation added)"});
}

TEST_CASE("claim model: a passive names no source and a rating is no name", "[claims]") {
  CHECK(Described("No deaths had been confirmed by Monday night.",
                  "Two deaths had been confirmed by Monday night.") ==
        std::vector<std::string>{"negation_changed [No] -> [Two] (negation removed)"});
  CHECK(Described("A tornado touched down near Alder.", "An EF-2 tornado touched down near Alder.")
            .empty());
  CHECK(Described("Rain is expected on Sunday, and the forecast calls for sleet.",
                  "Rain is expected on Sunday, and the forecast now calls for sleet.")
            .empty());
}

TEST_CASE("claim model: a finding by someone names its source", "[claims]") {
  CHECK(Described(
            "Economists surveyed by the Tasman Business Review had expected sales to rise.",
            "Economists surveyed by the Kowhai Financial Journal had expected sales to rise.") ==
        std::vector<std::string>{"source_changed [surveyed by the Tasman Business Review] -> "
                                 "[surveyed by the Kowhai Financial Journal]"});
}

TEST_CASE("claim model: a name in apposition to a source is the source's", "[claims]") {
  CHECK(Described("The township recovered $600,000, according to the township manager, Keisha "
                  "Branford.",
                  "The township recovered $600,000, according to the township's solicitor, "
                  "Martin Ybarra.") ==
        std::vector<std::string>{
            "source_changed [according to the township manager, Keisha Branford] -> [according "
            "to the township's solicitor, Martin Ybarra]"});
}

}  // namespace
