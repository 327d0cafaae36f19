// Quotes: extraction, attribution and changes between revisions, on the
// sample article (against its hand labels) and on short texts for each
// pattern.
#include <catch2/catch.hpp>

#include <cctype>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "analysis/quote_spans.h"
#include "analysis/reporting_verbs.h"
#include "stet/quotes.h"
#include "test_support.h"

namespace {

using stet::Quote;
using stet::QuoteChangeKind;
using stet::test::ReadFile;
using stet::test::RunResult;
using stet::test::SamplePath;
using stet::test::Stet;

std::vector<Quote> QuotesOf(const std::string& text) {
  auto quotes = stet::FindQuotes(text);
  REQUIRE(quotes.ok());
  return std::move(*quotes);
}

std::vector<Quote> SpeechOf(const std::string& text) {
  std::vector<Quote> speech;
  for (Quote& quote : QuotesOf(text)) {
    if (quote.speech) speech.push_back(std::move(quote));
  }
  return speech;
}

// The last word of a name: the sample's labels give Trump as "Donald Trump",
// a first name the article never prints.
std::string Surname(const std::string& name) {
  const std::size_t space = name.rfind(' ');
  return space == std::string::npos ? name : name.substr(space + 1);
}

// Whether `text` holds `fragment`, ignoring case ("[W]e want" holds "we want").
bool Holds(const std::string& text, const std::string& fragment) {
  auto lower = [](std::string value) {
    for (char& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return value;
  };
  const std::string folded = lower(text);
  const std::string wanted = lower(fragment);
  if (folded.find(wanted) != std::string::npos) return true;
  // The labels name a quote by its words; "[W]e" is an editor's bracket.
  std::string unbracketed;
  for (char c : folded) {
    if (c != '[' && c != ']') unbracketed += c;
  }
  return unbracketed.find(wanted) != std::string::npos;
}

const nlohmann::json* FindQuote(const nlohmann::json& quotes, const std::string& fragment) {
  for (const nlohmann::json& quote : quotes) {
    if (Holds(quote["text"], fragment)) return &quote;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("quotes: every labelled quote of the sample's r2 with its speaker", "[quotes]") {
  const nlohmann::json expected = nlohmann::json::parse(ReadFile(SamplePath("expected.json")));
  RunResult analyzed = Stet("unused", {"analyze", SamplePath("r2.txt"), "--format", "json"});
  REQUIRE(analyzed.exit_code == 0);
  const nlohmann::json quotes = nlohmann::json::parse(analyzed.out)["quotes"];
  const std::string r2 = ReadFile(SamplePath("r2.txt"));
  std::size_t speech = 0;
  for (const nlohmann::json& quote : quotes) {
    // Offsets round-trip: the first part's bytes start the quote's text.
    const std::size_t start = quote["start"];
    const nlohmann::json& first = quote["parts"][0];
    CHECK(quote["text"].get<std::string>().rfind(
              r2.substr(start, first["end"].get<std::size_t>() - start), 0) == 0);
    if (quote["speech"] == true) ++speech;
  }
  for (const nlohmann::json& label : expected["quotes_in"]["r2"]) {
    const std::string fragment = label["fragment"];
    INFO(fragment);
    const nlohmann::json* quote = FindQuote(quotes, fragment);
    REQUIRE(quote != nullptr);
    CHECK((*quote)["speech"] == true);
    REQUIRE((*quote)["speaker"].is_string());
    const std::string speaker = (*quote)["speaker"];
    const std::string wanted = label["speaker"];
    CHECK((speaker == wanted || Surname(speaker) == Surname(wanted)));
    CHECK((*quote)["partial"] == label.value("partial", false));
  }
  CHECK(speech == expected["quotes_in"]["r2"].size());  // nothing else taken for speech
}

TEST_CASE("quotes: the sample's quote changes are exactly the labelled ones", "[quotes]") {
  const nlohmann::json expected = nlohmann::json::parse(ReadFile(SamplePath("expected.json")));
  for (const auto& [from, to] : {std::pair{"r1", "r2"}, std::pair{"r2", "r3"}}) {
    const std::string key = std::string(from) + "->" + to;
    const nlohmann::json out = stet::test::SampleDiff(from, to);
    REQUIRE(!out.is_null());
    std::vector<nlohmann::json> quote_changes;
    for (const nlohmann::json& change : out["changes"]) {
      if (change["kind"].get<std::string>().rfind("quote_", 0) == 0)
        quote_changes.push_back(change);
    }
    const nlohmann::json& labels = expected["changes"][key]["quotes"];
    CHECK(quote_changes.size() == labels.size());  // no other quote change
    for (const nlohmann::json& label : labels) {
      const std::string fragment = label["fragment"];
      INFO(key << ": " << fragment);
      // The change whose quote holds the fragment; of several, the one with
      // the shortest quote ("on the table" is also inside a long quote).
      const nlohmann::json* match = nullptr;
      std::size_t match_length = SIZE_MAX;
      for (const nlohmann::json& change : quote_changes) {
        for (const char* side : {"before", "after"}) {
          if (!change[side].is_string() || !Holds(change[side], fragment)) continue;
          const std::size_t length = change[side].get<std::string>().size();
          if (length < match_length) match = &change, match_length = length;
        }
      }
      REQUIRE(match != nullptr);
      CHECK((*match)["kind"] == label["kind"]);
      if (label.contains("speaker")) {
        CHECK(Surname((*match)["speaker"]) == Surname(label["speaker"]));
      }
      if (label.contains("before_speaker")) {
        CHECK((*match)["before_speaker"] == label["before_speaker"]);
        CHECK((*match)["after_speaker"] == label["after_speaker"]);
      }
      if (label.value("minor", false)) CHECK((*match)["minor"] == true);
      if (label["kind"] == "quote_edited" && !label.value("minor", false)) {
        CHECK((*match)["minor"] == false);
      }
    }
    CHECK(out["summary"]["quotes_unchanged"] ==
          expected["changes"][key]["unchanged_quotes"].size());
  }
}

TEST_CASE("quotes: found without their text, they compare as with it", "[quotes]") {
  // AnalyzeDiff finds and pairs quotes without copying their words
  // (QuoteOptions::text) and fills `text` after: the same quotes, the same
  // changes.
  const std::string r1 = ReadFile(SamplePath("r1.txt"));
  const std::string r3 = ReadFile(SamplePath("r3.txt"));
  const stet::Result<std::vector<stet::Quote>> before = stet::FindQuotes(r1);
  const stet::Result<std::vector<stet::Quote>> after = stet::FindQuotes(r3);
  const stet::Result<std::vector<stet::Quote>> bare_before =
      stet::FindQuotes(r1, stet::QuoteOptions{.text = false});
  const stet::Result<std::vector<stet::Quote>> bare_after =
      stet::FindQuotes(r3, stet::QuoteOptions{.text = false});
  REQUIRE((before.ok() && after.ok() && bare_before.ok() && bare_after.ok()));
  REQUIRE(bare_before->size() == before->size());
  REQUIRE(bare_after->size() == after->size());
  for (std::size_t k = 0; k < before->size(); ++k) {
    CHECK((*bare_before)[k].text.empty());
    CHECK(stet::QuoteText(r1, (*bare_before)[k]) == (*before)[k].text);
    CHECK((*bare_before)[k].speaker == (*before)[k].speaker);
    CHECK((*bare_before)[k].partial == (*before)[k].partial);
    CHECK((*bare_before)[k].speech == (*before)[k].speech);
  }
  const stet::QuoteComparison with_text = stet::CompareQuotes(*before, *after);
  const stet::QuoteComparison from_texts = stet::CompareQuotes(r1, *bare_before, r3, *bare_after);
  REQUIRE(!with_text.changes.empty());
  CHECK(from_texts.unchanged == with_text.unchanged);
  REQUIRE(from_texts.changes.size() == with_text.changes.size());
  for (std::size_t k = 0; k < with_text.changes.size(); ++k) {
    CHECK(from_texts.changes[k].kind == with_text.changes[k].kind);
    CHECK(from_texts.changes[k].before == with_text.changes[k].before);
    CHECK(from_texts.changes[k].after == with_text.changes[k].after);
    CHECK(from_texts.changes[k].minor == with_text.changes[k].minor);
    CHECK(from_texts.changes[k].detail == with_text.changes[k].detail);
  }
}

TEST_CASE("quotes: said-before, said-after, inverted and apposition cues", "[quotes]") {
  auto one = [](const std::string& text) {
    const std::vector<Quote> quotes = SpeechOf(text);
    REQUIRE(quotes.size() == 1);
    return quotes[0];
  };
  Quote quote = one("Defense Secretary Pete Hegseth said, “Europe must lead.”");
  CHECK(quote.speaker == "Pete Hegseth");
  CHECK(quote.role == "Defense Secretary");
  CHECK(quote.cue == "said");
  CHECK(quote.text == "Europe must lead.");
  quote = one("“Europe must lead,” said Sen. Jim Risch.");
  CHECK(quote.speaker == "Jim Risch");
  CHECK(quote.role == "Sen.");
  quote = one("“It is over,” Vance, the vice president, told reporters.");
  CHECK(quote.speaker == "Vance");
  CHECK(quote.cue == "told");
  quote = one("The plan is “dead on arrival,” according to the Wall Street Journal.");
  CHECK(quote.speaker == "Wall Street Journal");
  CHECK(quote.cue == "according to");
  CHECK(quote.partial);
}

TEST_CASE("quotes: short forms join the full name and pronouns the right person", "[quotes]") {
  const std::vector<Quote> quotes = SpeechOf(
      "Secretary of State Marco Rubio met Ukrainian President Volodymyr Zelensky.\n"
      "“We will not stop,” Rubio said.\n"
      "Zelensky, speaking on Saturday, pushed back. “We cannot accept it,” he said.\n"
      "“Nothing about Ukraine without Ukraine,” he added.");
  REQUIRE(quotes.size() == 3);
  CHECK(quotes[0].speaker == "Marco Rubio");
  CHECK(quotes[0].mention == "Rubio");
  CHECK(quotes[1].speaker == "Volodymyr Zelensky");
  CHECK(quotes[1].mention == "he");
  // A pronoun resolves through the previous quote's speaker.
  CHECK(quotes[2].speaker == "Volodymyr Zelensky");
}

TEST_CASE("quotes: he, she and they are pronouns, an unnamed they is nobody", "[quotes]") {
  for (const char* pronoun : {"he", "she"}) {
    INFO(pronoun);
    const std::vector<Quote> quotes = SpeechOf(std::string("“We will rebuild the bridge,” Mayor "
                                                           "Anna Berg said. “The work starts in "
                                                           "May,” ") +
                                               pronoun + " added.");
    REQUIRE(quotes.size() == 2);
    CHECK(quotes[1].mention == pronoun);
    CHECK(quotes[1].speaker == "Anna Berg");
  }
  // "they" after one named person: a pronoun that names no one here.
  const std::vector<Quote> quotes = SpeechOf(
      "“We will rebuild the bridge,” Tom Hale said. “The work starts in May,” they added.");
  REQUIRE(quotes.size() == 2);
  CHECK(quotes[1].mention == "they");
  CHECK(quotes[1].speaker.empty());
}

TEST_CASE("quotes: a paragraph without quotes ends the quote before it", "[quotes]") {
  // A quote left open at a paragraph's end continues in the next paragraph
  // only if that paragraph opens with a quotation mark; one with no quote
  // at all in between breaks the chain.
  const std::vector<Quote> quotes = QuotesOf(
      "“We will rebuild the bridge,” Berg said.\n\nThe council met on Monday.\n\n"
      "“The work starts in May,” the mayor added.");
  REQUIRE(quotes.size() == 2);
  CHECK(quotes[0].text == "We will rebuild the bridge,");
  CHECK(quotes[1].text == "The work starts in May,");
}

TEST_CASE("quotes: a comma-bounded aside that names no one is not the speaker", "[quotes]") {
  const std::vector<Quote> quotes =
      SpeechOf("“We will appeal the ruling,” the company, however, said.");
  REQUIRE(quotes.size() == 1);
  // The organisation before the aside is.
  CHECK(quotes[0].speaker == "the company");
  CHECK(quotes[0].speaker_kind == stet::SpeakerKind::kOrganisation);
  CHECK(quotes[0].role.empty());
}

TEST_CASE("quotes: a pronoun right after a re-attribution follows the new speaker, reported once",
          "[quotes]") {
  const std::string before =
      "Vice President JD Vance and Secretary of State Marco Rubio spoke.\n"
      "“The president is not going in with blinders on,” Vance said. “He wants a deal,” he "
      "added.";
  const std::string after =
      "Vice President JD Vance and Secretary of State Marco Rubio spoke.\n"
      "“The president is not going in with blinders on,” Rubio said. “He wants a deal,” he "
      "added.";
  const std::vector<Quote> old_quotes = SpeechOf(before), new_quotes = SpeechOf(after);
  REQUIRE(new_quotes.size() == 2);
  CHECK(new_quotes[1].speaker == "Marco Rubio");
  // One correction, reported once: the quote named at its cue is
  // re-attributed; "he added" only follows it.
  const stet::QuoteComparison changes = stet::CompareQuotes(old_quotes, new_quotes);
  REQUIRE(changes.changes.size() == 1);
  CHECK(changes.changes[0].kind == QuoteChangeKind::kReattributed);
  CHECK(changes.changes[0].after == 0);
}

TEST_CASE("quotes: two speakers in one paragraph", "[quotes]") {
  const std::vector<Quote> quotes = SpeechOf(
      "“We are ready,” said Defense Secretary Pete Hegseth, while Russian President Vladimir "
      "Putin told reporters, “We are not.”");
  REQUIRE(quotes.size() == 2);
  CHECK(quotes[0].speaker == "Pete Hegseth");
  CHECK(quotes[1].speaker == "Vladimir Putin");
}

TEST_CASE("quotes: nested single quotes and apostrophes stay inside", "[quotes]") {
  const std::vector<Quote> quotes = SpeechOf(
      "Vance stated, “He’s going to say, ‘Everything is on the table, let’s make a deal.’” "
      "Then he left.");
  REQUIRE(quotes.size() == 1);
  CHECK(quotes[0].text == "He’s going to say, ‘Everything is on the table, let’s make a deal.’");
  CHECK(quotes[0].speaker == "Vance");
  // Straight quotes with an apostrophe inside.
  const std::vector<Quote> straight = SpeechOf("\"We don't negotiate,\" he said of Hamas.");
  REQUIRE(straight.size() == 1);
  CHECK(straight[0].text == "We don't negotiate,");
  CHECK(straight[0].mention == "he");
  CHECK(straight[0].speaker.empty());  // nobody named before: unknown, not a guess
}

TEST_CASE("quotes: a quote split by its attribution is one quote", "[quotes]") {
  const std::vector<Quote> quotes =
      SpeechOf("Zelensky spoke. “We want peace,” he said, “but not at any price.”");
  REQUIRE(quotes.size() == 1);
  CHECK(quotes[0].parts.size() == 2);
  CHECK(quotes[0].text == "We want peace, but not at any price.");
  CHECK(quotes[0].speaker == "Zelensky");
  CHECK(quotes[0].cue == "said");
}

TEST_CASE("quotes: a quote over several paragraphs and an uncued continuation", "[quotes]") {
  const std::vector<Quote> quotes = SpeechOf(
      "Defense Secretary Pete Hegseth said: “Europe must carry the burden.\n"
      "“The United States will not be the backstop.”\n"
      "“Every ally has to pay its share.”\n"
      "Analysts were unconvinced.");
  REQUIRE(quotes.size() == 2);
  CHECK(quotes[0].parts.size() == 2);  // no closing mark at the first paragraph's end
  CHECK(quotes[0].speaker == "Pete Hegseth");
  CHECK(quotes[1].text == "Every ally has to pay its share.");
  CHECK(quotes[1].speaker == "Pete Hegseth");  // a quoted paragraph without a cue
}

TEST_CASE("quotes: scare quotes and titles are not speech", "[quotes]") {
  const std::vector<Quote> quotes = QuotesOf(
      "The plan is a “peace deal” in name only. He read “War and Peace” twice. "
      "Burton thinks that cats are \"cuties\".");
  REQUIRE(quotes.size() == 3);
  for (const Quote& quote : quotes) {
    INFO(quote.text);
    CHECK_FALSE(quote.speech);
  }
  // And they take no part in quote changes.
  const std::vector<Quote> changed =
      QuotesOf("The plan is a “truce” in name only. He read “Anna Karenina” twice.");
  CHECK(stet::CompareQuotes(quotes, changed).changes.empty());
  // Words someone is said to use are theirs, however short: "called" names
  // its object with them.
  const std::vector<Quote> called =
      QuotesOf("Critics called the plan a “peace deal” in name only.");
  REQUIRE(called.size() == 1);
  CHECK(called[0].speech);
  CHECK(called[0].speaker == "Critics");
  CHECK(called[0].speaker_kind == stet::SpeakerKind::kRole);
}

TEST_CASE("quote changes: minor, extended, truncated, reworded, added and removed", "[quotes]") {
  const std::string base = "Vance said, “There are economic tools of leverage.”\n";
  auto compare = [&](const std::string& before, const std::string& after) {
    return stet::CompareQuotes(SpeechOf(before), SpeechOf(after));
  };
  auto minor = compare(base, "Vance said, “There are, economic tools of leverage!”\n");
  REQUIRE(minor.changes.size() == 1);
  CHECK(minor.changes[0].kind == QuoteChangeKind::kEdited);
  CHECK(minor.changes[0].minor);
  auto extended =
      compare(base, "Vance said, “There are economic tools of leverage, and military ones.”\n");
  REQUIRE(extended.changes.size() == 1);
  CHECK(extended.changes[0].detail == "extended");
  CHECK_FALSE(extended.changes[0].minor);
  auto truncated = compare(base, "Vance said, “There are economic tools.”\n");
  REQUIRE(truncated.changes.size() == 1);
  CHECK(truncated.changes[0].detail == "truncated");
  auto reworded = compare(base, "Vance said, “There are economic levers of pressure.”\n");
  REQUIRE(reworded.changes.size() == 1);
  CHECK(reworded.changes[0].detail == "reworded");
  auto swapped = compare(base, "Vance said, “We will never negotiate with them.”\n");
  REQUIRE(swapped.changes.size() == 2);
  CHECK(swapped.changes[0].kind == QuoteChangeKind::kRemoved);
  CHECK(swapped.changes[1].kind == QuoteChangeKind::kAdded);
  auto same = compare(base, "Vance said, \"There are economic tools of leverage.\"\n");
  CHECK(same.changes.empty());  // quote style is no change
  CHECK(same.unchanged == 1);
  // Nor is the style of an apostrophe or a dash, or spacing; an apostrophe
  // turned into a word break is.
  const std::string curly = "Vance said, “We don’t have tools — not yet.”\n";
  auto apostrophe = compare(curly, "Vance said, “We don't  have tools - not yet.”\n");
  CHECK(apostrophe.changes.empty());
  CHECK(apostrophe.unchanged == 1);
  auto split = compare(curly, "Vance said, “We don t have tools - not yet.”\n");
  REQUIRE(split.changes.size() == 1);
  CHECK(split.changes[0].detail == "reworded");
}

TEST_CASE("quotes: stet quotes, its history and the QUOTES section of stet diff", "[quotes][cli]") {
  stet::test::ScratchDir dir;
  const std::string archive = dir / "archive";
  const std::string url = "https://news.example.com/world/vance-ukraine";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  REQUIRE(stet::test::AddSampleRevisions(archive, url, "Vance"));
  RunResult listed = Stet(archive, {"quotes", url + "@2", "--format", "json"});
  REQUIRE(listed.exit_code == 0);
  const nlohmann::json revision = nlohmann::json::parse(listed.out);
  CHECK(revision["number"] == 2);
  // As many quotes as the sample's labels list for r2 (nine); which quotes
  // and their speakers: "every labelled quote of the sample's r2" above.
  const nlohmann::json labels = nlohmann::json::parse(
      stet::test::ReadFile(stet::test::SamplePath("expected.json")))["quotes_in"]["r2"];
  CHECK(revision["quotes"].size() == labels.size());
  RunResult text = Stet(archive, {"quotes", url});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("Marco Rubio") != std::string::npos);  // revision 3 re-attributes

  // The re-attributed quote through every revision.
  RunResult history =
      Stet(archive, {"quotes", url, "--history", "not going to go in this", "--format", "json"});
  REQUIRE(history.exit_code == 0);
  const nlohmann::json revisions = nlohmann::json::parse(history.out);
  REQUIRE(revisions.size() == 3);
  CHECK(revisions[0]["quotes"].empty());  // not yet in revision 1
  REQUIRE(revisions[1]["quotes"].size() == 1);
  CHECK(revisions[1]["quotes"][0]["speaker"] == "JD Vance");
  REQUIRE(revisions[2]["quotes"].size() == 1);
  CHECK(revisions[2]["quotes"][0]["speaker"] == "Marco Rubio");
  RunResult missing = Stet(archive, {"quotes", url, "--history", "never said anywhere"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.rfind("stet: quotes " + url + ": no quote holds", 0) == 0);

  // stet diff lists quote changes before the text edits.
  RunResult diff = Stet(archive, {"diff", url});
  REQUIRE(diff.exit_code == 0);
  const std::size_t quotes_at = diff.out.find("QUOTES  5 changed, 5 unchanged");
  REQUIRE(quotes_at != std::string::npos);
  CHECK(quotes_at < diff.out.find("TEXT  "));
  CHECK(diff.out.find("re-attributed") != std::string::npos);
  // Most material first: the re-attribution before the punctuation edit.
  CHECK(diff.out.find("re-attributed") < diff.out.find("edited, minor"));
  CHECK(diff.out.find("JD Vance -> Marco Rubio") != std::string::npos);
  CHECK(diff.out.find("\u201C[-on-]{+off+} the table\u201D    JD Vance") != std::string::npos);
}

TEST_CASE("quotes: a pronoun resolved anew by an edit above it is no re-attribution", "[quotes]") {
  const std::vector<Quote> before = QuotesOf(
      "Pete Hegseth flew to Brussels on Wednesday while JD Vance stayed in Washington. "
      "“We will not send troops,” he said.");
  const std::vector<Quote> after = QuotesOf(
      "JD Vance stayed in Washington on Wednesday while Pete Hegseth flew to Brussels. "
      "“We will not send troops,” he said.");
  REQUIRE(before.size() == 1);
  REQUIRE(after.size() == 1);
  REQUIRE(before[0].speaker != after[0].speaker);  // "he" follows the sentence above
  CHECK(before[0].attributed_by == stet::AttributedBy::kPronoun);
  CHECK(stet::CompareQuotes(before, after).changes.empty());
  // A speaker named at the quote who changes is a re-attribution.
  const std::vector<Quote> named = QuotesOf(
      "JD Vance stayed in Washington on Wednesday while Pete Hegseth flew to Brussels. "
      "“We will not send troops,” Vance said.");
  const stet::QuoteComparison renamed = stet::CompareQuotes(before, named);
  REQUIRE(renamed.changes.size() == 1);
  CHECK(renamed.changes[0].kind == QuoteChangeKind::kReattributed);
}

TEST_CASE("quotes: the reporting-verb lexicon has every form of its verbs", "[quotes]") {
  std::set<std::string> forms;
  for (const stet::attribution::VerbFormEntry& entry : stet::attribution::ReportingVerbForms()) {
    forms.insert(entry.word);
  }
  for (const char* form :
       {"answered", "answers",  "answering", "admitted", "admitting", "replied",  "replies",
        "labeled",  "labelled", "dubbed",    "said",     "says",      "saying",   "written",
        "wrote",    "pleaded",  "argued",    "arguing",  "cried",     "testifies"}) {
    INFO(form);
    CHECK(forms.count(form) == 1);
  }
  for (const char* wrong : {"sayed", "admited", "replyed", "writed", "arguing s"}) {
    INFO(wrong);
    CHECK(forms.count(wrong) == 0);
  }
}
