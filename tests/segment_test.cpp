#include <catch2/catch.hpp>

#include <string>
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
  CHECK(SentencesOf("1. The first item.") == Sentences{"1. The first item."});
  CHECK(SentencesOf("2.) The second item. It ends here.") ==
        Sentences{"2.) The second item.", "It ends here."});
}

TEST_CASE("sentences never cross paragraphs and offsets round-trip", "[segment]") {
  const std::string text = stet::test::ReadFile(stet::test::SamplePath("r2.txt"));
  stet::Result<std::vector<stet::Span>> spans = stet::Sentences(text);
  REQUIRE(spans.ok());
  const std::vector<stet::Span> paragraphs = stet::Paragraphs(text);
  CHECK(paragraphs.size() == 8);
  CHECK(spans->size() > paragraphs.size());
  std::size_t previous_end = 0;
  for (const stet::Span& span : *spans) {
    CHECK(span.start >= previous_end);
    CHECK(span.end > span.start);
    const std::string sentence = text.substr(span.start, span.end - span.start);
    CHECK(sentence.find('\n') == std::string::npos);
    CHECK(sentence.front() != ' ');
    CHECK(sentence.back() != ' ');
    previous_end = span.end;
  }
  // The sample's Vance quote with "Defense Secretary Pete Hegseth" stays one sentence.
  CHECK(SentencesOf("In contrast, Defense Secretary Pete Hegseth, speaking in Brussels on "
                    "Wednesday, ruled out "
                    "the possibility of US ground forces entering the conflict zone.")
            .size() == 1);
}
