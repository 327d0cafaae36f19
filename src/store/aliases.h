// Reading the aliases ref (store/aliases.cpp): which article a URL stored
// under another address leads to.
#ifndef STET_SRC_STORE_ALIASES_H_
#define STET_SRC_STORE_ALIASES_H_

#include <optional>
#include <string>

#include "store/archive_impl.h"

namespace stet {

// The article recorded for the URL whose id (ArticleIdOf its canonical
// form) is `alias_id`; nullopt when none is.
Result<std::optional<std::string>> LookupAlias(git_repository* repo, const std::string& alias_id);

}  // namespace stet

#endif  // STET_SRC_STORE_ALIASES_H_
