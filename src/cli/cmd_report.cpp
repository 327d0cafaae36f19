// stet report: what changed across the archive in a window of time, most
// material first, as text, Markdown, JSON, HTML or an Atom feed.
#include <cstdio>
#include <fstream>
#include <memory>

#include "cli.h"
#include "stet/clock.h"
#include "stet/report.h"

namespace stet::cli {
namespace {

enum class ReportFormat { kText, kMarkdown, kJson, kHtml, kAtom };

struct ReportOptions {
  std::string since = "1d";
  std::string until;
  std::string min_materiality;  // low, medium, high; empty: every change
  std::vector<std::string> kinds;
  ReportFormat format = ReportFormat::kText;
  std::string output;  // -o FILE; empty: standard output
  std::size_t top = 3;
  std::string link_base;
  bool links = false;
  std::optional<std::size_t> width;
};

// A window edge (ParseWindowEdge), or why not, naming the option.
Result<UnixSeconds> ParseEdge(const std::string& text, const std::string& option, UnixSeconds now) {
  Result<UnixSeconds> edge = ParseWindowEdge(text, now);
  if (!edge.ok()) return Status::InvalidInput("report: " + option + ": " + edge.status().message());
  return edge;
}

// Writes `text` to `path` whole or not at all: to a temporary file beside
// it, then renamed over it.
Status WriteOutput(const std::string& path, const std::string& text) {
  const std::string temporary = path + ".stet-tmp";
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    if (!file) return Status::InvalidInput("report -o " + path + ": cannot write there");
    file << text;
    file.close();
    if (!file) {
      std::remove(temporary.c_str());
      return Status::InvalidInput("report -o " + path + ": writing failed");
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    return Status::InvalidInput("report -o " + path + ": cannot replace it");
  }
  return Status::Ok();
}

int RunReport(const ReportOptions& options, const Context& context) {
  const UnixSeconds now = Now();
  ReportQuery query;
  Result<UnixSeconds> since = ParseEdge(options.since, "--since", now);
  if (!since.ok()) return Fail(since.status());
  query.since = *since;
  if (!options.until.empty()) {
    Result<UnixSeconds> until = ParseEdge(options.until, "--until", now);
    if (!until.ok()) return Fail(until.status());
    query.until = *until;
  }
  if (query.until <= query.since) {
    return Fail(Status::InvalidInput("report: --until " + FormatTimestamp(query.until) +
                                     " is not after --since " + FormatTimestamp(query.since)));
  }
  query.min_materiality = MaterialityFloor(options.min_materiality);
  if (!options.kinds.empty()) {
    query.kinds = {false, false, false};
    for (const std::string& kind : options.kinds) {
      if (kind == "quotes") query.kinds.quotes = true;
      if (kind == "claims") query.kinds.claims = true;
      if (kind == "text") query.kinds.text = true;
    }
  }
  query.top = options.top;
  Result<Archive> archive = OpenArchive(context);
  if (!archive.ok()) return Fail(archive.status());
  Result<Report> report = BuildReport(*archive, query, now);
  if (!report.ok()) return Fail(report.status().WithOperation("report"));
  const std::string& base = options.link_base;
  if (!base.empty() && base.rfind("http://", 0) != 0 && base.rfind("https://", 0) != 0) {
    return Fail(Status::InvalidInput("report: --link-base: " + base +
                                     " is not an http:// or https:// address"));
  }
  ReportLinks links;
  links.enabled = options.links || !options.link_base.empty();
  links.link_base = options.link_base;
  while (!links.link_base.empty() && links.link_base.back() == '/') links.link_base.pop_back();
  std::string out;
  switch (options.format) {
    case ReportFormat::kText: {
      // A file written with -o is not the terminal's.
      const std::size_t width =
          options.output.empty() ? OutputWidth(options.width) : options.width.value_or(80);
      out = RenderReportText(*report, {false, width, {}});
      break;
    }
    case ReportFormat::kMarkdown:
      out = RenderReportMarkdown(*report, links);
      break;
    case ReportFormat::kJson:
      out = RenderReportJson(*report);
      break;
    case ReportFormat::kHtml:
      out = RenderReportHtml(*report, links);
      break;
    case ReportFormat::kAtom:
      out = RenderReportAtom(*report, links);
      break;
  }
  if (options.output.empty()) {
    std::fputs(out.c_str(), stdout);
  } else if (Status written = WriteOutput(options.output, out); !written.ok()) {
    return Fail(written);
  }
  for (const std::string& damage : report->damaged) {
    std::fprintf(stderr, "stet: report: %s\n", damage.c_str());
  }
  return report->damaged.empty() ? kExitOk : kExitArchiveDamaged;
}

}  // namespace

void SetupReport(CLI::App& app, Context& context) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App* command = app.add_subcommand(
      "report", "What changed across the archive in a window of time, most material first");
  command->add_option("--since", options->since,
                      "Start of the window: a duration back from now (1d, 6h) or a date or time "
                      "(2025-02-13, 2025-02-13T14:05:00Z); default 1d");
  command->add_option("--until", options->until,
                      "End of the window (excluded), as --since; default now");
  command
      ->add_option("--min-materiality", options->min_materiality,
                   "Leave out articles whose change rates below low, medium or high")
      ->check(CLI::IsMember({"low", "medium", "high"}));
  command
      ->add_option("--kind", options->kinds,
                   "Which changes each article lists: quotes, claims, text (comma-separated; "
                   "default quotes,claims)")
      ->delimiter(',')
      ->check(CLI::IsMember({"quotes", "claims", "text"}));
  const std::map<std::string, ReportFormat> formats{{"text", ReportFormat::kText},
                                                    {"md", ReportFormat::kMarkdown},
                                                    {"json", ReportFormat::kJson},
                                                    {"html", ReportFormat::kHtml},
                                                    {"atom", ReportFormat::kAtom}};
  command->add_option("--format", options->format, "Output format: text, md, json, html or atom")
      ->transform(OneOf(formats))
      ->default_str("text");
  command->add_option("-o,--output", options->output,
                      "Write to FILE (whole or not at all) instead of standard output");
  command->add_option("--top", options->top, "Changes listed for each article (default 3)")
      ->check(CLI::Range(1, 1000));
  command->add_option("--link-base", options->link_base,
                      "Link entries to their comparison on a review server at this address "
                      "(stet serve's, e.g. http://127.0.0.1:8080)");
  AddWidthOption(*command, &options->width);
  command->callback([options, &context] { context.exit_code = RunReport(*options, context); });
}

}  // namespace stet::cli
