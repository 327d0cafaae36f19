#include "analysis/english_stemmer.h"

#include <libstemmer.h>

#include <catch2/catch.hpp>

#include <cctype>
#include <memory>
#include <set>
#include <string>

#include "test_support.h"

namespace {

// libstemmer's own API, which picks the English stemmer from its table of
// languages: the reference EnglishStem restates Snowball's runtime against.
std::string LibraryStem(sb_stemmer* stemmer, const std::string& word) {
  const sb_symbol* stem = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                                          static_cast<int>(word.size()));
  REQUIRE(stem != nullptr);
  return std::string(reinterpret_cast<const char*>(stem),
                     static_cast<std::size_t>(sb_stemmer_length(stemmer)));
}

}  // namespace

TEST_CASE("english stemmer: every word stems as libstemmer's English stemmer stems it",
          "[stemmer]") {
  // The sample's words, and each with the endings the stemmer takes off
  // (so that every step of Porter2 runs), plus words of other scripts.
  std::set<std::string> words = {
      "",           "a",     "caf\xC3\xA9s", "na\xC3\xAFvet\xC3\xA9", "\xD0\xBC\xD0\xB8\xD1\x80",
      "generously", "dying", "skies"};
  std::string text;
  for (const char* revision : {"r1.txt", "r2.txt", "r3.txt"})
    text += stet::test::ReadFile(stet::test::SamplePath(revision));
  std::string word;
  for (char c : text + " ") {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      for (const char* ending : {"", "s", "es", "ed", "ing", "ly", "ness", "ment", "ation",
                                 "ational", "izing", "fulness", "iveness", "ously"}) {
        words.insert(word + ending);
      }
      word.clear();
    }
  }
  REQUIRE(words.size() > 3000);
  const std::unique_ptr<sb_stemmer, void (*)(sb_stemmer*)> library(
      sb_stemmer_new("english", "UTF_8"), sb_stemmer_delete);
  REQUIRE(library);
  std::size_t changed = 0;
  for (const std::string& each : words) {
    const std::string expected = LibraryStem(library.get(), each);
    INFO(each);
    CHECK(stet::EnglishStem(each) == expected);
    if (expected != each) ++changed;
  }
  CHECK(changed > words.size() / 2);  // the stemmer did stem
  CHECK(stet::EnglishStem("running") == "run");
  CHECK(stet::EnglishStem("organizations") == "organ");
}
