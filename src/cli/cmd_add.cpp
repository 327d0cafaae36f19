// stet add FILE|- --url URL [--at TIME] [--title T]: store one revision.
#include <cstdio>
#include <memory>

#include "cli.h"
#include "stet/text.h"

namespace stet::cli {
namespace {

struct AddOptions {
  std::string file;
  std::string url;
  std::string key;
  std::string at;
  std::string title;
  std::size_t max_size = kDefaultMaxInputBytes;
  Format format = Format::kText;
};

int RunAdd(const AddOptions& options, const Context& context) {
  const std::string subject = "add " + InputName(options.file);
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
  Result<std::string> bytes = ReadInputFile(options.file, options.max_size);
  if (!bytes.ok()) return Fail(bytes.status().WithOperation("add"));
  revision.text = std::move(bytes).value();
  // Check everything before touching the archive.
  if (Status valid = Archive::Validate(revision); !valid.ok())
    return Fail(valid.WithContext(subject));
  Result<Archive> archive = OpenArchive(context);
  if (!archive.ok()) return Fail(archive.status());
  Result<AddOutcome> outcome = archive->Add(revision);
  if (!outcome.ok()) return Fail(outcome.status().WithContext(subject));
  const RevisionInfo& stored = outcome->revision;
  if (options.format == Format::kJson) {
    std::printf("%s\n",
                nlohmann::json{{"stored", outcome->stored}, {"revision", RevisionJson(stored)}}
                    .dump(2)
                    .c_str());
  } else if (outcome->stored) {
    std::printf("stored revision %d of %s (article %s, commit %.7s)\n", stored.number,
                stored.url.c_str(), stored.article_id.c_str(), stored.commit.c_str());
  } else {
    std::printf("unchanged: same text as revision %d of %s; nothing stored\n", stored.number,
                stored.url.c_str());
  }
  return kExitOk;
}

}  // namespace

void SetupAdd(CLI::App& app, Context& context) {
  auto options = std::make_shared<AddOptions>();
  CLI::App* command =
      app.add_subcommand("add", "Store a revision of an article from a text file or -");
  command->add_option("file", options->file, "Text file, or - for standard input")->required();
  // Exactly one identity: CLI11 reports a missing or doubled one as a usage error.
  CLI::Option_group* identity = command->add_option_group("identity", "--url URL or --key NAME");
  identity->add_option("--url", options->url, "The article's URL (its identity)");
  identity->add_option("--key", options->key, "A name for a local document with no URL");
  identity->require_option(1);
  command->add_option("--at", options->at, "When the text was seen, RFC 3339 (default: now)");
  command->add_option("--title", options->title, "The article's title");
  command->add_option("--max-size", options->max_size, "Largest input accepted (default 10MiB)")
      ->transform(CLI::AsSizeValue(false));
  AddFormatOption(*command, &options->format);
  command->callback([options, &context] { context.exit_code = RunAdd(*options, context); });
}

}  // namespace stet::cli
