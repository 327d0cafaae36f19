// stet feed add / list / remove: the feeds whose new items the archive
// tracks (stet/watch_list.h), found through stet/feeds.h.
#include <cstdio>
#include <memory>

#include "cli.h"
#include "stet/feeds.h"
#include "stet/text.h"
#include "stet/watch_list.h"

namespace stet::cli {
namespace {

struct FeedAddOptions {
  std::vector<std::string> urls;
  std::string from;  // a file of URLs, one a line ("-": standard input)
  std::string every;
  bool ignore_robots = false;
  FetchFlags fetch;
};

int RunFeedAdd(const FeedAddOptions& options, const Context& context) {
  Result<std::vector<std::string>> urls = UrlList(options.urls, options.from, "feed add");
  if (!urls.ok()) return Fail(urls.status());
  if (urls->empty()) {
    std::fprintf(stderr, "stet: feed add: give feed or home page URLs, or --from FILE\n");
    return kExitUsage;
  }
  Result<std::optional<WatchOptions>> entry_options =
      EntryOptions(options.every, options.ignore_robots, "feed add");
  if (!entry_options.ok()) return Fail(entry_options.status());
  Result<Archive> archive = OpenArchive(context);
  if (!archive.ok()) return Fail(archive.status());
  // Every URL is looked at before anything is written: all or nothing.
  std::vector<std::string> feeds;
  for (const std::string& url : *urls) {
    Result<std::vector<std::string>> found =
        DiscoverFeeds(url, options.fetch.Options(kDefaultMaxInputBytes));
    if (!found.ok()) return Fail(found.status().WithOperation("feed add"));
    if (found->size() != 1 || (*found)[0] != url) {
      std::printf("%s names %zu feed(s)\n", url.c_str(), found->size());
    }
    feeds.insert(feeds.end(), found->begin(), found->end());
  }
  WatchList list(*archive);
  Result<WatchChange> change = list.Add(WatchEntry::Kind::kFeed, feeds, Now(), *entry_options);
  if (!change.ok()) return Fail(change.status().WithOperation("feed add"));
  std::printf("tracking %zu new feed(s); %zu already tracked\n", change->changed,
              change->unchanged);
  return kExitOk;
}

int RunFeedRemove(const std::vector<std::string>& urls, const Context& context) {
  if (urls.empty()) {
    std::fprintf(stderr, "stet: feed remove: give feed URLs\n");
    return kExitUsage;
  }
  Result<Archive> archive = OpenArchive(context);
  if (!archive.ok()) return Fail(archive.status());
  WatchList list(*archive);
  Result<WatchChange> change = list.Remove(WatchEntry::Kind::kFeed, urls);
  if (!change.ok()) return Fail(change.status().WithOperation("feed remove"));
  std::printf("removed %zu feed(s); %zu were not tracked\n", change->changed, change->unchanged);
  return kExitOk;
}

int RunFeedList(Format format, const Context& context) {
  Result<Archive> archive = OpenArchive(context);
  if (!archive.ok()) return Fail(archive.status());
  WatchList list(*archive);
  Result<std::vector<WatchEntry>> entries = list.Entries();
  if (!entries.ok()) return Fail(entries.status().WithOperation("feed list"));
  nlohmann::json out = nlohmann::json::array();
  std::size_t count = 0;
  for (const WatchEntry& entry : *entries) {
    if (entry.kind != WatchEntry::Kind::kFeed) continue;
    ++count;
    if (format == Format::kJson) {
      out.push_back({{"url", entry.url}, {"added_at", FormatTimestamp(entry.added_at)}});
    } else {
      std::printf("%s  %s\n", FormatTimestamp(entry.added_at).c_str(), entry.url.c_str());
    }
  }
  if (format == Format::kJson) {
    std::printf("%s\n", out.dump(2).c_str());
  } else if (count == 0) {
    std::printf("no feeds tracked yet in %s (add one with `stet feed add`)\n",
                archive->path().c_str());
  }
  return kExitOk;
}

}  // namespace

void SetupFeed(CLI::App& app, Context& context) {
  CLI::App* feed = app.add_subcommand("feed", "The feeds whose new articles the archive tracks");
  feed->require_subcommand(1);

  auto add_options = std::make_shared<FeedAddOptions>();
  CLI::App* add = feed->add_subcommand(
      "add", "Track feeds (RSS, Atom, sitemaps), or the feeds a home page names");
  add->add_option("urls", add_options->urls, "Feed or home page URLs");
  add->add_option("--from", add_options->from, "A file of URLs, one a line (- for standard input)");
  AddFetchOptions(*add, &add_options->fetch);
  add->callback([add_options, &context] { context.exit_code = RunFeedAdd(*add_options, context); });

  auto remove_urls = std::make_shared<std::vector<std::string>>();
  CLI::App* remove = feed->add_subcommand("remove", "Stop tracking feeds");
  remove->add_option("urls", *remove_urls, "Feed URLs");
  remove->callback(
      [remove_urls, &context] { context.exit_code = RunFeedRemove(*remove_urls, context); });

  auto format = std::make_shared<Format>(Format::kText);
  CLI::App* list = feed->add_subcommand("list", "List the tracked feeds");
  AddFormatOption(*list, format.get());
  list->callback([format, &context] { context.exit_code = RunFeedList(*format, context); });
}

}  // namespace stet::cli
