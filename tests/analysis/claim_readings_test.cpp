// How the claim model reads what a sentence says apart from its wording:
// times written the British way, ordinals before a number word,
// questions, bounds and exclusions that deny nothing, the word that opens
// a live entry, and one person called by another title.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "analysis/claim_parts.h"
#include "analysis/claim_test_support.h"
#include "analysis/claim_wording.h"
#include "analysis/correction_links.h"
#include "analysis/structure.h"
#include "stet/claims.h"
#include "stet/compare.h"
#include "stet/segment.h"

namespace {

using stet::test::Described;

// The quantities the claim model reads in one sentence.
std::vector<stet::Quantity> QuantitiesOf(const std::string& sentence) {
  auto segmented = stet::Segment(sentence);
  REQUIRE(segmented.ok());
  std::vector<stet::Quantity> out;
  for (const stet::Claim& claim : stet::FindClaims(sentence, *segmented))
    out.insert(out.end(), claim.quantities.begin(), claim.quantities.end());
  return out;
}

TEST_CASE("claim readings: a time with a full stop is the time with a colon", "[claims]") {
  CHECK(Described("Police were called at about 10.40pm, officers said.",
                  "Police were called at around 10:40pm, officers said.")
            .empty());
  CHECK(Described("The collapse happened at about 4.30am, the company said.",
                  "The collapse happened at 4:30 a.m., the company said.")
            .empty());
  CHECK(Described("Police were called at about 10.40pm, officers said.",
                  "Police were called at around 10:45pm, officers said.") ==
        std::vector<std::string>{"number_changed [10.40pm] -> [10:45pm] (10.40pm -> 10:45pm)"});
  // Without "am" or "pm", a number with a full stop is a decimal.
  const std::vector<stet::Quantity> rate = QuantitiesOf("Output rose 4.30 percent in May.");
  REQUIRE(rate.size() >= 1);
  CHECK(rate.front().unit == "%");
  const std::vector<stet::Quantity> time = QuantitiesOf("The alarm sounded at 4.30am on Friday.");
  REQUIRE(time.size() >= 1);
  CHECK(time.front().unit == "time");
  CHECK(time.front().value == 4 * 60 + 30);
}

TEST_CASE("claim readings: an ordinal before a number word takes none of it", "[claims]") {
  CHECK(Described("Copper output rose 6% in the third quarter, the miner said.",
                  "Copper output rose 6% in the third-quarter, the miner said.")
            .empty());
  for (const stet::Quantity& quantity : QuantitiesOf("Output fell in the third quarter.")) {
    CHECK(quantity.value == 3);
  }
  // Cardinals still add up or count parts.
  const std::vector<stet::Quantity> parts = QuantitiesOf("Three quarter of the flats are let.");
  REQUIRE(parts.size() == 1);
  CHECK(parts.front().value == 0.75);
  const std::vector<stet::Quantity> sum = QuantitiesOf("The club has twenty five members.");
  REQUIRE(sum.size() == 1);
  CHECK(sum.front().value == 25);
}

TEST_CASE("claim readings: a question asserts no claim", "[claims]") {
  CHECK(Described("Police closed the road. The fire was put out.",
                  "Police closed the road. Is crime really rising in North Calder? The fire was "
                  "put out.")
            .empty());
  CHECK(Described("Police closed the road. The fire was put out.",
                  "Police closed the road. Crime is rising in North Calder. The fire was put out.")
            .size() == 1);
  // A headline that asks is a headline.
  const std::string text = "Explainer: What is a tailings dam?\nThe dam holds 40,000 tonnes.\n";
  auto segmented = stet::Segment(text);
  REQUIRE(segmented.ok());
  CHECK(stet::structure::LineKindOf(text, *segmented, 0) == stet::structure::LineKind::kHeadline);
  CHECK(stet::structure::LineKindOf(text, *segmented, 1) == stet::structure::LineKind::kNone);
  // A question quoted is someone's words; the sentence that quotes it
  // still says who asked.
  const std::string quoted = "Police asked: \"Who saw the car?\"";
  const stet::Span sentence{0, quoted.size()};
  CHECK(stet::structure::QuestionMark(quoted, sentence, {{14, quoted.size()}}) ==
        std::string::npos);
  CHECK(stet::structure::QuestionMark(quoted, sentence, {}) == quoted.size() - 2);
}

TEST_CASE("claim readings: a headline aligned with the lede holds no claim's words", "[claims]") {
  // The two headlines are paired with the sentences below them as one
  // edit; "How" opening the new headline is no entity added.
  const std::vector<std::string> changes = Described(
      "Explainer: What is the 'blue moon' eclipse everyone is talking about?\n"
      "Skywatchers across Valdoria will be able to see a total lunar eclipse on "
      "Saturday, weather permitting.\nThe eclipse will begin at 21:14.\n",
      "Explainer: How to watch Saturday's total lunar eclipse\n"
      "Skywatchers across Valdoria can see a total lunar eclipse on Saturday if the "
      "skies are clear.\nThe eclipse will begin at 21:14.\n");
  for (const std::string& change : changes) CHECK_FALSE(change.starts_with("entity_added"));
  // A signpost asserts nothing either.
  CHECK(Described("The road is closed. Here is what we know.",
                  "The road is closed. Here's what you need to know.")
            .empty());
}

TEST_CASE("claim readings: a bound or an exclusion denies nothing", "[claims]") {
  CHECK(Described("The island is about the size of a football pitch.",
                  "The island is no bigger than a football pitch.")
            .empty());
  CHECK(Described("The bill, excluding interest, is 4,000 marks.",
                  "The bill, not counting interest, is 4,000 marks.")
            .empty());
  // "Unable to" denies as "failed to" does; against "able to" it is a
  // negation changed.
  CHECK(Described("The rescuers failed to reach the lower tunnel.",
                  "The rescuers have been unable to reach the lower tunnel.")
            .empty());
  CHECK(Described("The rescuers were able to reach the lower tunnel.",
                  "The rescuers were unable to reach the lower tunnel.") ==
        std::vector<std::string>{"negation_changed [able] -> [unable] (negation added)"});
}

TEST_CASE("claim readings: declining to act denies it as refusing does", "[claims]") {
  CHECK(Described("The minister refused to resign over the report.",
                  "The minister declined to resign over the report.")
            .empty());
  CHECK(Described("The minister agreed to resign over the report.",
                  "The minister declined to resign over the report.") ==
        std::vector<std::string>{"negation_changed [agreed] -> [declined] (negation added)"});
  // Declining to comment denies nothing of the claim.
  CHECK(Described("The minister refused to comment on the report.",
                  "The minister declined to comment on the report.")
            .empty());
}

TEST_CASE("claim readings: a negative clause dropped whole turns no statement", "[claims]") {
  // The clause goes with the capital of the word after it: "three" ->
  // "Three" is no change of its own.
  CHECK(Described("No one was injured, but three people were taken to hospital as a precaution.",
                  "Three people were taken to hospital as a precaution.")
            .empty());
  CHECK(Described("Three people were taken to hospital as a precaution.",
                  "No one was injured, but three people were taken to hospital as a precaution.")
            .empty());
  // A negator that comes or goes alone still turns the statement.
  CHECK(Described("Three people were not taken to hospital.",
                  "Three people were taken to hospital.") ==
        std::vector<std::string>{"negation_changed [not] -> [] (negation removed)"});
}

TEST_CASE("claim readings: a seeming a duty and a verb in another form are no certainty",
          "[claims]") {
  // "appeared in court" is a place, "must register" a duty, "leads" and
  // "is leading" one verb.
  CHECK(
      Described("The senator appeared in court on Tuesday.", "The senator faced court on Tuesday.")
          .empty());
  CHECK(Described("Candidates must register by Friday.",
                  "Candidates will have to register by Friday.")
            .empty());
  CHECK(Described("Ortiz and Reyes lead the count in District 4.",
                  "Ortiz and Reyes are leading the count in District 4.")
            .empty());
  // A seeming, an outcome reached: certainty still moves ("seems" always
  // seems, wherever it stands).
  CHECK(Described("The senator seems in good health, aides said.",
                  "The senator is in good health, aides said.") ==
        std::vector<std::string>{"hedge_changed [seems] -> [is] (certainty up)"});
  CHECK(
      Described("The senator appeared to accept the deal.", "The senator accepted the deal.") ==
      std::vector<std::string>{"hedge_changed [appeared to accept] -> [accepted] (certainty up)"});
  CHECK(Described("Ortiz was leading the count in District 4.",
                  "Ortiz won the count in District 4.") ==
        std::vector<std::string>{"hedge_changed [was leading] -> [won] (certainty up)"});
}

TEST_CASE("claim readings: a source spelt anew or naming no one is no source changed", "[claims]") {
  CHECK(Described("Owner Margaret Harow said the shop would close in March.",
                  "Owner Margaret Harrow said the shop would close in March.")
            .empty());
  CHECK(Described("Owner Margaret Harow said the shop would close in March.",
                  "Owner Ellen Harrow said the shop would close in March.") ==
        std::vector<std::string>{
            "source_changed [Owner Margaret Harow said] -> [Owner Ellen Harrow said]"});
  // "who said" stands for the name before it.
  CHECK(Described("Her death was confirmed by her son, Marcus Sloane, who said she had been ill.",
                  "Her death was confirmed by her son, Marcus Sloane. She had been ill.")
            .empty());
}

TEST_CASE("claim readings: the word that opens a live entry is no name", "[claims]") {
  CHECK(Described("Live: the vote\n20:50 - Councillors voted to close the depot.\n",
                  "Live: the vote\n20:50 - Members voted to close the depot.\n")
            .empty());
  // A name there still is one.
  CHECK(Described("Live: the vote\n20:50 - Councillor Ann Roe voted to close the depot.\n",
                  "Live: the vote\n20:50 - Councillor Ben Hale voted to close the depot.\n") ==
        std::vector<std::string>{"claim_edited [Councillor Ann Roe] -> [Councillor Ben Hale] "
                                 "(Councillor Ann Roe -> Councillor Ben Hale)"});
}

TEST_CASE("claim readings: days in the plural and ranges of months are no names", "[claims]") {
  const std::string text = "The pool opens on Sundays in July-September, Mayor Ann Roe said.";
  auto segmented = stet::Segment(text);
  REQUIRE(segmented.ok());
  std::vector<std::string> entities;
  for (const stet::Claim& claim : stet::FindClaims(text, *segmented)) {
    for (stet::Span span : claim.entities)
      entities.push_back(text.substr(span.start, span.end - span.start));
  }
  CHECK(entities == std::vector<std::string>{"Mayor Ann Roe"});
}

TEST_CASE("claim readings: one person called by another title is the same source", "[claims]") {
  CHECK(Described("Profit rose, chief executive Ravi Sondergaard said.",
                  "Profit rose, CEO Ravi Sondergaard said.")
            .empty());
  // Someone of an organisation is not the organisation.
  CHECK(Described("Yields fell, said Walt Emery of the Corbin Valley Growers Association.",
                  "Yields fell, according to a survey by the Corbin Valley Growers Association.")
            .size() == 1);
}

}  // namespace

TEST_CASE("claim readings: a sentence re-told in other words is no claim edited", "[claims]") {
  // Each content word of one is the other's (or its synonym): the same
  // claim, active for passive.
  CHECK(Described("The ferry runs twice a day. Volunteers staff the shelter. Repairs begin soon.",
                  "The ferry runs twice a day. The shelter is staffed by volunteers. Repairs begin "
                  "soon.")
            .empty());
  // Who staffs it changed: a claim edited.
  CHECK(
      Described("The ferry runs twice a day. Volunteers staff the shelter. Repairs begin soon.",
                "The ferry runs twice a day. The shelter is staffed by soldiers. Repairs begin "
                "soon.") ==
      std::vector<std::string>{
          "claim_edited [Volunteers staff the shelter.] -> [The shelter is staffed by soldiers.]"});
}

TEST_CASE("claim readings: two short sentences in one place sharing a word are one turned",
          "[claims]") {
  // Removed and added in one place, sharing only "charged": one statement
  // whose denial went, not a claim removed and another added.
  const std::vector<std::string> turned = Described(
      "The ferry runs twice a day. Oskar Brenn has not been charged. Repairs begin soon.",
      "The ferry runs twice a day. He was charged on Friday evening. Repairs begin soon.");
  REQUIRE(turned.size() == 1);
  CHECK(turned.front().starts_with("negation_changed"));
  // Longer sentences still need two words in common.
  const std::vector<std::string> apart = Described(
      "The ferry runs twice a day. Oskar Brenn, a deckhand from Tarrow Point, has not been charged "
      "over the fire at the old boatyard. Repairs begin soon.",
      "The ferry runs twice a day. Police charged a welder from Kelm Harbour with arson late on "
      "Friday evening. Repairs begin soon.");
  CHECK(std::find(apart.begin(), apart.end(), "claim_edited") == apart.end());
  CHECK(std::none_of(apart.begin(), apart.end(),
                     [](const std::string& line) { return line.starts_with("negation_changed"); }));
}

TEST_CASE("claim readings: a notice in brackets or a wire's corrects line is a correction",
          "[claims]") {
  CHECK(Described("The port opened in 1996.",
                  "The port opened in 1998.\n(This story has been corrected to show that the port "
                  "opened in 1998, not 1996.)") ==
        std::vector<std::string>{
            "correction_added [] -> [(This story has been corrected to show that the port opened "
            "in 1998, not 1996.)]",
            "number_changed [1996] -> [1998] (1996 -> 1998)"});
  CHECK(Described("The port opened in 1996.",
                  "The port opened in 1998.\n(Corrects year the port opened in paragraph 1.)") ==
        std::vector<std::string>{
            "correction_added [] -> [(Corrects year the port opened in paragraph 1.)]",
            "number_changed [1996] -> [1998] (1996 -> 1998)"});
  CHECK(stet::structure::IsCorrectionNotice("[Corrects spelling of name in paragraph 5]"));
  CHECK_FALSE(stet::structure::IsCorrectionNotice("(The port opened in 1998.)"));
}

TEST_CASE("claim readings: the verb of a source swapped for another is the source's change",
          "[claims]") {
  // "confirmed" goes with the spokesperson: one source changed, no
  // certainty of its own.
  const std::vector<std::string> swapped =
      Described("Nine people have been treated in hospital, a spokesperson confirmed.",
                "Nine people have been treated in hospital, according to the Tarrow Gazette.");
  REQUIRE(swapped.size() == 1);
  CHECK(swapped.front().starts_with("source_changed"));
  // A marker beside the swapped source still counts.
  const std::vector<std::string> both =
      Described("The plant will close next year, a spokesperson confirmed.",
                "The plant may close next year, according to the Tarrow Gazette.");
  CHECK(std::any_of(both.begin(), both.end(),
                    [](const std::string& line) { return line.starts_with("source_changed"); }));
  CHECK(std::any_of(both.begin(), both.end(), [](const std::string& line) {
    return line.starts_with("hedge_changed") && line.ends_with("(certainty down)");
  }));
  // The same source, less sure: certainty down.
  const std::vector<std::string> surer =
      Described("Police confirmed that the fire at the depot was arson.",
                "Police suspect that the fire at the depot was arson.");
  CHECK(std::any_of(surer.begin(), surer.end(), [](const std::string& line) {
    return line.starts_with("hedge_changed") && line.ends_with("(certainty down)");
  }));
}

TEST_CASE("claim readings: half is fifty percent", "[claims]") {
  CHECK(Described("At least half of the members voted for the plan.",
                  "At least 50 percent of the members voted for the plan.")
            .empty());
  const std::vector<std::string> changed =
      Described("At least half of the members voted for the plan.",
                "At least 40 percent of the members voted for the plan.");
  REQUIRE(changed.size() == 1);
  CHECK(changed.front().starts_with("number_changed"));
}

TEST_CASE("claim readings: a kicker's line is a headline though it has a full stop", "[claims]") {
  const std::string body = "\nRegulators fined the app store on Monday.";
  CHECK(Described("Analysis: Can regulators tame the app giants?" + body,
                  "Analysis: A record fine for Orbit Mobile. Will it matter?" + body)
            .empty());
  CHECK(Described("Fact check: Can regulators tame the app giants?" + body,
                  "Fact check: Orbit Mobile paid. What now?" + body)
            .empty());
  // Any other word before the colon: the sentence's claim is reported.
  CHECK_FALSE(Described("Markets: Can regulators tame the app giants?" + body,
                        "Markets: A record fine for Orbit Mobile. Will it matter?" + body)
                  .empty());
}

TEST_CASE("claim readings: structural lines at either end of an edit are cut off", "[claims]") {
  using stet::structure::WithoutStructuralEnds;
  const std::string before = "The council approved the budget on Tuesday.\nBy Dana Whitcombe\n";
  const std::string after =
      "The council approved the budget on Monday.\nBy Dana Whitcombe and Ray Holt\n";
  auto before_text = stet::Segment(before);
  auto after_text = stet::Segment(after);
  REQUIRE(before_text.ok());
  REQUIRE(after_text.ok());
  REQUIRE(before_text->sentences.size() == 2);
  REQUIRE(after_text->sentences.size() == 2);
  CHECK(stet::structure::LineKindOf(after, *after_text, 1) == stet::structure::LineKind::kByline);
  auto span_of = [](const std::string& text, std::string_view part) {
    const std::size_t at = text.find(part);
    return stet::Span{at, at + part.size()};
  };
  // The prose and the byline below it, aligned as one edit: a word changed
  // in each.
  stet::TextEdit edit;
  edit.before_sentences = {0, 1};
  edit.after_sentences = {0, 1};
  edit.before = {0, before.size() - 1};
  edit.after = {0, after.size() - 1};
  edit.words = {{span_of(before, "Tuesday"), span_of(after, "Monday")},
                {{before.size() - 1, before.size() - 1}, span_of(after, " and Ray Holt")}};
  stet::TextEdit trimmed;
  const stet::TextEdit* prose =
      WithoutStructuralEnds(edit, before, *before_text, after, *after_text, trimmed);
  REQUIRE(prose == &trimmed);
  CHECK(prose->before_sentences == std::vector<std::size_t>{0});
  CHECK(prose->after_sentences == std::vector<std::size_t>{0});
  CHECK(prose->after.end == after.find('\n'));
  REQUIRE(prose->words.size() == 1);
  CHECK(prose->words.front().after.start == after.find("Monday"));
  // An edit of prose alone is read in place; one of structure alone is none.
  stet::TextEdit lede = edit;
  lede.before_sentences = lede.after_sentences = {0};
  lede.words.pop_back();
  CHECK(WithoutStructuralEnds(lede, before, *before_text, after, *after_text, trimmed) == &lede);
  stet::TextEdit byline = edit;
  byline.before_sentences = byline.after_sentences = {1};
  CHECK(WithoutStructuralEnds(byline, before, *before_text, after, *after_text, trimmed) ==
        nullptr);
  // A headline above the lede is cut off from the front.
  const std::string headed = "Explainer: What is a tailings dam?\nThe dam holds 40,000 tonnes.\n";
  auto headed_text = stet::Segment(headed);
  REQUIRE(headed_text.ok());
  stet::TextEdit opening;
  opening.before_sentences = opening.after_sentences = {0, 1};
  opening.before = opening.after = {0, headed.size() - 1};
  opening.words = {{span_of(headed, "40,000"), span_of(headed, "40,000")}};
  prose = WithoutStructuralEnds(opening, headed, *headed_text, headed, *headed_text, trimmed);
  REQUIRE(prose == &trimmed);
  CHECK(prose->before_sentences == std::vector<std::size_t>{1});
  CHECK(prose->after_sentences == std::vector<std::size_t>{1});
}

TEST_CASE("claim readings: claims made when first asked stay their own sentence's", "[claims]") {
  // More sentences than a block of claims holds, read in order, then again
  // backwards: each is still the claim of its own sentence.
  std::string text;
  for (int k = 0; k < 20; ++k)
    text += "The depot in Alder employs " + std::to_string(100 + k) + " drivers. ";
  auto segmented = stet::Segment(text);
  REQUIRE(segmented.ok());
  REQUIRE(segmented->sentences.size() == 20);
  stet::claim_parts::LazyClaims claims(text, *segmented);
  for (std::size_t s = 0; s < 20; ++s) REQUIRE(claims[s].quantities.size() == 1);
  for (std::size_t s = 20; s-- > 0;) {
    const stet::Claim& claim = claims[s];
    CHECK(claim.sentence == s);
    CHECK(claim.span.start == segmented->sentences[s].start);
    REQUIRE(claim.quantities.size() == 1);
    CHECK(claim.quantities.front().value == static_cast<double>(100 + s));
  }
}

TEST_CASE("claim readings: a contraction denies as the words it stands for do", "[claims]") {
  for (const char* denied :
       {"The council didn't approve the plan.", "The council didn\u2019t approve the plan."}) {
    const std::vector<std::string> changes = Described("The council did approve the plan.", denied);
    REQUIRE(changes.size() == 1);
    CHECK(changes.front().starts_with("negation_changed"));
    CHECK(changes.front().ends_with("(negation added)"));
    // Written out or contracted, the denial is the same.
    CHECK(Described("The council did not approve the plan.", denied).empty());
  }
}

TEST_CASE("claim readings: a curly apostrophe in a name is the straight one", "[claims]") {
  using stet::claim_wording::Normalised;
  CHECK(Normalised("O\u2019Brien") == "obrien");
  CHECK(Normalised("O'Brien") == "obrien");
  CHECK(Normalised("Harbour-side") == "harbourside");
  CHECK(Normalised("Kelm\u2019s") == "kelm");
  // A dash of the same first byte is kept: only the apostrophe is dropped.
  CHECK(Normalised("a\u2013b") == "a\u2013b");
  CHECK(Described("Ms. O'Brien said the depot would close.",
                  "Ms. O\u2019Brien said the depot would close.")
            .empty());
}

TEST_CASE("claim readings: vague words and numbers are no content words", "[claims]") {
  using stet::claim_wording::ContentKey;
  using stet::claim_wording::IsNumber;
  using stet::claim_wording::IsVagueWord;
  using stet::claim_wording::Stem;
  for (const char* vague : {"nearly", "several", "yesterday", "weekend", "approximately"})
    CHECK(IsVagueWord(Stem(vague)));
  for (const char* content : {"depot", "drivers", "council", "closed"})
    CHECK_FALSE(IsVagueWord(Stem(content)));
  CHECK(IsNumber("1,000.5"));
  CHECK(IsNumber("2026"));
  CHECK_FALSE(IsNumber("12a"));
  CHECK_FALSE(IsNumber("g7"));
  // Neither is a content word: "nearly 1,000" -> "about 1,000" re-words.
  CHECK(ContentKey("Nearly").empty());
  CHECK(ContentKey("1,000").empty());
  CHECK(ContentKey("3.5").empty());
  CHECK_FALSE(ContentKey("Depot").empty());
}

TEST_CASE("claim readings: a quotation's attribution alone is no claim added", "[claims]") {
  // Outside the quotation the sentence says only who spoke, where and
  // when: the quote change reports it, not a claim.
  CHECK(Described("The depot closed on Friday.",
                  "The depot closed on Friday. \"We will rebuild,\" the mayor told reporters at "
                  "a briefing later.")
            .empty());
  // A claim of its own beside the quotation is one.
  CHECK(Described("The depot closed on Friday.",
                  "The depot closed on Friday. \"We will rebuild,\" the mayor said as crews "
                  "cleared 40 tonnes of debris.")
            .size() == 1);
}

TEST_CASE("claim readings: a correction notice's own sentences are the notice's", "[claims]") {
  const std::string before = "The council awarded the grant on Monday.\n";
  const std::vector<std::string> changes = Described(
      before, before +
                  "Correction: An earlier version misstated the grant. It was 1.9 million "
                  "marks, not 900,000 marks.\n");
  REQUIRE(changes.size() == 1);
  CHECK(changes.front().starts_with("correction_added"));
  // In a paragraph of its own, the same sentence is a claim.
  CHECK(Described(before, before +
                              "Correction: An earlier version misstated the grant.\nIt was 1.9 "
                              "million marks, not 900,000 marks.\n")
            .size() == 2);
  const std::string text = before +
                           "Correction: An earlier version misstated the grant. It was 1.9 "
                           "million marks.\nThe mayor left.\n";
  auto segmented = stet::Segment(text);
  REQUIRE(segmented.ok());
  REQUIRE(segmented->sentences.size() == 4);
  CHECK_FALSE(stet::InCorrectionNotice(text, *segmented, 1));  // the notice itself
  CHECK(stet::InCorrectionNotice(text, *segmented, 2));
  CHECK_FALSE(stet::InCorrectionNotice(text, *segmented, 3));  // a paragraph below
}
