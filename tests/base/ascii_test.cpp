#include "base/ascii.h"

#include <catch2/catch.hpp>

#include <random>
#include <string>

namespace {

std::string LowerByteByByte(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

}  // namespace

TEST_CASE("ASCII lowering eight bytes at a time equals lowering byte by byte", "[text]") {
  // Every byte value, at every offset within a word and in the tail.
  std::string all;
  for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
  for (std::size_t shift = 0; shift < 9; ++shift) {
    const std::string text = std::string(shift, 'Q') + all;
    CHECK(stet::AsciiLower(text) == LowerByteByByte(text));
  }
  // Random texts around the letters' edges ('@' 'A' 'Z' '[' and their
  // neighbours past 0x80) and UTF-8.
  const std::string edges = "@AZ[`az{\xC0\xC1\xDA\xDB\xE0\xFA\xFF\x80 .\xC3\xA9";
  std::mt19937 random(5);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const std::size_t length = random() % 40;
    for (std::size_t k = 0; k < length; ++k) text += edges[random() % edges.size()];
    std::string kept = "kept";
    stet::AssignAsciiLower(kept, text);
    REQUIRE(kept == LowerByteByByte(text));
  }
}

TEST_CASE("ASCII text is found eight bytes at a time", "[text]") {
  // One byte beyond ASCII at every place of texts of every length to 20.
  for (std::size_t length = 0; length <= 20; ++length) {
    const std::string plain(length, 'a');
    CHECK(stet::IsAscii(plain));
    for (std::size_t at = 0; at < length; ++at) {
      std::string marked = plain;
      marked[at] = '\x80';
      CHECK_FALSE(stet::IsAscii(marked));
    }
  }
}

TEST_CASE("two words are compared case aside in place", "[text]") {
  CHECK(stet::AsciiCaseEqual("By", "by"));
  CHECK(stet::AsciiCaseEqual("O'BRIEN", "o'brien"));
  CHECK(stet::AsciiCaseEqual("", ""));
  CHECK_FALSE(stet::AsciiCaseEqual("by", "bye"));
  CHECK_FALSE(stet::AsciiCaseEqual("By", "bz"));
  // Only ASCII letters are folded: other bytes must be the same.
  CHECK_FALSE(stet::AsciiCaseEqual("\xC3\x89", "\xC3\xA9"));
  CHECK_FALSE(stet::AsciiCaseEqual("[", "{"));
}
