// stet analyze FILE|-: the sentences of one text, no archive needed.
#include <cstdio>
#include <memory>

#include "cli.h"
#include "stet/quotes.h"
#include "stet/segment.h"
#include "stet/text.h"

namespace stet::cli {
namespace {

struct AnalyzeOptions {
  std::string file;
  std::size_t max_size = kDefaultMaxInputBytes;
  Format format = Format::kText;
};

int RunAnalyze(const AnalyzeOptions& options) {
  const std::string subject = "analyze " + InputName(options.file);
  Result<std::string> text = ReadInputFile(options.file, options.max_size);
  if (!text.ok()) return Fail(text.status().WithOperation("analyze"));
  if (Status valid = CheckText(*text); !valid.ok()) return Fail(valid.WithContext(subject));
  Result<SegmentedText> segmented = Segment(*text);
  if (!segmented.ok()) return Fail(segmented.status().WithContext(subject));
  const std::vector<Span>& sentences = segmented->sentences;
  const std::vector<Quote> quotes = FindQuotes(*text, *segmented);
  if (options.format == Format::kJson) {
    nlohmann::json out = {{"sentences", nlohmann::json::array()}, {"quotes", QuotesJson(quotes)}};
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
      ->transform(CLI::AsSizeValue(false));
  AddFormatOption(*command, &options->format);
  command->callback([options, &context] { context.exit_code = RunAnalyze(*options); });
}

}  // namespace stet::cli
