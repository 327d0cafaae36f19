// The claim model's reading of how news refers to things a second time:
// one kind of event in other verbs, a source named again by its role or a
// description, names with accents or a possessive, adjectives of a people,
// stock lines that deny nothing, and words that only look like numbers,
// sources or certainty.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "analysis/claim_test_support.h"
#include "analysis/synonyms.h"

namespace {

using stet::test::Described;
using Lines = std::vector<std::string>;

TEST_CASE("claim references: one kind of event in other verbs is no claim edit", "[claims]") {
  CHECK(stet::AreKindredVerbs("secured", "won"));
  CHECK(stet::AreKindredVerbs("raise", "bring_in"));
  CHECK_FALSE(stet::AreKindredVerbs("arrested", "questioned"));
  CHECK_FALSE(stet::AreKindredVerbs("bought", "sold"));  // opposites
  CHECK(Described("The host hopes to secure pledges of $50 billion for the fund.",
                  "The host hopes to win pledges of $50 billion for the fund.")
            .empty());
  // Several words changed, every verb of one side of the other's kind.
  CHECK(Described("The first turbines began sending electricity to the grid on Tuesday.",
                  "The first turbines started delivering electricity to the grid on Tuesday.") ==
        Lines{});
  // A verb of saying is how, not what happened.
  CHECK(Described("Ortiz will meet President Ana Lucic and sign an agreement on university "
                  "exchanges, the ministry said.",
                  "During the visit he will meet President Ana Lucic and sign a university "
                  "exchange agreement, according to the ministry.") == Lines{});
  // ... also when it is the one word that changed.
  CHECK(Described("The mayor said the bridge would close in June.",
                  "The mayor wrote the bridge would close in June.")
            .empty());
  // A word that is only ever a verb is one wherever it stands, so a claim
  // that adds it changed.
  CHECK(stet::IsOnlyVerb("consider"));
  CHECK_FALSE(stet::IsOnlyVerb("cover"));
  CHECK(Described("Vance said the United States could impose sanctions if talks fail.",
                  "Vance announced the United States could impose sanctions, and even consider "
                  "military measures, if talks fail.") ==
        Lines{"claim_edited [said] -> [announced the United States could impose sanctions, and "
              "even consider military measures,]"});
  // A changed verb still needs a verb: nouns re-worded alone are no edit.
  CHECK(Described("He was charged with misconduct in public office on Monday.",
                  "He was charged with any offence on Monday.")
            .empty());
  // Connectives of several words join the same parts ("up from" is
  // "compared with", "as well as" is "along with").
  CHECK(Described("The union is asking for staffing ratios, as well as raises of 8 percent a year.",
                  "The union wants staffing ratios, along with raises of 8 percent a year.")
            .empty());
  // A denial said in other words is compared as a denial, not as words.
  CHECK(Described("The depot no longer collects glass from homes in Alder.",
                  "The depot has stopped collecting glass from homes in Alder.")
            .empty());
}

TEST_CASE("claim references: an adjective of a people is no name but its change is an edit",
          "[claims]") {
  CHECK(stet::IsProperAdjective("Austrian"));
  CHECK_FALSE(stet::IsProperAdjective("austrian"));
  CHECK_FALSE(stet::IsProperAdjective("Brian"));
  CHECK(Described("The dead skier was a 34-year-old German man, police said.",
                  "The dead skier was a 34-year-old Austrian man, police said.") ==
        Lines{"claim_edited [German] -> [Austrian]"});
  CHECK(Described("The turnout was the lowest in years, five days before the election.",
                  "The turnout was the lowest in years, five days before Election Day.")
            .empty());
}

TEST_CASE("claim references: a name with accents or a possessive is the same name", "[claims]") {
  CHECK(Described("The Knights won 4-1. Goaltender Marek Stastny made 31 saves.",
                  "The Knights won 4-1. Goaltender Marek \u0160\u0165astn\u00fd made 31 saves.")
            .empty());
  CHECK(Described("Kiprop finished 40 seconds ahead of Ethiopia's Tesfaye Alemu.",
                  "Kiprop finished 40 seconds ahead of Tesfaye Alemu of Ethiopia.")
            .empty());
  // After a dateline's dash a sentence starts again.
  CHECK(Described("BRAXTON (Wire) \u2014 Workers of the Assembly Union ratified the deal.",
                  "BRAXTON (Wire) \u2014 Members of the Assembly Union ratified the deal.")
            .empty());
}

TEST_CASE("claim references: a source named again by its role or a description is the same",
          "[claims]") {
  // By role, as a second mention does.
  CHECK(Described("Berg did not say how the extra shifts would be paid for.",
                  "The chief did not say how the extra shifts would be paid for.")
            .empty());
  // A description of what the sentence still names.
  CHECK(Described("State police said they had responded to more than 70 crashes.",
                  "State police had responded to more than 70 crashes, the agency said.")
            .empty());
  // A name the description referred back to, named earlier.
  CHECK(Described("Veltro Telecom was hacked. The company said it had told regulators.",
                  "Veltro Telecom was hacked. Veltro said it had told regulators.") == Lines{});
  // A pronoun may stand for any source; a title of address names no one.
  CHECK(Described("Marsh spoke first. He said he supported the shelter.",
                  "Marsh spoke first. Council President David Marsh said he supported the "
                  "shelter.")
            .empty());
  CHECK(Described("Chief executive Nadia Ferris said the money would go to the plant.",
                  "The money would go to the plant, said Dr. Nadia Ferris, the chief executive.")
            .empty());
  // A finding by someone names its source, in the plural too ("exit polls
  // by", "a recording reviewed by").
  CHECK(Described("Kovacevic won, with exit polls by the broadcaster STV giving her 54 percent.",
                  "Kovacevic won, with exit polls by the broadcaster RTK giving her 54 percent.") ==
        Lines{"source_changed [polls by the broadcaster STV giving her 54 percent] -> [polls by "
              "the broadcaster RTK giving her 54 percent]"});
  // Not one another: a person for an organisation with no antecedent, and
  // two descriptions.
  CHECK(Described("Smith said the club would appeal.", "The league said the club would appeal.") ==
        Lines{"source_changed [Smith said] -> [The league said]"});
  CHECK(Described("Rates rose, according to the transport ministry.",
                  "Rates rose, according to the audit office.") ==
        Lines{"source_changed [according to the transport ministry] -> [according to the audit "
              "office]"});
}

TEST_CASE("claim references: words that only look like sources, numbers or denials", "[claims]") {
  // What follows "said" with a verb of its own is what was said.
  CHECK(
      Described("Castlegate's attorney, Peter Viola, said the company would consider its options.",
                "Castlegate's attorney, Peter Viola, said the company would consider an appeal.")
          .empty());
  // A source verb's form after a determiner is a noun or an adjective.
  CHECK(Described("Wages rose, lifting pay for an estimated 4.2 million workers.",
                  "Wages rose, boosting pay for an estimated 4.2 million workers.")
            .empty());
  CHECK(Described("The ministry blamed separatist militants for the attack.",
                  "The ministry blamed separatist militants for the attack, though no group has "
                  "claimed responsibility.") == Lines{});
  // "no one" is nobody, not 1.
  for (const std::string& line : Described("The jet landed safely and no one was hurt.",
                                           "The jet landed safely and four people were treated."))
    CHECK_FALSE(line.starts_with("number_changed"));
  // A day of the week is no count of weeks.
  CHECK(Described("Ballots will be counted Friday by the board.",
                  "Ballots will be counted over three weeks by the board.")
            .empty());
  // "un-" and a participle said of something is a denial: "has not
  // changed" is "has been unchanged".
  CHECK(Described("The national minimum wage has not changed since 2012.",
                  "The national minimum wage has been unchanged since 2012.")
            .empty());
  // A relative clause made of words the other version has is moved, not
  // added.
  CHECK(Described("Residents pay 30 percent of their income in rent and share a kitchen.",
                  "Residents, who share a kitchen, pay 30 percent of their income in rent.")
            .empty());
  CHECK(Described("Sofia Marchetti opened the session.",
                  "Sofia Marchetti, who now runs the port authority, opened the session.") ==
        Lines{"claim_added [] -> [, who now runs the port authority,]"});
  // Giving no comment denies nothing.
  for (const std::string& line :
       Described("Szabo was charged on Monday. Szabo's lawyer, Dana Ruiz, did not respond to a "
                 "request for comment.",
                 "Szabo was charged on Monday. Szabo's lawyer, Dana Ruiz, said he intends to "
                 "fight the charges."))
    CHECK_FALSE(line.starts_with("negation_changed"));
}

TEST_CASE("claim references: certainty read over the whole sentence and beside sources",
          "[claims]") {
  CHECK(Described("Council President Mark Dunlevy said the ordinance would likely pass.",
                  "Council President Mark Dunlevy said it was unclear whether the ordinance had "
                  "enough votes to pass.") ==
        Lines{"hedge_changed [would likely] -> [had enough votes to] (certainty down)"});
  // "full-year forecast" is a noun; how sure a source is of its report is
  // the source's.
  for (const std::string& line : Described("The company lowered its full-year outlook.",
                                           "The company lowered its full-year forecast."))
    CHECK_FALSE(line.starts_with("hedge_changed"));
  CHECK(Described("The driver may have crossed the line, according to a witness.",
                  "The driver crossed the line, according to a preliminary report by police.") ==
        Lines{"source_changed [according to a witness] -> [according to a preliminary report by "
              "police]",
              "hedge_changed [may have] -> [] (certainty up)"});
  // A correction notice in the words "This article has been corrected".
  CHECK(Described("Home prices rose 4.6 percent in August.",
                  "Home prices rose 4.2 percent in August.\nThis article has been corrected to "
                  "show that prices rose 4.2 percent, not 4.6 percent.") ==
        Lines{"correction_added [] -> [This article has been corrected to show that prices rose "
              "4.2 percent, not 4.6 percent.]",
              "number_changed [4.6 percent] -> [4.2 percent] (4.6 percent -> 4.2 percent)"});
}

}  // namespace
