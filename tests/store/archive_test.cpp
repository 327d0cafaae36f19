#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include "stet/archive.h"
#include "stet/identity.h"
#include "stet/text.h"
#include "store/revision_format.h"
#include "test_support.h"

using stet::Archive;
using stet::NewRevision;
using stet::test::ReadFile;
using stet::test::SamplePath;
using stet::test::ScratchDir;

namespace {

constexpr const char* kUrl = "https://news.example.com/world/vance-ukraine";

NewRevision Revision(const std::string& text, const std::string& when,
                     const std::string& url = kUrl) {
  NewRevision revision;
  revision.url = url;
  revision.text = text;
  revision.title = "Vance: US could use sanctions";
  revision.fetched_at = *stet::ParseTimestamp(when);
  return revision;
}

// XXH3-128 of `bytes` as Debian's xxhsum computes it (an implementation
// other than the one stet links), in the archive's "xxh3-128:" spelling.
std::string XxhsumOf(const std::string& bytes) {
  ScratchDir dir;
  stet::test::WriteFile(dir / "bytes", bytes);
  const stet::test::RunResult sum = stet::test::Run({"xxhsum", "-H2", dir / "bytes"});
  REQUIRE(sum.exit_code == 0);
  return "xxh3-128:" + sum.out.substr(0, sum.out.find(' '));
}

// The sample's text as stored for hashing: its line breaks and spaces
// collapsed to single spaces, without leading or trailing space (the
// sample is NFC and holds no other white space).
std::string CollapsedSpaces(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

Archive MakeArchive(const ScratchDir& dir) {
  stet::Result<Archive> archive = Archive::Init(dir / "archive");
  REQUIRE(archive.ok());
  return std::move(archive).value();
}

}  // namespace

TEST_CASE("add log and show round trip the sample article's three revisions", "[archive]") {
  ScratchDir dir;
  Archive archive = MakeArchive(dir);
  const char* times[] = {"2025-02-13T14:05:00Z", "2025-02-13T18:40:00Z", "2025-02-15T09:10:00Z"};
  std::vector<std::string> texts;
  for (int i = 0; i < 3; ++i) {
    texts.push_back(ReadFile(SamplePath("r" + std::to_string(i + 1) + ".txt")));
    stet::Result<stet::AddOutcome> added = archive.Add(Revision(texts.back(), times[i]));
    REQUIRE(added.ok());
    CHECK(added->stored);
    CHECK(added->revision.number == i + 1);
  }
  const std::string id = *archive.ResolveArticle(kUrl);
  stet::Result<std::vector<stet::RevisionInfo>> log = archive.Log(id);
  REQUIRE(log.ok());
  REQUIRE(log->size() == 3);
  for (int i = 0; i < 3; ++i) {
    const stet::RevisionInfo& revision = (*log)[static_cast<std::size_t>(i)];
    CHECK(revision.number == i + 1);
    CHECK(stet::FormatTimestamp(revision.fetched_at) == times[i]);
    CHECK(revision.url == kUrl);
    CHECK(revision.title == "Vance: US could use sanctions");
    CHECK(revision.hash == XxhsumOf(CollapsedSpaces(texts[static_cast<std::size_t>(i)])));
    CHECK(*archive.ReadText(revision) == texts[static_cast<std::size_t>(i)]);
  }
  CHECK(stet::test::GitFsck(dir / "archive").exit_code == 0);
}

TEST_CASE("identical and whitespace-only revisions add nothing", "[archive][dedup]") {
  ScratchDir dir;
  Archive archive = MakeArchive(dir);
  const std::string text = ReadFile(SamplePath("r2.txt"));
  REQUIRE(archive.Add(Revision(text, "2025-02-13T18:40:00Z"))->stored);
  stet::Result<stet::AddOutcome> same = archive.Add(Revision(text, "2025-02-13T19:00:00Z"));
  REQUIRE(same.ok());
  CHECK_FALSE(same->stored);
  CHECK(same->revision.number == 1);
  std::string spaced;
  for (char c : text) spaced += c == '\n' ? std::string("\n\n   ") : std::string(1, c);
  CHECK_FALSE(archive.Add(Revision(spaced + "\n\n", "2025-02-13T19:30:00Z"))->stored);
  std::string edited = text;
  edited.replace(edited.find("one day"), 7, "two days");
  CHECK(archive.Add(Revision(edited, "2025-02-13T20:00:00Z"))->stored);
  CHECK(archive.Log(*archive.ResolveArticle(kUrl))->size() == 2);
}

TEST_CASE("URL variants of one article share one history", "[archive][identity]") {
  ScratchDir dir;
  Archive archive = MakeArchive(dir);
  REQUIRE(archive
              .Add(Revision("First text.", "2025-02-13T14:00:00Z",
                            "https://News.Example.com/world/vance-ukraine?utm_source=x"))
              ->stored);
  REQUIRE(archive
              .Add(Revision("Second text.", "2025-02-13T15:00:00Z",
                            "https://news.example.com:443/world/vance-ukraine#c"))
              ->stored);
  REQUIRE(archive
              .Add(Revision("Other article.", "2025-02-13T15:00:00Z",
                            "https://news.example.com/world/other"))
              ->stored);
  stet::Result<std::vector<stet::ArticleSummary>> articles = archive.List();
  REQUIRE(articles.ok());
  REQUIRE(articles->size() == 2);
  CHECK(archive.Log(*archive.ResolveArticle(kUrl))->size() == 2);
  CHECK(archive.Log(*archive.ResolveArticle(kUrl))->back().url == kUrl);
}

TEST_CASE("revisions resolve by number and from the end and by commit prefix", "[archive]") {
  ScratchDir dir;
  Archive archive = MakeArchive(dir);
  for (int i = 1; i <= 3; ++i) {
    REQUIRE(archive.Add(Revision("Text number " + std::to_string(i) + ".", "2025-02-13T14:00:00Z"))
                ->stored);
  }
  const std::string id = *archive.ResolveArticle(kUrl);
  const std::vector<stet::RevisionInfo> log = *archive.Log(id);
  CHECK(archive.ResolveRevision(id, "1")->number == 1);
  CHECK(archive.ResolveRevision(id, "-1")->number == 3);
  CHECK(archive.ResolveRevision(id, "-2")->number == 2);
  CHECK(archive.ResolveRevision(id, log[1].commit.substr(0, 8))->number == 2);
  CHECK(archive.ResolveRevision(id, "4").status().code() == stet::Status::Code::kNotFound);
  CHECK(archive.ResolveRevision(id, "-4").status().code() == stet::Status::Code::kNotFound);
  CHECK(archive.ResolveRevision(id, "0").status().code() == stet::Status::Code::kInvalidInput);
  CHECK(archive.ResolveRevision(id, "latest").status().code() == stet::Status::Code::kInvalidInput);
}

TEST_CASE("articles resolve by URL or id or unambiguous id prefix", "[archive]") {
  ScratchDir dir;
  Archive archive = MakeArchive(dir);
  std::set<char> first_digits;
  std::string ambiguous;
  for (int i = 0; i < 40; ++i) {
    const std::string url = "https://example.com/story-" + std::to_string(i);
    REQUIRE(archive.Add(Revision("Story " + std::to_string(i) + ".", "2025-02-13T14:00:00Z", url))
                ->stored);
    const std::string id = stet::ArticleIdOf(*stet::CanonicalUrl(url));
    if (!first_digits.insert(id[0]).second) ambiguous = id.substr(0, 1);
    CHECK(*archive.ResolveArticle(url) == id);
    CHECK(*archive.ResolveArticle(id) == id);
    CHECK(*archive.ResolveArticle(id.substr(0, 12)) == id);
  }
  REQUIRE_FALSE(ambiguous.empty());  // 40 ids over 16 first digits must repeat one
  CHECK(archive.ResolveArticle(ambiguous).status().message().find("ambiguous") !=
        std::string::npos);
  CHECK(archive.ResolveArticle("https://example.com/never").status().code() ==
        stet::Status::Code::kNotFound);
  CHECK(archive.ResolveArticle("not an id").status().code() == stet::Status::Code::kInvalidInput);
}

TEST_CASE("a batch stores what one-by-one adds store", "[archive]") {
  ScratchDir dir;
  Archive batch_archive = MakeArchive(dir);
  stet::Result<Archive> single = Archive::Init(dir / "single");
  REQUIRE(single.ok());
  std::vector<NewRevision> revisions;
  for (int round = 0; round < 4; ++round) {
    for (int article = 0; article < 5; ++article) {
      // Round 2 repeats round 1: every such revision is a duplicate.
      const int version = round == 2 ? 1 : round;
      revisions.push_back(Revision(
          "Article " + std::to_string(article) + " version " + std::to_string(version) + ".",
          "2025-02-13T14:00:00Z", "https://example.com/" + std::to_string(article)));
    }
  }
  stet::Result<std::vector<stet::AddOutcome>> outcomes = batch_archive.AddBatch(revisions);
  REQUIRE(outcomes.ok());
  for (std::size_t i = 0; i < revisions.size(); ++i) {
    stet::Result<stet::AddOutcome> one = single->Add(revisions[i]);
    REQUIRE(one.ok());
    CHECK((*outcomes)[i].stored == one->stored);
    CHECK((*outcomes)[i].revision.number == one->revision.number);
    CHECK((*outcomes)[i].revision.hash == one->revision.hash);
  }
  for (int article = 0; article < 5; ++article) {
    const std::string url = "https://example.com/" + std::to_string(article);
    const std::vector<stet::RevisionInfo> log =
        *batch_archive.Log(*batch_archive.ResolveArticle(url));
    REQUIRE(log.size() == 3);
    CHECK(*batch_archive.ReadText(log[2]) == "Article " + std::to_string(article) + " version 3.");
  }
  CHECK(stet::test::GitFsck(dir / "archive").exit_code == 0);
}

TEST_CASE("a batch moves its refs as git writes them and over packed refs", "[archive]") {
  ScratchDir dir;
  Archive archive = MakeArchive(dir);
  const std::string first_url = "https://example.com/packed";
  REQUIRE(archive.Add(Revision("Packed version 1.", "2025-02-13T14:00:00Z", first_url))->stored);
  // git moves the loose ref into packed-refs: the batch must find the tip
  // there and write the new one over it.
  const std::string archive_path = dir / "archive";
  REQUIRE(stet::test::Run({"git", "-C", archive_path, "pack-refs", "--all"}).exit_code == 0);
  const std::string packed_id = *archive.ResolveArticle(first_url);
  REQUIRE_FALSE(std::filesystem::exists(archive_path + "/refs/stet/articles/" + packed_id));
  std::vector<NewRevision> revisions = {
      Revision("Packed version 2.", "2025-02-13T15:00:00Z", first_url),
      Revision("New article.", "2025-02-13T15:00:00Z", "https://example.com/new")};
  stet::Result<std::vector<stet::AddOutcome>> outcomes = archive.AddBatch(revisions);
  REQUIRE(outcomes.ok());
  for (std::size_t i = 0; i < revisions.size(); ++i) {
    REQUIRE((*outcomes)[i].stored);
    const std::string id = *archive.ResolveArticle(revisions[i].url);
    const std::string ref = "refs/stet/articles/" + id;
    // One line, the commit's id, as git itself writes a loose ref.
    CHECK(ReadFile(archive_path + "/" + ref) == (*outcomes)[i].revision.commit + "\n");
    const stet::test::RunResult parsed =
        stet::test::Run({"git", "-C", archive_path, "rev-parse", ref});
    CHECK(parsed.out == (*outcomes)[i].revision.commit + "\n");
  }
  CHECK(archive.Log(packed_id)->size() == 2);
  for (const auto& entry :
       std::filesystem::directory_iterator(archive_path + "/refs/stet/articles")) {
    CHECK(entry.path().extension() != ".lock");
  }
  CHECK(stet::test::GitFsck(archive_path).exit_code == 0);
}

TEST_CASE("opening something that is not an archive is refused", "[archive][errors]") {
  ScratchDir dir;
  CHECK(Archive::Open(dir / "nothing").status().code() == stet::Status::Code::kNotFound);
  std::filesystem::create_directory(dir / "plain");
  stet::test::WriteFile(dir / "plain/file.txt", "x");
  const stet::Status plain = Archive::Open(dir / "plain").status();
  CHECK(plain.code() == stet::Status::Code::kInvalidInput);
  CHECK(plain.message() ==
        "archive " + dir / "plain" + ": not a stet archive (not a git repository)");
  REQUIRE(stet::test::Run({"git", "init", "-q", "--bare", dir / "bare.git"}).exit_code == 0);
  CHECK(Archive::Open(dir / "bare.git")
            .status()
            .message()
            .find("not a stet archive (no stet.format)") != std::string::npos);
  CHECK(Archive::Init(dir / "plain").status().message().find("not empty and not a stet archive") !=
        std::string::npos);
  bool existed = false;
  REQUIRE(Archive::Init(dir / "new", &existed).ok());
  CHECK_FALSE(existed);
  REQUIRE(Archive::Init(dir / "new", &existed).ok());
  CHECK(existed);
}

TEST_CASE("regression: a ref lock left by a killed writer does not block the article",
          "[archive][durability]") {
  ScratchDir dir;
  Archive archive = MakeArchive(dir);
  REQUIRE(archive.Add(Revision("First.", "2025-02-13T14:00:00Z"))->stored);
  const std::string id = *archive.ResolveArticle(kUrl);
  stet::test::WriteFile(dir / ("archive/refs/stet/articles/" + id + ".lock"), "");
  stet::Result<stet::AddOutcome> second = archive.Add(Revision("Second.", "2025-02-13T15:00:00Z"));
  REQUIRE(second.ok());
  CHECK(second->stored);
  CHECK(archive.Log(id)->size() == 2);
  CHECK_FALSE(std::filesystem::exists(dir / ("archive/refs/stet/articles/" + id + ".lock")));
}

TEST_CASE("page.json: every field round-trips, missing or mistyped fields keep their defaults",
          "[archive][format]") {
  stet::PageInfo info;
  info.final_url = "https://news.example.com/a";
  info.http_status = 200;
  info.etag = "\"v2\"";
  info.last_modified = "Mon, 29 Dec 2014 19:13:00 GMT";
  info.content_type = "text/html; charset=utf-8";
  info.charset = "utf-8";
  info.byline = "Ana Ortiz";
  info.published = "2014-12-29T19:13:00Z";
  info.extractor = 2;
  const std::string commit(40, '0');
  stet::Result<stet::PageInfo> back = stet::DecodePageInfo(stet::EncodePageInfo(info), commit);
  REQUIRE(back.ok());
  CHECK(back->final_url == info.final_url);
  CHECK(back->http_status == 200);
  CHECK(back->etag == info.etag);
  CHECK(back->last_modified == info.last_modified);
  CHECK(back->content_type == info.content_type);
  CHECK(back->charset == info.charset);
  CHECK(back->byline == info.byline);
  CHECK(back->published == info.published);
  CHECK(back->extractor == 2);
  // Written by an older stet (no extractor, no status) or damaged by hand.
  for (const char* json : {R"({"final_url": "https://x/"})",
                           R"({"final_url": "https://x/", "extractor": "2", "http_status": 2.5})",
                           R"({"final_url": "https://x/", "extractor": null, "etag": 7})"}) {
    INFO(json);
    stet::Result<stet::PageInfo> old = stet::DecodePageInfo(json, commit);
    REQUIRE(old.ok());
    CHECK(old->final_url == "https://x/");
    CHECK(old->extractor == 0);
    CHECK(old->http_status == 0);
    CHECK(old->etag.empty());
  }
  const stet::Status not_object = stet::DecodePageInfo("[1, 2]", commit).status();
  CHECK(not_object.code() == stet::Status::Code::kArchiveDamaged);
  CHECK(not_object.message() == "read revision " + commit + ": page.json is not a JSON object");
}
