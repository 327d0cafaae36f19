// In-library timings of stet's comparison, and the word-diff engines that
// were tried for it (issue 3: libgit2's git_diff_buffers before Debian's dtl
// before writing one).
//
//   stet-bench-diff OLD NEW [--rounds N]
//
// prints one JSON object: the median time of CompareTexts(OLD, NEW) and of
// its parts, of finding and comparing the quotes of both texts, and, for the word diffs of every
// sentence pair the comparison edited, the time and total common-token count of each engine (a
// larger count is a shorter edit script; dtl's is the minimum), and the
// sentence boundaries of every paragraph of OLD found by ICU's plain
// rule-based iterator (given UTF-16, as stet gave it) against stet's own
// reading of the same rules (analysis/sentence_breaks.h).
#include <git2.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/sentence_breaks.h"
#include "analysis/sequence_diff.h"
#include "stet/claims.h"
#include "stet/compare.h"
#include "stet/quotes.h"
#include "stet/segment.h"

namespace {

using Clock = std::chrono::steady_clock;

std::string ReadAll(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "stet-bench-diff: cannot read %s\n", path);
    std::exit(1);
  }
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Median wall time of `rounds` calls, in milliseconds.
double MedianMs(int rounds, const std::function<void()>& work) {
  std::vector<double> times;
  for (int i = 0; i < rounds; ++i) {
    const auto start = Clock::now();
    work();
    times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

std::vector<std::uint64_t> Keys(std::string_view text, const std::vector<stet::Token>& tokens) {
  std::vector<std::uint64_t> keys;
  for (const stet::Token& token : tokens) keys.push_back(stet::TokenKey(text, token));
  return keys;
}

// One token a line, as git_diff_buffers needs it.
std::string AsLines(const std::vector<std::uint64_t>& keys) {
  std::string out;
  char line[20];
  for (std::uint64_t key : keys) {
    std::snprintf(line, sizeof line, "%016llx\n", static_cast<unsigned long long>(key));
    out += line;
  }
  return out;
}

std::size_t GitCommonLines(const std::string& a, const std::string& b, std::uint32_t flags) {
  git_diff_options options = GIT_DIFF_OPTIONS_INIT;
  options.flags = flags;
  options.context_lines = 0;
  struct Count {
    std::size_t changed_old = 0;
  } count;
  git_diff_buffers(
      a.data(), a.size(), nullptr, b.data(), b.size(), nullptr, &options, nullptr, nullptr, nullptr,
      [](const git_diff_delta*, const git_diff_hunk*, const git_diff_line* line, void* payload) {
        if (line->origin == GIT_DIFF_LINE_DELETION) ++static_cast<Count*>(payload)->changed_old;
        return 0;
      },
      &count);
  return a.size() / 17 - count.changed_old;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: stet-bench-diff OLD NEW [--rounds N]\n");
    return 2;
  }
  int rounds = 21;
  if (argc >= 5 && std::string(argv[3]) == "--rounds") rounds = std::atoi(argv[4]);
  const std::string before = ReadAll(argv[1]), after = ReadAll(argv[2]);

  // The first call loads ICU's break rules (kept per thread afterwards).
  auto first = stet::CompareTexts(before, after);
  if (!first.ok()) {
    std::fprintf(stderr, "stet-bench-diff: %s\n", first.status().message().c_str());
    return 1;
  }
  nlohmann::json out;
  out["words"] = std::count(after.begin(), after.end(), ' ') + 1;
  out["compare_ms"] = MedianMs(rounds, [&] { (void)stet::CompareTexts(before, after); });
  // What `stet diff` does: segment each text once (the after text beside
  // the before text), compare, then find and
  // compare the quotes over the same segmentation. Issue 4: the quotes may
  // add no more than 50% to the time of the comparison alone.
  std::size_t quote_count = 0;
  out["diff_with_quotes_ms"] = MedianMs(rounds, [&] {
    auto segmented_before = stet::Segment(before);
    if (!segmented_before.ok()) return;
    auto segmented_after = stet::SegmentBeside(after, before, *segmented_before);
    if (!segmented_after.ok()) return;
    (void)stet::CompareSegmented(before, *segmented_before, after, *segmented_after);
    const auto quotes_before = stet::FindQuotes(before, *segmented_before);
    const auto quotes_after = stet::FindQuotes(after, *segmented_after);
    (void)stet::CompareQuotes(quotes_before, quotes_after);
    quote_count = quotes_after.size();
  });
  out["quotes"] = quote_count;
  // The same with the claims on top (issue 5: claims add no more than 50% to
  // the comparison alone), and claims without quotes for their own share.
  out["diff_with_quotes_and_claims_ms"] = MedianMs(rounds, [&] {
    auto segmented_before = stet::Segment(before);
    if (!segmented_before.ok()) return;
    auto segmented_after = stet::SegmentBeside(after, before, *segmented_before);
    if (!segmented_after.ok()) return;
    const stet::Comparison comparison =
        stet::CompareSegmented(before, *segmented_before, after, *segmented_after);
    const auto quotes_before = stet::FindQuotes(before, *segmented_before);
    const auto quotes_after = stet::FindQuotes(after, *segmented_after);
    const stet::QuoteComparison quote_changes = stet::CompareQuotes(quotes_before, quotes_after);
    (void)stet::CompareClaims(before, *segmented_before, after, *segmented_after, comparison,
                              quotes_before, quotes_after, quote_changes);
  });
  {
    auto segmented_before = stet::Segment(before);
    auto segmented_after = stet::Segment(after);
    const stet::Comparison comparison =
        stet::CompareSegmented(before, *segmented_before, after, *segmented_after);
    const auto quotes_before = stet::FindQuotes(before, *segmented_before);
    const auto quotes_after = stet::FindQuotes(after, *segmented_after);
    const stet::QuoteComparison quote_changes = stet::CompareQuotes(quotes_before, quotes_after);
    out["claims_only_ms"] = MedianMs(rounds, [&] {
      (void)stet::CompareClaims(before, *segmented_before, after, *segmented_after, comparison,
                                quotes_before, quotes_after, quote_changes);
    });
  }
  {
    auto segmented_before = stet::Segment(before);
    auto segmented_after = stet::Segment(after);
    out["quotes_only_ms"] = MedianMs(rounds, [&] {
      const auto quotes_before = stet::FindQuotes(before, *segmented_before);
      const auto quotes_after = stet::FindQuotes(after, *segmented_after);
      (void)stet::CompareQuotes(quotes_before, quotes_after);
    });
  }
  out["sentences_ms"] = MedianMs(rounds, [&] {
    (void)stet::Sentences(before);
    (void)stet::Sentences(after);
  });
  out["tokens_ms"] = MedianMs(rounds, [&] {
    for (const stet::Span& span : first->before_sentences) (void)stet::Tokens(before, span);
    for (const stet::Span& span : first->after_sentences) (void)stet::Tokens(after, span);
  });
  out["edits"] = first->edits.size();

  // The word-diff workload: every pair of sentences the comparison paired.
  std::vector<std::pair<std::vector<std::uint64_t>, std::vector<std::uint64_t>>> pairs;
  for (const stet::TextEdit& edit : first->edits) {
    if (edit.before_sentences.empty() || edit.after_sentences.empty()) continue;
    pairs.emplace_back(Keys(before, stet::Tokens(before, edit.before)),
                       Keys(after, stet::Tokens(after, edit.after)));
  }
  git_libgit2_init();
  nlohmann::json engines = nlohmann::json::object();
  auto engine = [&](const char* name, const std::function<std::size_t()>& run) {
    std::size_t common = 0;
    const double ms = MedianMs(rounds, [&] { common = run(); });
    engines[name] = {{"ms", ms}, {"common_tokens", common}};
  };
  engine("dtl (kept)", [&] {
    std::size_t common = 0;
    for (const auto& [a, b] : pairs) common += stet::CommonSubsequence(a, b).size();
    return common;
  });
  using Variant = std::pair<const char*, std::uint32_t>;
  for (const auto& [name, flags] : {Variant{"git_diff_buffers myers", 0u},
                                    Variant{"git_diff_buffers minimal", GIT_DIFF_MINIMAL},
                                    Variant{"git_diff_buffers patience", GIT_DIFF_PATIENCE}}) {
    const std::uint32_t flag_bits = flags;
    engine(name, [&] {
      std::size_t common = 0;
      for (const auto& [a, b] : pairs) common += GitCommonLines(AsLines(a), AsLines(b), flag_bits);
      return common;
    });
  }
  out["word_diff_pairs"] = pairs.size();
  out["engines"] = engines;

  // Sentence boundaries, paragraph by paragraph: the count of boundaries
  // shows that both found the same number.
  const std::vector<stet::Span> paragraphs = stet::Paragraphs(before);
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> icu_breaks(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en"), error));
  if (U_FAILURE(error)) return 1;
  std::size_t icu_count = 0, stet_count = 0;
  const double icu_ms = MedianMs(rounds, [&] {
    icu_count = 0;
    icu::UnicodeString utf16;
    for (const stet::Span& paragraph : paragraphs) {
      utf16 = icu::UnicodeString::fromUTF8(
          std::string_view(before).substr(paragraph.start, paragraph.end - paragraph.start));
      icu_breaks->setText(utf16);
      for (std::int32_t n = icu_breaks->next(); n != icu::BreakIterator::DONE;
           n = icu_breaks->next())
        ++icu_count;
    }
  });
  const double stet_ms = MedianMs(rounds, [&] {
    stet_count = 0;
    std::vector<std::size_t> breaks;
    for (const stet::Span& paragraph : paragraphs) {
      (void)stet::SentenceBreaker::PlainBreaks(
          std::string_view(before).substr(paragraph.start, paragraph.end - paragraph.start),
          breaks);
      stet_count += breaks.size();
    }
  });
  out["sentence_breaks"] = {{"icu_ms", icu_ms},
                            {"stet_ms", stet_ms},
                            {"icu_boundaries", icu_count},
                            {"stet_boundaries", stet_count}};
  git_libgit2_shutdown();
  std::printf("%s\n", out.dump(2).c_str());
  return 0;
}
