#include "base/word_list.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace {

// Random lower-case words of 1 to 9 letters, some sharing prefixes and ends.
std::set<std::string> RandomWords(std::size_t count, unsigned seed) {
  std::mt19937 random(seed);
  std::set<std::string> words;
  while (words.size() < count) {
    std::string word(1 + random() % 9, 'a');
    for (char& c : word) c = static_cast<char>('a' + random() % 6);
    words.insert(word);
  }
  return words;
}

std::string Joined(const std::set<std::string>& words) {
  std::string list;
  for (const std::string& word : words) list += word + " ";
  return list;
}

}  // namespace

TEST_CASE("a word set holds exactly the words of its list", "[word_list]") {
  const std::set<std::string> words = RandomWords(3000, 7);
  const std::set<std::string> others = RandomWords(6000, 8);
  // Every word twice, in a shuffled order, with runs of spaces.
  std::vector<std::string> shuffled(words.begin(), words.end());
  shuffled.insert(shuffled.end(), words.begin(), words.end());
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(9));
  std::string list = "  ";
  for (const std::string& word : shuffled) list += word + "   ";
  const stet::WordSet set(list);
  for (const std::string& word : words) CHECK(set.Contains(word));
  for (const std::string& other : others) CHECK(set.Contains(other) == (words.count(other) > 0));
  CHECK_FALSE(set.Contains(""));
  const std::vector<std::string_view> sorted = set.SortedWords();
  CHECK(std::vector<std::string>(sorted.begin(), sorted.end()) ==
        std::vector<std::string>(words.begin(), words.end()));
  CHECK_FALSE(stet::WordSet("").Contains("a"));
}

TEST_CASE("a sorted list is searched in place", "[word_list]") {
  for (std::size_t count : {1u, 2u, 3u, 17u, 2500u}) {
    const std::set<std::string> words = RandomWords(count, static_cast<unsigned>(count));
    const std::string list = Joined(words);
    for (const std::string& word : words) CHECK(stet::InSortedList(list, word));
    for (const std::string& other : RandomWords(4000, 99)) {
      CHECK(stet::InSortedList(list, other) == (words.count(other) > 0));
    }
    CHECK_FALSE(stet::InSortedList(list, ""));
    // Without the trailing space too.
    const std::string trimmed = list.substr(0, list.size() - 1);
    CHECK(stet::InSortedList(trimmed, *words.begin()));
    CHECK(stet::InSortedList(trimmed, *words.rbegin()));
  }
  CHECK_FALSE(stet::InSortedList("", "word"));
}

TEST_CASE("word flags give each word the bits of every list it is in", "[word_list]") {
  const std::set<std::string> first = RandomWords(1500, 11);
  const std::set<std::string> second = RandomWords(1500, 12);  // shares words with the first
  std::vector<std::pair<std::string_view, std::uint8_t>> entries;
  for (const std::string& word : first) entries.emplace_back(word, 1);
  for (const std::string& word : second) entries.emplace_back(word, 4);
  std::shuffle(entries.begin(), entries.end(), std::mt19937(13));
  const stet::WordFlags flags(entries);
  std::size_t both = 0;
  for (const std::string& word : RandomWords(6000, 14)) {
    const std::uint8_t expected =
        (first.count(word) > 0 ? 1 : 0) | (second.count(word) > 0 ? 4 : 0);
    CHECK(flags.Of(word) == expected);
    if (expected == 5) ++both;
  }
  CHECK(both > 0);  // the lists overlap, so OR-ing was tried
  CHECK(flags.Of("") == 0);
  CHECK(stet::WordFlags({}).Of("a") == 0);
}
