// stet list: the archived articles.
#include <cstdio>
#include <memory>

#include "cli.h"

namespace stet::cli {
namespace {

// "2025-02-15 09:10" from a stored instant, for people.
std::string ShortTime(UnixSeconds when) {
  std::string text = FormatTimestamp(when);
  return text.substr(0, 10) + " " + text.substr(11, 5);
}

int RunList(Format format, const Context& context) {
  Result<Archive> archive = OpenArchive(context);
  if (!archive.ok()) return Fail(archive.status());
  Result<std::vector<ArticleSummary>> articles = archive->List();
  if (!articles.ok()) return Fail(articles.status());
  if (format == Format::kJson) {
    nlohmann::json out = nlohmann::json::array();
    for (const ArticleSummary& article : *articles) {
      out.push_back({{"id", article.id},
                     {"url", article.url},
                     {"title", article.title},
                     {"revisions", article.revisions},
                     {"last_fetched_at", FormatTimestamp(article.last_fetched_at)},
                     {"last_commit", article.last_commit}});
    }
    std::printf("%s\n", out.dump(2).c_str());
    return kExitOk;
  }
  if (articles->empty()) {
    std::printf("no articles yet in %s (store one with `stet add` or `stet import`)\n",
                archive->path().c_str());
    return kExitOk;
  }
  std::printf("%-16s  %4s  %-16s  %s\n", "ARTICLE", "REVS", "LAST FETCHED", "URL / TITLE");
  for (const ArticleSummary& article : *articles) {
    std::printf("%-16s  %4d  %-16s  %s%s%s\n", article.id.c_str(), article.revisions,
                ShortTime(article.last_fetched_at).c_str(), article.url.c_str(),
                article.title.empty() ? "" : "  ", article.title.c_str());
  }
  return kExitOk;
}

}  // namespace

void SetupList(CLI::App& app, Context& context) {
  auto format = std::make_shared<Format>(Format::kText);
  CLI::App* command =
      app.add_subcommand("list", "List archived articles, most recently fetched first");
  AddFormatOption(*command, format.get());
  command->callback([format, &context] { context.exit_code = RunList(*format, context); });
}

}  // namespace stet::cli
