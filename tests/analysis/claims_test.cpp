// Claims: their parts, their changes on the sample against its labels, one
// test per pattern, and no false alarms on edits that change no claim.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/claim_test_support.h"
#include "stet/claims.h"
#include "stet/text.h"
#include "test_support.h"

namespace {

using stet::ClaimChange;
using stet::ClaimChangeKind;
using stet::test::ClaimChanges;
using stet::test::Describe;
using stet::test::Described;
using stet::test::Has;
using stet::test::ReadFile;
using stet::test::RunResult;
using stet::test::SamplePath;
using stet::test::Stet;

const ClaimChange* Find(const std::vector<ClaimChange>& changes, ClaimChangeKind kind) {
  for (const ClaimChange& change : changes) {
    if (change.kind == kind) return &change;
  }
  return nullptr;
}

// Whether one text holds the other (quote style and case aside): the
// labels quote the changed phrase with a little context, stet the words.
bool SameSpan(const nlohmann::json& ours, const nlohmann::json& label) {
  if (label.is_null()) return true;
  if (ours.is_null()) return false;
  auto fold = [](const nlohmann::json& value) {
    const std::string text = value.get<std::string>();
    std::string out = stet::MatchingForm(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  const std::string a = fold(ours), b = fold(label);
  return a.find(b) != std::string::npos || b.find(a) != std::string::npos;
}

}  // namespace

TEST_CASE("claims: the sample's labelled claim changes are reported", "[claims]") {
  const nlohmann::json expected = nlohmann::json::parse(ReadFile(SamplePath("expected.json")));
  for (const auto& [from, to] : {std::pair{"r1", "r2"}, std::pair{"r2", "r3"}}) {
    const std::string key = std::string(from) + "->" + to;
    const nlohmann::json out = stet::test::SampleDiff(from, to);
    REQUIRE(!out.is_null());
    std::vector<nlohmann::json> claims;
    for (const nlohmann::json& change : out["changes"]) {
      if (change["kind"].get<std::string>().rfind("quote_", 0) != 0) claims.push_back(change);
    }
    const nlohmann::json& labels = expected["changes"][key]["claims"];
    std::vector<bool> matched(claims.size(), false);
    for (const nlohmann::json& label : labels) {
      INFO(key << ": " << label.dump());
      bool found = false;
      for (std::size_t k = 0; k < claims.size() && !found; ++k) {
        if (matched[k] || claims[k]["kind"] != label["kind"]) continue;
        if (SameSpan(claims[k]["before"], label.value("before", nlohmann::json())) &&
            SameSpan(claims[k]["after"], label.value("after", nlohmann::json()))) {
          matched[k] = found = true;
          if (label.contains("detail") && label["kind"] == "hedge_changed") {
            CHECK(claims[k]["detail"] == label["detail"]);
          }
        }
      }
      CHECK(found);
    }
    for (std::size_t k = 0; k < claims.size(); ++k) {
      if (matched[k]) continue;
      INFO(key << " unlabelled: " << claims[k].dump());
      if (key == "r2->r3") {
        CHECK(false);  // r2 to r3: exactly the labelled claim changes
      } else {
        // r1 to r2 adds whole paragraphs the labels do not list one by one:
        // the extra changes may only be sentences added or clauses added.
        const std::string kind = claims[k]["kind"];
        CHECK((kind == "claim_added" || kind == "claim_edited"));
      }
    }
  }
}

TEST_CASE("claims: numbers in digits and words, money, percent and ranges", "[claims]") {
  auto number = [](const std::string& before, const std::string& after) {
    const std::vector<ClaimChange> changes = ClaimChanges(before, after);
    const ClaimChange* change = Find(changes, ClaimChangeKind::kNumberChanged);
    return change == nullptr ? std::string("(none)") : change->detail;
  };
  // Numbers in digits read as written (no unit guessed, no value spelled out).
  CHECK(number("The attack killed 12 people.", "The attack killed 15 people.") ==
        "12 people -> 15 people");
  CHECK(number("It came just one day before the vote.", "It came two days before the vote.") ==
        "1 -> 2 day");
  CHECK(number("The fund holds $2 billion.", "The fund holds $3 billion.") ==
        "$2 billion -> $3 billion");
  CHECK(number("The fund holds $3.2 billion.", "The fund holds $3.4 billion.") ==
        "$3.2 billion -> $3.4 billion");
  CHECK(number("The Mets won 5-4 on Sunday.", "The Mets won 6-3 on Sunday.") == "5-4 -> 6-3");
  CHECK(number("Prices rose 3.5% in May.", "Prices rose 4% in May.") == "3.5% -> 4%");
  CHECK(number("Between 10 and 15 troops were hurt.", "Between 10 and 20 troops were hurt.") ==
        "15 troops -> 20 troops");
  CHECK(number("Russia left the G-8 in 2014.", "Russia left the G-7 in 2014.") == "G-8 -> G-7");
  CHECK(number("It lasted nearly three-year-long talks.",
               "It lasted nearly four-year-long talks.") == "3 -> 4 year");
  // The same quantity written another way is no change.
  CHECK(number("Two officials resigned.", "2 officials resigned.") == "(none)");
}

TEST_CASE("claims: negation turned around, and not only ... but also is no denial", "[claims]") {
  // The negation with the words that carry it, in both directions.
  CHECK(Has(Described("Hegseth ruled out the possibility of US ground forces.",
                      "Hegseth did not rule out the possibility of US ground forces."),
            "negation_changed [ruled] -> [did not rule] (negation added)"));
  CHECK(Has(Described("Hegseth did not rule out the possibility of US ground forces.",
                      "Hegseth ruled out the possibility of US ground forces."),
            "negation_changed [did not rule] -> [ruled] (negation removed)"));
  CHECK(Has(Described("The ministry confirmed the deal.", "The ministry did not confirm the deal."),
            "negation_changed [confirmed] -> [did not confirm] (negation added)"));
  CHECK(Has(
      Described("The ministry will never confirm the deal.", "The ministry will confirm the deal."),
      "negation_changed [never] -> [] (negation removed)"));
  // The change sits in the sentences it is about.
  const std::vector<ClaimChange> changes =
      ClaimChanges("The talks began. Hegseth ruled out troops.",
                   "The talks began. Hegseth did not rule out troops.");
  const ClaimChange* negation = Find(changes, ClaimChangeKind::kNegationChanged);
  REQUIRE(negation != nullptr);
  CHECK(negation->before_sentence == 1);
  CHECK(negation->after_sentence == 1);
  CHECK(negation->speaker.empty());  // not inside a quote
  // "not only ... but also" adds emphasis, not a denial: the claim is the
  // same.
  CHECK(Described("He criticised the army and the navy.",
                  "He criticised not only the army but also the navy.")
            .empty());
}

TEST_CASE("claims: certainty up and down", "[claims]") {
  auto hedge = [](const std::string& before, const std::string& after) {
    const std::vector<ClaimChange> changes = ClaimChanges(before, after);
    const ClaimChange* change = Find(changes, ClaimChangeKind::kHedgeChanged);
    return change == nullptr ? std::string("(none)") : change->detail;
  };
  CHECK(hedge("The minister might resign on Friday.", "The minister will resign on Friday.") ==
        "certainty up");
  CHECK(hedge("The minister will resign on Friday.", "The minister may resign on Friday.") ==
        "certainty down");
  CHECK(hedge("The US could impose sanctions.", "The US is prepared to impose sanctions.") ==
        "certainty up");
  CHECK(hedge("The general was dismissed.", "The general was reportedly dismissed.") ==
        "certainty down");
  // A substitution and an insertion in one sentence: the report covers the
  // changed words on each side, not the text back to its start.
  const std::string before = "Yes. The minister will resign and the talks failed.";
  const std::string after = "Yes. The minister may resign and the talks reportedly failed.";
  const std::vector<ClaimChange> changes = ClaimChanges(before, after);
  const ClaimChange* both = Find(changes, ClaimChangeKind::kHedgeChanged);
  REQUIRE(both != nullptr);
  CHECK(before.substr(both->before.start, both->before.end - both->before.start) == "will");
  CHECK(after.substr(both->after.start, both->after.end - both->after.start) ==
        "may resign and the talks reportedly");
}

TEST_CASE("claims: a source swapped, and a number and a source in one sentence", "[claims]") {
  CHECK(Described("The talks failed, according to Reuters.",
                  "The talks failed, according to the Associated Press.") ==
        std::vector<std::string>{
            "source_changed [according to Reuters] -> [according to the Associated Press]"});
  // Two changes in one sentence: each reported with its own words.
  const std::vector<std::string> both =
      Described("Police said 12 people died, according to Reuters.",
                "Police said 15 people died, according to Bloomberg.");
  CHECK(both.size() == 2);
  CHECK(Has(both, "number_changed [12 people] -> [15 people] (12 people -> 15 people)"));
  CHECK(Has(both, "source_changed [according to Reuters] -> [according to Bloomberg]"));
}

TEST_CASE("claims: a correction notice, linked to the sentence it corrects", "[claims]") {
  const std::string before =
      "The summit opened in Geneva. Leaders met on Tuesday to discuss the ceasefire.";
  const std::string after =
      "The summit opened in Geneva. Leaders met on Wednesday to discuss the ceasefire.\n"
      "Correction: An earlier version of this article misstated the day the leaders met.";
  const std::vector<ClaimChange> changes = ClaimChanges(before, after);
  const ClaimChange* correction = Find(changes, ClaimChangeKind::kCorrectionAdded);
  REQUIRE(correction != nullptr);
  CHECK(Describe(*correction, before, after) ==
        "correction_added [] -> [Correction: An earlier version of this article misstated the "
        "day the leaders met.]");
  CHECK(correction->after_sentence == 2);
  CHECK(correction->refers_to == 1);  // the sentence whose day changed
  const ClaimChange* edited = Find(changes, ClaimChangeKind::kNumberChanged);
  REQUIRE(edited != nullptr);  // a date is one of the values of a claim
  CHECK(Describe(*edited, before, after) ==
        "number_changed [Tuesday] -> [Wednesday] (Tuesday -> Wednesday)");
  CHECK(correction->materiality > edited->materiality);
  // Most material first.
  CHECK(changes.front().kind == ClaimChangeKind::kCorrectionAdded);
}

TEST_CASE("claims: entities that appear or disappear, sentences added and removed", "[claims]") {
  CHECK(Has(Described("The delegation includes Secretary of State Marco Rubio.",
                      "The delegation includes Marco Rubio and special envoy Keith Kellogg."),
            "entity_added [] -> [special envoy Keith Kellogg]"));
  CHECK(Has(Described("The delegation includes Marco Rubio and special envoy Keith Kellogg.",
                      "The delegation includes Marco Rubio."),
            "entity_removed [special envoy Keith Kellogg] -> []"));
  CHECK(Described(
            "The summit opened. Talks began.",
            "The summit opened. Talks began. About 300 protesters gathered outside the hall.") ==
        std::vector<std::string>{
            "claim_added [] -> [About 300 protesters gathered outside the hall.]"});
  CHECK(Described("The summit opened. Talks began. About 300 protesters gathered outside the hall.",
                  "The summit opened. Talks began.") ==
        std::vector<std::string>{
            "claim_removed [About 300 protesters gathered outside the hall.] -> []"});
}

TEST_CASE("claims: an added sentence is a claim by its checkable parts, named", "[claims]") {
  const std::vector<ClaimChange> added =
      ClaimChanges("The summit opened.",
                   "The summit opened. Mayor Ilse Brandvold said on Tuesday that 40 streets "
                   "might not reopen, according to the Kelm Post.");
  REQUIRE(added.size() == 1);
  std::vector<std::string> kinds;
  for (const stet::ClaimPart& part : added[0].parts) kinds.emplace_back(part.kind);
  // The speaker with the verb is the sentence's source.
  CHECK(kinds ==
        std::vector<std::string>{"source", "number", "number", "certainty", "negation", "source"});
  // What it states weighs more than whom it names (docs/design.md).
  CHECK(added[0].materiality == 0.5);
  const std::vector<ClaimChange> names =
      ClaimChanges("The summit opened.", "The summit opened. Ilse Brandvold greeted Tomas Erlich.");
  REQUIRE(names.size() == 1);
  CHECK(names[0].materiality == 0.3);
  // Nothing to check: colour, and a bare quotation with its speaker (a
  // quote change), stay in the TEXT section.
  CHECK(Described("The summit opened.", "The summit opened. It was a cold, grey morning.").empty());
  CHECK(Described("The summit opened.",
                  "The summit opened. “We will rebuild the pier,” Mayor Ilse Brandvold said.")
            .empty());
  CHECK(Described("The summit opened. “We will rebuild,” she told reporters.", "The summit opened.")
            .empty());
  // A quotation with a fact around it is a claim.
  CHECK(Described("The vote was counted.",
                  "The vote was counted. Okafor congratulated Reyna on social media, adding "
                  "“to every volunteer in Calder: thank you!”") ==
        std::vector<std::string>{"claim_added [] -> [Okafor congratulated Reyna on social media, "
                                 "adding “to every volunteer in Calder: thank you!”]"});
}

TEST_CASE(
    "claims: headlines, labels, separators, bylines, print lines and timestamps are no claims",
    "[claims]") {
  const std::string body = "The council approved the budget on Monday.\n";
  for (const std::string line :
       {"Council approves budget after long night", "ABSTRACT.", "FULL TEXT.",
        "CORRECTION APPENDED.", "___.", "* * *", "— Metro Reporter Dana Whitcombe.",
        "By Dana Whitcombe and Ola Berg", "Reporting by Ola Berg; Editing by Ines Barto.",
        "As published in the Weekend Edition.",
        "A version of this article appears in print on Dec. 1, 2026, Section A.",
        "Updated 6:30 p.m. ET", "Dec. 1, 2026", "Photo: Ola Berg/Kelm Post"}) {
    INFO(line);
    CHECK(Described(body, line + "\n" + body).empty());
    CHECK(Described(line + "\n" + body, body).empty());
  }
  // A headline re-worded is the HEADLINE's change, not a claim's.
  CHECK(Described("Council approves budget\n" + body, "Council passes budget after vote\n" + body)
            .empty());
  // Prose is not structure: a short sentence with a verb and a full stop.
  CHECK(Described(body, body + "The mayor resigned.\n").size() == 1);
}

TEST_CASE("claims: a live entry's time is no number and a moved number no change", "[claims]") {
  // A new entry above, a typo in an entry's time fixed: no number changed.
  CHECK(
      Described("6Q30 p.m.: Polls closed across Calder.\n",
                "8:45 p.m.: Tomas Reyna won the mayoral race.\n6:30 p.m.: Polls closed across "
                "Calder.\n") ==
      std::vector<std::string>{"claim_added [] -> [8:45 p.m.: Tomas Reyna won the mayoral race.]"});
  CHECK(Described("6Q30 p.m.: Polls closed across Calder.\n",
                  "6:30 p.m.: Polls closed across Calder.\n")
            .empty());
  // Moved, dropped or spelt again: the same values.
  CHECK(Described("The Brackley depot, which reopens on June 3, employs 212 drivers.",
                  "The Brackley depot employs 212 drivers and reopens on June 3.")
            .empty());
  CHECK(Described("The memorial honours those killed on Sept. 11, 2001, in the attacks.",
                  "The memorial honours those killed on Sept. 11 in the attacks.")
            .empty());
  // A value given way to another about the same thing is a change.
  CHECK(Described("The Brackley depot employs 212 drivers.",
                  "The Brackley depot employs 230 drivers.") ==
        std::vector<std::string>{
            "number_changed [212 drivers] -> [230 drivers] (212 drivers -> 230 drivers)"});
}

TEST_CASE("claims: the same claim worded anew is no claim edit", "[claims]") {
  CHECK(Described("Okafor vetoed the grain bill on Friday.",
                  "Governor Mara Okafor vetoed the grain bill on Friday.")
            .empty());
  CHECK(Described("The plan will cost more, Okafor said.", "The plan will cost more, said Okafor.")
            .empty());
  CHECK(Described("A non-profit clinic in Vesna opened its doors.",
                  "A nonprofit clinic in Vesna opened its doors.")
            .empty());
  // What it asserts changed: reported.
  CHECK(Described("Okafor opened the grain market on Friday.",
                  "Okafor closed the grain market on Friday.") ==
        std::vector<std::string>{"claim_edited [opened] -> [closed]"});
}

TEST_CASE("claims: no false alarms on 50 pairs that change no claim", "[claims]") {
  const std::string base = ReadFile(SamplePath("r2.txt"));
  std::vector<std::string> paragraphs;
  for (std::size_t start = 0; start < base.size();) {
    std::size_t end = base.find('\n', start);
    if (end == std::string::npos) end = base.size();
    if (end > start) paragraphs.push_back(base.substr(start, end - start));
    start = end + 1;
  }
  std::mt19937 random(5);
  auto replace_all = [](std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size()))
      text.replace(at, from.size(), to);
    return text;
  };
  for (int pair = 0; pair < 50; ++pair) {
    std::vector<std::string> edited = paragraphs;
    const int kind = pair % 5;
    if (kind == 0) {  // quote style
      for (std::string& paragraph : edited) {
        paragraph = replace_all(replace_all(paragraph, "\u201C", "\""), "\u201D", "\"");
        paragraph = replace_all(paragraph, "\u2019", "'");
      }
    } else if (kind == 1) {  // white space
      for (std::string& paragraph : edited) paragraph = replace_all(paragraph, ". ", ".  ");
    } else if (kind == 2) {  // punctuation: a comma after some words
      std::string& paragraph = edited[random() % edited.size()];
      for (const char* word : {" however", " Thursday", " Wednesday", " course", " Trump"}) {
        const std::size_t at = paragraph.find(word);
        if (at != std::string::npos) paragraph.insert(at + std::strlen(word), ",");
      }
    } else if (kind == 3) {  // paragraph order
      std::shuffle(edited.begin(), edited.end(), random);
    } else {  // a date line
      edited.insert(edited.begin(), "Updated Feb. " + std::to_string(10 + pair % 18) + ", 2025, " +
                                        std::to_string(1 + pair % 12) + ":05 p.m. ET");
    }
    std::string after;
    for (const std::string& paragraph : edited) after += paragraph + "\n";
    INFO("pair " << pair << " kind " << kind);
    for (const ClaimChange& change : ClaimChanges(base, after)) {
      CHECK(change.kind != ClaimChangeKind::kNumberChanged);
      CHECK(change.kind != ClaimChangeKind::kNegationChanged);
      CHECK(change.kind != ClaimChangeKind::kHedgeChanged);
      CHECK(change.kind != ClaimChangeKind::kSourceChanged);
    }
  }
}

TEST_CASE("claims: stet diff text, Markdown and JSON carry claims and materiality",
          "[claims][cli]") {
  const std::string r2 = SamplePath("r2.txt"), r3 = SamplePath("r3.txt");
  RunResult text = Stet("unused", {"diff", "--files", r2, r3, "--width", "0"});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("materiality: high") != std::string::npos);
  const std::size_t quotes = text.out.find("\nQUOTES  "),
                    claims = text.out.find("\nCLAIMS  8 changed"),
                    edits = text.out.find("\nTEXT  ");
  REQUIRE(claims != std::string::npos);
  CHECK((quotes < claims && claims < edits));  // quotes, then claims, then other edits
  CHECK(text.out.find("  denial            ") != std::string::npos);
  CHECK(text.out.find("[-G-7-]{+G-8+}.    G-7 -> G-8") != std::string::npos);
  // The correction says, right under it, what it corrects.
  CHECK(text.out.find("meeting.+}\n                    corrects: Vance\u2019s remarks were made "
                      "[-just one day-]{+two days+}") != std::string::npos);

  RunResult markdown = Stet("unused", {"diff", "--files", r2, r3, "--format", "md"});
  REQUIRE(markdown.exit_code == 0);
  CHECK(markdown.out.find("\n## Claims (8 changed)\n") != std::string::npos);
  CHECK(markdown.out.find("- **denial** ") != std::string::npos);
  CHECK(markdown.out.find("<del>ruled</del><ins>did not rule</ins>") != std::string::npos);
  CHECK(markdown.out.find("meeting.</ins>\n  - corrects: Vance\u2019s remarks were made <del>just "
                          "one day</del><ins>two days</ins>") != std::string::npos);

  RunResult json = Stet("unused", {"diff", "--files", r2, r3, "--format", "json"});
  const nlohmann::json out = nlohmann::json::parse(json.out);
  CHECK(out["summary"]["materiality_label"] == "high");
  CHECK(out["summary"]["claims_changed"] == 8);
  double previous = 1.0;
  for (const nlohmann::json& change : out["changes"]) {
    if (change["kind"].get<std::string>().rfind("quote_", 0) == 0) continue;
    CHECK(change["materiality"].get<double>() <= previous);  // most material first
    previous = change["materiality"];
  }

  RunResult analyzed = Stet("unused", {"analyze", r3, "--format", "json"});
  const nlohmann::json analysis = nlohmann::json::parse(analyzed.out);
  bool correction = false, two_days = false;
  for (const nlohmann::json& claim : analysis["claims"]) {
    correction = correction || claim["correction"] == true;
    for (const nlohmann::json& quantity : claim["quantities"]) {
      two_days = two_days || (quantity["value"] == 2 && quantity["unit"] == "day");
    }
  }
  CHECK(correction);
  CHECK(two_days);
}

TEST_CASE("claims: million, billion and trillion scale the value", "[claims]") {
  stet::test::ScratchDir dir;
  stet::test::WriteFile(dir / "a.txt",
                        "The fund holds $3.2 billion, 40 million euros and 2 trillion yen.\n");
  RunResult analyzed = Stet("unused", {"analyze", dir / "a.txt", "--format", "json"});
  REQUIRE(analyzed.exit_code == 0);
  const nlohmann::json claims = nlohmann::json::parse(analyzed.out)["claims"];
  REQUIRE(claims.size() == 1);
  const nlohmann::json& quantities = claims[0]["quantities"];
  REQUIRE(quantities.size() == 3);
  CHECK(quantities[0]["value"] == 3.2e9);
  CHECK(quantities[0]["unit"] == "$");
  CHECK(quantities[1]["value"] == 4e7);
  CHECK(quantities[2]["value"] == 2e12);
}

TEST_CASE("claims: a correction refers to the sentence sharing its content words", "[claims]") {
  // Two edited sentences; the notice shares more two-letter words ("us",
  // "to", "an") with the first, and a content word ("minister") with the
  // second. Two-letter words carry no content: the second is meant.
  const std::string before =
      "They told us to go to an inn. The minister spoke on Monday in Geneva.";
  const std::string after =
      "They told us to go to an inn at once. The minister spoke on Tuesday in Geneva.\n"
      "Correction: An earlier version of this article misstated when the minister spoke to "
      "us, or if it was in an inn.";
  const std::vector<ClaimChange> changes = ClaimChanges(before, after);
  const ClaimChange* correction = Find(changes, ClaimChangeKind::kCorrectionAdded);
  REQUIRE(correction != nullptr);
  CHECK(correction->refers_to == 1);
}

TEST_CASE("claims: synonyms, pronouns and a dateline re-word a claim without editing it",
          "[claims]") {
  CHECK(Described("Dunmere's only cinema will close in June.",
                  "Dunmere's only cinema will shut in June.")
            .empty());
  CHECK(Described("He was arrested near the harbour on Friday.",
                  "The teenager was arrested near the harbour on Friday.")
            .empty());
  CHECK(Described("Fairweather is the nation's chief statistician.",
                  "Fairweather is the country's chief statistician.")
            .empty());
  CHECK(Described("KELM — The council approved the budget.",
                  "KELM, Norway — The council approved the budget.")
            .empty());
  CHECK(
      Described("Correction: An earlier version of this article gave the wrong date for the vote.",
                "Correction, Oct. 2: A previous version of this article misstated the day of "
                "the vote.")
          .empty());
  CHECK(
      Described("The risks of the plan were well known.", "The risks of the plan were well-known.")
          .empty());
  CHECK(Described("The mayor announced that the festival would be free.",
                  "Mayor Sofia Marchetti announced that the festival would be free.")
            .empty());
  // One word added with nothing in its place is a detail.
  CHECK(Described("Construction of the tunnel begins in May.",
                  "Building work on the tunnel begins in May.")
            .empty());
  // The opposite event is an edit.
  CHECK(Described("Dunmere's only cinema will close in June.",
                  "Dunmere's only cinema will open in June.") ==
        std::vector<std::string>{"claim_edited [close] -> [open]"});
}

TEST_CASE("claims: names that only look new are no entity change", "[claims]") {
  CHECK(Described("The mayor opened the bridge.", "Mayor Sofia Marchetti opened the bridge.")
            .empty());
  CHECK(
      Described("The Harbour Workers' Union called a strike.", "The HWU called a strike.").empty());
  CHECK(Described("Marit Solvang chairs the board.", "Marit Sollvang chairs the board.").empty());
  CHECK(Described("Several towns, including Alder and Pike, flooded overnight.",
                  "Several towns flooded overnight.")
            .empty());
  // Another person in the same role is: one claim edit, the actor swapped.
  CHECK(Described("The case was heard by Judge Celia Amarante.",
                  "The case was heard by Judge Sunniva Aas.") ==
        std::vector<std::string>{
            "claim_edited [Judge Celia Amarante] -> [Judge Sunniva Aas] (Judge Celia Amarante -> "
            "Judge Sunniva Aas)"});
  // Also when the old name is still named elsewhere in the article.
  CHECK(Described("The bid was led by Seastar Energy and Corran Power.\nCorran Power has "
                  "built two farms.",
                  "The bid was led by Seastar Energy and Atlantis Wind.\nCorran Power has "
                  "built two farms.") ==
        std::vector<std::string>{
            "claim_edited [Corran Power] -> [Atlantis Wind] (Corran Power -> Atlantis Wind)"});
}

TEST_CASE("claims: a source named more fully is the same source and a date is a value",
          "[claims]") {
  CHECK(Described("Berg said the road would reopen.",
                  "Police Chief Tomas Berg said the road would reopen.")
            .empty());
  CHECK(Described("Police said the driver fled the scene.",
                  "Witnesses said the driver fled the scene.") ==
        std::vector<std::string>{"source_changed [Police said] -> [Witnesses said]"});
  CHECK(Described("The storm hit the coast on Sunday.", "The storm hit the coast on Saturday.") ==
        std::vector<std::string>{"number_changed [Sunday] -> [Saturday] (Sunday -> Saturday)"});
}

TEST_CASE("claims: an outcome made certain and its caller dropped, as the issue tells it",
          "[claims]") {
  const std::vector<std::string> outcome = Described(
      "Tomas Reyna was projected as the winner of the Calder mayoral race, with "
      "Channel 9 calling it at 9 p.m.",
      "Tomas Reyna won the Calder mayoral race.");
  CHECK(outcome.size() == 2);
  CHECK(Has(outcome, "source_changed [Channel 9 calling] -> []"));
  bool certainty_up = false;
  for (const std::string& line : outcome) {
    certainty_up =
        certainty_up || (line.starts_with("hedge_changed") && line.ends_with("(certainty up)"));
  }
  CHECK(certainty_up);
  CHECK(Described("Early returns showed Ines Barto leading in the race for mayor.",
                  "Ines Barto won the race for mayor.")
            .size() == 1);
}
