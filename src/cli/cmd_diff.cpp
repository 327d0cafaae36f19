// stet diff ARTICLE [REV_A [REV_B]] and stet diff --files OLD NEW: what
// changed between two revisions, sentence by sentence.
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>

#include "cli.h"
#include "heap.h"
#include "stet/claims.h"
#include "stet/clock.h"
#include "stet/compare.h"
#include "stet/pages.h"
#include "stet/quote_history.h"
#include "stet/quotes.h"
#include "stet/render.h"
#include "stet/revision_diff.h"
#include "stet/text.h"

namespace stet::cli {
namespace {

enum class Color { kAuto, kAlways, kNever };

struct DiffOptions {
  std::vector<std::string> args;
  bool files = false;
  bool raw = false;  // --files: compare pages as bytes, not their articles
  std::string url;   // --url: the article's URL as it is; args are then the revisions
  Format format = Format::kText;
  Color color = Color::kAuto;
  std::optional<std::size_t> width;  // --width; else the terminal's, or 80
  std::vector<std::string> only;     // --only quotes,claims,text
  std::size_t max_size = kDefaultMaxInputBytes;
};

// A file's text; a saved page's article, as `stet add` would store it,
// unless `raw`.
Result<DiffSide> ReadFileSide(const std::string& path, std::size_t max_size, bool raw) {
  Result<std::string> bytes = ReadInputFile(path, max_size);
  if (!bytes.ok()) return bytes.status().WithOperation("diff");
  DiffSide side;
  if (!raw && LooksLikeHtml(*bytes)) {
    Result<ReadPageResult> page = ReadPage(*bytes, "");
    if (!page.ok()) return page.status().WithContext("diff " + InputName(path));
    *bytes = std::move(page->article.text);
    side.title = page->article.title;
    side.byline = page->article.byline;
    side.published = page->article.published;
  }
  if (Status valid = CheckText(*bytes); !valid.ok()) {
    return valid.WithContext("diff " + InputName(path));
  }
  side.text = StorableText(std::move(*bytes));
  side.file = path;
  return side;
}

// Reads both revisions of ARTICLE [REV_A [REV_B]]: with none given the last
// two, with one given that one and the latest.
Result<std::pair<DiffSide, DiffSide>> ReadRevisionSides(const DiffOptions& options,
                                                        const Context& context) {
  // ARTICLE[@REV] [REV...], or --url URL [REV...]: the revisions given.
  const Target target = ParseTarget(options.url.empty() ? options.args[0] : "", options.url);
  std::vector<std::string> revs(options.args.begin() + (options.url.empty() ? 1 : 0),
                                options.args.end());
  if (!target.revision.empty()) revs.insert(revs.begin(), target.revision);
  const std::string& article = target.article;
  if (revs.size() > 2) {
    return Status::InvalidInput("diff " + article + ": give at most two revisions");
  }
  Result<Archive> archive = OpenArchive(context);
  if (!archive.ok()) return archive.status();
  Result<std::string> id = archive->ResolveArticle(article);
  if (!id.ok()) return id.status().WithOperation("diff");
  Result<std::vector<RevisionInfo>> log = archive->Log(*id);
  if (!log.ok()) return log.status().WithOperation("diff");
  if (log->size() < 2 && revs.size() < 2) {
    return Status::InvalidInput("diff " + article + ": only one revision is stored (" +
                                log->front().url + "); nothing to compare");
  }
  const std::string rev_a = revs.size() >= 1 ? revs[0] : "-2";
  const std::string rev_b = revs.size() >= 2 ? revs[1] : "-1";
  Result<std::pair<DiffSide, DiffSide>> sides = ReadArchiveSides(*archive, *id, rev_a, rev_b);
  if (!sides.ok()) return sides.status().WithOperation("diff");
  if (sides->first.revision->number == sides->second.revision->number) {
    return Status::InvalidInput("diff " + article + ": both sides are revision " +
                                std::to_string(sides->first.revision->number) +
                                "; nothing to compare");
  }
  return sides;
}

bool UseColor(Color color) {
  if (color != Color::kAuto) return color == Color::kAlways;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return ::isatty(STDOUT_FILENO) && (no_color == nullptr || *no_color == '\0') &&
         (term == nullptr || std::string_view(term) != "dumb");
}

DiffSections Sections(const std::vector<std::string>& only) {
  if (only.empty()) return {};
  DiffSections sections{false, false, false};
  for (const std::string& name : only) {
    if (name == "quotes") sections.quotes = true;
    if (name == "claims") sections.claims = true;
    if (name == "text") sections.text = true;
  }
  return sections;
}

// A stored revision's changed quotes through every revision, for the HTML
// page; nothing for two files.
Result<HtmlOptions> HtmlExtras(const RevisionDiff& diff, const Context& context) {
  HtmlOptions html;
  if (!diff.to.revision || diff.quotes.changes.empty()) return html;
  Result<Archive> archive = OpenArchive(context);
  if (!archive.ok()) return archive.status();
  Result<std::vector<std::vector<QuoteSighting>>> histories = FollowChangedQuotes(*archive, diff);
  if (!histories.ok()) return histories.status();
  html.quote_histories = std::move(*histories);
  return html;
}

int RunDiff(const DiffOptions& options, const Context& context) {
  const std::size_t count = options.args.size();
  const bool counts_ok = options.files         ? count == 2
                         : options.url.empty() ? count >= 1 && count <= 3
                                               : count <= 2;
  if (!counts_ok || (options.files && !options.url.empty())) {
    Fail(Status::InvalidInput(options.files ? "diff --files: give two files, OLD and NEW"
                                            : "diff: give ARTICLE[@REV] [REV_A [REV_B]], or --url "
                                              "URL [REV_A [REV_B]]"));
    return kExitUsage;
  }
  DiffSide from, to;
  if (options.files) {
    // Before the files are read: they are the first large allocations.
    ReserveHugePageHeap(
        AnalysisHeapBytes(InputFileBytes(options.args[0]) + InputFileBytes(options.args[1])));
    Result<DiffSide> left = ReadFileSide(options.args[0], options.max_size, options.raw);
    if (!left.ok()) return Fail(left.status());
    Result<DiffSide> right = ReadFileSide(options.args[1], options.max_size, options.raw);
    if (!right.ok()) return Fail(right.status());
    from = std::move(*left);
    to = std::move(*right);
  } else {
    Result<std::pair<DiffSide, DiffSide>> sides = ReadRevisionSides(options, context);
    if (!sides.ok()) return Fail(sides.status());
    from = std::move(sides->first);
    to = std::move(sides->second);
    ReserveHugePageHeap(AnalysisHeapBytes(from.text.size() + to.text.size()));
  }
  Result<RevisionDiff> analyzed = AnalyzeDiff(std::move(from), std::move(to));
  if (!analyzed.ok()) return Fail(analyzed.status().WithOperation("diff"));
  const RevisionDiff& diff = *analyzed;
  if (options.format == Format::kJson) {
    RenderDiffJson(
        diff, [](std::string_view piece) { std::fwrite(piece.data(), 1, piece.size(), stdout); });
  } else if (options.format == Format::kHtml) {
    Result<HtmlOptions> html = HtmlExtras(diff, context);
    if (!html.ok()) return Fail(html.status().WithOperation("diff"));
    std::fputs(RenderDiffHtml(diff, *html).c_str(), stdout);
  } else if (diff.Empty()) {
    const bool same_bytes = diff.from.text == diff.to.text;
    std::printf("no changes: %s and %s %s\n", diff.from.Name().c_str(), diff.to.Name().c_str(),
                same_bytes ? "have the same text"
                           : "differ only in spacing, Unicode form or quote and dash style");
  } else if (options.format == Format::kMarkdown) {
    std::fputs(RenderDiffMarkdown(diff, Sections(options.only)).c_str(), stdout);
  } else {
    const TextLayout layout{UseColor(options.color), OutputWidth(options.width),
                            Sections(options.only)};
    std::fputs(RenderDiffText(diff, layout).c_str(), stdout);
  }
  return kExitOk;
}

}  // namespace

void SetupDiff(CLI::App& app, Context& context) {
  auto options = std::make_shared<DiffOptions>();
  CLI::App* command = app.add_subcommand(
      "diff", "What changed between two revisions (default: the last two), or two files");
  command->add_option("args", options->args,
                      "ARTICLE[@REV] [REV_A [REV_B]], or OLD NEW with --files");
  command->add_flag("--files", options->files,
                    "Compare two files (a saved page: its article); no archive needed");
  command->add_option(
      "--url", options->url,
      "The article's URL as it is (one that ends in @...); args are then revisions");
  command->add_flag("--raw", options->raw, "With --files: compare pages as text, markup and all");
  const std::map<std::string, Format> formats{{"text", Format::kText},
                                              {"json", Format::kJson},
                                              {"md", Format::kMarkdown},
                                              {"html", Format::kHtml}};
  command
      ->add_option("--format", options->format,
                   "Output format: text, json, md (Markdown) or html (one self-contained page)")
      ->transform(OneOf(formats))
      ->default_str("text");
  const std::map<std::string, Color> colors{
      {"auto", Color::kAuto}, {"always", Color::kAlways}, {"never", Color::kNever}};
  command->add_option("--color", options->color, "Colour: auto (on a terminal), always, never")
      ->transform(OneOf(colors))
      ->default_str("auto");
  AddWidthOption(*command, &options->width);
  command
      ->add_option("--only", options->only,
                   "Show only these sections: quotes, claims, text (comma-separated)")
      ->delimiter(',')
      ->check(CLI::IsMember({"quotes", "claims", "text"}));
  command->add_option("--max-size", options->max_size, "Largest file accepted (default 10MiB)")
      ->check(NonNegativeSize())
      ->transform(CLI::AsSizeValue(false));
  command->callback([options, &context] { context.exit_code = RunDiff(*options, context); });
}

}  // namespace stet::cli
