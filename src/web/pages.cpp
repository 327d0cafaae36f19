#include "stet/pages.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include "base/ascii.h"
#include "stet/charset.h"
#include "stet/identity.h"
#include "stet/text.h"

namespace stet {
namespace {

// The path and query of a canonical URL ("https://host/a?b" gives "/a?b").
std::string_view PathOf(std::string_view canonical) {
  const std::size_t scheme = canonical.find("://");
  if (scheme == std::string_view::npos) return "/";
  const std::size_t path = canonical.find('/', scheme + 3);
  return path == std::string_view::npos ? std::string_view("/") : canonical.substr(path);
}

// Whether `canonical` names the front page or a section folder above the
// page at `fetched` (paths without their query): "/" or "/world/" above
// "/world/2025/story". An AMP copy ("/story/amp") naming its article
// ("/story") is not that.
bool IsSectionOf(std::string_view canonical, std::string_view fetched) {
  canonical = canonical.substr(0, canonical.find('?'));
  fetched = fetched.substr(0, fetched.find('?'));
  if (canonical == "/") return fetched != "/";
  std::string_view above = canonical;
  if (above.ends_with('/')) above.remove_suffix(1);
  if (!fetched.starts_with(above) || fetched.size() <= above.size() + 1 ||
      fetched[above.size()] != '/') {
    return false;
  }
  std::string_view rest = fetched.substr(above.size() + 1);
  if (rest.ends_with('/')) rest.remove_suffix(1);
  return AsciiLower(rest) != "amp";
}

// The pairs of consecutive words of a text (letters and digits, lower
// case), hashed and sorted: what two texts share, whatever their order of
// paragraphs or their spacing.
std::vector<std::uint64_t> WordPairs(std::string_view text) {
  std::vector<std::uint64_t> pairs;
  std::string previous, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!previous.empty()) {
      const std::string pair = previous + " " + word;
      pairs.push_back(XXH3_64bits(pair.data(), pair.size()));
    }
    previous = std::move(word);
    word.clear();
  };
  for (char c : text) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (IsAsciiAlnum(c) || byte >= 0x80) {
      word += AsciiLowerChar(c);
    } else {
      flush();
    }
  }
  flush();
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

// True for the media types a page is served as, and for no type at all
// (some servers send none; the bytes decide then).
bool IsPageType(std::string_view content_type) {
  const std::string type = AsciiLower(content_type.substr(0, content_type.find(';')));
  return type.empty() || type == "text/html" || type == "application/xhtml+xml" ||
         type == "text/plain" || type == "application/xml" || type == "text/xml";
}

NewRevision RevisionOf(std::string_view bytes, const ReadPageResult& read, std::string url,
                       UnixSeconds at) {
  NewRevision revision;
  revision.url = std::move(url);
  revision.text = read.article.text;
  revision.title = read.article.title;
  revision.fetched_at = at;
  revision.html.assign(bytes);
  revision.page.charset = read.charset;
  revision.page.byline = read.article.byline;
  revision.page.published = read.article.published;
  revision.page.extractor = kExtractorVersion;
  return revision;
}

Result<PageOutcome> Store(Archive& archive, const NewRevision& revision, long http_status) {
  Result<AddOutcome> added = archive.Add(revision);
  if (!added.ok()) return added.status();
  PageOutcome outcome;
  outcome.kind = added->stored ? PageOutcome::Kind::kStored : PageOutcome::Kind::kUnchanged;
  outcome.revision = std::move(added->revision);
  outcome.http_status = http_status;
  return outcome;
}

// The latest revision stored for `url`; nullopt when the article is not
// archived yet.
Result<std::optional<RevisionInfo>> LatestRevision(Archive& archive, std::string_view url) {
  Result<std::string> id = archive.ResolveArticle(url);
  if (!id.ok()) {
    if (id.status().code() == Status::Code::kNotFound) return std::optional<RevisionInfo>();
    return id.status();
  }
  Result<RevisionInfo> latest = archive.ResolveRevision(*id, "-1");
  if (!latest.ok()) return latest.status();
  return std::optional<RevisionInfo>(std::move(latest).value());
}

// The URLs that led to a page lead to its article from now on, whatever it
// is stored under (a no-op for its own URL).
Status RecordAliases(Archive& archive, const PreparedPage& page, const std::string& article_id) {
  for (const std::string& alias : page.aliases) {
    Status recorded = archive.RecordAlias(alias, article_id);
    if (!recorded.ok()) return recorded.WithContext(page.subject);
  }
  return Status::Ok();
}

// The revision `revision`'s text re-appears, when it equals one of the
// kReappearanceWindow revisions before the article's latest (the latest
// itself is Add's "unchanged"); nullopt when it is new.
Result<std::optional<PageOutcome>> Reappearance(Archive& archive, const NewRevision& revision) {
  Result<std::string> id = archive.ResolveArticle(revision.url);
  if (!id.ok()) {
    if (id.status().code() == Status::Code::kNotFound) return std::optional<PageOutcome>();
    return id.status();
  }
  Result<std::vector<RevisionInfo>> log = archive.Log(*id);
  if (!log.ok()) return log.status();
  if (log->size() < 2) return std::optional<PageOutcome>();
  const std::string hash = ContentHash(StorableText(revision.text));
  if (log->back().hash == hash) return std::optional<PageOutcome>();
  const std::size_t earliest =
      log->size() - 1 - std::min<std::size_t>(log->size() - 1, kReappearanceWindow);
  for (std::size_t i = log->size() - 1; i-- > earliest;) {
    if ((*log)[i].hash != hash) continue;
    PageOutcome outcome;
    outcome.kind = PageOutcome::Kind::kReappeared;
    outcome.revision = (*log)[i];
    outcome.http_status = revision.page.http_status;
    return std::optional<PageOutcome>(std::move(outcome));
  }
  return std::optional<PageOutcome>();
}

// `url` without user:password@, which page.json must not keep (a secret in
// every clone of the archive).
std::string WithoutCredentials(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::string(url);
  const std::size_t authority = scheme + 3;
  const std::size_t end = std::min(url.find_first_of("/?#", authority), url.size());
  const std::size_t at = url.substr(0, end).rfind('@');
  if (at == std::string_view::npos || at < authority) return std::string(url);
  return std::string(url.substr(0, authority)) + std::string(url.substr(at + 1));
}

// The WHATWG MIME sniffing rule for text against binary: a byte no text
// holds (a control character other than tab, line breaks, form feed and
// escape) in the first 1445 bytes, unless a UTF-16 byte order mark starts
// them. Later stray NUL bytes are text a browser shows around.
bool LooksBinary(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return false;
  for (char c : bytes.substr(0, 1445)) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x08 || byte == 0x0B || (byte >= 0x0E && byte <= 0x1A) ||
        (byte >= 0x1C && byte <= 0x1F)) {
      return true;
    }
  }
  return false;
}

}  // namespace

Result<ReadPageResult> ReadPage(std::string_view bytes, std::string_view url,
                                std::string_view http_charset) {
  if (LooksBinary(bytes)) return Status::InvalidInput("not a web page: binary data");
  Result<DecodedPage> decoded = HtmlToUtf8(bytes, http_charset);
  if (!decoded.ok()) return decoded.status();
  Result<ExtractedArticle> article = ExtractArticle(decoded->utf8, url);
  if (!article.ok()) return article.status();
  if (Status text = CheckText(article->text); !text.ok()) {
    return Status::InvalidInput("no article text found (" + text.message() + ")");
  }
  return ReadPageResult{std::move(article).value(), std::move(decoded->charset)};
}

std::string ArticleUrlOf(std::string_view final_url, std::string_view canonical_url) {
  const std::string fallback(final_url);
  if (canonical_url.empty() || !IsHttpUrl(canonical_url)) return fallback;
  Result<std::string> canonical = CanonicalUrl(canonical_url);
  if (!canonical.ok()) return fallback;
  // A page read from a file, with no address of its own: its canonical
  // link is the only name it has.
  if (final_url.empty()) return *canonical;
  // Another site cannot name this page's article: it would write into that
  // site's history.
  if (!SameSite(final_url, *canonical)) return fallback;
  Result<std::string> fetched = CanonicalUrl(final_url);
  if (!fetched.ok()) return fallback;
  // A canonical link to the front page or to a section above the page is a
  // template's mistake, not a name for this article: it would join every
  // article of the site or the section.
  if (IsSectionOf(PathOf(*canonical), PathOf(*fetched))) return fallback;
  return *canonical;
}

double SharedText(std::string_view a, std::string_view b) {
  const std::vector<std::uint64_t> first = WordPairs(a), second = WordPairs(b);
  if (first.empty() || second.empty()) return first.empty() && second.empty() ? 1.0 : 0.0;
  std::size_t shared = 0;
  for (std::size_t i = 0, j = 0; i < first.size() && j < second.size();) {
    if (first[i] == second[j]) {
      ++shared;
      ++i;
      ++j;
    } else if (first[i] < second[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<double>(shared) / static_cast<double>(std::min(first.size(), second.size()));
}

Result<FetchOptions> ConditionalOptions(Archive& archive, std::string_view url,
                                        const FetchOptions& options) {
  FetchOptions conditional = options;
  Result<std::optional<RevisionInfo>> found = LatestRevision(archive, url);
  if (!found.ok()) return found.status().WithContext(std::string(url));
  if (*found && (*found)->has_page) {
    Result<PageInfo> stored = archive.ReadPageInfo(**found);
    if (!stored.ok()) return stored.status();
    conditional.if_none_match = stored->etag;
    conditional.if_modified_since = stored->last_modified;
  }
  return conditional;
}

Result<PreparedPage> PrepareFetchedPage(Archive& archive, std::string_view url,
                                        const FetchedPage& fetched, UnixSeconds now,
                                        bool allow_earlier) {
  PreparedPage prepared;
  const std::string subject(url);
  if (fetched.not_modified) {
    Result<std::optional<RevisionInfo>> latest = LatestRevision(archive, url);
    if (!latest.ok()) return latest.status().WithContext(subject);
    if (!*latest) {
      return Status::Network(subject +
                             ": HTTP 304 Not Modified to a request that was not "
                             "conditional");
    }
    PageOutcome outcome;
    outcome.kind = PageOutcome::Kind::kNotModified;
    outcome.revision = **latest;
    outcome.http_status = fetched.http_status;
    prepared.outcome = std::move(outcome);
    return prepared;
  }
  if (!IsPageType(fetched.content_type)) {
    return Status::InvalidInput(subject + ": not a web page (Content-Type " + fetched.content_type +
                                ")");
  }
  Result<ReadPageResult> read =
      ReadPage(fetched.body, fetched.final_url, CharsetOfContentType(fetched.content_type));
  if (!read.ok()) return read.status().WithContext(subject);
  std::string article_url = ArticleUrlOf(fetched.final_url, read->article.canonical_url);
  Result<std::string> own = CanonicalUrl(fetched.final_url);
  Result<std::string> named_url = CanonicalUrl(article_url);
  if (own.ok() && named_url.ok() && *named_url != *own) {
    // The canonical article is another page if their texts share almost
    // nothing (many pages naming one section page, a template's error).
    Result<std::optional<RevisionInfo>> named = LatestRevision(archive, article_url);
    if (!named.ok()) return named.status().WithContext(subject);
    if (*named) {
      Result<std::string> text = archive.ReadText(**named);
      if (!text.ok()) return text.status().WithContext(subject);
      if (SharedText(*text, read->article.text) < kSameArticleShare) article_url = *own;
    }
  }
  NewRevision revision = RevisionOf(fetched.body, *read, article_url, now);
  revision.page.final_url = WithoutCredentials(fetched.final_url);
  revision.page.http_status = fetched.http_status;
  revision.page.etag = fetched.etag;
  revision.page.last_modified = fetched.last_modified;
  revision.page.content_type = fetched.content_type;
  revision.allow_earlier = allow_earlier;
  if (Status valid = Archive::Validate(revision); !valid.ok()) return valid.WithContext(subject);
  Result<std::optional<PageOutcome>> reappeared = Reappearance(archive, revision);
  if (!reappeared.ok()) return reappeared.status().WithContext(subject);
  prepared.outcome = std::move(*reappeared);
  prepared.revision = std::move(revision);
  // The URL fetched and the one the fetch ended at lead to this article from
  // now on, whatever it is stored under (a no-op for its own URL).
  prepared.aliases = {WithoutCredentials(url), WithoutCredentials(fetched.final_url)};
  prepared.subject = subject;
  return prepared;
}

Result<std::vector<PageOutcome>> StorePreparedPages(Archive& archive,
                                                    const std::vector<PreparedPage>& pages) {
  std::vector<NewRevision> revisions;
  for (const PreparedPage& page : pages) {
    if (!page.outcome) revisions.push_back(page.revision);
  }
  std::vector<AddOutcome> added;
  if (!revisions.empty()) {
    Result<std::vector<AddOutcome>> batch = archive.AddBatch(revisions);
    if (!batch.ok()) return batch.status();
    added = std::move(batch).value();
  }
  std::vector<PageOutcome> outcomes;
  std::size_t next = 0;
  for (const PreparedPage& page : pages) {
    if (page.outcome) {
      outcomes.push_back(*page.outcome);
    } else {
      AddOutcome& one = added[next++];
      PageOutcome outcome;
      outcome.kind = one.stored ? PageOutcome::Kind::kStored : PageOutcome::Kind::kUnchanged;
      outcome.revision = std::move(one.revision);
      outcome.http_status = page.revision.page.http_status;
      outcome.refused = std::move(one.refused);
      outcomes.push_back(std::move(outcome));
    }
    if (!outcomes.back().refused.ok()) continue;
    if (Status recorded = RecordAliases(archive, page, outcomes.back().revision.article_id);
        !recorded.ok()) {
      return recorded;
    }
  }
  return outcomes;
}

Result<PageOutcome> StoreFetchedPage(Archive& archive, std::string_view url,
                                     const FetchedPage& fetched, UnixSeconds now,
                                     bool allow_earlier) {
  Result<PreparedPage> prepared = PrepareFetchedPage(archive, url, fetched, now, allow_earlier);
  if (!prepared.ok()) return prepared.status();
  Result<PageOutcome> outcome = prepared->outcome
                                    ? Result<PageOutcome>(*prepared->outcome)
                                    : Store(archive, prepared->revision, fetched.http_status);
  if (!outcome.ok()) return outcome.status().WithContext(prepared->subject);
  if (outcome->kind != PageOutcome::Kind::kNotModified) {
    Status recorded = RecordAliases(archive, *prepared, outcome->revision.article_id);
    if (!recorded.ok()) return recorded;
  }
  return outcome;
}

Result<PageOutcome> AddFromUrl(Archive& archive, std::string_view url, const FetchOptions& options,
                               UnixSeconds now, bool allow_earlier) {
  Result<FetchOptions> conditional = ConditionalOptions(archive, url, options);
  if (!conditional.ok()) return conditional.status();
  Result<FetchedPage> fetched = Fetch(url, *conditional);
  if (!fetched.ok()) return fetched.status();
  return StoreFetchedPage(archive, url, *fetched, now, allow_earlier);
}

Result<NewRevision> RevisionFromPage(std::string_view bytes, std::string_view url, UnixSeconds at) {
  Result<ReadPageResult> read = ReadPage(bytes, url);
  if (!read.ok()) return read.status();
  return RevisionOf(bytes, *read, std::string(url), at);
}

Result<PageOutcome> AddSavedPage(Archive& archive, std::string_view bytes, std::string_view url,
                                 UnixSeconds at, bool allow_earlier) {
  Result<NewRevision> revision = RevisionFromPage(bytes, url, at);
  if (!revision.ok()) return revision.status();
  revision->allow_earlier = allow_earlier;
  return Store(archive, *revision, 0);
}

Result<ReextractSummary> Reextract(Archive& archive, const std::string& article_id, bool force) {
  Result<std::vector<RevisionInfo>> log = archive.Log(article_id);
  if (!log.ok()) return log.status();
  ReextractSummary summary;
  for (const RevisionInfo& revision : *log) {
    if (!revision.has_page) {
      ++summary.without_page;
      continue;
    }
    if (revision.extractor == kExtractorVersion && !force) {
      ++summary.skipped;
      continue;
    }
    Result<StoredPage> page = archive.ReadPage(revision);
    if (!page.ok()) return page.status();
    const std::string where =
        "reextract revision " + std::to_string(revision.number) + " of " + revision.url;
    Result<ReadPageResult> read =
        ReadPage(page->html, page->info.final_url.empty() ? revision.url : page->info.final_url,
                 CharsetOfContentType(page->info.content_type));
    if (!read.ok()) return read.status().WithContext(where);
    ++summary.revisions;
    if (ContentHash(StorableText(read->article.text)) == revision.hash) {
      ++summary.same;
      continue;
    }
    Status recorded = archive.RecordExtraction(revision, read->article.text, read->article.title,
                                               kExtractorVersion);
    if (!recorded.ok()) return recorded;
    ++summary.recorded;
  }
  return summary;
}

}  // namespace stet
