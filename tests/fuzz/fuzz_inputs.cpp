// libFuzzer target over everything that reads untrusted bytes before they
// reach the archive: import lines, feeds, URLs, text checks and normalisation,
// timestamps, robots.txt, durations and schedules, stored commit messages, page.json and
// re-extraction notes read back, charset detection and conversion, HTML parsing (a replayed parse
// builds the same document), article extraction from HTML, quotes, claims,
// and the comparison of two texts (the input cut at a code point boundary
// near its middle).
// Build: CC=clang CXX=clang++ cmake -B build-fuzz -DSTET_FUZZ=ON
//        cmake --build build-fuzz -j2 --target stet-fuzz
// Run (new inputs go to the first folder, the seeds stay as they are):
//        mkdir -p build-fuzz/corpus
//        build-fuzz/stet-fuzz -max_total_time=60 build-fuzz/corpus tests/fuzz/corpus
//        tests/fuzz/found
// tests/fuzz/corpus holds the hand-written seeds, tests/fuzz/found what
// fuzzing grew from them (a set cover of its features, inputs under 2 KB);
// a crash, once fixed, is added to corpus/ under a name saying what it is.
// CTest replays both folders through this target in the normal build
// (replay_corpus.cpp).
#include <libxml/HTMLtree.h>
#include <libxml/xmlerror.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "report/wrap.h"
#include "stet/charset.h"
#include "stet/claims.h"
#include "stet/compare.h"
#include "stet/extract.h"
#include "stet/feeds.h"
#include "stet/identity.h"
#include "stet/import.h"
#include "stet/quotes.h"
#include "stet/render.h"
#include "stet/revision_diff.h"
#include "stet/robots.h"
#include "stet/schedule.h"
#include "stet/text.h"
#include "store/revision_format.h"
#include "web/html_document.h"

namespace {

void Quiet(void*, const char*, ...) {}

// The document as libxml2 writes it (which reports unwritable characters on
// stderr: silenced, the fuzzer's output is for findings).
std::string Serialized(xmlDoc* doc) {
  xmlSetGenericErrorFunc(nullptr, Quiet);
  xmlChar* memory = nullptr;
  int size = 0;
  htmlDocDumpMemory(doc, &memory, &size);
  std::string out(memory ? reinterpret_cast<const char*>(memory) : "",
                  memory ? static_cast<std::size_t>(size) : 0);
  xmlFree(memory);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  (void)stet::ParseImportLine(input);
  (void)stet::CanonicalUrl(input);
  (void)stet::ParseTimestamp(input);
  (void)stet::LooksLikeHtml(input);
  (void)stet::DecodeRevisionMessage(input, "0000000000000000000000000000000000000000");
  (void)stet::DecodePageInfo(input, "0000000000000000000000000000000000000000");
  (void)stet::DecodeExtraction(input, "0000000000000000000000000000000000000000");
  (void)stet::CharsetOfContentType(input);
  // Feeds: every item an absolute http(s) URL.
  if (auto feed = stet::ParseFeed(input, "https://example.com/feed"); feed.ok()) {
    for (const stet::FeedItem& item : feed->items) {
      if (item.url.rfind("http://", 0) != 0 && item.url.rfind("https://", 0) != 0) __builtin_trap();
    }
  }
  (void)stet::FeedLinksOf(input, "https://example.com/");
  // robots.txt: any bytes read as rules; /robots.txt itself always allowed.
  {
    const stet::RobotsRules rules = stet::RobotsRules::Parse(input);
    (void)rules.Allows("/news/2026/story?id=1");
    (void)rules.Allows(input.substr(0, 256));
    if (!rules.Allows("/robots.txt") || rules.crawl_delay_ms() < 0) __builtin_trap();
  }
  // Durations and schedule tiers: a parsed span is positive.
  if (auto span = stet::ParseDuration(input); span.ok() && *span <= 0) __builtin_trap();
  (void)stet::ParseTiers(input);
  // Any bytes in any declared encoding become valid UTF-8.
  for (const char* charset : {"", "utf-8", "iso-8859-1", "shift_jis", "utf-16le"}) {
    if (auto decoded = stet::HtmlToUtf8(input, charset); decoded.ok()) {
      // (CheckText also refuses NUL and blank text; "x" makes it non-blank.)
      if (decoded->utf8.find('\0') == std::string::npos &&
          !stet::CheckText(decoded->utf8 + "x").ok()) {
        __builtin_trap();
      }
    }
  }
  // Replaying a parse's recording builds the document the parse built.
  {
    stet::html::ParseRecording recording;
    const stet::html::DocPtr parsed = stet::html::Parse(input, &recording);
    const stet::html::DocPtr replayed = recording.Replay();
    if ((parsed == nullptr) != (replayed == nullptr)) __builtin_trap();
    if (parsed && Serialized(parsed.get()) != Serialized(replayed.get())) __builtin_trap();
  }
  // Any bytes give an article or the error; paragraphs are separated by
  // exactly one blank line.
  if (auto article = stet::ExtractArticle(input, "https://example.com/a/b"); article.ok()) {
    if (article->text.empty() || article->text.find("\n\n\n") != std::string::npos) {
      __builtin_trap();
    }
  }
  if (stet::CheckText(input).ok()) {
    const std::string stored = stet::StorableText(std::string(input));
    // Normalising is idempotent and the hash depends only on the normal form.
    const std::string normal = stet::NormalizedText(stored);
    if (stet::NormalizedText(normal) != normal) __builtin_trap();
    if (stet::ContentHash(stored) != stet::ContentHash(normal)) __builtin_trap();
    // Matching form is idempotent too.
    const std::string matching = stet::MatchingForm(stored);
    if (stet::MatchingForm(matching) != matching) __builtin_trap();
    // Comparing a text with itself finds nothing; with its halves, every
    // span stays inside its text.
    // Quotes stay inside the text, and a text's quotes compared with
    // themselves change nothing.
    if (auto quotes = stet::FindQuotes(stored); quotes.ok()) {
      for (const stet::Quote& quote : *quotes) {
        for (const stet::Span& part : quote.parts) {
          if (part.start > part.end || part.end > stored.size()) __builtin_trap();
        }
      }
      if (!stet::CompareQuotes(*quotes, *quotes).changes.empty()) __builtin_trap();
    }
    auto same = stet::CompareTexts(stored, stored);
    if (!same.ok() || !same->edits.empty()) __builtin_trap();
    const std::size_t middle = stored.size() / 2;
    std::size_t cut = middle;
    while (cut > 0 && (static_cast<unsigned char>(stored[cut]) & 0xC0) == 0x80) --cut;
    const std::string_view before = std::string_view(stored).substr(0, cut);
    const std::string_view after = std::string_view(stored).substr(cut);
    auto segmented_before = stet::Segment(before);
    auto segmented_after = stet::Segment(after);
    if (segmented_before.ok() && segmented_after.ok()) {
      const stet::Comparison comparison =
          stet::CompareSegmented(before, *segmented_before, after, *segmented_after);
      for (const stet::TextEdit& edit : comparison.edits) {
        if (edit.before.end > before.size() || edit.after.end > after.size()) __builtin_trap();
        (void)stet::InlineWords(before, after, edit);
      }
      const auto quotes_before = stet::FindQuotes(before, *segmented_before);
      const auto quotes_after = stet::FindQuotes(after, *segmented_after);
      for (const stet::ClaimChange& change : stet::CompareClaims(
               before, *segmented_before, after, *segmented_after, comparison, quotes_before,
               quotes_after, stet::CompareQuotes(quotes_before, quotes_after))) {
        if (change.before.end > before.size() || change.after.end > after.size()) __builtin_trap();
      }
      (void)stet::FindClaims(after, *segmented_after);
    }
    // Every rendering of the halves' comparison: article text never becomes
    // markup, and wrapped text never passes its width.
    stet::DiffSide from, to;
    from.text = std::string(before);
    to.text = std::string(after);
    from.file = "before";
    to.file = "after";
    to.title = std::string(after.substr(0, std::min<std::size_t>(after.size(), 60)));
    if (!stet::CheckText(to.title).ok()) to.title.clear();
    if (auto diff = stet::AnalyzeDiff(std::move(from), std::move(to)); diff.ok()) {
      const std::string html = stet::RenderDiffHtml(*diff);
      for (const char* active : {"<script", "<img", "<svg", "<iframe"}) {
        if (html.find(active) != std::string::npos) __builtin_trap();
      }
      // An event handler is active only as an attribute, inside a tag; in
      // escaped text (an article quoting " onerror=") it is words.
      for (std::size_t open = html.find('<'); open != std::string::npos;
           open = html.find('<', open + 1)) {
        const std::size_t close = html.find('>', open);
        if (html.substr(open, close - open).find(" onerror=") != std::string::npos) {
          __builtin_trap();
        }
      }
      (void)stet::RenderDiffJson(*diff);
      (void)stet::RenderDiffMarkdown(*diff);
      const std::string text = stet::RenderDiffText(*diff, {true, 40, {}});
      std::size_t line_start = 0;
      while (line_start < text.size()) {
        const std::size_t line_end = std::min(text.find('\n', line_start), text.size());
        if (stet::report::Columns(
                std::string_view(text).substr(line_start, line_end - line_start)) > 40) {
          __builtin_trap();
        }
        line_start = line_end + 1;
      }
    }
  }
  return 0;
}
