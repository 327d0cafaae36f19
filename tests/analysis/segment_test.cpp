#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "stet/segment.h"
#include "test_support.h"

namespace {

std::vector<std::string> SentencesOf(const std::string& text) {
  stet::Result<std::vector<stet::Span>> spans = stet::Sentences(text);
  REQUIRE(spans.ok());
  std::vector<std::string> out;
  for (const stet::Span& span : *spans)
    out.push_back(text.substr(span.start, span.end - span.start));
  return out;
}

using Sentences = std::vector<std::string>;

}  // namespace

TEST_CASE("news titles and initials do not end sentences", "[segment]") {
  CHECK(SentencesOf("Gen. Mark Milley spoke. Sen. Jim Risch agreed.") ==
        Sentences{"Gen. Mark Milley spoke.", "Sen. Jim Risch agreed."});
  CHECK(SentencesOf("Vice President J.D. Vance spoke on Jan. 5 in Munich. He left.") ==
        Sentences{"Vice President J.D. Vance spoke on Jan. 5 in Munich.", "He left."});
  CHECK(SentencesOf("Mr. Smith met Dr. Jones at St. Paul's.") ==
        Sentences{"Mr. Smith met Dr. Jones at St. Paul's."});
}

TEST_CASE("acronyms and times end a sentence only before a sentence opener", "[segment]") {
  CHECK(SentencesOf("The U.S. Senate voted. It passed.") ==
        Sentences{"The U.S. Senate voted.", "It passed."});
  CHECK(SentencesOf("I live in the U.S. How about you?") ==
        Sentences{"I live in the U.S.", "How about you?"});
  CHECK(SentencesOf("He left at 6 p.m. on Friday. She stayed.") ==
        Sentences{"He left at 6 p.m. on Friday.", "She stayed."});
  CHECK(SentencesOf("The vote is at 6 p.m. Monday in Brussels.") ==
        Sentences{"The vote is at 6 p.m. Monday in Brussels."});
  CHECK(SentencesOf("He left at 6 a.m. Travelers stayed.") ==
        Sentences{"He left at 6 a.m.", "Travelers stayed."});
  CHECK(SentencesOf("Acme Inc. said profits rose. Acme Corp. KG agreed.") ==
        Sentences{"Acme Inc. said profits rose.", "Acme Corp. KG agreed."});
  CHECK(SentencesOf("She works at Yahoo! in the newsroom.") ==
        Sentences{"She works at Yahoo! in the newsroom."});
  CHECK(SentencesOf("He left at 10 p.m. I'm staying.") ==
        Sentences{"He left at 10 p.m.", "I'm staying."});
  CHECK(SentencesOf("He left the bank at 6 P.M. Mr. Smith then went to the store.") ==
        Sentences{"He left the bank at 6 P.M.", "Mr. Smith then went to the store."});
}

TEST_CASE("decimals, quotes ending sentences and list markers", "[segment]") {
  CHECK(SentencesOf("Prices rose 3.5 percent. Wages did not.") ==
        Sentences{"Prices rose 3.5 percent.", "Wages did not."});
  CHECK(SentencesOf("\xE2\x80\x9CWe want peace,\xE2\x80\x9D he said. \xE2\x80\x9CNot at any "
                    "price.\xE2\x80\x9D") ==
        Sentences{"\xE2\x80\x9CWe want peace,\xE2\x80\x9D he said.",
                  "\xE2\x80\x9CNot at any price.\xE2\x80\x9D"});
  // A quotation over two sentences is split at its inner sentence end; the
  // attribution stays with the sentence the quotation closes in.
  CHECK(SentencesOf("“We want peace. We will not accept it,” he said. Then he left.") ==
        Sentences{"“We want peace.", "We will not accept it,” he said.", "Then he left."});
  CHECK(SentencesOf("1. The first item.") == Sentences{"1. The first item."});
  CHECK(SentencesOf("2.) The second item. It ends here.") ==
        Sentences{"2.) The second item.", "It ends here."});
}

TEST_CASE("sentences never cross paragraphs and offsets round-trip", "[segment]") {
  const std::string text = stet::test::ReadFile(stet::test::SamplePath("r2.txt"));
  stet::Result<std::vector<stet::Span>> spans = stet::Sentences(text);
  REQUIRE(spans.ok());
  const std::vector<stet::Span> paragraphs = stet::Paragraphs(text);
  // r2.txt is one paragraph a line: eight non-empty lines.
  std::size_t lines = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines += end > start;
    start = end + 1;
  }
  CHECK(lines == 8);
  REQUIRE(paragraphs.size() == lines);
  CHECK(spans->size() > paragraphs.size());
  // Round trip: the sentences, with the white space between them, give the
  // text back byte for byte; nothing is lost, doubled or reordered.
  auto blank = [](std::string_view gap) {
    return gap.find_first_not_of(" \n") == std::string_view::npos;
  };
  std::string rebuilt;
  std::size_t previous_end = 0, paragraph = 0;
  for (const stet::Span& span : *spans) {
    REQUIRE(span.start >= previous_end);
    REQUIRE(span.end > span.start);
    const std::string_view gap =
        std::string_view(text).substr(previous_end, span.start - previous_end);
    CHECK(blank(gap));
    rebuilt.append(gap);
    rebuilt.append(text, span.start, span.end - span.start);
    // Each sentence lies inside one paragraph, paragraphs taken in order.
    while (paragraph < paragraphs.size() && paragraphs[paragraph].end <= span.start) ++paragraph;
    REQUIRE(paragraph < paragraphs.size());
    CHECK(span.start >= paragraphs[paragraph].start);
    CHECK(span.end <= paragraphs[paragraph].end);
    const std::string sentence = text.substr(span.start, span.end - span.start);
    CHECK(sentence.front() != ' ');
    CHECK(sentence.back() != ' ');
    previous_end = span.end;
  }
  CHECK(blank(std::string_view(text).substr(previous_end)));
  rebuilt.append(text, previous_end);
  CHECK(rebuilt == text);
  // Every paragraph ends a sentence where it ends: a line of the sample
  // closes with a full stop or a closing quotation mark.
  for (const stet::Span& p : paragraphs) {
    bool ends = false;
    for (const stet::Span& span : *spans) ends = ends || span.end == p.end;
    CHECK(ends);
  }
  // Tokens round-trip too: inside a sentence only white space lies
  // between them.
  for (const stet::Span& span : *spans) {
    std::size_t at = span.start;
    for (const stet::Token& token : stet::Tokens(text, span)) {
      CHECK(blank(std::string_view(text).substr(at, token.span().start - at)));
      CHECK(token.span().end > token.span().start);
      at = token.span().end;
    }
    CHECK(at == span.end);
  }
  // The sample's Vance quote with "Defense Secretary Pete Hegseth" stays one sentence.
  CHECK(SentencesOf("In contrast, Defense Secretary Pete Hegseth, speaking in Brussels on "
                    "Wednesday, ruled out "
                    "the possibility of US ground forces entering the conflict zone.")
            .size() == 1);
}

TEST_CASE("a quote ending in a question or exclamation keeps its attribution", "[segment]") {
  CHECK(SentencesOf("“Will you stay?” she asked. He did.") ==
        Sentences{"“Will you stay?” she asked.", "He did."});
  CHECK(SentencesOf("'Well!' thought Alice to herself. Then she fell.") ==
        Sentences{"'Well!' thought Alice to herself.", "Then she fell."});
  CHECK(SentencesOf("He works at Yahoo! in the accounting department and at Y!J.") ==
        Sentences{"He works at Yahoo! in the accounting department and at Y!J."});
  CHECK(SentencesOf("What do you see? - Posted like sentinels, men stand.") ==
        Sentences{"What do you see?", "- Posted like sentinels, men stand."});
}

TEST_CASE("lists on one line are split at each next item", "[segment]") {
  CHECK(SentencesOf("1. The first item 2. The second item") ==
        Sentences{"1. The first item", "2. The second item"});
  CHECK(SentencesOf("Finally, this. a) here it is b) another c) one more") ==
        Sentences{"Finally, this.", "a) here it is", "b) another", "c) one more"});
  CHECK(SentencesOf("⁃9. The first item ⁃10. The second item") ==
        Sentences{"⁃9. The first item", "⁃10. The second item"});
  CHECK(SentencesOf("1.) The first item 2.) The second item 1.) First again 2.) Second again") ==
        Sentences{"1.) The first item", "2.) The second item", "1.) First again",
                  "2.) Second again"});
  CHECK(SentencesOf("As payment for 1. above, pay nothing and for 2. above, no fee.") ==
        Sentences{"As payment for 1. above, pay nothing and for 2. above, no fee."});
  // One marker alone, or an initial, makes no list.
  CHECK(SentencesOf("Ask A. Smith about B. Jones.") == Sentences{"Ask A. Smith about B. Jones."});
}

TEST_CASE("glued full stops footnotes and ellipses", "[segment]") {
  CHECK(
      SentencesOf("Hello world.Today is Tuesday.Mr. Smith bought 1,000.That is a lot.") ==
      Sentences{"Hello world.", "Today is Tuesday.", "Mr. Smith bought 1,000.", "That is a lot."});
  CHECK(SentencesOf("See www.testurl.Awesome.com now.") ==
        Sentences{"See www.testurl.Awesome.com now."});
  CHECK(SentencesOf("He was a martyr.[1] The emperor decreed it.[7][8] It held.") ==
        Sentences{"He was a martyr.[1]", "The emperor decreed it.[7][8]", "It held."});
  CHECK(SentencesOf("It leaves a gap in a consultation.11 12 Take the common cold.") ==
        Sentences{"It leaves a gap in a consultation.11 12", "Take the common cold."});
  CHECK(SentencesOf("\"Bohr used the analogy [...]\" (Smith 55). He agreed.") ==
        Sentences{"\"Bohr used the analogy [...]\" (Smith 55).", "He agreed."});
  CHECK(SentencesOf("You can find it at N\u00B0. 1026. That is where it is.") ==
        Sentences{"You can find it at N\u00B0. 1026.", "That is where it is."});
  CHECK(SentencesOf("the thing is . . . I didn't mean it.") ==
        Sentences{"the thing is . . . I didn't mean it."});
  CHECK(SentencesOf("It was weakened. . . . The practice was not abandoned.") ==
        Sentences{"It was weakened.", ". . . The practice was not abandoned."});
  CHECK(SentencesOf("This is e.g. Mr. Smith, who talks slowly... And this is another.") ==
        Sentences{"This is e.g. Mr. Smith, who talks slowly...", "And this is another."});
}

TEST_CASE("a line that wraps a sentence does not end it", "[segment]") {
  const std::string text = "It was a cold\nnight in the city. It rained.\nThe end came";
  CHECK(SentencesOf(text) ==
        Sentences{"It was a cold\nnight in the city.", "It rained.", "The end came"});
  CHECK(stet::Paragraphs(text).size() == 2);
  // A headline without a full stop followed by a capitalised paragraph stays apart.
  CHECK(SentencesOf("Vance warns Putin\nVice President JD Vance spoke.") ==
        Sentences{"Vance warns Putin", "Vice President JD Vance spoke."});
}

namespace {

// Every sentence and token of two segmentations, as comparable values.
std::vector<std::vector<std::uint64_t>> Flattened(const stet::SegmentedText& segmented) {
  std::vector<std::vector<std::uint64_t>> out;
  for (std::size_t s = 0; s < segmented.sentences.size(); ++s) {
    std::vector<std::uint64_t> row = {segmented.sentences[s].start, segmented.sentences[s].end,
                                      segmented.sentence_keys[s]};
    for (const stet::Token& token : segmented.tokens[s]) {
      row.insert(row.end(), {token.span().start, token.span().end, token.word() ? 1u : 0u});
    }
    out.push_back(std::move(row));
  }
  return out;
}

// `text` segmented beside `base`, with the base's segmentation gone by the
// time the result is read (the result keeps what it views).
stet::SegmentedText SegmentedBeside(const std::string& text, const std::string& base) {
  const stet::Result<stet::SegmentedText> base_segmented = stet::Segment(base);
  REQUIRE(base_segmented.ok());
  stet::Result<stet::SegmentedText> beside = stet::SegmentBeside(text, base, *base_segmented);
  REQUIRE(beside.ok());
  return std::move(*beside);
}

void CheckBesideEqualsAlone(const std::string& base, const std::string& text) {
  const stet::Result<stet::SegmentedText> alone = stet::Segment(text);
  REQUIRE(alone.ok());
  CHECK(Flattened(SegmentedBeside(text, base)) == Flattened(*alone));
  // Beside a base itself segmented beside another text: its shared
  // sentences view a third text's tokens, moved twice.
  const stet::SegmentedText base_beside = SegmentedBeside(base, text);
  const stet::Result<stet::SegmentedText> chained = stet::SegmentBeside(text, base, base_beside);
  REQUIRE(chained.ok());
  CHECK(Flattened(*chained) == Flattened(*alone));
}

}  // namespace

TEST_CASE("a revision segmented beside the one before equals its own segmentation", "[segment]") {
  SECTION("the sample's revisions, each beside each") {
    const std::vector<std::string> revisions = {
        stet::test::ReadFile(stet::test::SamplePath("r1.txt")),
        stet::test::ReadFile(stet::test::SamplePath("r2.txt")),
        stet::test::ReadFile(stet::test::SamplePath("r3.txt"))};
    for (const std::string& base : revisions) {
      for (const std::string& text : revisions) CheckBesideEqualsAlone(base, text);
    }
  }
  SECTION("paragraphs moved up and down, repeated, wrapped and edited") {
    const std::string base =
        "Gen. Smith spoke first. He said \"no\" twice.\n\n"
        "The U.S. Senate met at 6 p.m. Monday. It voted 51-49.\n"
        "A line that wraps\nits sentence ends here.\n\n"
        "Repeated line.\n\nRepeated line.\n\n"
        "Last one.\n";
    const std::string text =
        "Last one.\n\n"
        "A new lead. With two sentences!\n\n"
        "Repeated line.\n\n"
        "The U.S. Senate met at 6 p.m. Monday. It voted 51-49.\n"
        "A line that wraps\nits sentence ends here.\n\n"
        "Gen. Smith spoke first. He said \"no\" three times.\n\n"
        "Repeated line.\n";
    CheckBesideEqualsAlone(base, text);
    CheckBesideEqualsAlone(text, base);
    CheckBesideEqualsAlone(base, base);
    CheckBesideEqualsAlone("", text);
  }
}

TEST_CASE("a token is eight bytes and a sentence's key reads its tokens' matching forms",
          "[segment]") {
  // Every token of both revisions is held for a whole comparison: at 300k
  // words a byte more per token is 0.7 MB more.
  STATIC_REQUIRE(sizeof(stet::Token) == 8);
  const std::string text =
      "She said: \"don't go.\"\n"  // straight marks
      "She said: “don’t go.”\n"    // curly marks: the same matching forms
      "She said: “don’t stay.”\n"  // a word changed
      "She said: “don’t go.”\n";   // a paragraph again
  stet::Result<stet::SegmentedText> segmented = stet::Segment(text);
  REQUIRE(segmented.ok());
  REQUIRE(segmented->sentences.size() == 4);
  REQUIRE(segmented->sentence_keys.size() == 4);
  const std::vector<std::uint64_t>& keys = segmented->sentence_keys;
  CHECK(keys[0] == keys[1]);
  CHECK(keys[1] != keys[2]);
  CHECK(keys[1] == keys[3]);
  // Token by token, the keys TokenKey makes from the bytes agree.
  for (std::size_t k = 0; k < segmented->tokens[0].size(); ++k) {
    CHECK(stet::TokenKey(text, segmented->tokens[0][k]) ==
          stet::TokenKey(text, segmented->tokens[1][k]));
  }
  CHECK(stet::TokenKey(text, segmented->tokens[1][5]) !=
        stet::TokenKey(text, segmented->tokens[2][5]));
}

TEST_CASE("a segmented text's tokens are Tokens() of each sentence, however long it is",
          "[segment]") {
  // A sentence's tokens are kept in four bytes each, offsets from its first
  // token: a sentence of 64 KiB or more, or a token of 32 KiB or more,
  // keeps them whole instead, and both read back the same.
  STATIC_REQUIRE(sizeof(stet::PackedToken) == 4);
  std::string long_sentence = "It began";
  while (long_sentence.size() < 70'000) long_sentence += " and went on, 3.5 times";
  long_sentence += ".";
  const std::string longest_packed(32'767, 'a');  // the longest token that packs
  const std::string too_long(32'768, 'b');
  const std::string far_start = std::string(65'530, '-') + " word ok";  // 65,531 and on
  const std::string base = "A short one. Then " + longest_packed + " ends.\n\n" + long_sentence +
                           "\n\n" + "It is " + too_long + " here.\n\n" + far_start + ".\n";
  const stet::Result<stet::SegmentedText> segmented = stet::Segment(base);
  REQUIRE(segmented.ok());
  REQUIRE(segmented->sentences.size() >= 5);
  for (std::size_t s = 0; s < segmented->sentences.size(); ++s) {
    const std::vector<stet::Token> expected = stet::Tokens(base, segmented->sentences[s]);
    const stet::TokenRange kept = segmented->tokens[s];
    REQUIRE(kept.size() == expected.size());
    for (std::size_t k = 0; k < expected.size(); ++k) {
      CHECK(kept[k].span().start == expected[k].span().start);
      CHECK(kept[k].span().end == expected[k].span().end);
      CHECK(kept[k].word() == expected[k].word());
    }
  }
  // The same paragraphs moved, as a later revision views them.
  const std::string text = "A new lead.\n\n" + far_start + ".\n\nIt is " + too_long + " here.\n\n" +
                           long_sentence + "\n";
  CheckBesideEqualsAlone(base, text);
  CheckBesideEqualsAlone(text, base);
}

TEST_CASE("a revision keeps only the tokens of the paragraphs it changed", "[segment]") {
  const std::string base =
      "Officials said 40 people were hurt.\n\n"
      "The mayor spoke on Monday. She said \"we will rebuild\".\n\n"
      "Roads stay closed.\n";
  const std::string text =
      "The mayor spoke on Monday. She said \"we will rebuild\".\n\n"
      "Officials said 41 people were hurt.\n\n"
      "Roads stay closed.\n";
  const stet::Result<stet::SegmentedText> alone = stet::Segment(text);
  REQUIRE(alone.ok());
  const stet::SegmentedText beside = SegmentedBeside(text, base);
  REQUIRE(Flattened(beside) == Flattened(*alone));
  std::size_t all = 0;
  for (std::size_t s = 0; s < alone->sentences.size(); ++s) all += alone->tokens[s].size();
  CHECK(alone->tokens.OwnTokenCount() == all);
  // The one changed paragraph, "Officials said 41 people were hurt.", is
  // 7 tokens; the other two paragraphs view the base's.
  CHECK(beside.tokens.OwnTokenCount() == 7);

  SECTION("a copy given more sentences leaves the original and its ranges as they were") {
    stet::SentenceTokens copy = alone->tokens;
    const stet::TokenRange first = alone->tokens[0];
    const std::vector<stet::Token> before(first.begin(), first.end());
    for (int k = 0; k < 100; ++k) copy.Append(before);
    CHECK(copy.size() == alone->tokens.size() + 100);
    CHECK(alone->tokens.size() == alone->sentences.size());
    CHECK(alone->tokens.OwnTokenCount() == all);
    CHECK(std::vector<stet::Token>(first.begin(), first.end()).size() == before.size());
    for (std::size_t k = 0; k < before.size(); ++k) {
      CHECK(first[k].span().start == before[k].span().start);
      CHECK(copy[copy.size() - 1][k].span().end == before[k].span().end);
    }
  }
}
