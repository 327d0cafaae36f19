// stet extract FILE.html|URL|- [--url U]: the article a page holds, printed,
// not stored.
#include <cstdio>
#include <memory>

#include "cli.h"
#include "stet/charset.h"
#include "stet/clock.h"
#include "stet/identity.h"
#include "stet/pages.h"
#include "stet/text.h"

namespace stet::cli {
namespace {

struct ExtractOptions {
  std::string source;
  std::string url;
  std::size_t max_size = kDefaultMaxInputBytes;
  FetchFlags fetch;
  Format format = Format::kText;
};

int RunExtract(const ExtractOptions& options) {
  const bool is_url = IsHttpUrl(options.source);
  const std::string subject = "extract " + InputName(options.source);
  std::string bytes, page_url = options.url, charset;
  if (is_url) {
    Result<FetchedPage> fetched = Fetch(options.source, options.fetch.Options(options.max_size));
    if (!fetched.ok()) return Fail(fetched.status().WithOperation("extract"));
    bytes = std::move(fetched->body);
    page_url = fetched->final_url;
    charset = CharsetOfContentType(fetched->content_type);
  } else {
    Result<std::string> read = ReadInputFile(options.source, options.max_size);
    if (!read.ok()) return Fail(read.status().WithOperation("extract"));
    bytes = std::move(read).value();
  }
  Result<ReadPageResult> page = ReadPage(bytes, page_url, charset);
  if (!page.ok()) return Fail(page.status().WithContext(subject));
  const ExtractedArticle& article = page->article;
  // The URL `stet add` would store the page under: a saved page's --url as
  // given (canonical form), a fetched page's canonical link or final URL.
  std::string url;
  if (!is_url && !options.url.empty()) {
    Result<std::string> canonical = CanonicalUrl(options.url);
    url = canonical.ok() ? *canonical : options.url;
  } else if (!page_url.empty() || !article.canonical_url.empty()) {
    url = ArticleUrlOf(page_url, article.canonical_url);
  }
  // The publication time as an instant (RFC 3339, UTC) when the page's own
  // string names one; the string itself is kept as published_raw.
  Result<UnixSeconds> instant = ParsePublishedTime(article.published);
  const std::string published = instant.ok() ? FormatTimestamp(*instant) : std::string();
  if (options.format == Format::kJson) {
    auto or_null = [](const std::string& value) {
      return value.empty() ? nlohmann::json(nullptr) : nlohmann::json(value);
    };
    const nlohmann::json out = {{"schema_version", kJsonSchemaVersion},
                                {"url", or_null(url)},
                                {"title", or_null(article.title)},
                                {"byline", or_null(article.byline)},
                                {"published", or_null(published)},
                                {"published_raw", or_null(article.published)},
                                {"canonical_url", or_null(article.canonical_url)},
                                {"charset", page->charset},
                                {"extractor", kExtractorVersion},
                                {"text", article.text}};
    std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return kExitOk;
  }
  if (!article.title.empty()) std::printf("%s\n", article.title.c_str());
  if (!article.byline.empty()) std::printf("by %s\n", article.byline.c_str());
  if (!article.published.empty()) {
    std::printf("published %s\n",
                published.empty() ? article.published.c_str() : published.c_str());
  }
  if (!url.empty()) std::printf("%s\n", url.c_str());
  std::printf("\n%s\n", article.text.c_str());
  return kExitOk;
}

}  // namespace

void SetupExtract(CLI::App& app, Context& context) {
  auto options = std::make_shared<ExtractOptions>();
  CLI::App* command =
      app.add_subcommand("extract", "Print the article a page holds (nothing is stored)");
  command->add_option("source", options->source, "An HTML file, a URL, or - for stdin")->required();
  command->add_option("--url", options->url, "The page's URL, for a saved page's links");
  command->add_option("--max-size", options->max_size, "Largest page (default 10MiB)")
      ->check(NonNegativeSize())
      ->transform(CLI::AsSizeValue(false));
  AddFetchOptions(*command, &options->fetch);
  AddFormatOption(*command, &options->format);
  command->callback([options, &context] { context.exit_code = RunExtract(*options); });
}

}  // namespace stet::cli
