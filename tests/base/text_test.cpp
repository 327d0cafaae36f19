#include <catch2/catch.hpp>

#include "stet/text.h"
#include "test_support.h"

using stet::CheckText;
using stet::ContentHash;
using stet::NormalizedText;

TEST_CASE("CheckText accepts UTF-8 text and refuses binary or invalid or empty input", "[text]") {
  CHECK(CheckText("Vance said \xE2\x80\x9Cyes.\xE2\x80\x9D").ok());
  const stet::Status binary = CheckText(std::string("abc\0def", 7));
  CHECK(binary.message() == "binary data (NUL byte at offset 3)");
  CHECK(CheckText("ok \xC3\x28 bad").message() == "invalid UTF-8 at byte 3");
  CHECK(CheckText("ok \xED\xA0\x80 surrogate").message() == "invalid UTF-8 at byte 3");
  // Past the first content, ASCII is skipped eight bytes at a time: a bad
  // byte anywhere in or after such runs is still found and named.
  const std::string ascii_run = "Content first, then a long run of plain ASCII words. ";
  for (std::size_t at = 0; at < 17; ++at) {
    const std::string text = ascii_run + std::string(at, 'x') + "\xC3\x28" + ascii_run;
    CHECK(CheckText(text).message() ==
          "invalid UTF-8 at byte " + std::to_string(ascii_run.size() + at));
    CHECK(CheckText(ascii_run + std::string(at, 'x') + "caf\xC3\xA9 " + ascii_run).ok());
  }
  CHECK(CheckText("").message() == "empty text");
  CHECK(CheckText(" \n\t\xC2\xA0\n").message() == "empty text");
}

TEST_CASE("normalised text collapses white space and composes accents", "[text]") {
  CHECK(NormalizedText("  a\tb \n\n c  ") == "a b c");
  CHECK(NormalizedText("a\xC2\xA0\xE2\x80\x83z") == "a z");  // no-break space, em space
  CHECK(NormalizedText("Caf\x65\xCC\x81") ==
        NormalizedText("Caf\xC3\xA9"));  // e + combining acute == é
  CHECK(NormalizedText("Caf\xC3\xA9") == "Caf\xC3\xA9");
}

TEST_CASE("content hash ignores white space and Unicode spelling but not words", "[text]") {
  const std::string base = stet::test::ReadFile(stet::test::SamplePath("r2.txt"));
  std::string reflowed;
  for (char c : base)
    reflowed += c == ' '    ? std::string("  ")
                : c == '\n' ? std::string("\r\n\r\n")
                            : std::string(1, c);
  CHECK(ContentHash(base) == ContentHash(reflowed));
  CHECK(ContentHash(base).rfind("xxh3-128:", 0) == 0);
  CHECK(ContentHash(base).size() == 9 + 32);
  std::string edited = base;
  edited.replace(edited.find("one day"), 7, "two days");
  CHECK(ContentHash(base) != ContentHash(edited));
  CHECK(ContentHash("a.") != ContentHash("a,"));
}

TEST_CASE("storable text drops a byte order mark and CR line ends only", "[text]") {
  CHECK(stet::StorableText("\xEF\xBB\xBFone\r\ntwo\rthree\n") == "one\ntwo\nthree\n");
  CHECK(stet::StorableText("  spaced  \n") == "  spaced  \n");
}

TEST_CASE("HTML documents are recognised", "[text]") {
  CHECK(stet::LooksLikeHtml("<!DOCTYPE html><html><body>x</body></html>"));
  CHECK(stet::LooksLikeHtml("\n  <html lang=en>"));
  CHECK_FALSE(stet::LooksLikeHtml("Plain text that mentions <html> later."));
  CHECK_FALSE(stet::LooksLikeHtml("<3 this story"));
}

TEST_CASE("input files that are missing or directories or over the limit are named", "[text]") {
  stet::test::ScratchDir dir;
  CHECK(stet::ReadInputFile(dir / "missing.txt").status().message() ==
        dir / "missing.txt: No such file or directory");
  CHECK(stet::ReadInputFile(dir.path()).status().message() == dir.path() + ": is a directory");
  stet::test::WriteFile(dir / "big.txt", std::string(2048, 'a'));
  const stet::Status big = stet::ReadInputFile(dir / "big.txt", 1024).status();
  CHECK(big.message().find("2.0 KiB, over the 1.0 KiB input limit (--max-size)") !=
        std::string::npos);
  CHECK(*stet::ReadInputFile(dir / "big.txt", 4096) == std::string(2048, 'a'));
}
