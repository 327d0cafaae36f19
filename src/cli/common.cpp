#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "cli.h"
#include "stet/revision_diff.h"
#include "stet/run.h"
#include "stet/schedule.h"
#include "stet/text.h"

namespace stet::cli {

std::string Context::ArchivePath() const {
  if (!archive_flag.empty()) return archive_flag;
  const char* from_environment = std::getenv("STET_ARCHIVE");
  if (from_environment != nullptr && *from_environment != '\0') return from_environment;
  return "stet-archive";
}

int Fail(const Status& status) {
  std::fprintf(stderr, "stet: %s\n", status.message().c_str());
  switch (status.code()) {
    case Status::Code::kOk:
      return kExitOk;
    case Status::Code::kNetwork:
      return kExitNetwork;
    case Status::Code::kArchiveDamaged:
      return kExitArchiveDamaged;
    case Status::Code::kInvalidInput:
    case Status::Code::kNotFound:
      return kExitProblem;
  }
  return kExitProblem;
}

void AddWidthOption(CLI::App& command, std::optional<std::size_t>* width) {
  command
      .add_option("--width", *width,
                  "Wrap the text output to N columns (default: the terminal's, else 80; 0: no "
                  "wrapping)")
      ->check(CLI::Validator(
          [](std::string& input) -> std::string {
            std::size_t columns = 0;
            const bool number = !input.empty() &&
                                input.find_first_not_of("0123456789") == std::string::npos &&
                                input.size() < 7;
            if (number) columns = std::stoul(input);
            if (number && (columns == 0 || (columns >= 20 && columns <= 10000))) return "";
            return input + " is not 0 (no wrapping) or a width from 20 to 10000 columns";
          },
          "N"));
}

std::size_t OutputWidth(const std::optional<std::size_t>& width) {
  if (width) return *width;
  struct winsize size {};
  if (::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    return size.ws_col;
  return 80;
}

std::string InputName(const std::string& file) {
  return file == "-" ? "standard input" : file;
}

std::size_t InputFileBytes(const std::string& file) {
  struct stat info {};
  if (file == "-" || ::stat(file.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return 0;
  return static_cast<std::size_t>(info.st_size);
}

Result<Archive> OpenArchive(const Context& context) {
  Result<Archive> archive = Archive::Open(context.ArchivePath());
  // Every revision stored through the CLI carries its materiality, so that
  // log, list and report never re-analyse.
  if (archive.ok()) archive->SetRevisionRater(MaterialityRater());
  return archive;
}

void AddFormatOption(CLI::App& command, Format* format) {
  const std::map<std::string, Format> names{{"text", Format::kText}, {"json", Format::kJson}};
  command.add_option("--format", *format, "Output format: text or json")
      ->transform(OneOf(names))
      ->default_str("text");
}

CLI::Validator PositiveSeconds() {
  return CLI::Validator(
      [](std::string& input) -> std::string {
        char* end = nullptr;
        const double seconds = std::strtod(input.c_str(), &end);
        if (input.empty() || *end != '\0' || !(seconds > 0) || seconds > 86400) {
          return input + " is not a number of seconds above 0 and at most 86400";
        }
        return "";
      },
      "SECONDS");
}

CLI::Validator NonNegativeSize() {
  return CLI::Validator(
      [](std::string& input) -> std::string {
        const std::size_t first = input.find_first_not_of(" \t");
        if (first != std::string::npos && input[first] == '-') return input + " is below 0";
        if (first != std::string::npos &&
            input.find_first_not_of("0", first) == std::string::npos) {
          return "0 bytes would refuse everything";
        }
        return "";
      },
      "SIZE");
}

CLI::Validator HeaderValue() {
  return CLI::Validator(
      [](std::string& input) -> std::string {
        for (char c : input) {
          if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
            return "holds a line break or another control character";
          }
        }
        return "";
      },
      "TEXT");
}

CLI::Validator NotEmpty(const std::string& what) {
  return CLI::Validator(
      [what](std::string& input) -> std::string {
        return input.empty() ? "is empty; give " + what : "";
      },
      "TEXT");
}

int UsageError(CLI::App& app, const CLI::ParseError& error, int argc, char** argv) {
  if (dynamic_cast<const CLI::CallForHelp*>(&error) ||
      dynamic_cast<const CLI::CallForAllHelp*>(&error) ||
      dynamic_cast<const CLI::CallForVersion*>(&error)) {
    return app.exit(error) == 0 ? kExitOk : kExitUsage;
  }
  std::string commands;
  for (const CLI::App* command : app.get_subcommands([](CLI::App*) { return true; })) {
    commands += (commands.empty() ? "" : ", ") + command->get_name();
  }
  const std::vector<CLI::App*> parsed = app.get_subcommands();
  if (parsed.empty()) {
    // No command was recognised: name the word that was not one.
    for (int i = 1; i < argc; ++i) {
      const std::string arg = argv[i];
      if (arg == "--archive") {
        ++i;
        continue;
      }
      if (!arg.empty() && arg[0] != '-') {
        std::fprintf(stderr, "stet: unknown command '%s' (commands: %s)\n", arg.c_str(),
                     commands.c_str());
        return kExitUsage;
      }
    }
    if (dynamic_cast<const CLI::RequiredError*>(&error)) {
      std::fprintf(stderr, "stet: give a command: %s (stet --help)\n", commands.c_str());
      return kExitUsage;
    }
    std::fprintf(stderr, "stet: %s (stet --help)\n", error.what());
    return kExitUsage;
  }
  const std::string name = parsed.front()->get_name();
  std::string message = error.what();
  std::replace(message.begin(), message.end(), '\n', ' ');
  std::fprintf(stderr, "stet: %s: %s (stet %s --help)\n", name.c_str(), message.c_str(),
               name.c_str());
  return kExitUsage;
}

FetchOptions FetchFlags::Options(std::size_t max_bytes) const {
  FetchOptions options;
  options.total_timeout_ms = static_cast<long>(timeout_seconds * 1000);
  options.connect_timeout_ms = static_cast<long>(connect_timeout_seconds * 1000);
  options.max_redirects = max_redirects;
  options.max_bytes = max_bytes;
  options.user_agent = user_agent;
  return options;
}

void AddFetchOptions(CLI::App& command, FetchFlags* flags) {
  command.add_option("--timeout", flags->timeout_seconds, "Seconds a fetch may take in all")
      ->check(PositiveSeconds())
      ->default_str("60");
  command
      .add_option("--connect-timeout", flags->connect_timeout_seconds,
                  "Seconds to wait for a connection")
      ->check(PositiveSeconds())
      ->default_str("10");
  command.add_option("--max-redirects", flags->max_redirects, "Redirects followed at most")
      ->check(CLI::Range(0, 50))
      ->default_str("10");
  command
      .add_option("--user-agent", flags->user_agent, "User-Agent header (default: stet/VERSION)")
      ->check(HeaderValue());
}

Target ParseTarget(const std::string& target, const std::string& url) {
  if (!url.empty()) {
    return {url, target.starts_with("@") ? target.substr(1) : target, ""};
  }
  const std::size_t at = target.rfind('@');
  if (at == std::string::npos || at == 0 || target.find('/', at) != std::string::npos) {
    return {target, "", ""};
  }
  return {target.substr(0, at), target.substr(at + 1), target};
}

Result<RevisionInfo> ResolveTarget(Archive& archive, const Target& target) {
  Result<std::string> id = archive.ResolveArticle(target.article);
  if (!id.ok() && id.status().code() == Status::Code::kNotFound && !target.whole.empty()) {
    Result<std::string> whole = archive.ResolveArticle(target.whole);
    if (whole.ok()) return archive.ResolveRevision(*whole, "-1");
  }
  if (!id.ok()) return id.status();
  if (target.revision.empty()) return archive.ResolveRevision(*id, "-1");
  Result<RevisionInfo> revision = archive.ResolveRevision(*id, target.revision);
  const bool numeric = target.revision.find_first_not_of("-0123456789") == std::string::npos;
  if (!revision.ok() && revision.status().code() == Status::Code::kInvalidInput && !numeric &&
      target.article.find("://") != std::string::npos) {
    return Status::InvalidInput(revision.status().message() + " (for a URL that ends in @" +
                                target.revision + ", give it with --url)");
  }
  return revision;
}

nlohmann::json QuoteJson(const Quote& quote, bool explain) {
  nlohmann::json parts = nlohmann::json::array();
  for (const Span& part : quote.parts) parts.push_back({{"start", part.start}, {"end", part.end}});
  auto or_null = [](const std::string& value) -> nlohmann::json {
    return value.empty() ? nlohmann::json(nullptr) : nlohmann::json(value);
  };
  nlohmann::json json = {
      {"text", quote.text},
      {"speaker", or_null(quote.speaker)},
      {"start", quote.Whole().start},
      {"end", quote.Whole().end},
      {"partial", quote.partial},
      {"speech", quote.speech},
      {"mention", or_null(quote.mention)},
      {"role", or_null(quote.role)},
      {"cue", or_null(quote.cue)},
      {"speaker_kind", SpeakerKindName(quote.speaker_kind)},
      {"attribution", or_null(std::string(AttributedByName(quote.attributed_by)))},
      {"parts", std::move(parts)}};
  if (explain) json["explanation"] = quote.explanation;
  return json;
}

nlohmann::json QuotesJson(const std::vector<Quote>& quotes, bool explain) {
  nlohmann::json out = nlohmann::json::array();
  for (const Quote& quote : quotes) out.push_back(QuoteJson(quote, explain));
  return out;
}

void PrintQuotes(const std::vector<Quote>& quotes, bool explain) {
  const auto speech =
      std::count_if(quotes.begin(), quotes.end(), [](const Quote& quote) { return quote.speech; });
  std::printf("QUOTES  %zu (%zu speech)\n", quotes.size(), static_cast<std::size_t>(speech));
  for (const Quote& quote : quotes) {
    std::string who =
        quote.speech ? (quote.speaker.empty() ? "(unknown)" : quote.speaker) : "(not speech)";
    if (quote.partial && quote.speech) who += ", partial";
    std::printf("  %-28s \u201C%s\u201D\n", who.c_str(), quote.text.c_str());
    if (explain) std::printf("  %-28s   %s\n", "", quote.explanation.c_str());
  }
}

// The URLs given, then those of --from: one a line, blank lines and lines
// starting with '#' skipped.
Result<std::vector<std::string>> UrlList(const std::vector<std::string>& given,
                                         const std::string& from, const std::string& command) {
  std::vector<std::string> urls = given;
  if (!from.empty()) {
    Result<std::string> text = ReadInputFile(from);
    if (!text.ok()) return text.status().WithOperation(command);
    std::size_t start = 0;
    while (start < text->size()) {
      std::size_t end = text->find('\n', start);
      if (end == std::string::npos) end = text->size();
      std::string line = text->substr(start, end - start);
      start = end + 1;
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
        line.pop_back();
      const std::size_t first = line.find_first_not_of(" \t");
      if (first == std::string::npos || line[first] == '#') continue;
      urls.push_back(line.substr(first));
    }
  }
  return urls;
}

void AddEntryOptions(CLI::App& command, std::string* every, bool* ignore_robots) {
  command.add_option("--every", *every,
                     "Check these this often whatever their age (15m, 1h; 0: the archive's "
                     "schedule again)");
  command.add_flag("--ignore-robots", *ignore_robots,
                   "Fetch these even where robots.txt disallows (a site you may archive)");
}

Result<std::optional<WatchOptions>> EntryOptions(const std::string& every, bool ignore_robots,
                                                 const std::string& command) {
  if (every.empty() && !ignore_robots) return std::optional<WatchOptions>();
  WatchOptions options;
  options.ignore_robots = ignore_robots;
  if (!every.empty() && every != "0") {
    Result<Seconds> span = ParseDuration(every);
    if (!span.ok()) return span.status().WithContext(command + ": --every");
    options.every_seconds = *span;
  }
  return std::optional<WatchOptions>(options);
}

nlohmann::json EntryOptionsJson(const WatchOptions& options) {
  return {
      {"every", options.every_seconds > 0 ? nlohmann::json(FormatDuration(options.every_seconds))
                                          : nlohmann::json(nullptr)},
      {"ignore_robots", options.ignore_robots}};
}

void AddShardOption(CLI::App& command, std::string* shard) {
  command
      .add_option("--shard", *shard,
                  "Only shard I of N of the watch list (I/N; a stable hash of each URL's article "
                  "id), so N machines split one list")
      ->check(CLI::Validator(
          [](std::string& text) {
            Result<Shard> parsed = ParseShard(text);
            return parsed.ok() ? std::string() : parsed.status().message();
          },
          "I/N"))
      ->default_str("1/1");
}

}  // namespace stet::cli
