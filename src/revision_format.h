// The commit message of a revision: the one place that knows its fields.
// docs/archive-format.md is the specification; keep the two in step.
#ifndef STET_SRC_REVISION_FORMAT_H_
#define STET_SRC_REVISION_FORMAT_H_

#include <string>
#include <string_view>

#include "stet/archive.h"

namespace stet {

inline constexpr const char* kArticleRefPrefix = "refs/stet/articles/";
inline constexpr const char* kTextPath = "text.txt";

std::string ArticleRef(std::string_view article_id);

// Title on one line: white space runs (line breaks included) become one space.
std::string OneLine(std::string_view text);

// The message for a revision; `info.commit` is not part of it.
std::string EncodeRevisionMessage(const RevisionInfo& info);

// Reads the fields back. Fails with kArchiveDamaged naming `commit_hex`
// when a required field is missing or malformed.
Result<RevisionInfo> DecodeRevisionMessage(std::string_view message, const std::string& commit_hex);

}  // namespace stet

#endif  // STET_SRC_REVISION_FORMAT_H_
