// The archive's life cycle (init, open) and its read side.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include "base/ascii.h"
#include "stet/identity.h"
#include "store/aliases.h"
#include "store/archive_impl.h"
#include "store/plain_url.h"
#include "store/revision_format.h"

namespace stet {
namespace {

namespace fs = std::filesystem;

bool IsDirectoryEmpty(const std::string& path) {
  std::error_code error;
  return fs::is_empty(path, error) && !error;
}

// Returns the format number of the stet archive at `path`, 0 when it is a
// git repository but not a stet archive, or nullopt when no repository can
// be opened there.
Result<git::RepositoryPtr> OpenRepository(const std::string& path, int* format) {
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, path.c_str(),
                              GIT_REPOSITORY_OPEN_NO_SEARCH | GIT_REPOSITORY_OPEN_BARE,
                              nullptr) != 0) {
    return Status::InvalidInput("archive " + path + ": not a stet archive (not a git repository)");
  }
  git::RepositoryPtr repo(raw);
  git_config* config_raw = nullptr;
  if (git_repository_config_snapshot(&config_raw, repo.get()) != 0) {
    return git::Failure("archive " + path + ": read config");
  }
  git::ConfigPtr config(config_raw);
  std::int32_t value = 0;
  *format = git_config_get_int32(&value, config.get(), "stet.format") == 0 ? value : 0;
  return repo;
}

}  // namespace

Archive::Archive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Archive::Archive(Archive&&) noexcept = default;
Archive& Archive::operator=(Archive&&) noexcept = default;
Archive::~Archive() = default;

const std::string& Archive::path() const {
  return impl_->path;
}

Result<std::optional<std::string>> Archive::ConfigValue(const std::string& key) const {
  git_config* raw = nullptr;
  if (git_repository_config_snapshot(&raw, impl_->repo.get()) != 0) {
    return git::Failure("archive " + impl_->path + ": read config");
  }
  git::ConfigPtr config(raw);
  const char* value = nullptr;
  const int error = git_config_get_string(&value, config.get(), key.c_str());
  if (error == GIT_ENOTFOUND) return std::optional<std::string>();
  if (error != 0) return git::Failure("archive " + impl_->path + ": config " + key);
  return std::optional<std::string>(value);
}

Result<Archive> Archive::Init(const std::string& path, bool* already_existed) {
  git::EnsureInitialized();
  if (already_existed != nullptr) *already_existed = false;
  struct stat info {};
  const bool exists = ::stat(path.c_str(), &info) == 0;
  if (exists && !S_ISDIR(info.st_mode)) {
    return Status::InvalidInput("init " + path + ": exists and is not a directory");
  }
  if (exists && !IsDirectoryEmpty(path)) {
    Result<Archive> opened = Open(path);
    if (!opened.ok()) {
      return Status::InvalidInput("init " + path +
                                  ": directory is not empty and not a stet archive");
    }
    if (already_existed != nullptr) *already_existed = true;
    return opened;
  }
  // Build the repository beside its final place and rename it in, so that a
  // killed `init` leaves either no archive or a whole one.
  const fs::path target = fs::absolute(path).lexically_normal();
  std::error_code error;
  fs::create_directories(target.parent_path(), error);
  const std::string staging = (target.parent_path() / ("." + target.filename().string() + ".init-" +
                                                       std::to_string(::getpid())))
                                  .string();
  git_repository_init_options options;
  git_repository_init_options_init(&options, GIT_REPOSITORY_INIT_OPTIONS_VERSION);
  options.flags =
      GIT_REPOSITORY_INIT_BARE | GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_NO_REINIT;
  options.description =
      "stet archive: one history of revisions per article (see refs/stet/articles/)";
  git_repository* raw = nullptr;
  if (git_repository_init_ext(&raw, staging.c_str(), &options) != 0) {
    Status failure = git::Failure("init " + path);
    fs::remove_all(staging, error);
    return Status::InvalidInput(failure.message());
  }
  git::RepositoryPtr staged(raw);
  git_config* config_raw = nullptr;
  if (git_repository_config(&config_raw, staged.get()) != 0) return git::Failure("init " + path);
  git::ConfigPtr config(config_raw);
  if (git_config_set_int32(config.get(), "stet.format", kArchiveFormat) != 0) {
    return git::Failure("init " + path + ": set stet.format");
  }
  config.reset();
  staged.reset();
  if (::rename(staging.c_str(), target.c_str()) != 0) {
    const std::string cause = std::strerror(errno);
    fs::remove_all(staging, error);
    return Status::InvalidInput("init " + path + ": " + cause);
  }
  return Open(path);
}

Result<Archive> Archive::Open(const std::string& path) {
  git::EnsureInitialized();
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    return Status::NotFound("archive " + path + ": does not exist (make one with `stet init`)");
  }
  if (!S_ISDIR(info.st_mode)) return Status::InvalidInput("archive " + path + ": not a directory");
  int format = 0;
  Result<git::RepositoryPtr> repo = OpenRepository(path, &format);
  if (!repo.ok()) return repo.status();
  if (format == 0) {
    return Status::InvalidInput("archive " + path +
                                ": a git repository but not a stet archive (no stet.format)");
  }
  if (format > kArchiveFormat) {
    return Status::InvalidInput("archive " + path + ": format " + std::to_string(format) +
                                " is newer than this stet reads (" +
                                std::to_string(kArchiveFormat) + ")");
  }
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->repo = std::move(repo).value();
  return Archive(std::move(impl));
}

Result<std::optional<Extraction>> ReadExtraction(git_repository* repo, const git_oid& commit) {
  git_note* raw = nullptr;
  const int rc = git_note_read(&raw, repo, kExtractionNotesRef, &commit);
  if (rc == GIT_ENOTFOUND) return std::optional<Extraction>();
  const std::string hex = git::OidHex(commit);
  if (rc != 0) return git::Failure("read the re-extraction of revision " + hex);
  git::NotePtr note(raw);
  const char* message = git_note_message(note.get());
  Result<Extraction> extraction = DecodeExtraction(message == nullptr ? "" : message, hex);
  if (!extraction.ok()) return extraction.status();
  return std::optional<Extraction>(std::move(extraction).value());
}

Result<RevisionInfo> ReadRevision(git_commit* commit) {
  const std::string hex = git::OidHex(*git_commit_id(commit));
  const char* message = git_commit_message_raw(commit);
  Result<RevisionInfo> info = DecodeRevisionMessage(message == nullptr ? "" : message, hex);
  if (!info.ok() || info->extractor == 0) return info;
  // Only a revision extracted from a page can have been re-extracted.
  info->has_page = true;
  Result<std::optional<Extraction>> extraction =
      ReadExtraction(git_commit_owner(commit), *git_commit_id(commit));
  if (!extraction.ok()) return extraction.status();
  if (*extraction) {
    info->reextracted = true;
    info->hash = (*extraction)->hash;
    info->extractor = (*extraction)->extractor;
    if (!(*extraction)->title.empty()) info->title = (*extraction)->title;
  }
  return info;
}

Result<std::optional<git_oid>> ReadArticleRef(git_repository* repo, const std::string& article_id) {
  const std::string ref = ArticleRef(article_id);
  git_oid oid;
  const int rc = git_reference_name_to_id(&oid, repo, ref.c_str());
  if (rc == 0) return std::optional<git_oid>(oid);
  if (rc != GIT_ENOTFOUND) return git::Failure("article " + article_id + ": read its ref " + ref);
  // libgit2 reports a loose ref file it cannot parse as no ref at all.
  const std::string file = std::string(git_repository_path(repo)) + ref;
  struct stat info;
  if (::stat(file.c_str(), &info) != 0) return std::optional<git_oid>();
  // A writer may have moved the ref into place since: read it once more
  // before calling it damaged.
  if (git_reference_name_to_id(&oid, repo, ref.c_str()) == 0) return std::optional<git_oid>(oid);
  return Status::ArchiveDamaged("article " + article_id + ": its ref " + ref + " cannot be read (" +
                                std::to_string(info.st_size) + "-byte file, not a commit id)");
}

Result<std::optional<Tip>> ReadTip(git_repository* repo, const std::string& article_id) {
  Result<std::optional<git_oid>> oid = ReadArticleRef(repo, article_id);
  if (!oid.ok()) return oid.status();
  if (!*oid) return std::optional<Tip>();
  Tip tip;
  tip.oid = **oid;
  const std::string what = "article " + article_id + ": read its latest revision";
  git_commit* raw = nullptr;
  if (git_commit_lookup(&raw, repo, &tip.oid) != 0) return git::Failure(what);
  git::CommitPtr commit(raw);
  Result<RevisionInfo> info = ReadRevision(commit.get());
  if (!info.ok()) return info.status();
  tip.info = std::move(info).value();
  return std::optional<Tip>(std::move(tip));
}

Status CheckTipReadable(git_repository* repo, const Tip& tip) {
  const std::string what = "article " + tip.info.article_id + ": its latest revision (" +
                           std::to_string(tip.info.number) + ") cannot be read, so its history " +
                           "is not extended";
  git_commit* commit_raw = nullptr;
  if (git_commit_lookup(&commit_raw, repo, &tip.oid) != 0) return git::Failure(what);
  git::CommitPtr commit(commit_raw);
  git_tree* tree_raw = nullptr;
  if (git_commit_tree(&tree_raw, commit.get()) != 0) return git::Failure(what);
  git::TreePtr tree(tree_raw);
  for (std::size_t i = 0; i < git_tree_entrycount(tree.get()); ++i) {
    const git_tree_entry* entry = git_tree_entry_byindex(tree.get(), i);
    git_blob* blob_raw = nullptr;
    if (git_blob_lookup(&blob_raw, repo, git_tree_entry_id(entry)) != 0) {
      return git::Failure(what);
    }
    git::BlobPtr blob(blob_raw);
  }
  return Status::Ok();
}

Result<std::vector<ArticleSummary>> Archive::List() {
  git_reference_iterator* raw = nullptr;
  const std::string glob = std::string(kArticleRefPrefix) + "*";
  if (git_reference_iterator_glob_new(&raw, impl_->repo.get(), glob.c_str()) != 0) {
    return git::Failure("list " + impl_->path);
  }
  git::ReferenceIteratorPtr iterator(raw);
  std::vector<ArticleSummary> articles;
  const char* name = nullptr;
  int rc;
  std::set<std::string> ids;
  while ((rc = git_reference_next_name(&name, iterator.get())) == 0) {
    ids.insert(std::string(name).substr(std::strlen(kArticleRefPrefix)));
  }
  if (rc != GIT_ITEROVER) return git::Failure("list " + impl_->path);
  // libgit2's listing passes over a loose ref file it cannot parse: the
  // files themselves are listed too, so that a damaged article is reported.
  std::error_code error;
  for (const auto& entry :
       std::filesystem::directory_iterator(impl_->path + "/" + kArticleRefPrefix, error)) {
    const std::string file = entry.path().filename().string();
    if (LooksLikeIdPrefix(file) && file.size() == 16) ids.insert(file);
  }
  for (const std::string& id : ids) {
    Result<std::optional<Tip>> tip = ReadTip(impl_->repo.get(), id);
    if (!tip.ok() && tip.status().code() == Status::Code::kArchiveDamaged) {
      ArticleSummary damaged;
      damaged.id = id;
      damaged.damage = tip.status().message();
      articles.push_back(std::move(damaged));
      continue;
    }
    if (!tip.ok()) return tip.status();
    if (!tip->has_value()) continue;  // removed while we listed
    const RevisionInfo& latest = (*tip)->info;
    articles.push_back({id, latest.url, latest.title, latest.number, latest.fetched_at,
                        latest.commit, latest.materiality, ""});
  }
  std::sort(articles.begin(), articles.end(), [](const ArticleSummary& a, const ArticleSummary& b) {
    if (a.damage.empty() != b.damage.empty()) return a.damage.empty();
    if (a.last_fetched_at != b.last_fetched_at) return a.last_fetched_at > b.last_fetched_at;
    return a.url < b.url;
  });
  return articles;
}

Result<std::string> Archive::ResolveArticle(std::string_view article) {
  const std::string given(article);
  // An article whose ref exists but cannot be read is damaged, not absent.
  auto exists = [&](const std::string& id) -> Result<bool> {
    Result<std::optional<git_oid>> oid = ReadArticleRef(impl_->repo.get(), id);
    if (!oid.ok()) return oid.status();
    return oid->has_value();
  };
  auto by_name = [&](Result<std::string> name) -> Result<std::string> {
    if (!name.ok()) return name.status();
    const std::string id = ArticleIdOf(*name);
    Result<bool> found = exists(id);
    if (!found.ok()) return found.status();
    if (*found) return id;
    // A URL that led to an article stored under another one.
    Result<std::optional<std::string>> alias = LookupAlias(impl_->repo.get(), id);
    if (!alias.ok()) return alias.status();
    if (alias->has_value()) {
      Result<bool> target = exists(**alias);
      if (!target.ok()) return target.status();
      if (*target) return **alias;
    }
    return Status::NotFound("article " + given + ": not in the archive");
  };
  if (given.find("://") != std::string::npos) {
    // A plain URL is canonicalised without a parser (store/plain_url.h).
    // Another given as the archive stores it (as `list` and `log` print
    // it) is found without one too: canonicalising a canonical URL gives
    // it back, so its article id is its own hash. libcurl's parser, opened
    // on first use with some twenty libraries, is left for other spellings.
    if (std::optional<std::string> plain = CanonicalPlainUrl(given)) {
      return by_name(std::move(*plain));
    }
    const std::string id = ArticleIdOf(given);
    Result<std::optional<Tip>> tip = ReadTip(impl_->repo.get(), id);
    if (tip.ok() && tip->has_value() && (*tip)->info.url == given) return id;
    return by_name(CanonicalUrlByParser(given));
  }
  if (given.rfind("key:", 0) == 0) return by_name(KeyName(given.substr(4)));
  if (!LooksLikeIdPrefix(given)) {
    return Status::InvalidInput("article " + given + ": not a URL, an article id or an id prefix");
  }
  const std::string prefix = AsciiLower(given);
  if (prefix.size() == 16) {
    Result<bool> found = exists(prefix);
    if (!found.ok()) return found.status();
    if (!*found) return Status::NotFound("article " + given + ": not in the archive");
    return prefix;
  }
  git_reference_iterator* raw = nullptr;
  const std::string glob = std::string(kArticleRefPrefix) + prefix + "*";
  if (git_reference_iterator_glob_new(&raw, impl_->repo.get(), glob.c_str()) != 0) {
    return git::Failure("resolve article " + given);
  }
  git::ReferenceIteratorPtr iterator(raw);
  std::vector<std::string> matches;
  const char* name = nullptr;
  while (git_reference_next_name(&name, iterator.get()) == 0) {
    matches.push_back(std::string(name).substr(std::strlen(kArticleRefPrefix)));
  }
  if (matches.empty())
    return Status::NotFound("article " + given + ": no article id starts with it");
  if (matches.size() > 1) {
    return Status::InvalidInput("article " + given + ": ambiguous, " +
                                std::to_string(matches.size()) + " article ids start with it");
  }
  return matches.front();
}

Result<std::vector<RevisionInfo>> ReadHistory(git_repository* repo, const Tip& tip) {
  const std::string what = "log " + tip.info.article_id;
  std::vector<RevisionInfo> revisions{tip.info};
  git_commit* raw = nullptr;
  if (git_commit_lookup(&raw, repo, &tip.oid) != 0) return git::Failure(what);
  git::CommitPtr commit(raw);
  while (git_commit_parentcount(commit.get()) > 0) {
    if (git_commit_parent(&raw, commit.get(), 0) != 0) return git::Failure(what);
    commit.reset(raw);
    Result<RevisionInfo> info = ReadRevision(commit.get());
    if (!info.ok()) return info.status();
    revisions.push_back(std::move(info).value());
  }
  return revisions;
}

Result<std::vector<RevisionInfo>> Archive::Log(const std::string& article_id) {
  Result<std::optional<Tip>> tip = ReadTip(impl_->repo.get(), article_id);
  if (!tip.ok()) return tip.status();
  if (!tip->has_value()) return Status::NotFound("article " + article_id + ": not in the archive");
  Result<std::vector<RevisionInfo>> history = ReadHistory(impl_->repo.get(), **tip);
  if (!history.ok()) return history.status();
  std::vector<RevisionInfo> revisions = std::move(history).value();
  std::reverse(revisions.begin(), revisions.end());
  for (std::size_t i = 0; i < revisions.size(); ++i) {
    if (revisions[i].number != static_cast<int>(i) + 1 || revisions[i].article_id != article_id) {
      return Status::ArchiveDamaged("log " + article_id + ": revision " + revisions[i].commit +
                                    " is out of sequence");
    }
  }
  return revisions;
}

Result<RevisionInfo> Archive::ResolveRevision(const std::string& article_id, std::string_view rev) {
  Result<std::vector<RevisionInfo>> log = Log(article_id);
  if (!log.ok()) return log.status();
  const std::string given(rev);
  const int count = static_cast<int>(log->size());
  const std::string subject = "revision " + given + " of " + article_id;
  int number = 0;
  const auto parsed = std::from_chars(given.data(), given.data() + given.size(), number);
  const bool is_number =
      !given.empty() && parsed.ec == std::errc() && parsed.ptr == given.data() + given.size();
  if (is_number && number < 0) {
    if (-number > count) {
      return Status::NotFound(subject + ": the article has " + std::to_string(count) +
                              " revision(s)");
    }
    return (*log)[static_cast<std::size_t>(count + number)];
  }
  if (is_number && number == 0)
    return Status::InvalidInput(subject + ": revisions are numbered from 1");
  if (is_number && number <= count) return (*log)[static_cast<std::size_t>(number - 1)];
  const bool is_hex = given.size() >= 4 && given.size() <= 40 &&
                      std::all_of(given.begin(), given.end(), [](char c) {
                        return std::isxdigit(static_cast<unsigned char>(c)) != 0;
                      });
  if (!is_hex) {
    if (is_number) {
      return Status::NotFound(subject + ": the article has " + std::to_string(count) +
                              " revision(s)");
    }
    return Status::InvalidInput(subject +
                                ": not a revision number, -1, -2, ... or a commit id prefix");
  }
  const std::string prefix = AsciiLower(given);
  const RevisionInfo* found = nullptr;
  for (const RevisionInfo& revision : *log) {
    if (revision.commit.compare(0, prefix.size(), prefix) != 0) continue;
    if (found != nullptr) return Status::InvalidInput(subject + ": ambiguous commit prefix");
    found = &revision;
  }
  if (found == nullptr) {
    return Status::NotFound(
        subject + (is_number ? ": the article has " + std::to_string(count) + " revision(s)"
                             : ": no revision has that commit id"));
  }
  return *found;
}

namespace {

// The bytes of the file `name` in a revision's tree; nullopt when the tree
// has no such file.
Result<std::optional<std::string>> ReadRevisionFile(git_repository* repo,
                                                    const std::string& commit_hex,
                                                    const char* name) {
  git_oid oid;
  if (git_oid_fromstr(&oid, commit_hex.c_str()) != 0) {
    return Status::InvalidInput("read revision " + commit_hex + ": not a commit id");
  }
  const std::string what = std::string("read ") + name + " of revision " + commit_hex;
  git_commit* commit_raw = nullptr;
  if (git_commit_lookup(&commit_raw, repo, &oid) != 0) return git::Failure(what);
  git::CommitPtr commit(commit_raw);
  git_tree* tree_raw = nullptr;
  if (git_commit_tree(&tree_raw, commit.get()) != 0) return git::Failure(what);
  git::TreePtr tree(tree_raw);
  const git_tree_entry* entry = git_tree_entry_byname(tree.get(), name);
  if (entry == nullptr) return std::optional<std::string>();
  git_blob* blob_raw = nullptr;
  if (git_blob_lookup(&blob_raw, repo, git_tree_entry_id(entry)) != 0) return git::Failure(what);
  git::BlobPtr blob(blob_raw);
  return std::optional<std::string>(
      std::string(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                  static_cast<std::size_t>(git_blob_rawsize(blob.get()))));
}

}  // namespace

Result<std::string> Archive::ReadText(const RevisionInfo& revision) {
  if (revision.reextracted) {
    git_oid oid;
    if (git_oid_fromstr(&oid, revision.commit.c_str()) != 0) {
      return Status::InvalidInput("read revision " + revision.commit + ": not a commit id");
    }
    Result<std::optional<Extraction>> extraction = ReadExtraction(impl_->repo.get(), oid);
    if (!extraction.ok()) return extraction.status();
    if (*extraction) return std::move((*extraction)->text);
  }
  Result<std::optional<std::string>> text =
      ReadRevisionFile(impl_->repo.get(), revision.commit, kTextPath);
  if (!text.ok()) return text.status();
  if (!*text) {
    return Status::ArchiveDamaged("read text of revision " + revision.commit + ": no " + kTextPath);
  }
  return std::move(**text);
}

namespace {

Status NoPageStored(const RevisionInfo& revision) {
  return Status::NotFound("revision " + std::to_string(revision.number) + " of " + revision.url +
                          ": no page stored (it was added as text)");
}

}  // namespace

// A revision's page.json, decoded; nullopt when it has none.
static Result<std::optional<PageInfo>> ReadStoredPageInfo(git_repository* repo,
                                                          const RevisionInfo& revision) {
  Result<std::optional<std::string>> json = ReadRevisionFile(repo, revision.commit, kPageInfoPath);
  if (!json.ok()) return json.status();
  if (!*json) return std::optional<PageInfo>();
  Result<PageInfo> info = DecodePageInfo(**json, revision.commit);
  if (!info.ok()) return info.status();
  return std::optional<PageInfo>(std::move(info).value());
}

Result<std::string> ReadStoredText(git_repository* repo, const RevisionInfo& revision) {
  Result<std::optional<std::string>> text = ReadRevisionFile(repo, revision.commit, kTextPath);
  if (!text.ok()) return text.status();
  if (!*text) {
    return Status::ArchiveDamaged("read text of revision " + revision.commit + ": no " + kTextPath);
  }
  return std::move(**text);
}

void Archive::SetRevisionRater(RevisionRater rater) {
  impl_->rater = std::move(rater);
}

Result<RevisionMetadata> ReadMetadataOf(git_repository* repo, const RevisionInfo& revision) {
  RevisionMetadata metadata;
  metadata.title = revision.title;
  if (!revision.has_page) return metadata;
  Result<std::optional<PageInfo>> info = ReadStoredPageInfo(repo, revision);
  if (!info.ok()) return info.status();
  if (!*info) return metadata;
  metadata.has_page = true;
  metadata.byline = (*info)->byline;
  metadata.published = (*info)->published;
  return metadata;
}

Result<StoredPage> Archive::ReadPage(const RevisionInfo& revision) {
  Result<std::optional<std::string>> html =
      ReadRevisionFile(impl_->repo.get(), revision.commit, kPagePath);
  if (!html.ok()) return html.status();
  if (!*html) {
    return NoPageStored(revision);
  }
  Result<std::optional<std::string>> json =
      ReadRevisionFile(impl_->repo.get(), revision.commit, kPageInfoPath);
  if (!json.ok()) return json.status();
  StoredPage page;
  page.html = std::move(**html);
  if (*json) {
    Result<PageInfo> info = DecodePageInfo(**json, revision.commit);
    if (!info.ok()) return info.status();
    page.info = std::move(info).value();
    page.info_json = std::move(**json);
  }
  return page;
}

Result<PageInfo> Archive::ReadPageInfo(const RevisionInfo& revision) {
  Result<std::optional<PageInfo>> info = ReadStoredPageInfo(impl_->repo.get(), revision);
  if (!info.ok()) return info.status();
  if (!*info) return NoPageStored(revision);
  return std::move(**info);
}

}  // namespace stet
