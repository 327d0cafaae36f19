// stet analyze FILE|-: the sentences of one text, no archive needed.
#include <cstdio>
#include <memory>

#include "cli.h"
#include "heap.h"
#include "stet/claims.h"
#include "stet/quotes.h"
#include "stet/segment.h"
#include "stet/text.h"

namespace stet::cli {
namespace {

// The claims worth listing: sentences with at least one checkable part.
nlohmann::json ClaimsJson(std::string_view text, const std::vector<Claim>& claims) {
  auto spans = [&](const std::vector<Span>& list) {
    nlohmann::json out = nlohmann::json::array();
    for (const Span& span : list)
      out.push_back(std::string(text.substr(span.start, span.end - span.start)));
    return out;
  };
  nlohmann::json out = nlohmann::json::array();
  for (const Claim& claim : claims) {
    const bool checkable = !claim.quantities.empty() || !claim.negations.empty() ||
                           !claim.hedges.empty() || !claim.firm.empty() || !claim.sources.empty() ||
                           !claim.entities.empty() || claim.correction;
    if (!checkable) continue;
    nlohmann::json quantities = nlohmann::json::array();
    for (const Quantity& quantity : claim.quantities) {
      quantities.push_back(
          {{"text",
            std::string(text.substr(quantity.span.start, quantity.span.end - quantity.span.start))},
           {"value", quantity.value},
           {"unit", quantity.unit}});
    }
    out.push_back(
        {{"text", std::string(text.substr(claim.span.start, claim.span.end - claim.span.start))},
         {"start", claim.span.start},
         {"end", claim.span.end},
         {"quantities", std::move(quantities)},
         {"negations", spans(claim.negations)},
         {"hedges", spans(claim.hedges)},
         {"certain", spans(claim.firm)},
         {"sources", spans(claim.sources)},
         {"entities", spans(claim.entities)},
         {"correction", claim.correction}});
  }
  return out;
}

struct AnalyzeOptions {
  std::string file;
  std::size_t max_size = kDefaultMaxInputBytes;
  Format format = Format::kText;
};

int RunAnalyze(const AnalyzeOptions& options) {
  const std::string subject = "analyze " + InputName(options.file);
  ReserveHugePageHeap(AnalysisHeapBytes(InputFileBytes(options.file)));
  Result<std::string> text = ReadInputFile(options.file, options.max_size);
  if (!text.ok()) return Fail(text.status().WithOperation("analyze"));
  if (Status valid = CheckText(*text); !valid.ok()) return Fail(valid.WithContext(subject));
  Result<SegmentedText> segmented = Segment(*text);
  if (!segmented.ok()) return Fail(segmented.status().WithContext(subject));
  const std::vector<Span>& sentences = segmented->sentences;
  const std::vector<Quote> quotes = FindQuotes(*text, *segmented);
  if (options.format == Format::kJson) {
    nlohmann::json out = {{"schema_version", kJsonSchemaVersion},
                          {"sentences", nlohmann::json::array()},
                          {"quotes", QuotesJson(quotes)},
                          {"claims", ClaimsJson(*text, FindClaims(*text, *segmented))}};
    for (const Span& span : sentences) {
      out["sentences"].push_back({{"text", text->substr(span.start, span.end - span.start)},
                                  {"start", span.start},
                                  {"end", span.end}});
    }
    std::printf("%s\n", out.dump(2).c_str());
    return kExitOk;
  }
  std::printf("SENTENCES  %zu\n", sentences.size());
  for (const Span& span : sentences) {
    std::printf("%6zu-%-6zu %.*s\n", span.start, span.end, static_cast<int>(span.end - span.start),
                text->data() + span.start);
  }
  std::printf("\n");
  PrintQuotes(quotes);
  return kExitOk;
}

}  // namespace

void SetupAnalyze(CLI::App& app, Context& context) {
  auto options = std::make_shared<AnalyzeOptions>();
  CLI::App* command = app.add_subcommand(
      "analyze", "Split one text into sentences with byte offsets (no archive needed)");
  command->add_option("file", options->file, "Text file, or - for standard input")->required();
  command->add_option("--max-size", options->max_size, "Largest input accepted (default 10MiB)")
      ->check(NonNegativeSize())
      ->transform(CLI::AsSizeValue(false));
  AddFormatOption(*command, &options->format);
  command->callback([options, &context] { context.exit_code = RunAnalyze(*options); });
}

}  // namespace stet::cli
