// The diff engine: matching form, tokens, the common subsequence (against a
// naive O(n*m) oracle) and sentence alignment.
#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "analysis/sequence_diff.h"
#include "stet/compare.h"
#include "stet/text.h"
#include "test_support.h"

namespace {

using stet::CompareTexts;
using stet::Comparison;
using stet::EditKind;
using stet::Span;
using stet::TextEdit;
using stet::Token;

std::string Slice(std::string_view text, Span span) {
  return std::string(text.substr(span.start, span.end - span.start));
}

std::vector<std::string> TokenTexts(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& token : stet::Tokens(text, {0, text.size()}))
    out.push_back(Slice(text, token.span));
  return out;
}

// Length of a longest common subsequence, by the textbook O(n*m) table.
std::size_t OracleLcs(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  std::vector<std::size_t> row(b.size() + 1, 0), previous(b.size() + 1, 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      row[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : std::max(previous[j], row[j - 1]);
    }
    std::swap(row, previous);
  }
  return previous[b.size()];
}

// `base` with random substitutions, deletions and insertions drawn from
// `alphabet` values.
std::vector<std::uint64_t> Mutate(const std::vector<std::uint64_t>& base, std::mt19937& random,
                                  int edits, std::uint64_t alphabet) {
  std::vector<std::uint64_t> out = base;
  for (int e = 0; e < edits; ++e) {
    const std::size_t at = out.empty() ? 0 : random() % (out.size() + 1);
    const std::uint64_t value = random() % alphabet;
    switch (random() % 3) {
      case 0:
        if (at < out.size()) out[at] = value;
        break;
      case 1:
        if (at < out.size()) out.erase(out.begin() + static_cast<std::ptrdiff_t>(at));
        break;
      default:
        out.insert(out.begin() + static_cast<std::ptrdiff_t>(at), value);
    }
  }
  return out;
}

void CheckIsCommonSubsequence(const std::vector<stet::IndexPair>& pairs,
                              const std::vector<std::uint64_t>& a,
                              const std::vector<std::uint64_t>& b) {
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    REQUIRE(a[pairs[k].a] == b[pairs[k].b]);
    if (k > 0) REQUIRE((pairs[k].a > pairs[k - 1].a && pairs[k].b > pairs[k - 1].b));
  }
}

const TextEdit* FindEdit(const Comparison& comparison, EditKind kind) {
  for (const TextEdit& edit : comparison.edits) {
    if (edit.kind == kind) return &edit;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("matching form: quote marks apostrophes dashes and ellipsis spelled alike", "[compare]") {
  CHECK(stet::MatchingForm("“We don’t,” he said — twice…") == "\"We don't,\" he said - twice...");
  CHECK(stet::MatchingForm("a\u00a0 b\n") == "a b");
  CHECK(stet::MatchingForm("Cafe\u0301") == "Caf\u00e9");  // NFC
}

TEST_CASE("tokens: words with joiners and punctuation with byte offsets", "[compare]") {
  CHECK(TokenTexts("We don’t want the G-7 (3.5% of 1,000).") ==
        std::vector<std::string>{"We", "don’t", "want", "the", "G-7", "(", "3.5", "%", "of",
                                 "1,000", ")", "."});
  CHECK(TokenTexts("the U.S. and J.D. Vance, world.Today") ==
        std::vector<std::string>{"the", "U.S", ".", "and", "J.D", ".", "Vance", ",", "world", ".",
                                 "Today"});
  CHECK(TokenTexts("“Zelensky’s — nearly three-year-long” war…") ==
        std::vector<std::string>{"“", "Zelensky’s", "—", "nearly", "three-year-long", "”", "war",
                                 "…"});
  // Straight and curly spellings get the same key.
  const std::string curly = "don’t", straight = "don't";
  CHECK(stet::Tokens(curly, {0, curly.size()})[0].key ==
        stet::Tokens(straight, {0, straight.size()})[0].key);
  // A token inside a span: offsets are into the whole text.
  const std::string text = "Hello there. Second one";
  const std::vector<Token> tokens = stet::Tokens(text, {13, text.size()});
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].span.start == 13);
  CHECK(Slice(text, tokens[1].span) == "one");
}

TEST_CASE("common subsequence: as long as the O(n*m) oracle on generated pairs", "[compare]") {
  std::mt19937 random(20261125);
  for (int round = 0; round < 300; ++round) {
    // Small alphabets make many repeats, the hard case for a diff.
    const std::uint64_t alphabet = 2 + random() % 30;
    std::vector<std::uint64_t> a(random() % 120);
    for (auto& value : a) value = random() % alphabet;
    const std::vector<std::uint64_t> b =
        Mutate(a, random, static_cast<int>(random() % 40), alphabet);
    const std::vector<stet::IndexPair> pairs = stet::CommonSubsequence(a, b);
    CheckIsCommonSubsequence(pairs, a, b);
    INFO("round " << round << " sizes " << a.size() << " " << b.size());
    REQUIRE(pairs.size() == OracleLcs(a, b));
  }
}

TEST_CASE("common subsequence: long sequences of distinct sentences stay exact", "[compare]") {
  // Above the direct limit the middle is cut at unique anchors; with
  // distinct elements (as sentences are) the result is still a longest one.
  std::mt19937 random(7);
  for (int round = 0; round < 4; ++round) {
    std::vector<std::uint64_t> a(3000);
    std::iota(a.begin(), a.end(), 0);
    std::shuffle(a.begin(), a.end(), random);
    std::vector<std::uint64_t> b = Mutate(a, random, 400, 1u << 30);
    // Keep b's elements distinct too: drop repeats after their first.
    std::vector<std::uint64_t> seen;
    std::vector<std::uint64_t> distinct;
    for (std::uint64_t value : b) {
      if (std::find(seen.begin(), seen.end(), value) == seen.end()) {
        distinct.push_back(value);
        seen.push_back(value);
      }
    }
    const std::vector<stet::IndexPair> pairs = stet::CommonSubsequence(a, distinct);
    CheckIsCommonSubsequence(pairs, a, distinct);
    REQUIRE(pairs.size() == OracleLcs(a, distinct));
  }
}

TEST_CASE("word diff: same edit distance as the oracle on generated sentences", "[compare]") {
  std::mt19937 random(42);
  const std::vector<std::string> words = {"the", "US",  "could", "not",  "rule", "out",
                                          ",",   "war", "Vance", "said", "a",    "."};
  for (int round = 0; round < 200; ++round) {
    std::vector<std::uint64_t> base(random() % 40);
    for (auto& value : base) value = random() % words.size();
    const std::vector<std::uint64_t> changed =
        Mutate(base, random, static_cast<int>(random() % 10), words.size());
    auto render = [&](const std::vector<std::uint64_t>& indexes) {
      std::string text;
      for (std::uint64_t index : indexes) text += words[index] + " ";
      return text;
    };
    const std::string before = render(base), after = render(changed);
    const std::vector<Token> tokens_a = stet::Tokens(before, {0, before.size()});
    const std::vector<Token> tokens_b = stet::Tokens(after, {0, after.size()});
    std::size_t deleted = 0, inserted = 0;
    for (const stet::WordChange& change : stet::DiffTokens(tokens_a, tokens_b)) {
      deleted += stet::Tokens(before, change.before).size();
      inserted += stet::Tokens(after, change.after).size();
    }
    const std::size_t lcs = OracleLcs(base, changed);
    INFO(before << "-> " << after);
    REQUIRE(deleted == base.size() - lcs);
    REQUIRE(inserted == changed.size() - lcs);
  }
}

TEST_CASE("compare: edited sentence with inline word changes", "[compare]") {
  const std::string before =
      "Hegseth ruled out the possibility of US ground forces. The talks begin Friday.";
  const std::string after =
      "Hegseth did not rule out the possibility of US ground forces. The talks begin Friday.";
  auto comparison = CompareTexts(before, after);
  REQUIRE(comparison.ok());
  REQUIRE(comparison->edits.size() == 1);
  const TextEdit& edit = comparison->edits[0];
  CHECK(edit.kind == EditKind::kEdited);
  CHECK(comparison->unchanged == 1);
  REQUIRE(edit.words.size() == 1);
  CHECK(Slice(before, edit.words[0].before) == "ruled");
  CHECK(Slice(after, edit.words[0].after) == "did not rule");
  CHECK(stet::InlineWords(before, after, edit) ==
        "Hegseth [-ruled-]{+did not rule+} out the possibility of US ground forces.");
}

TEST_CASE("compare: deletions keep their spaces inline", "[compare]") {
  auto inline_of = [](const std::string& before, const std::string& after) {
    auto comparison = CompareTexts(before, after);
    REQUIRE(comparison.ok());
    REQUIRE(comparison->edits.size() == 1);
    return stet::InlineWords(before, after, comparison->edits[0]);
  };
  CHECK(inline_of("He said it was a big and bold plan.", "He said it was a plan.") ==
        "He said it was a [-big and bold-] plan.");
  CHECK(inline_of("Frankly he said it was a plan.", "He said it was a plan.") ==
        "[-Frankly he-]{+He+} said it was a plan.");
  CHECK(inline_of("He said it was a plan, really.", "He said it was a plan.") ==
        "He said it was a plan[-, really-].");
  CHECK(inline_of("There are of course tools.", "There are, of course, tools.") ==
        "There are{+,+} of course{+,+} tools.");
}

TEST_CASE("compare: a moved sentence is moved, not removed and added", "[compare]") {
  const std::string before =
      "Alpha opens the story today. Bravo adds a second point here. Charlie gives the third "
      "fact. Delta closes the article now.";
  const std::string after =
      "Alpha opens the story today. Charlie gives the third fact. Delta closes the article now. "
      "Bravo adds a second point here.";
  auto comparison = CompareTexts(before, after);
  REQUIRE(comparison.ok());
  REQUIRE(comparison->edits.size() == 1);
  const TextEdit& moved = comparison->edits[0];
  CHECK(moved.kind == EditKind::kMoved);
  CHECK(moved.words.empty());
  CHECK(Slice(after, moved.after) == "Bravo adds a second point here.");
  CHECK(moved.before_sentences == std::vector<std::size_t>{1});
  CHECK(moved.after_sentences == std::vector<std::size_t>{3});
  CHECK(comparison->unchanged == 3);

  // Moved and edited on the way.
  const std::string edited_after =
      "Alpha opens the story today. Charlie gives the third fact. Delta closes the article now. "
      "Bravo adds a second, sharper point here.";
  auto second = CompareTexts(before, edited_after);
  REQUIRE(second.ok());
  const TextEdit* edit = FindEdit(*second, EditKind::kMoved);
  REQUIRE(edit != nullptr);
  CHECK(stet::InlineWords(before, edited_after, *edit) ==
        "Bravo adds a second{+, sharper+} point here.");
  CHECK(FindEdit(*second, EditKind::kAdded) == nullptr);
  CHECK(FindEdit(*second, EditKind::kRemoved) == nullptr);
}

TEST_CASE("compare: split and merged sentences are paired", "[compare]") {
  const std::string before =
      "The talks begin today. Zelensky will meet the delegation in Munich, and he will ask for "
      "guarantees before any deal. Nothing else changed.";
  const std::string after =
      "The talks begin today. Zelensky will meet the delegation in Munich. He will ask for "
      "guarantees before any deal. Nothing else changed.";
  auto split = CompareTexts(before, after);
  REQUIRE(split.ok());
  REQUIRE(split->edits.size() == 1);
  CHECK(split->edits[0].kind == EditKind::kSplit);
  CHECK(split->edits[0].after_sentences == std::vector<std::size_t>{1, 2});
  CHECK(stet::InlineWords(before, after, split->edits[0]) ==
        "Zelensky will meet the delegation in Munich[-, and he-]{+. He+} will ask for guarantees "
        "before any deal.");

  auto merged = CompareTexts(after, before);
  REQUIRE(merged.ok());
  REQUIRE(merged->edits.size() == 1);
  CHECK(merged->edits[0].kind == EditKind::kMerged);
  CHECK(merged->edits[0].before_sentences == std::vector<std::size_t>{1, 2});
}

TEST_CASE("compare: added and removed sentences stand where they are", "[compare]") {
  const std::string before = "One fact stands. Two facts stand. Four facts stand.";
  const std::string after =
      "One fact stands. Three unrelated words appear here. Four facts stand. A correction was "
      "appended.";
  auto comparison = CompareTexts(before, after);
  REQUIRE(comparison.ok());
  std::vector<std::string> kinds;
  for (const TextEdit& edit : comparison->edits) kinds.emplace_back(stet::EditKindName(edit.kind));
  CHECK(kinds == std::vector<std::string>{"removed", "added", "added"});
  CHECK(Slice(before, comparison->edits[0].before) == "Two facts stand.");
  CHECK(comparison->edits[0].after.start == comparison->edits[0].after.end);
}

TEST_CASE("compare: quote style spacing and Unicode form are not edits", "[compare]") {
  const std::string before = "“We don’t,” he said — twice. Café opens.";
  const std::string after = "\"We don't,\"  he said - twice.\nCafe\u0301 opens.";
  auto comparison = CompareTexts(before, after);
  REQUIRE(comparison.ok());
  CHECK(comparison->edits.empty());
  CHECK(comparison->unchanged == 2);
}

TEST_CASE("compare: sentence offsets round-trip on the sample revisions", "[compare]") {
  const std::string r2 = stet::test::ReadFile(stet::test::SamplePath("r2.txt"));
  const std::string r3 = stet::test::ReadFile(stet::test::SamplePath("r3.txt"));
  auto comparison = CompareTexts(r2, r3);
  REQUIRE(comparison.ok());
  for (const TextEdit& edit : comparison->edits) {
    for (const stet::WordChange& change : edit.words) {
      CHECK(change.before.start >= edit.before.start);
      CHECK(change.before.end <= edit.before.end);
      CHECK(change.after.start >= edit.after.start);
      CHECK(change.after.end <= edit.after.end);
    }
  }
  for (const Span& span : comparison->after_sentences) {
    const std::string sentence = Slice(r3, span);
    CHECK(!sentence.empty());
    CHECK(sentence.front() != ' ');
    CHECK(sentence.back() != ' ');
  }
}
