// stet log ARTICLE: one article's revisions.
#include <cstdio>
#include <memory>

#include "cli.h"
#include "stet/claims.h"

namespace stet::cli {
namespace {

struct LogOptions {
  std::string article;
  Format format = Format::kText;
};

int RunLog(const LogOptions& options, const Context& context) {
  Result<Archive> archive = OpenArchive(context);
  if (!archive.ok()) return Fail(archive.status());
  Result<std::string> id = archive->ResolveArticle(options.article);
  if (!id.ok()) return Fail(id.status());
  Result<std::vector<RevisionInfo>> revisions = archive->Log(*id);
  if (!revisions.ok()) return Fail(revisions.status());
  if (options.format == Format::kJson) {
    std::printf("%s\n", LogJson(*revisions).dump(2).c_str());
    return kExitOk;
  }
  std::printf("%s  (article %s, %zu revision%s)\n", revisions->back().url.c_str(), id->c_str(),
              revisions->size(), revisions->size() == 1 ? "" : "s");
  for (const RevisionInfo& revision : *revisions) {
    // How much each revision changed the one before, as rated when stored.
    const std::string level =
        revision.materiality ? std::string(MaterialityLabel(*revision.materiality)) : "-";
    std::printf("%4d  %s  %.7s  %-6s  %s\n", revision.number,
                FormatTimestamp(revision.fetched_at).c_str(), revision.commit.c_str(),
                level.c_str(), revision.title.c_str());
  }
  return kExitOk;
}

}  // namespace

void SetupLog(CLI::App& app, Context& context) {
  auto options = std::make_shared<LogOptions>();
  CLI::App* command = app.add_subcommand("log", "List one article's revisions, oldest first");
  command->add_option("article", options->article, "URL, article id or unambiguous id prefix")
      ->required();
  AddFormatOption(*command, &options->format);
  command->callback([options, &context] { context.exit_code = RunLog(*options, context); });
}

}  // namespace stet::cli
