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
    out.push_back(Slice(text, token.span()));
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
  // A point joins digits by the kind of the letter or digit just before
  // it, however long the run it ends ("M4.5", "COVID19.5"), and capitals
  // only after a one-letter part ("U.S", not "AB.C").
  CHECK(TokenTexts("an M4.5 quake, COVID19.5 and AB.C") ==
        std::vector<std::string>{"an", "M4.5", "quake", ",", "COVID19.5", "and", "AB", ".", "C"});
  // Straight and curly spellings get the same key.
  const std::string curly = "don’t", straight = "don't";
  CHECK(stet::TokenKey(curly, stet::Tokens(curly, {0, curly.size()})[0]) ==
        stet::TokenKey(straight, stet::Tokens(straight, {0, straight.size()})[0]));
  // A token inside a span: offsets are into the whole text.
  const std::string text = "Hello there. Second one";
  const std::vector<Token> tokens = stet::Tokens(text, {13, text.size()});
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].span().start == 13);
  CHECK(Slice(text, tokens[1].span()) == "one");
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
    for (const stet::WordChange& change : stet::DiffTokens(before, tokens_a, after, tokens_b)) {
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

namespace {

// Rebuilds the after side of `comparison` from the before text and checks
// it: every sentence is accounted for once (unchanged, or in one edit), the
// unchanged ones are the same sentences on both sides, and applying each
// edit's word changes to its before tokens gives its after tokens.
void CheckRoundTrip(std::string_view before, std::string_view after, const Comparison& comparison) {
  std::vector<int> before_uses(comparison.before_sentences.size(), 0);
  std::vector<int> after_uses(comparison.after_sentences.size(), 0);
  for (const TextEdit& edit : comparison.edits) {
    for (std::size_t index : edit.before_sentences) ++before_uses.at(index);
    for (std::size_t index : edit.after_sentences) ++after_uses.at(index);
    // The edit's byte spans cover its sentences, first to last.
    if (!edit.before_sentences.empty()) {
      CHECK(edit.before.start == comparison.before_sentences[edit.before_sentences.front()].start);
      CHECK(edit.before.end == comparison.before_sentences[edit.before_sentences.back()].end);
    }
    if (!edit.after_sentences.empty()) {
      CHECK(edit.after.start == comparison.after_sentences[edit.after_sentences.front()].start);
      CHECK(edit.after.end == comparison.after_sentences[edit.after_sentences.back()].end);
    }
    switch (edit.kind) {
      case EditKind::kAdded:
        CHECK((edit.before_sentences.empty() && edit.after_sentences.size() == 1));
        continue;
      case EditKind::kRemoved:
        CHECK((edit.before_sentences.size() == 1 && edit.after_sentences.empty()));
        continue;
      case EditKind::kSplit:
        CHECK((edit.before_sentences.size() == 1 && edit.after_sentences.size() == 2));
        break;
      case EditKind::kMerged:
        CHECK((edit.before_sentences.size() == 2 && edit.after_sentences.size() == 1));
        break;
      default:
        CHECK((edit.before_sentences.size() == 1 && edit.after_sentences.size() == 1));
    }
    // Apply the word changes to the before tokens.
    const std::vector<Token> old_tokens = stet::Tokens(before, edit.before);
    std::vector<std::uint64_t> rebuilt;
    std::size_t next = 0;
    for (const stet::WordChange& change : edit.words) {
      CHECK(change.before.start >= edit.before.start);
      CHECK(change.before.end <= edit.before.end);
      CHECK(change.after.start >= edit.after.start);
      CHECK(change.after.end <= edit.after.end);
      CHECK((change.before.end > change.before.start || change.after.end > change.after.start));
      while (next < old_tokens.size() && old_tokens[next].span().end <= change.before.start)
        rebuilt.push_back(stet::TokenKey(before, old_tokens[next++]));
      while (next < old_tokens.size() && old_tokens[next].span().start < change.before.end) ++next;
      for (const Token& token : stet::Tokens(after, change.after)) {
        rebuilt.push_back(stet::TokenKey(after, token));
      }
    }
    while (next < old_tokens.size()) rebuilt.push_back(stet::TokenKey(before, old_tokens[next++]));
    std::vector<std::uint64_t> expected;
    for (const Token& token : stet::Tokens(after, edit.after)) {
      expected.push_back(stet::TokenKey(after, token));
    }
    INFO(EditKindName(edit.kind) << ": " << Slice(after, edit.after));
    CHECK(rebuilt == expected);
    if (edit.kind == EditKind::kEdited) CHECK(!edit.words.empty());
  }
  // Sentences in no edit are unchanged: as many on each side, the same
  // sentences (in matching form) in the same order.
  std::vector<std::string> kept_before, kept_after;
  for (std::size_t i = 0; i < before_uses.size(); ++i) {
    CHECK(before_uses[i] <= 1);
    if (before_uses[i] == 0)
      kept_before.push_back(stet::MatchingForm(Slice(before, comparison.before_sentences[i])));
  }
  for (std::size_t i = 0; i < after_uses.size(); ++i) {
    CHECK(after_uses[i] <= 1);
    if (after_uses[i] == 0)
      kept_after.push_back(stet::MatchingForm(Slice(after, comparison.after_sentences[i])));
  }
  CHECK(kept_before == kept_after);
  CHECK(comparison.unchanged == kept_after.size());
}

}  // namespace

TEST_CASE("compare: the comparison rebuilds the after text on the sample and on edits of it",
          "[compare]") {
  const std::string r1 = stet::test::ReadFile(stet::test::SamplePath("r1.txt"));
  const std::string r2 = stet::test::ReadFile(stet::test::SamplePath("r2.txt"));
  const std::string r3 = stet::test::ReadFile(stet::test::SamplePath("r3.txt"));
  for (const auto& [before, after] :
       {std::pair{&r1, &r2}, std::pair{&r2, &r3}, std::pair{&r3, &r1}, std::pair{&r3, &r2}}) {
    auto comparison = CompareTexts(*before, *after);
    REQUIRE(comparison.ok());
    CHECK(!comparison->edits.empty());
    CheckRoundTrip(*before, *after, *comparison);
    for (const Span& span : comparison->after_sentences) {
      const std::string sentence = Slice(*after, span);
      CHECK(!sentence.empty());
      CHECK(sentence.front() != ' ');
      CHECK(sentence.back() != ' ');
    }
  }
  // Generated edits of r2: words replaced, dropped and inserted, sentences
  // dropped, doubled and swapped.
  const std::vector<std::string> words = {"not", "the", "Vance", "said", "7", "“table”", "peace."};
  std::mt19937 random(20261201);
  for (int round = 0; round < 40; ++round) {
    std::vector<std::string> pieces;
    for (std::size_t start = 0; start < r2.size();) {
      std::size_t end = r2.find_first_of(" \n", start);
      if (end == std::string::npos) end = r2.size();
      pieces.push_back(r2.substr(start, end + 1 - start));
      start = end + 1;
    }
    for (int e = 0; e < 1 + round % 12; ++e) {
      const std::size_t at = random() % pieces.size();
      const std::string word = words[random() % words.size()] + " ";
      switch (random() % 4) {
        case 0:
          pieces[at] = word;
          break;
        case 1:
          pieces.erase(pieces.begin() + static_cast<std::ptrdiff_t>(at));
          break;
        case 2:
          pieces.insert(pieces.begin() + static_cast<std::ptrdiff_t>(at), word);
          break;
        default:
          std::swap(pieces[at], pieces[random() % pieces.size()]);
      }
    }
    std::string edited;
    for (const std::string& piece : pieces) edited += piece;
    INFO("round " << round);
    auto comparison = CompareTexts(r2, edited);
    REQUIRE(comparison.ok());
    CheckRoundTrip(r2, edited, *comparison);
  }
}
