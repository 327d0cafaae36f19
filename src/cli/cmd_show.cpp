// stet show ARTICLE[@REV] [--page]: one revision's text, or the page it was
// extracted from.
#include <unistd.h>

#include <cstdio>
#include <memory>

#include "cli.h"

namespace stet::cli {
namespace {

struct ShowOptions {
  std::string target;
  std::string url;  // --url: the article's URL as it is
  bool page = false;
  Format format = Format::kText;
};

int RunShow(const ShowOptions& options, const Context& context) {
  if (options.target.empty() && options.url.empty()) {
    Fail(Status::InvalidInput("show: give ARTICLE[@REV], or --url URL [REV]"));
    return kExitUsage;
  }
  Result<Archive> archive = OpenArchive(context);
  if (!archive.ok()) return Fail(archive.status());
  Result<RevisionInfo> revision = ResolveTarget(*archive, ParseTarget(options.target, options.url));
  if (!revision.ok()) return Fail(revision.status());
  if (options.page) {
    Result<StoredPage> page = archive->ReadPage(*revision);
    if (!page.ok()) return Fail(page.status().WithOperation("show"));
    if (options.format == Format::kJson) {
      nlohmann::json out = RevisionJson(*revision);
      // page.json as stored, so `show` never lags behind the archive's fields.
      out["page"] = nlohmann::json::parse(page->info_json, nullptr, false);
      if (!out["page"].is_object()) out["page"] = nlohmann::json::object();
      out["page"]["bytes"] = page->html.size();
      std::printf("%s\n",
                  out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    } else {
      std::fwrite(page->html.data(), 1, page->html.size(), stdout);  // as fetched, any encoding
    }
    return kExitOk;
  }
  Result<std::string> text = archive->ReadText(*revision);
  if (!text.ok()) return Fail(text.status());
  if (options.format == Format::kJson) {
    nlohmann::json out = RevisionJson(*revision);
    out["text"] = *text;
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    // The stored bytes exactly, so `stet show X > file` restores the file;
    // a terminal also gets the final line break the text may lack.
    std::fwrite(text->data(), 1, text->size(), stdout);
    if (::isatty(STDOUT_FILENO) && !text->empty() && text->back() != '\n') std::fputc('\n', stdout);
  }
  return kExitOk;
}

}  // namespace

void SetupShow(CLI::App& app, Context& context) {
  auto options = std::make_shared<ShowOptions>();
  CLI::App* command = app.add_subcommand("show", "Print one revision's text (default: the latest)");
  command->add_option("target", options->target,
                      "ARTICLE[@REV]: REV is 1, 2, ..., -1, -2, ... or a commit prefix");
  command->add_option("--url", options->url,
                      "The article's URL as it is (one that ends in @...); TARGET is then REV");
  command->add_flag("--page", options->page,
                    "Print the page the text was extracted from, as fetched (JSON: its metadata)");
  AddFormatOption(*command, &options->format);
  command->callback([options, &context] { context.exit_code = RunShow(*options, context); });
}

}  // namespace stet::cli
