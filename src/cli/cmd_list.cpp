// stet list: the archived articles.
#include <cstdio>
#include <memory>

#include "cli.h"
#include "stet/claims.h"

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
  std::size_t damaged = 0;
  for (const ArticleSummary& article : *articles) damaged += !article.damage.empty();
  // Every readable article is listed; damage is reported after them, and
  // the exit code says the archive is damaged.
  auto report_damage = [&]() {
    if (damaged == 0) return kExitOk;
    for (const ArticleSummary& article : *articles) {
      if (!article.damage.empty()) std::fprintf(stderr, "stet: list: %s\n", article.damage.c_str());
    }
    return kExitArchiveDamaged;
  };
  if (format == Format::kJson) {
    const nlohmann::json out = ArticleListJson(*articles);
    std::printf("%s\n", out.dump(2).c_str());
    return report_damage();
  }
  if (articles->empty()) {
    std::printf("no articles yet in %s (store one with `stet add` or `stet import`)\n",
                archive->path().c_str());
    return kExitOk;
  }
  std::printf("%-16s  %4s  %-16s  %-6s  %s\n", "ARTICLE", "REVS", "LAST FETCHED", "CHANGE",
              "URL / TITLE");
  for (const ArticleSummary& article : *articles) {
    if (!article.damage.empty()) {
      std::printf("%-16s  %4s  %-16s  %-6s  %s\n", article.id.c_str(), "?", "?", "?", "DAMAGED");
      continue;
    }
    // How much the latest revision changed, as rated when it was stored.
    const std::string level =
        article.last_materiality ? std::string(MaterialityLabel(*article.last_materiality)) : "-";
    std::printf("%-16s  %4d  %-16s  %-6s  %s%s%s\n", article.id.c_str(), article.revisions,
                ShortTime(article.last_fetched_at).c_str(), level.c_str(), article.url.c_str(),
                article.title.empty() ? "" : "  ", article.title.c_str());
  }
  return report_damage();
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
