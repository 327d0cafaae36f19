// Pairing the quotes of two revisions when many are edited: every pair of
// unpaired quotes is scored up to a limit, and past it a quote is scored
// against those near where it is expected.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "stet/quotes.h"

namespace {

using stet::Quote;
using stet::QuoteChangeKind;
using stet::QuoteComparison;

// A quote of four words of its own: quotes made from different `ids`
// share no word.
Quote QuoteOf(const std::string& id, const std::string& last = "") {
  Quote quote;
  quote.text = id + "a " + id + "b " + id + "c " + (last.empty() ? id + "d" : last);
  quote.parts = {{0, quote.text.size()}};
  quote.speaker = "Smith";
  return quote;
}

// Before: quotes q0..q{count-1}. After: the same with their last word
// changed (each one edited), with `inserted` new quotes before q{at}.
void MakeEdited(int count, int inserted, int at, std::vector<Quote>& before,
                std::vector<Quote>& after) {
  for (int k = 0; k < count; ++k) {
    const std::string id = "q" + std::to_string(k);
    before.push_back(QuoteOf(id));
    if (k == at) {
      for (int n = 0; n < inserted; ++n) after.push_back(QuoteOf("new" + std::to_string(n)));
    }
    after.push_back(QuoteOf(id, "changed"));
  }
}

int Count(const QuoteComparison& comparison, QuoteChangeKind kind) {
  int count = 0;
  for (const auto& change : comparison.changes) count += change.kind == kind ? 1 : 0;
  return count;
}

}  // namespace

TEST_CASE("Many edited quotes each pair with their own past the all-pairs limit", "[quotes]") {
  // 400 x 400 unpaired quotes: 160,000 pairs, past the 65,536 scored in full.
  std::vector<Quote> before, after;
  MakeEdited(400, 0, 0, before, after);
  const QuoteComparison comparison = stet::CompareQuotes(before, after);
  CHECK(Count(comparison, QuoteChangeKind::kEdited) == 400);
  CHECK(Count(comparison, QuoteChangeKind::kAdded) == 0);
  for (const auto& change : comparison.changes) CHECK(change.before == change.after);
}

TEST_CASE("Past the limit a quote is looked for where its paired neighbours went", "[quotes]") {
  // Every other quote is unchanged (paired by its words) and 300 new ones
  // stand in the middle: the edited quotes after them are 300 places on, far
  // from the same share of the text (a window of 64 either side), and are
  // found from their unchanged neighbours' shift.
  std::vector<Quote> before, after;
  MakeEdited(800, 300, 400, before, after);
  for (std::size_t k = 0; k < before.size(); k += 2) {
    const std::size_t place = k < 400 ? k : k + 300;
    after[place] = before[k];
  }
  const QuoteComparison comparison = stet::CompareQuotes(before, after);
  CHECK(comparison.unchanged == 400);
  CHECK(Count(comparison, QuoteChangeKind::kEdited) == 400);
  CHECK(Count(comparison, QuoteChangeKind::kAdded) == 300);
  for (const auto& change : comparison.changes) {
    if (change.kind == QuoteChangeKind::kEdited) {
      CHECK(change.after == (change.before < 400 ? change.before : change.before + 300));
    }
  }
}

TEST_CASE("An edited quote moved far is paired under the limit and not past it", "[quotes]") {
  for (const int count : {100, 400}) {
    // q0 of the older revision, edited, ends the newer; the others are
    // replaced by quotes of other words.
    std::vector<Quote> before, after;
    for (int k = 0; k < count; ++k) {
      before.push_back(QuoteOf("q" + std::to_string(k)));
      after.push_back(QuoteOf("other" + std::to_string(k)));
    }
    after.back() = QuoteOf("q0", "changed");
    const QuoteComparison comparison = stet::CompareQuotes(before, after);
    INFO(count << " quotes a side");
    CHECK(Count(comparison, QuoteChangeKind::kEdited) == (count == 100 ? 1 : 0));
  }
}

TEST_CASE("Past the limit one quote paired far away does not lead its neighbours astray",
          "[quotes]") {
  // q500 is unchanged but moved to the end, past 300 others: the edited
  // quotes after it are still looked for where the quotes before it went.
  std::vector<Quote> before, after;
  MakeEdited(800, 0, 0, before, after);
  for (std::size_t k = 0; k < before.size(); k += 2) after[k] = before[k];
  after[500] = QuoteOf("unrelated");
  after.push_back(before[500]);
  const QuoteComparison comparison = stet::CompareQuotes(before, after);
  CHECK(Count(comparison, QuoteChangeKind::kEdited) == 400);
  for (const auto& change : comparison.changes) {
    if (change.kind == QuoteChangeKind::kEdited) CHECK(change.after == change.before);
  }
}
