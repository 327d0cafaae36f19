#include "store/revision_format.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "base/ascii.h"

namespace stet {
namespace {

constexpr std::string_view kArticle = "Stet-Article: ";
constexpr std::string_view kUrl = "Stet-Url: ";
constexpr std::string_view kTitle = "Stet-Title: ";
constexpr std::string_view kRevision = "Stet-Revision: ";
constexpr std::string_view kFetchedAt = "Stet-Fetched-At: ";
constexpr std::string_view kTextHash = "Stet-Text-Hash: ";
constexpr std::string_view kFormat = "Stet-Format: ";
constexpr std::string_view kExtractor = "Stet-Extractor: ";
constexpr std::string_view kMateriality = "Stet-Materiality: ";

bool TakeField(std::string_view line, std::string_view key, std::string* out) {
  if (line.substr(0, key.size()) != key) return false;
  out->assign(line.substr(key.size()));
  return true;
}

// Parses a whole decimal field; false when it is not one.
bool ParseNumber(const std::string& text, int* out) {
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), *out);
  return parsed.ec == std::errc() && parsed.ptr == text.data() + text.size();
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
  if (info.extractor > 0) message.append(kExtractor).append(std::to_string(info.extractor)) += '\n';
  if (info.materiality) {
    // Three decimals: enough to order by, and the same text on every machine.
    char rating[16];
    std::snprintf(rating, sizeof rating, "%.3f", std::clamp(*info.materiality, 0.0, 1.0));
    message.append(kMateriality).append(rating) += '\n';
  }
  message.append(kFormat).append(std::to_string(kArchiveFormat)) += '\n';
  return message;
}

Result<RevisionInfo> DecodeRevisionMessage(std::string_view message,
                                           const std::string& commit_hex) {
  RevisionInfo info;
  info.commit = commit_hex;
  std::string revision, fetched_at, format, extractor, materiality;
  const std::size_t body = message.find("\n\n");
  std::size_t pos = body == std::string_view::npos ? message.size() : body + 2;
  while (pos < message.size()) {
    std::size_t end = message.find('\n', pos);
    if (end == std::string_view::npos) end = message.size();
    const std::string_view line = message.substr(pos, end - pos);
    TakeField(line, kArticle, &info.article_id) || TakeField(line, kUrl, &info.url) ||
        TakeField(line, kTitle, &info.title) || TakeField(line, kRevision, &revision) ||
        TakeField(line, kFetchedAt, &fetched_at) || TakeField(line, kTextHash, &info.hash) ||
        TakeField(line, kFormat, &format) || TakeField(line, kExtractor, &extractor) ||
        TakeField(line, kMateriality, &materiality);
    pos = end + 1;
  }
  auto damaged = [&](const std::string& why) {
    return Status::ArchiveDamaged("read revision " + commit_hex + ": " + why);
  };
  if (info.article_id.empty() || info.url.empty() || info.hash.empty()) {
    return damaged("not a stet revision (Stet-Article, Stet-Url or Stet-Text-Hash missing)");
  }
  if (!ParseNumber(revision, &info.number) || info.number < 1) {
    return damaged("bad Stet-Revision '" + revision + "'");
  }
  if (!extractor.empty() && (!ParseNumber(extractor, &info.extractor) || info.extractor < 1)) {
    return damaged("bad Stet-Extractor '" + extractor + "'");
  }
  if (!materiality.empty()) {
    double rating = -1;
    const auto parsed =
        std::from_chars(materiality.data(), materiality.data() + materiality.size(), rating);
    if (parsed.ec != std::errc() || parsed.ptr != materiality.data() + materiality.size() ||
        !(rating >= 0 && rating <= 1)) {
      return damaged("bad Stet-Materiality '" + materiality + "'");
    }
    info.materiality = rating;
  }
  Result<UnixSeconds> when = ParseTimestamp(fetched_at);
  if (!when.ok()) return damaged("bad Stet-Fetched-At '" + fetched_at + "'");
  info.fetched_at = *when;
  return info;
}

std::string EncodePageInfo(const PageInfo& info) {
  const nlohmann::json json = {{"final_url", info.final_url},
                               {"http_status", info.http_status},
                               {"etag", info.etag},
                               {"last_modified", info.last_modified},
                               {"content_type", info.content_type},
                               {"charset", info.charset},
                               {"byline", info.byline},
                               {"published", info.published},
                               {"extractor", info.extractor}};
  // Invalid UTF-8 in a header value is replaced rather than refused: the
  // page is stored whatever its server sent.
  return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Result<PageInfo> DecodePageInfo(std::string_view text, const std::string& commit_hex) {
  const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_object()) {
    return Status::ArchiveDamaged("read revision " + commit_hex + ": " + kPageInfoPath +
                                  " is not a JSON object");
  }
  PageInfo info;
  // Fields may be added by later versions; missing ones keep their defaults.
  auto text_field = [&](const char* key, std::string* out) {
    const auto found = json.find(key);
    if (found != json.end() && found->is_string()) *out = found->get<std::string>();
  };
  text_field("final_url", &info.final_url);
  text_field("etag", &info.etag);
  text_field("last_modified", &info.last_modified);
  text_field("content_type", &info.content_type);
  text_field("charset", &info.charset);
  text_field("byline", &info.byline);
  text_field("published", &info.published);
  if (const auto status = json.find("http_status");
      status != json.end() && status->is_number_integer()) {
    info.http_status = status->get<long>();
  }
  if (const auto extractor = json.find("extractor");
      extractor != json.end() && extractor->is_number_integer()) {
    info.extractor = extractor->get<int>();
  }
  return info;
}

std::string EncodeExtraction(const Extraction& extraction) {
  std::string note;
  note.append(kExtractor).append(std::to_string(extraction.extractor)) += '\n';
  note.append(kTextHash).append(extraction.hash) += '\n';
  if (!extraction.title.empty()) note.append(kTitle).append(OneLine(extraction.title)) += '\n';
  note += '\n';
  note += extraction.text;
  return note;
}

Result<Extraction> DecodeExtraction(std::string_view note, const std::string& commit_hex) {
  Extraction extraction;
  std::string extractor;
  const std::size_t body = note.find("\n\n");
  const std::string_view head = note.substr(0, body);
  std::size_t pos = 0;
  while (pos < head.size()) {
    std::size_t end = head.find('\n', pos);
    if (end == std::string_view::npos) end = head.size();
    const std::string_view line = head.substr(pos, end - pos);
    TakeField(line, kExtractor, &extractor) || TakeField(line, kTextHash, &extraction.hash) ||
        TakeField(line, kTitle, &extraction.title);
    pos = end + 1;
  }
  if (body == std::string_view::npos || extraction.hash.empty() ||
      !ParseNumber(extractor, &extraction.extractor)) {
    return Status::ArchiveDamaged("read the re-extraction of revision " + commit_hex +
                                  ": not a stet extraction note");
  }
  extraction.text.assign(note.substr(body + 2));
  return extraction;
}

}  // namespace stet
