// The commit message of a revision: the one place that knows its fields.
// docs/archive-format.md is the specification; keep the two in step.
#ifndef STET_SRC_STORE_REVISION_FORMAT_H_
#define STET_SRC_STORE_REVISION_FORMAT_H_

#include <string>
#include <string_view>

#include "stet/archive.h"

namespace stet {

inline constexpr const char* kArticleRefPrefix = "refs/stet/articles/";
inline constexpr const char* kTextPath = "text.txt";
inline constexpr const char* kPagePath = "page.html";      // the page as fetched
inline constexpr const char* kPageInfoPath = "page.json";  // its PageInfo
// Texts re-extracted by `stet reextract`: one git note per revision commit.
inline constexpr const char* kExtractionNotesRef = "refs/notes/stet";

std::string ArticleRef(std::string_view article_id);

// Title on one line: white space runs (line breaks included) become one space.
std::string OneLine(std::string_view text);

// The message for a revision; `info.commit` is not part of it.
std::string EncodeRevisionMessage(const RevisionInfo& info);

// Reads the fields back. Fails with kArchiveDamaged naming `commit_hex`
// when a required field is missing or malformed.
Result<RevisionInfo> DecodeRevisionMessage(std::string_view message, const std::string& commit_hex);

// PageInfo as the JSON object stored in page.json, and back. Decoding fails
// with kArchiveDamaged naming `commit_hex`.
std::string EncodePageInfo(const PageInfo& info);
Result<PageInfo> DecodePageInfo(std::string_view json, const std::string& commit_hex);

// A re-extracted text as a note: trailers (Stet-Extractor, Stet-Text-Hash,
// Stet-Title), a blank line, the text.
struct Extraction {
  int extractor = 0;
  std::string hash;
  std::string title;
  std::string text;
};
std::string EncodeExtraction(const Extraction& extraction);
Result<Extraction> DecodeExtraction(std::string_view note, const std::string& commit_hex);

}  // namespace stet

#endif  // STET_SRC_STORE_REVISION_FORMAT_H_
