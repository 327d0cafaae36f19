// stet/pages.h: from a web page to a stored revision.
//
// The pipeline of one page, in its order: fetch (stet/fetch.h), decode to
// UTF-8 (stet/charset.h), extract (stet/extract.h), store (stet/archive.h).
// A page is stored with the text extracted from it, so a later extractor can
// read it again (Reextract) without fetching.
#ifndef STET_PAGES_H_
#define STET_PAGES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stet/archive.h"
#include "stet/clock.h"
#include "stet/extract.h"
#include "stet/fetch.h"
#include "stet/status.h"

namespace stet {

// A page read into an article, not stored.
struct ReadPageResult {
  ExtractedArticle article;
  std::string charset;  // the encoding the page was read in
};

// Decodes `bytes` (`http_charset` from the Content-Type, may be empty) and
// extracts the article. `url` (may be empty) resolves relative links.
// Fails with kInvalidInput when the page holds no article text.
Result<ReadPageResult> ReadPage(std::string_view bytes, std::string_view url,
                                std::string_view http_charset = {});

// The URL an article is stored under: the page's canonical URL (from
// <link rel=canonical> or og:url) when it is an http(s) URL on the same site
// (SameSite in stet/identity.h) that is not the site's front page or a
// section folder above the page, else the URL the fetch ended at. This
// joins redirects, AMP copies and tracking-parameter variants of one
// article into one history, and never lets a page write into another
// site's history or merge a section's articles.
std::string ArticleUrlOf(std::string_view final_url, std::string_view canonical_url);

// How much of their text two revisions share: the share of the word pairs
// of the shorter one found in the other (0 to 1). Two revisions of one
// article share most; two articles of one site almost none.
double SharedText(std::string_view a, std::string_view b);

// Below this share a page is not the article its canonical link names, and
// AddFromUrl stores it under its own URL instead (docs/design.md).
inline constexpr double kSameArticleShare = 0.2;

struct PageOutcome {
  enum class Kind {
    kStored,       // a new revision
    kUnchanged,    // fetched and extracted; same text as the latest revision
    kNotModified,  // the server answered 304; nothing was extracted
    // The text equals one of the article's last few revisions before the
    // latest (kReappearanceWindow): a page flipping between versions (A/B
    // headlines, caches out of step). Not stored; `revision` is the one it
    // equals.
    kReappeared,
  };
  Kind kind = Kind::kStored;
  RevisionInfo revision;  // the new revision, or the latest one
  long http_status = 0;   // 0 for a saved page
  // StorePreparedPages only: why this page was not stored (fetched before
  // the article's latest revision); StoreFetchedPage returns it as its error.
  Status refused;
};

// How many revisions before the latest a fetched text is compared with:
// equal to one of them, it is a re-appearance, not a new revision
// (docs/scheduling.md, "Flip-flops").
inline constexpr int kReappearanceWindow = 4;

// `options` with the validators (ETag, Last-Modified) of the latest
// revision of the article `url` leads to, when it is archived with a page.
Result<FetchOptions> ConditionalOptions(Archive& archive, std::string_view url,
                                        const FetchOptions& options);

// Stores what a fetch of `url` gave, as AddFromUrl does after its fetch:
// a 304 is kNotModified (kNetwork when nothing is archived for `url`); a
// page's article is stored under ArticleUrlOf (kept apart from a canonical
// article whose text it does not share), unless it is unchanged or a
// re-appearance; `url` and the final URL become aliases of the article.
Result<PageOutcome> StoreFetchedPage(Archive& archive, std::string_view url,
                                     const FetchedPage& fetched, UnixSeconds now,
                                     bool allow_earlier = false);

// A fetched page read and checked but not stored yet, so that many can be
// stored at once (StorePreparedPages).
struct PreparedPage {
  // Set when there is nothing to store: not modified, or a re-appearance.
  std::optional<PageOutcome> outcome;
  NewRevision revision;              // to store, when `outcome` is not set
  std::vector<std::string> aliases;  // URLs that lead to its article
  std::string subject;               // the URL fetched, for messages
};

// The first half of StoreFetchedPage: everything but the writes.
Result<PreparedPage> PrepareFetchedPage(Archive& archive, std::string_view url,
                                        const FetchedPage& fetched, UnixSeconds now,
                                        bool allow_earlier = false);

// Stores prepared pages in order, their objects in one pack
// (Archive::AddBatch), and records their aliases; an outcome per page.
Result<std::vector<PageOutcome>> StorePreparedPages(Archive& archive,
                                                    const std::vector<PreparedPage>& pages);

// Fetches `url` and stores a revision when its text changed. When the
// article is already archived, the validators (ETag, Last-Modified) of its
// latest revision are sent, so an unchanged page costs one 304. Fails with
// kNetwork for fetch failures, kInvalidInput when the page holds no article
// (or was seen before the latest revision: NewRevision::allow_earlier).
Result<PageOutcome> AddFromUrl(Archive& archive, std::string_view url, const FetchOptions& options,
                               UnixSeconds now, bool allow_earlier = false);

// A saved page (its bytes as read from a file) as a revision of the article
// at `url`, seen at `at`, ready to store: the extracted text and title, the
// page and its PageInfo. Fails with kInvalidInput when it holds no article.
Result<NewRevision> RevisionFromPage(std::string_view bytes, std::string_view url, UnixSeconds at);

// Stores a saved page as RevisionFromPage reads it.
Result<PageOutcome> AddSavedPage(Archive& archive, std::string_view bytes, std::string_view url,
                                 UnixSeconds at, bool allow_earlier = false);

struct ReextractSummary {
  int revisions = 0;     // revisions with a stored page, read again
  int same = 0;          // the current extractor gives the text already in use
  int recorded = 0;      // a new text was recorded beside the revision
  int skipped = 0;       // already read by the current extractor version: not read
  int without_page = 0;  // added as text: nothing to re-extract
};

// Runs the current extractor over every stored page of one article and
// records each text that differs from the one in use beside its revision
// (Archive::RecordExtraction); stored revisions are never rewritten.
// Revisions already read by this extractor version are skipped unless
// `force`.
Result<ReextractSummary> Reextract(Archive& archive, const std::string& article_id,
                                   bool force = false);

}  // namespace stet

#endif  // STET_PAGES_H_
