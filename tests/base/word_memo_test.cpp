// Tests for the per-word answers a comparison remembers (base/word_memo.h).
#include "base/word_memo.h"

#include <catch2/catch.hpp>

#include <string>

namespace {

TEST_CASE("word memo: every word remembered is found with its own answer", "[base]") {
  stet::WordMemo memo(100000);
  CHECK(memo.Find("depot") == nullptr);
  // Enough words for the table to grow several times.
  for (int k = 0; k < 5000; ++k) {
    const std::string word = "word" + std::to_string(k);
    REQUIRE(memo.Find(word) == nullptr);
    CHECK(memo.Add(word, "answer" + std::to_string(k)) == "answer" + std::to_string(k));
  }
  for (int k = 0; k < 5000; ++k) {
    const std::string* answer = memo.Find("word" + std::to_string(k));
    REQUIRE(answer != nullptr);
    CHECK(*answer == "answer" + std::to_string(k));
  }
  // A word of the same bytes but one is another word.
  CHECK(memo.Find("word5000") == nullptr);
  CHECK(memo.Find("Word1") == nullptr);
  CHECK(memo.Find("") == nullptr);
  memo.Add("", "empty");
  REQUIRE(memo.Find("") != nullptr);
  CHECK(*memo.Find("") == "empty");
}

TEST_CASE("word memo: past its limit every word is forgotten", "[base]") {
  stet::WordMemo memo(10);
  for (int k = 0; k < 10; ++k) memo.Add("word" + std::to_string(k), std::to_string(k));
  for (int k = 0; k < 10; ++k) CHECK(memo.Find("word" + std::to_string(k)) != nullptr);
  memo.Add("word10", "10");
  REQUIRE(memo.Find("word10") != nullptr);
  CHECK(*memo.Find("word10") == "10");
  for (int k = 0; k < 10; ++k) CHECK(memo.Find("word" + std::to_string(k)) == nullptr);
}

}  // namespace
