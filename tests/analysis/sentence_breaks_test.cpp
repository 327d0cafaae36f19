#include "analysis/sentence_breaks.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/udata.h>
#include <unicode/ures.h>

#include <catch2/catch.hpp>

#include <memory>
#include <random>
#include <string>
#include <vector>

namespace {

// ICU's own filtered iterator, which SentenceBreaker stands in for.
std::vector<std::int32_t> IcuBreaks(const icu::UnicodeString& text) {
  static const std::unique_ptr<icu::BreakIterator> reference = [] {
    UErrorCode error = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> made(
        icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), error));
    REQUIRE(U_SUCCESS(error));
    return made;
  }();
  std::vector<std::int32_t> breaks;
  reference->setText(text);
  for (std::int32_t n = reference->next(); n != icu::BreakIterator::DONE; n = reference->next())
    breaks.push_back(n);
  return breaks;
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

std::vector<std::int32_t> OurBreaks(const icu::UnicodeString& text) {
  stet::Result<stet::SentenceBreaker*> breaker = stet::SentenceBreaker::ForThisThread();
  REQUIRE(breaker.ok());
  return (*breaker)->Breaks(text);
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
