// The words of each sentence as attribution reads them: quotations stand
// as their marks, and words let go are made again the same.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "analysis/sentence_words.h"
#include "stet/segment.h"

namespace {

using stet::attribution::Word;

std::vector<std::string> Texts(const std::vector<Word>& words) {
  std::vector<std::string> texts;
  for (const Word& word : words)
    texts.emplace_back(word.quoted ? "[" + std::string(word.text) + "]" : word.text);
  return texts;
}

}  // namespace

TEST_CASE("A sentence's words stand a quotation as its two marks", "[quotes]") {
  const std::string text = "Smith said \u201Cwe will win\u201D on Tuesday.";
  auto segmented = stet::Segment(text);
  REQUIRE(segmented.ok());
  const std::size_t open = text.find("\u201C");
  const std::size_t close = text.find("\u201D") + 3;
  const std::vector<stet::Span> quoted{{open, close}};
  stet::SentenceWords words(text, *segmented, quoted);
  CHECK(Texts(words.Of(0)) ==
        std::vector<std::string>{"Smith", "said", "[\u201C]", "[\u201D]", "on", "Tuesday", "."});
  // Each word keeps its lower-case form (ASCII letters lowered).
  CHECK(words.Of(0)[0].lower == "smith");
  CHECK(words.Of(0)[5].lower == "tuesday");
  CHECK(words.Of(0)[1].lower == "said");
}

TEST_CASE("Sentence words let go are made again the same", "[quotes]") {
  std::string text;
  for (int i = 0; i < 12; ++i) text += "Sentence " + std::to_string(i) + " names Jane Doe. ";
  auto segmented = stet::Segment(text);
  REQUIRE(segmented.ok());
  REQUIRE(segmented->sentences.size() == 12);
  const std::vector<stet::Span> quoted;
  stet::SentenceWords words(text, *segmented, quoted);
  std::vector<const std::vector<Word>*> made;
  std::vector<std::vector<std::string>> first;
  for (std::size_t s = 0; s < 12; ++s) {
    made.push_back(&words.Of(s));
    first.push_back(Texts(*made.back()));
    REQUIRE(first.back().size() == 6);
  }
  // More than eight sentences behind the eleventh: the first two go (the
  // place each was kept in is emptied), the eight before it stay.
  words.ForgetBefore(10);
  CHECK(made[0]->empty());
  CHECK(made[1]->empty());
  for (std::size_t s = 2; s < 12; ++s) CHECK(Texts(*made[s]) == first[s]);
  words.Forget(5);
  CHECK(made[5]->empty());
  // Asked for again, they are made again, the same.
  for (std::size_t s : {0, 1, 5}) CHECK(Texts(words.Of(s)) == first[s]);
  // What was let go is not let go twice: asked for again after the
  // reader moved on, it stays.
  words.ForgetBefore(10);
  CHECK(Texts(*made[0]) == first[0]);
}
