// Shared pieces of the `stet` command line: the context every subcommand
// gets, the one place errors are printed, and the subcommand table.
#ifndef STET_SRC_CLI_CLI_H_
#define STET_SRC_CLI_CLI_H_

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cctype>
#include <map>
#include <optional>
#include <string>

#include "stet/archive.h"
#include "stet/fetch.h"
#include "stet/quotes.h"
#include "stet/report_json.h"
#include "stet/status.h"
#include "stet/watch_list.h"

namespace stet::cli {

// Exit codes (docs/cli.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitProblem = 1;  // bad input, nothing found, nothing to compare
inline constexpr int kExitUsage = 2;
inline constexpr int kExitNetwork = 3;
inline constexpr int kExitArchiveDamaged = 4;

struct Context {
  std::string archive_flag;  // --archive, empty when not given
  int exit_code = kExitOk;
  char** argv = nullptr;  // the command line as given (serve hands it on)

  // --archive, else $STET_ARCHIVE, else ./stet-archive.
  std::string ArchivePath() const;
};

// Prints "stet: <message>" on stderr and returns the exit code for it.
// The only place the CLI reports a failure.
int Fail(const Status& status);

// Opens the archive of `context`, or reports why not.
Result<Archive> OpenArchive(const Context& context);

// What an ARTICLE[@REV] argument names.
struct Target {
  std::string article;
  std::string revision;  // empty: none was given
  std::string whole;     // the argument as given, when it was split
};

// Splits ARTICLE[@REV]. A trailing "@REV" is the revision wherever it
// stands, after a query string or a fragment too (https://x/s?a=b@2); an
// '@' followed by a '/' is part of the URL (medium.com/@name/post). With
// `url` (--url: the article's URL taken as it is, for one that ends in
// "@name"), `target` is only the revision ("2" or "@2", may be empty).
// When ARTICLE is not archived but the whole argument is, the whole
// argument is the article (its latest revision).
Target ParseTarget(const std::string& target, const std::string& url = "");

// The revision a Target names: REV of the article, or its latest.
Result<RevisionInfo> ResolveTarget(Archive& archive, const Target& target);

// How messages name an input file: its path, or "standard input" for "-".
std::string InputName(const std::string& file);

// The size of an input file, before it is read; 0 for standard input, a
// pipe or a file that is not there (reading it reports that).
std::size_t InputFileBytes(const std::string& file);

// Option checks whose messages say what is wrong in the user's words
// (CLI11's own print its internals: the largest double, enum maps).
// One of `names` (any case), given to the option as the value it maps to.
template <typename T>
CLI::Validator OneOf(const std::map<std::string, T>& names) {
  std::string listed;
  for (const auto& [name, value] : names) listed += (listed.empty() ? "" : ", ") + name;
  return CLI::Validator(
      [names, listed](std::string& input) -> std::string {
        std::string lower = input;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const auto found = names.find(lower);
        if (found == names.end()) return input + " is not one of " + listed;
        input = std::to_string(static_cast<long long>(found->second));
        return "";
      },
      "{" + listed + "}");
}
// A number of seconds above 0 (at most a day).
CLI::Validator PositiveSeconds();
// A size (10MiB, 500KB, 1000): not negative, not 0. Goes before
// CLI::AsSizeValue, which reads "-5" as a huge size.
CLI::Validator NonNegativeSize();
// A header value: no line breaks or other control characters, which would
// end the header and start another.
CLI::Validator HeaderValue();
// Not empty (--at '' is no time).
CLI::Validator NotEmpty(const std::string& what);

// A stet executable's main: the global flags (--archive, --version,
// STET_NOW), the subcommands, the parse and its usage errors; returns the
// exit code. `commands` names each subcommand with the Setup that
// registers it (one Setup may register several). Only the one the command
// line names is registered, unless it names none of them (help, a typo).
using Setup = void (*)(CLI::App& app, Context& context);
struct Command {
  std::string_view name;
  Setup setup;
};
int RunCommandLine(int argc, char** argv, std::initializer_list<Command> commands);

// Prints a usage error as one line, "stet: COMMAND: what is wrong (stet
// COMMAND --help)", and returns kExitUsage; help and --version print and
// return kExitOk.
int UsageError(CLI::App& app, const CLI::ParseError& error, int argc, char** argv);

// --width N of the commands that print wrapped text (diff, report): 0 (no
// wrapping) or 20 to 10000 columns.
void AddWidthOption(CLI::App& command, std::optional<std::size_t>* width);
// The width text is wrapped to: --width, else the terminal's when standard
// output is one, else 80 (a file, a pipe).
std::size_t OutputWidth(const std::optional<std::size_t>& width);

// Output formats of listing commands.
enum class Format { kText, kJson, kMarkdown, kHtml };  // md, html: only where a command offers them
void AddFormatOption(CLI::App& command, Format* format);

// Flags of the commands that fetch (add, extract), mapped onto FetchOptions.
struct FetchFlags {
  double timeout_seconds = 60;
  double connect_timeout_seconds = 10;
  int max_redirects = 10;
  std::string user_agent;
  FetchOptions Options(std::size_t max_bytes) const;
};
void AddFetchOptions(CLI::App& command, FetchFlags* flags);

// The URLs `given`, then those of the file `from` ("-": standard input;
// "" none): one a line, blank lines and lines starting with '#' skipped.
Result<std::vector<std::string>> UrlList(const std::vector<std::string>& given,
                                         const std::string& from, const std::string& command);

// --every D|0 and --ignore-robots of `track` and `feed add`: the options of
// the entries they add (stet/watch_list.h).
void AddEntryOptions(CLI::App& command, std::string* every, bool* ignore_robots);
// The options those flags give; nullopt when neither was given (an entry
// already tracked then keeps its own). kInvalidInput for a bad --every.
// An entry's options in JSON: "every" (a duration, null for the archive's
// schedule) and "ignore_robots", as `tracked` and `status` print them.
nlohmann::json EntryOptionsJson(const WatchOptions& options);
Result<std::optional<WatchOptions>> EntryOptions(const std::string& every, bool ignore_robots,
                                                 const std::string& command);

// A quote as JSON: {"text", "speaker" (null when unknown), "start", "end",
// "partial", "speech", "mention", "role", "cue", "parts": [{"start","end"}]}.
nlohmann::json QuoteJson(const Quote& quote, bool explain = false);
nlohmann::json QuotesJson(const std::vector<Quote>& quotes, bool explain = false);

// "QUOTES  N (M speech)" and one line a quote: speaker, then the words.
// With `explain`, each quote's rule and the words it read (--explain).
void PrintQuotes(const std::vector<Quote>& quotes, bool explain = false);

// --shard I/N (stet/run.h's Shard), checked as it is parsed: a bad value is
// a usage error.
void AddShardOption(CLI::App& command, std::string* shard);

// Each subcommand registers itself on the app; its callback sets
// context.exit_code.
void SetupInit(CLI::App& app, Context& context);
void SetupAdd(CLI::App& app, Context& context);
void SetupImport(CLI::App& app, Context& context);
void SetupList(CLI::App& app, Context& context);
void SetupLog(CLI::App& app, Context& context);
void SetupShow(CLI::App& app, Context& context);
void SetupAnalyze(CLI::App& app, Context& context);
void SetupDiff(CLI::App& app, Context& context);
void SetupReport(CLI::App& app, Context& context);
void SetupServe(CLI::App& app, Context& context);  // cmd_serve.cpp
void SetupQuotes(CLI::App& app, Context& context);
void SetupExtract(CLI::App& app, Context& context);
void SetupReextract(CLI::App& app, Context& context);
void SetupTrack(CLI::App& app, Context& context);
void SetupFeed(CLI::App& app, Context& context);
void SetupRun(CLI::App& app, Context& context);
void SetupStatus(CLI::App& app, Context& context);
void SetupVerify(CLI::App& app, Context& context);
void SetupRemote(CLI::App& app, Context& context);  // cmd_remote.cpp, with push and clone
void SetupPush(CLI::App& app, Context& context);
void SetupPull(CLI::App& app, Context& context);
void SetupClone(CLI::App& app, Context& context);
void SetupGc(CLI::App& app, Context& context);

}  // namespace stet::cli

#endif  // STET_SRC_CLI_CLI_H_
