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

nlohmann::json RevisionJson(const RevisionInfo& revision) {
  return {{"number", revision.number},      {"commit", revision.commit},
          {"article", revision.article_id}, {"url", revision.url},
          {"title", revision.title},        {"fetched_at", FormatTimestamp(revision.fetched_at)},
          {"hash", revision.hash}};
}

}  // namespace stet::cli
