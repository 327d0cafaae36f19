// stet add FILE|-|URL [--url URL | --key NAME] [--at TIME] [--title T]:
// store one revision, from a text file, a saved page (HTML is extracted) or
// a URL (fetched, then extracted).
#include <cstdio>
#include <memory>

#include "cli.h"
#include "stet/pages.h"
#include "stet/text.h"

namespace stet::cli {
namespace {

struct AddOptions {
  std::string source;
  std::string url;
  std::string key;
  std::string at;
  bool allow_earlier = false;
  std::string title;
  std::size_t max_size = kDefaultMaxInputBytes;
  FetchFlags fetch;
  Format format = Format::kText;
};

// Times given with --at are checked against the history; "now" is never
// out of order on purpose: a concurrent writer that stored a revision a
// second later only finished first.
bool AllowEarlier(const AddOptions& options) {
  return options.allow_earlier || options.at.empty();
}

void PrintOutcome(const RevisionInfo& revision, const char* status, long http_status,
                  Format format) {
  const std::string kind = status;
  if (format == Format::kJson) {
    nlohmann::json out{{"stored", kind == "stored"}, {"status", kind}};
    if (http_status != 0) out["http_status"] = http_status;
    out["revision"] = RevisionJson(revision);
    std::printf("%s\n", out.dump(2).c_str());
  } else if (kind == "stored") {
    std::printf("stored revision %d of %s (article %s, commit %.7s)\n", revision.number,
                revision.url.c_str(), revision.article_id.c_str(), revision.commit.c_str());
  } else if (kind == "unchanged") {
    std::printf("unchanged: same text as revision %d of %s; nothing stored\n", revision.number,
                revision.url.c_str());
  } else if (kind == "reappeared") {
    std::printf("re-appeared: same text as revision %d of %s; not stored again\n", revision.number,
                revision.url.c_str());
  } else {
    std::printf("not modified (HTTP 304): revision %d of %s is current; nothing stored\n",
                revision.number, revision.url.c_str());
  }
}

void PrintPageOutcome(const PageOutcome& outcome, Format format) {
  const char* status = outcome.kind == PageOutcome::Kind::kStored       ? "stored"
                       : outcome.kind == PageOutcome::Kind::kUnchanged  ? "unchanged"
                       : outcome.kind == PageOutcome::Kind::kReappeared ? "reappeared"
                                                                        : "not_modified";
  PrintOutcome(outcome.revision, status, outcome.http_status, format);
}

int AddUrl(const AddOptions& options, const Context& context) {
  const std::string subject = "add " + options.source;
  if (!options.url.empty() || !options.key.empty()) {
    Fail(Status::InvalidInput(subject + ": --url and --key are for files; a fetched page is "
                                        "named by the URL it is fetched from"));
    return kExitUsage;
  }
  UnixSeconds seen = Now();
  if (!options.at.empty()) {
    Result<UnixSeconds> at = ParseTimestamp(options.at);
    if (!at.ok()) return Fail(at.status().WithContext(subject + ": --at"));
    seen = *at;
  }
  Result<Archive> archive = OpenArchive(context);
  if (!archive.ok()) return Fail(archive.status());
  Result<PageOutcome> outcome =
      AddFromUrl(*archive, options.source, options.fetch.Options(options.max_size), seen,
                 AllowEarlier(options));
  if (!outcome.ok()) return Fail(outcome.status().WithOperation("add"));
  PrintPageOutcome(*outcome, options.format);
  return kExitOk;
}

int RunAdd(const AddOptions& options, const Context& context) {
  if (IsHttpUrl(options.source)) return AddUrl(options, context);
  if (const std::size_t scheme = options.source.find("://");
      scheme != std::string::npos && scheme > 0 && options.source.find_first_of("/.", 0) > scheme) {
    Fail(Status::InvalidInput("add " + options.source + ": stet fetches http and https URLs only"));
    return kExitUsage;
  }
  const std::string subject = "add " + InputName(options.source);
  if (options.url.empty() == options.key.empty()) {
    std::fprintf(stderr, "stet: %s: %s\n", subject.c_str(),
                 options.url.empty() ? "give the article's --url URL or a --key NAME"
                                     : "give --url or --key, not both");
    return kExitUsage;
  }
  NewRevision revision;
  revision.url = options.url;
  revision.key = options.key;
  revision.title = options.title;
  revision.fetched_at = Now();
  if (!options.at.empty()) {
    Result<UnixSeconds> at = ParseTimestamp(options.at);
    if (!at.ok()) return Fail(at.status().WithContext(subject + ": --at"));
    revision.fetched_at = *at;
  }
  Result<std::string> bytes = ReadInputFile(options.source, options.max_size);
  if (!bytes.ok()) return Fail(bytes.status().WithOperation("add"));
  if (LooksLikeHtml(*bytes)) {
    // A saved page: extracted, and stored with its text.
    if (revision.url.empty()) {
      return Fail(Status::InvalidInput(subject + ": a page needs its --url (links and the "
                                                 "article's identity depend on it)"));
    }
    Result<Archive> archive = OpenArchive(context);
    if (!archive.ok()) return Fail(archive.status());
    Result<PageOutcome> outcome =
        AddSavedPage(*archive, *bytes, revision.url, revision.fetched_at, AllowEarlier(options));
    if (!outcome.ok()) return Fail(outcome.status().WithContext(subject));
    PrintPageOutcome(*outcome, options.format);
    return kExitOk;
  }
  revision.text = std::move(bytes).value();
  revision.allow_earlier = AllowEarlier(options);
  // Check everything before touching the archive.
  if (Status valid = Archive::Validate(revision); !valid.ok())
    return Fail(valid.WithContext(subject));
  Result<Archive> archive = OpenArchive(context);
  if (!archive.ok()) return Fail(archive.status());
  Result<AddOutcome> outcome = archive->Add(revision);
  if (!outcome.ok()) return Fail(outcome.status().WithContext(subject));
  PrintOutcome(outcome->revision, outcome->stored ? "stored" : "unchanged", 0, options.format);
  return kExitOk;
}

}  // namespace

void SetupAdd(CLI::App& app, Context& context) {
  auto options = std::make_shared<AddOptions>();
  CLI::App* command = app.add_subcommand(
      "add", "Store a revision of an article: fetch a URL, or read a text file, a saved page or -");
  command->add_option("source", options->source, "A URL, a text or HTML file, or - for stdin")
      ->required();
  // A file needs exactly one identity, a URL is its own (both checked when
  // run, to say which case it is in a line of our own).
  CLI::Option_group* identity = command->add_option_group("identity", "--url URL or --key NAME");
  identity->add_option("--url", options->url, "The article's URL (its identity)");
  identity->add_option("--key", options->key, "A name for a local document with no URL");
  command->add_option("--at", options->at, "When the text was seen, RFC 3339 (default: now)")
      ->check(NotEmpty("a time such as 2025-02-13T14:05:00Z"));
  command->add_flag("--allow-earlier", options->allow_earlier,
                    "Store a revision seen before the article's latest (after it, as the newest)");
  command->add_option("--title", options->title, "The article's title (text files)");
  command->add_option("--max-size", options->max_size, "Largest input or page (default 10MiB)")
      ->check(NonNegativeSize())
      ->transform(CLI::AsSizeValue(false));
  AddFetchOptions(*command, &options->fetch);
  AddFormatOption(*command, &options->format);
  command->callback([options, &context] { context.exit_code = RunAdd(*options, context); });
}

}  // namespace stet::cli
