#include "revision_format.h"

#include <charconv>

#include "ascii.h"

namespace stet {
namespace {

constexpr std::string_view kArticle = "Stet-Article: ";
constexpr std::string_view kUrl = "Stet-Url: ";
constexpr std::string_view kTitle = "Stet-Title: ";
constexpr std::string_view kRevision = "Stet-Revision: ";
constexpr std::string_view kFetchedAt = "Stet-Fetched-At: ";
constexpr std::string_view kTextHash = "Stet-Text-Hash: ";
constexpr std::string_view kFormat = "Stet-Format: ";

bool TakeField(std::string_view line, std::string_view key, std::string* out) {
  if (line.substr(0, key.size()) != key) return false;
  out->assign(line.substr(key.size()));
  return true;
}

}  // namespace

std::string ArticleRef(std::string_view article_id) {
  return std::string(kArticleRefPrefix) + std::string(article_id);
}

std::string OneLine(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (IsAsciiSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string EncodeRevisionMessage(const RevisionInfo& info) {
  std::string message = info.title.empty() ? info.url : info.title;
  message += "\n\n";
  message.append(kArticle).append(info.article_id) += '\n';
  message.append(kUrl).append(info.url) += '\n';
  if (!info.title.empty()) message.append(kTitle).append(info.title) += '\n';
  message.append(kRevision).append(std::to_string(info.number)) += '\n';
  message.append(kFetchedAt).append(FormatTimestamp(info.fetched_at)) += '\n';
  message.append(kTextHash).append(info.hash) += '\n';
  message.append(kFormat).append(std::to_string(kArchiveFormat)) += '\n';
  return message;
}

Result<RevisionInfo> DecodeRevisionMessage(std::string_view message,
                                           const std::string& commit_hex) {
  RevisionInfo info;
  info.commit = commit_hex;
  std::string revision, fetched_at, format;
  const std::size_t body = message.find("\n\n");
  std::size_t pos = body == std::string_view::npos ? message.size() : body + 2;
  while (pos < message.size()) {
    std::size_t end = message.find('\n', pos);
    if (end == std::string_view::npos) end = message.size();
    const std::string_view line = message.substr(pos, end - pos);
    TakeField(line, kArticle, &info.article_id) || TakeField(line, kUrl, &info.url) ||
        TakeField(line, kTitle, &info.title) || TakeField(line, kRevision, &revision) ||
        TakeField(line, kFetchedAt, &fetched_at) || TakeField(line, kTextHash, &info.hash) ||
        TakeField(line, kFormat, &format);
    pos = end + 1;
  }
  auto damaged = [&](const std::string& why) {
    return Status::ArchiveDamaged("read revision " + commit_hex + ": " + why);
  };
  if (info.article_id.empty() || info.url.empty() || info.hash.empty()) {
    return damaged("not a stet revision (Stet-Article, Stet-Url or Stet-Text-Hash missing)");
  }
  const auto parsed =
      std::from_chars(revision.data(), revision.data() + revision.size(), info.number);
  if (parsed.ec != std::errc() || parsed.ptr != revision.data() + revision.size() ||
      info.number < 1) {
    return damaged("bad Stet-Revision '" + revision + "'");
  }
  Result<UnixSeconds> when = ParseTimestamp(fetched_at);
  if (!when.ok()) return damaged("bad Stet-Fetched-At '" + fetched_at + "'");
  info.fetched_at = *when;
  return info;
}

}  // namespace stet
