#include "analysis/sentence_breaks.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/ures.h>

#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace {

// The breaks of one of ICU's own sentence iterators for `locale`, made
// once: SentenceBreaker stands in for them.
std::vector<std::int32_t> IcuBreaksIn(const char* locale, const icu::UnicodeString& text) {
  static std::map<std::string, std::unique_ptr<icu::BreakIterator>> iterators;
  std::unique_ptr<icu::BreakIterator>& iterator = iterators[locale];
  if (iterator == nullptr) {
    UErrorCode error = U_ZERO_ERROR;
    iterator.reset(icu::BreakIterator::createSentenceInstance(icu::Locale(locale), error));
    REQUIRE(U_SUCCESS(error));
  }
  std::vector<std::int32_t> breaks;
  iterator->setText(text);
  for (std::int32_t n = iterator->next(); n != icu::BreakIterator::DONE; n = iterator->next())
    breaks.push_back(n);
  return breaks;
}

// ICU's filtered iterator: Unicode's rules and the English suppressions.
std::vector<std::int32_t> IcuBreaks(const icu::UnicodeString& text) {
  return IcuBreaksIn("en@ss=standard", text);
}

// ICU's plain iterator for English: Unicode's rules alone.
std::vector<std::int32_t> IcuPlainBreaks(const icu::UnicodeString& text) {
  return IcuBreaksIn("en", text);
}

// ICU's list of English abbreviations that do not end a sentence.
std::vector<icu::UnicodeString> SuppressionList() {
  UErrorCode error = U_ZERO_ERROR;
  icu::LocalUResourceBundlePointer bundle(
      ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "en", &error));
  icu::LocalUResourceBundlePointer exceptions(
      ures_getByKey(bundle.getAlias(), "exceptions", nullptr, &error));
  icu::LocalUResourceBundlePointer breaks(
      ures_getByKey(exceptions.getAlias(), "SentenceBreak", nullptr, &error));
  REQUIRE(U_SUCCESS(error));
  std::vector<icu::UnicodeString> words;
  for (int32_t i = 0; i < ures_getSize(breaks.getAlias()); ++i) {
    int32_t length = 0;
    const UChar* word = ures_getStringByIndex(breaks.getAlias(), i, &length, &error);
    words.emplace_back(word, length);
  }
  return words;
}

// Byte offsets of the UTF-8 form of `text` as UTF-16 offsets, so that
// stet's breaks compare with ICU's.
std::vector<std::int32_t> InUtf16Units(const std::string& utf8,
                                       const std::vector<std::size_t>& bytes) {
  std::vector<std::int32_t> units;
  std::size_t byte = 0;
  std::int32_t unit = 0;
  for (std::size_t boundary : bytes) {
    while (byte < boundary) {
      const auto lead = static_cast<unsigned char>(utf8[byte]);
      const int length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      byte += static_cast<std::size_t>(length);
      unit += length == 4 ? 2 : 1;
    }
    units.push_back(unit);
  }
  return units;
}

std::vector<std::int32_t> OurBreaks(const icu::UnicodeString& text) {
  const stet::SentenceBreaker& breaker = stet::SentenceBreaker::ForThisThread();
  std::string utf8;
  text.toUTF8String(utf8);
  std::vector<std::size_t> breaks;
  REQUIRE(breaker.Breaks(utf8, breaks).ok());
  return InUtf16Units(utf8, breaks);
}

std::vector<std::int32_t> OurPlainBreaks(const icu::UnicodeString& text) {
  std::string utf8;
  text.toUTF8String(utf8);
  std::vector<std::size_t> breaks;
  REQUIRE(stet::SentenceBreaker::PlainBreaks(utf8, breaks).ok());
  return InUtf16Units(utf8, breaks);
}

// A few code points of each Sentence_Break class, from ICU's own property
// data, and a seventh of them beyond the Basic Multilingual Plane where
// the class has any.
std::vector<std::vector<UChar32>> CodePointsByClass() {
  std::vector<std::vector<UChar32>> by_class(U_SB_COUNT);
  for (UChar32 c = 0; c <= 0x1FFFF; ++c) {
    if (U_IS_SURROGATE(c)) continue;
    const auto kind = static_cast<std::size_t>(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
    std::vector<UChar32>& some = by_class[kind];
    if (some.size() < 6 || (c > 0xFFFF && some.size() < 7)) some.push_back(c);
  }
  return by_class;
}

}  // namespace

TEST_CASE("sentence breaks match ICU's filtered iterator", "[segment]") {
  SECTION("the suppressions apply") {
    const icu::UnicodeString text =
        u"He met Mr. Smith in the U.S. on Monday. Dr. Ortega has a "
        u"Ph.D. in law. The Ph. was missing. It rained.";
    CHECK(OurBreaks(text) == IcuBreaks(text));
    // After "Monday.", "law.", "Ph." ("Ph." alone is no abbreviation ICU
    // keeps: only "Ph.D." is), "missing." and at the end; none after "Mr.",
    // "U.S.", "Dr." or "Ph.D.".
    CHECK(OurBreaks(text).size() == 5);
  }
  SECTION("random texts made of ICU's abbreviations and other words") {
    const std::vector<icu::UnicodeString> abbreviations = SuppressionList();
    REQUIRE(abbreviations.size() > 100);
    const std::vector<icu::UnicodeString> others = {
        u"the",        u"Smith",       u"said",
        u"it",         u"rained",      u"D.",
        u"Ph.",        u"U.",          u"S.",
        u"A.",         u"B.C.",        u"e.",
        u"g.",         u"3.5",         u"1.",
        u"?",          u"!",           u"\u201CYes.\u201D",
        u"caf\u00E9.", u"\U0001D11E.", u"\u00E9t\u00E9",
        u"(",          u")",           u"\"",
        u"'",          u"\u2014",      u".",
        u"...",        u"XK.",         u"AB.",
        u"K.R",        u"R.",          u"Mr",
        u"s."};
    const std::vector<icu::UnicodeString> gaps = {u" ", u" ", u" ", u"  ", u"\n", u"", u"\u00A0"};
    std::mt19937 random(19);
    for (int round = 0; round < 4000; ++round) {
      icu::UnicodeString text;
      const int words = 1 + static_cast<int>(random() % 30);
      for (int w = 0; w < words; ++w) {
        const bool abbreviation = random() % 2 == 0;
        text += abbreviation ? abbreviations[random() % abbreviations.size()]
                             : others[random() % others.size()];
        text += gaps[random() % gaps.size()];
      }
      INFO(round);
      REQUIRE(OurBreaks(text) == IcuBreaks(text));
    }
  }
}

TEST_CASE("sentence breaks follow ICU's plain iterator on every Sentence_Break class",
          "[segment]") {
  const std::vector<std::vector<UChar32>> by_class = CodePointsByClass();
  for (const std::vector<UChar32>& some : by_class) REQUIRE(!some.empty());
  SECTION("short texts of every class, ASCII classes more often") {
    std::mt19937 random(29);
    for (int round = 0; round < 20000; ++round) {
      icu::UnicodeString text;
      const int length = 1 + static_cast<int>(random() % 14);
      for (int k = 0; k < length; ++k) {
        const std::vector<UChar32>& some = by_class[random() % by_class.size()];
        // Mostly the first of a class: ASCII where it has one.
        text.append(some[random() % 3 == 0 ? random() % some.size() : 0]);
      }
      INFO(round);
      REQUIRE(OurPlainBreaks(text) == IcuPlainBreaks(text));
    }
  }
  SECTION("prose with terminals, closing marks, spaces and separators") {
    const std::vector<icu::UnicodeString> pieces = {
        u"word",   u"Word",   u"WORD",   u"5",      u"3.5",    u".",      u"?",
        u"!",      u"...",    u" ",      u"  ",     u"\n",     u"\r\n",   u"\r",
        u"\u2029", u"\u0085", u"\"",     u"\u201D", u"\u201C", u")",      u"(",
        u"'",      u",",      u";",      u":",      u"-",      u"\u2014", u"\u0301",
        u"\u00AD", u"\u200D", u"\u05D0", u"\u3002", u"\u00A0", u"e.g.",   u"etc."};
    std::mt19937 random(31);
    for (int round = 0; round < 20000; ++round) {
      icu::UnicodeString text;
      const int length = 1 + static_cast<int>(random() % 24);
      for (int k = 0; k < length; ++k) text += pieces[random() % pieces.size()];
      INFO(round);
      REQUIRE(OurPlainBreaks(text) == IcuPlainBreaks(text));
    }
  }
  SECTION("ill-formed UTF-8 is refused") {
    std::vector<std::size_t> breaks;
    CHECK(!stet::SentenceBreaker::PlainBreaks("It rained. \xC3(", breaks).ok());
  }
}
