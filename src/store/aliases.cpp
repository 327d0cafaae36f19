// URLs that lead to an article stored under another URL (the page's
// canonical link named another address): `stet log URL` and a conditional
// fetch of URL find the article all the same. They are kept in a ref of
// their own, refs/stet/aliases, a history of trees mapping the alias's id
// (as an article id is made from a URL) to "<article id>\n<alias URL>\n",
// fanned out by the id's first two digits as git fans out objects, so that
// a clone or a push carries them and each new alias is one small commit.
#include "store/aliases.h"

#include "stet/identity.h"
#include "store/ref_tree.h"

namespace stet {
namespace {

constexpr const char* kAliasesRef = "refs/stet/aliases";

// "ab/cdef0123456789": fanned out by the first two digits, as git fans out
// objects, so that no tree grows past a few hundred entries.
std::string PathOf(const std::string& alias_id) {
  return alias_id.substr(0, 2) + "/" + alias_id.substr(2);
}

}  // namespace

Result<std::optional<std::string>> LookupAlias(git_repository* repo, const std::string& alias_id) {
  Result<std::optional<std::string>> content = ReadTreeEntry(repo, kAliasesRef, PathOf(alias_id));
  if (!content.ok() || !content->has_value()) return content;
  const std::string article = (*content)->substr(0, (*content)->find('\n'));
  if (article.size() != 16 || article.find_first_not_of("0123456789abcdef") != std::string::npos) {
    return Status::ArchiveDamaged("read alias " + alias_id + ": no article id in it");
  }
  return std::optional<std::string>(article);
}

Status Archive::RecordAlias(std::string_view url, const std::string& article_id) {
  const std::string what = "record " + std::string(url) + " as a URL of article " + article_id;
  Result<std::string> canonical = CanonicalUrl(url);
  if (!canonical.ok()) return canonical.status().WithContext(what);
  const std::string alias_id = ArticleIdOf(*canonical);
  if (alias_id == article_id) return Status::Ok();  // its own URL
  // Known already: nothing to write (and no lock to take).
  Result<std::optional<std::string>> known = LookupAlias(impl_->repo.get(), alias_id);
  if (!known.ok()) return known.status();
  if (known->has_value() && **known == article_id) return Status::Ok();
  const std::string message = "alias " + *canonical + " -> " + article_id + "\n";
  Result<std::size_t> written = CommitTreeChanges(
      *impl_, kAliasesRef, {{PathOf(alias_id), article_id + "\n" + *canonical + "\n"}},
      [&](const std::vector<const TreeChange*>&) { return message; });
  return written.ok() ? Status::Ok() : written.status();
}

}  // namespace stet
