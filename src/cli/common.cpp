#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "cli.h"

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

std::string InputName(const std::string& file) {
  return file == "-" ? "standard input" : file;
}

Result<Archive> OpenArchive(const Context& context) {
  return Archive::Open(context.ArchivePath());
}

void AddFormatOption(CLI::App& command, Format* format) {
  const std::map<std::string, Format> names{{"text", Format::kText}, {"json", Format::kJson}};
  command.add_option("--format", *format, "Output format: text or json")
      ->transform(CLI::CheckedTransformer(names, CLI::ignore_case))
      ->default_str("text");
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
      ->check(CLI::PositiveNumber)
      ->default_str("60");
  command
      .add_option("--connect-timeout", flags->connect_timeout_seconds,
                  "Seconds to wait for a connection")
      ->check(CLI::PositiveNumber)
      ->default_str("10");
  command.add_option("--max-redirects", flags->max_redirects, "Redirects followed at most")
      ->check(CLI::Range(0, 50))
      ->default_str("10");
  command.add_option("--user-agent", flags->user_agent,
                     "User-Agent header (default: stet/VERSION)");
}

nlohmann::json RevisionJson(const RevisionInfo& revision) {
  nlohmann::json json = {
      {"number", revision.number},      {"commit", revision.commit},
      {"article", revision.article_id}, {"url", revision.url},
      {"title", revision.title},        {"fetched_at", FormatTimestamp(revision.fetched_at)},
      {"hash", revision.hash}};
  if (revision.extractor > 0) {
    json["extractor"] = revision.extractor;
    json["reextracted"] = revision.reextracted;
  }
  return json;
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

nlohmann::json QuoteJson(const Quote& quote) {
  nlohmann::json parts = nlohmann::json::array();
  for (const Span& part : quote.parts) parts.push_back({{"start", part.start}, {"end", part.end}});
  auto or_null = [](const std::string& value) -> nlohmann::json {
    return value.empty() ? nlohmann::json(nullptr) : nlohmann::json(value);
  };
  return {{"text", quote.text},
          {"speaker", or_null(quote.speaker)},
          {"start", quote.Whole().start},
          {"end", quote.Whole().end},
          {"partial", quote.partial},
          {"speech", quote.speech},
          {"mention", or_null(quote.mention)},
          {"role", or_null(quote.role)},
          {"cue", or_null(quote.cue)},
          {"parts", std::move(parts)}};
}

nlohmann::json QuotesJson(const std::vector<Quote>& quotes) {
  nlohmann::json out = nlohmann::json::array();
  for (const Quote& quote : quotes) out.push_back(QuoteJson(quote));
  return out;
}

void PrintQuotes(const std::vector<Quote>& quotes) {
  const auto speech =
      std::count_if(quotes.begin(), quotes.end(), [](const Quote& quote) { return quote.speech; });
  std::printf("QUOTES  %zu (%zu speech)\n", quotes.size(), static_cast<std::size_t>(speech));
  for (const Quote& quote : quotes) {
    std::string who =
        quote.speech ? (quote.speaker.empty() ? "(unknown)" : quote.speaker) : "(not speech)";
    if (quote.partial && quote.speech) who += ", partial";
    std::printf("  %-28s \u201C%s\u201D\n", who.c_str(), quote.text.c_str());
  }
}

}  // namespace stet::cli
