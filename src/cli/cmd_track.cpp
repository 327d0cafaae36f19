// stet track / untrack / tracked: the articles the archive keeps current
// (stet/watch_list.h). The list is part of the archive's repository.
#include <cstdio>
#include <memory>

#include "cli.h"
#include "stet/schedule.h"
#include "stet/text.h"
#include "stet/watch_list.h"

namespace stet::cli {
namespace {

struct TrackOptions {
  std::string every;  // --every: "" not given, "0" the schedule
  bool ignore_robots = false;
  std::vector<std::string> urls;
  std::string from;  // a file of URLs, one a line ("-": standard input)
};

int RunTrack(const TrackOptions& options, bool add, const Context& context) {
  const std::string command = add ? "track" : "untrack";
  Result<std::vector<std::string>> urls = UrlList(options.urls, options.from, command);
  if (!urls.ok()) return Fail(urls.status());
  if (urls->empty()) {
    std::fprintf(stderr, "stet: %s: give URLs, or --from FILE with one a line\n", command.c_str());
    return kExitUsage;
  }
  Result<std::optional<WatchOptions>> entry_options =
      EntryOptions(options.every, options.ignore_robots, command);
  if (!entry_options.ok()) return Fail(entry_options.status());
  Result<Archive> archive = OpenArchive(context);
  if (!archive.ok()) return Fail(archive.status());
  WatchList list(*archive);
  Result<WatchChange> change =
      add ? list.Add(WatchEntry::Kind::kArticle, *urls, Now(), *entry_options)
          : list.Remove(WatchEntry::Kind::kArticle, *urls);
  if (!change.ok()) return Fail(change.status().WithOperation(command));
  if (add) {
    std::printf("tracking %zu new article URL(s); %zu already tracked\n", change->changed,
                change->unchanged);
  } else {
    std::printf("untracked %zu article URL(s); %zu were not tracked\n", change->changed,
                change->unchanged);
  }
  return kExitOk;
}

int RunTracked(Format format, const Context& context) {
  Result<Archive> archive = OpenArchive(context);
  if (!archive.ok()) return Fail(archive.status());
  WatchList list(*archive);
  Result<std::vector<WatchEntry>> entries = list.Entries();
  if (!entries.ok()) return Fail(entries.status().WithOperation("tracked"));
  if (format == Format::kJson) {
    nlohmann::json out = nlohmann::json::array();
    for (const WatchEntry& entry : *entries) {
      nlohmann::json json = {{"kind", WatchKindName(entry.kind)},
                             {"url", entry.url},
                             {"added_at", FormatTimestamp(entry.added_at)}};
      json.update(EntryOptionsJson(entry.options));
      out.push_back(std::move(json));
    }
    std::printf("%s\n", out.dump(2).c_str());
    return kExitOk;
  }
  if (entries->empty()) {
    std::printf("nothing tracked yet in %s (add URLs with `stet track`)\n",
                archive->path().c_str());
    return kExitOk;
  }
  std::printf("%-7s  %-20s  %s\n", "KIND", "ADDED", "URL");
  for (const WatchEntry& entry : *entries) {
    std::string note;
    if (entry.options.every_seconds > 0)
      note += "  every " + FormatDuration(entry.options.every_seconds);
    if (entry.options.ignore_robots) note += "  ignoring robots.txt";
    std::printf("%-7s  %-20s  %s%s\n", std::string(WatchKindName(entry.kind)).c_str(),
                FormatTimestamp(entry.added_at).c_str(), entry.url.c_str(), note.c_str());
  }
  return kExitOk;
}

void SetupTrackCommand(CLI::App& app, Context& context, bool add) {
  auto options = std::make_shared<TrackOptions>();
  CLI::App* command =
      add ? app.add_subcommand("track", "Add article URLs to the archive's watch list")
          : app.add_subcommand("untrack", "Remove article URLs from the archive's watch list");
  command->add_option("urls", options->urls, "Article URLs");
  command->add_option("--from", options->from, "A file of URLs, one a line (- for standard input)")
      ->check(NotEmpty("a file"));
  if (add) AddEntryOptions(*command, &options->every, &options->ignore_robots);
  command->callback(
      [options, add, &context] { context.exit_code = RunTrack(*options, add, context); });
}

}  // namespace

void SetupTrack(CLI::App& app, Context& context) {
  SetupTrackCommand(app, context, /*add=*/true);
  SetupTrackCommand(app, context, /*add=*/false);
  auto format = std::make_shared<Format>(Format::kText);
  CLI::App* tracked = app.add_subcommand("tracked", "List the archive's watch list");
  AddFormatOption(*tracked, format.get());
  tracked->callback([format, &context] { context.exit_code = RunTracked(*format, context); });
}

}  // namespace stet::cli
