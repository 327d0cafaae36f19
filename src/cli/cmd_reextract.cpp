// stet reextract [ARTICLE...] [--force]: read stored pages again with the
// current extractor; new texts are recorded beside their revisions.
#include <cstdio>
#include <memory>

#include "cli.h"
#include "stet/pages.h"

namespace stet::cli {
namespace {

struct ReextractOptions {
  std::vector<std::string> articles;  // empty: every article
  bool force = false;
  Format format = Format::kText;
};

int RunReextract(const ReextractOptions& options, const Context& context) {
  Result<Archive> archive = OpenArchive(context);
  if (!archive.ok()) return Fail(archive.status());
  std::vector<std::pair<std::string, std::string>> targets;  // id, url
  if (options.articles.empty()) {
    Result<std::vector<ArticleSummary>> all = archive->List();
    if (!all.ok()) return Fail(all.status());
    for (const ArticleSummary& article : *all) targets.emplace_back(article.id, article.url);
  } else {
    for (const std::string& given : options.articles) {
      Result<std::string> id = archive->ResolveArticle(given);
      if (!id.ok()) return Fail(id.status().WithOperation("reextract"));
      // Named by the article's URL, whichever way it was given (id, prefix,
      // a variant of the URL).
      Result<RevisionInfo> latest = archive->ResolveRevision(*id, "-1");
      if (!latest.ok()) return Fail(latest.status().WithOperation("reextract"));
      targets.emplace_back(*id, latest->url);
    }
  }
  nlohmann::json report = nlohmann::json::array();
  ReextractSummary total;
  for (const auto& [id, url] : targets) {
    Result<ReextractSummary> summary = Reextract(*archive, id, options.force);
    if (!summary.ok()) return Fail(summary.status());
    total.revisions += summary->revisions;
    total.same += summary->same;
    total.recorded += summary->recorded;
    total.skipped += summary->skipped;
    total.without_page += summary->without_page;
    if (options.format == Format::kJson) {
      report.push_back({{"article", id},
                        {"url", url},
                        {"revisions", summary->revisions},
                        {"same", summary->same},
                        {"recorded", summary->recorded},
                        {"skipped", summary->skipped},
                        {"without_page", summary->without_page}});
    } else if (summary->revisions > 0) {
      std::printf("%s: %d page(s) read again: %d same text, %d new text recorded\n", url.c_str(),
                  summary->revisions, summary->same, summary->recorded);
    }
  }
  if (options.format == Format::kJson) {
    std::printf(
        "%s\n",
        nlohmann::json{{"extractor", kExtractorVersion}, {"articles", report}}.dump(2).c_str());
  } else {
    std::printf(
        "extractor %d: %d page(s) of %zu article(s) read again; %d new text(s) recorded "
        "beside their revisions, %d unchanged, %d skipped (read by extractor %d already), "
        "%d revision(s) without a page\n",
        kExtractorVersion, total.revisions, targets.size(), total.recorded, total.same,
        total.skipped, kExtractorVersion, total.without_page);
  }
  return kExitOk;
}

}  // namespace

void SetupReextract(CLI::App& app, Context& context) {
  auto options = std::make_shared<ReextractOptions>();
  CLI::App* command = app.add_subcommand(
      "reextract", "Read stored pages again with the current extractor (revisions are kept)");
  command->add_option("article", options->articles, "Articles (default: all)");
  command->add_flag("--force", options->force,
                    "Also read pages the current extractor version already read");
  AddFormatOption(*command, &options->format);
  command->callback([options, &context] { context.exit_code = RunReextract(*options, context); });
}

}  // namespace stet::cli
