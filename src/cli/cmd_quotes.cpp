// stet quotes ARTICLE[@REV]: the quotes of one revision with their
// speakers; with --history FRAGMENT, that quote in every revision.
#include <cstdio>
#include <memory>

#include "cli.h"
#include "stet/clock.h"
#include "stet/quote_history.h"
#include "stet/quotes.h"
#include "stet/text.h"

namespace stet::cli {
namespace {

struct QuotesOptions {
  std::string target;
  std::string url;       // --url: the article's URL as it is
  std::string history;   // a fragment of the quote to follow; empty: no history
  bool explain = false;  // --explain: which rule attributed each quote, from which words
  Format format = Format::kText;
};

// The quotes of `quotes` whose words hold `fragment`, case, quote style and
// spacing set aside.
std::vector<const Quote*> Holding(const std::vector<Quote>& quotes, const std::string& fragment) {
  std::vector<const Quote*> found;
  for (const Quote& quote : quotes) {
    if (QuoteHolds(quote, fragment)) found.push_back(&quote);
  }
  return found;
}

// The quote holding the fragment through every revision; a revision given
// (ARTICLE@REV) must exist, and the fragment must be in it.
int RunHistory(const QuotesOptions& options, Archive& archive) {
  const Target target = ParseTarget(options.target, options.url);
  Result<RevisionInfo> given = ResolveTarget(archive, target);
  if (!given.ok()) return Fail(given.status().WithOperation("quotes"));
  if (!target.revision.empty()) {
    Result<std::string> text = archive.ReadText(*given);
    if (!text.ok()) return Fail(text.status().WithOperation("quotes"));
    Result<std::vector<Quote>> quotes = FindQuotes(*text, QuoteOptions{options.explain});
    if (!quotes.ok()) return Fail(quotes.status().WithOperation("quotes"));
    if (Holding(*quotes, options.history).empty()) {
      return Fail(Status::NotFound("quotes " + options.target + ": no quote holds \"" +
                                   options.history + "\" in revision " +
                                   std::to_string(given->number)));
    }
  }
  Result<std::vector<std::vector<QuoteSighting>>> history =
      FollowQuotes(archive, given->article_id, {options.history}, 0, QuoteOptions{options.explain});
  if (!history.ok()) return Fail(history.status().WithOperation("quotes"));
  nlohmann::json out = nlohmann::json::array();
  bool seen = false;
  for (const QuoteSighting& sighting : history->front()) {
    const RevisionInfo& revision = sighting.revision;
    seen = seen || !sighting.quotes.empty();
    nlohmann::json entry = RevisionJson(revision);
    entry["quotes"] = QuotesJson(sighting.quotes, options.explain);
    out.push_back(std::move(entry));
    if (options.format == Format::kText) {
      std::printf("revision %d  %s\n", revision.number,
                  FormatTimestamp(revision.fetched_at).c_str());
      if (sighting.quotes.empty()) std::printf("  (not in this revision)\n");
      for (const Quote& quote : sighting.quotes) {
        const std::string who = quote.speaker.empty() ? "(unknown)" : quote.speaker;
        std::printf("  %-24s \u201C%s\u201D\n", who.c_str(), quote.text.c_str());
        if (options.explain) std::printf("  %-24s   %s\n", "", quote.explanation.c_str());
      }
    }
  }
  if (!seen) {
    return Fail(Status::NotFound("quotes " + options.target + ": no quote holds \"" +
                                 options.history + "\" in any revision"));
  }
  if (options.format == Format::kJson) std::printf("%s\n", out.dump(2).c_str());
  return kExitOk;
}

int RunQuotes(const QuotesOptions& options, const Context& context) {
  if (options.target.empty() && options.url.empty()) {
    Fail(Status::InvalidInput("quotes: give ARTICLE[@REV], or --url URL [REV]"));
    return kExitUsage;
  }
  Result<Archive> archive = OpenArchive(context);
  if (!archive.ok()) return Fail(archive.status());
  if (!options.history.empty()) return RunHistory(options, *archive);
  Result<RevisionInfo> revision = ResolveTarget(*archive, ParseTarget(options.target, options.url));
  if (!revision.ok()) return Fail(revision.status().WithOperation("quotes"));
  Result<std::string> text = archive->ReadText(*revision);
  if (!text.ok()) return Fail(text.status().WithOperation("quotes"));
  Result<std::vector<Quote>> quotes = FindQuotes(*text, QuoteOptions{options.explain});
  if (!quotes.ok()) return Fail(quotes.status().WithOperation("quotes"));
  if (options.format == Format::kJson) {
    nlohmann::json out = RevisionJson(*revision);
    out["quotes"] = QuotesJson(*quotes, options.explain);
    std::printf("%s\n", out.dump(2).c_str());
    return kExitOk;
  }
  std::printf("revision %d of %s\n", revision->number, revision->url.c_str());
  PrintQuotes(*quotes, options.explain);
  return kExitOk;
}

}  // namespace

void SetupQuotes(CLI::App& app, Context& context) {
  auto options = std::make_shared<QuotesOptions>();
  CLI::App* command =
      app.add_subcommand("quotes", "Quotes of a revision with their speakers (default: latest)");
  command->add_option("target", options->target, "ARTICLE[@REV]");
  command->add_option("--url", options->url,
                      "The article's URL as it is (one that ends in @...); TARGET is then REV");
  command->add_option("--history", options->history,
                      "Follow the quote holding this fragment through every revision");
  command->add_flag("--explain", options->explain,
                    "Say for each quote which rule attributed it, from which words");
  AddFormatOption(*command, &options->format);
  command->callback([options, &context] { context.exit_code = RunQuotes(*options, context); });
}

}  // namespace stet::cli
