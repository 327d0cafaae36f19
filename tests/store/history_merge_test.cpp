// A merged pull keeps what is recorded beside a revision: the text a later
// extractor made of its page (a note) follows the revision to its new
// commit when the merge re-chains it.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "stet/archive.h"
#include "stet/extract.h"
#include "test_http_server.h"
#include "test_support.h"

using stet::test::GitFsck;
using stet::test::NewsPage;
using stet::test::Run;
using stet::test::RunResult;
using stet::test::ScratchDir;
using stet::test::Stet;

namespace {

const std::string kUrl = "https://news.example.com/world/harbour";

const std::vector<std::string> kBody = {
    "The harbour authority said on Monday that dredging of the northern channel would begin "
    "in May and take about four months, after two years of delays over the cost.",
    "Officials said the work would allow ships of up to 12 metres draught to reach the "
    "container terminal, which now turns away about one vessel a week.",
    "Residents of the waterfront have asked for limits on night work, and the authority said "
    "it would publish a schedule before the dredgers arrive.",
};

// Stores a revision of the page as an older extractor read it: the site's
// navigation kept in the text, so that `stet reextract` records a note.
void AddOldExtraction(const std::string& archive_path, const std::string& paragraph,
                      stet::UnixSeconds at) {
  stet::Result<stet::Archive> archive = stet::Archive::Open(archive_path);
  REQUIRE(archive.ok());
  std::vector<std::string> body = kBody;
  body[1] = paragraph;
  stet::NewRevision revision;
  revision.url = kUrl;
  revision.text = "Home World Politics\n\n" + body[0] + "\n\n" + body[1] + "\n\n" + body[2];
  revision.title = "Harbour";
  revision.fetched_at = at;
  revision.html = NewsPage("Harbour", body);
  revision.page.extractor = stet::kExtractorVersion;
  REQUIRE(archive->Add(revision).ok());
}

nlohmann::json Log(const std::string& archive) {
  RunResult log = Stet(archive, {"log", kUrl, "--format", "json"});
  REQUIRE(log.exit_code == 0);
  return nlohmann::json::parse(log.out);
}

}  // namespace

TEST_CASE("history merge: a re-chained revision keeps its re-extracted text", "[store][remote]") {
  ScratchDir dir;
  const std::string archive = dir / "archive", office = dir / "office", remote = dir / "remote.git";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  AddOldExtraction(archive, kBody[1], 1767258000);
  REQUIRE(Run({"git", "init", "-q", "--bare", remote}).exit_code == 0);
  REQUIRE(Stet(archive, {"remote", "add", "origin", remote}).exit_code == 0);
  REQUIRE(Stet(archive, {"push"}).exit_code == 0);
  REQUIRE(Stet("", {"clone", remote, office}).exit_code == 0);
  // Each side stores a second revision; this archive's is the later, and
  // is read again by the current extractor (a note beside it).
  AddOldExtraction(office, "Officials said the work would allow larger ships to dock.", 1767344400);
  AddOldExtraction(archive, "Officials said the channel would be 12 metres deep.", 1767430800);
  RunResult reextracted = Stet(archive, {"reextract", kUrl, "--force"});
  INFO(reextracted.err);
  REQUIRE(reextracted.exit_code == 0);
  REQUIRE(reextracted.out.find("2 new text") != std::string::npos);
  REQUIRE(Stet(archive, {"push"}).exit_code == 0);

  RunResult pulled = Stet(office, {"pull"});
  INFO(pulled.err);
  REQUIRE(pulled.exit_code == 0);
  // The article merged, the notes added (the office had none).
  CHECK(pulled.out == "pulled from origin: 1 added, 0 updated, 1 merged, 0 unchanged\n");
  const nlohmann::json log = Log(office);
  REQUIRE(log.size() == 3);
  // The shared revision and this archive's (now third, on a new commit)
  // read as re-extracted; the office's own does not.
  CHECK(log[0]["reextracted"] == true);
  CHECK(log[1]["reextracted"] == false);
  CHECK(log[2]["reextracted"] == true);
  CHECK(log[2]["commit"] != Log(archive)[1]["commit"]);
  RunResult shown = Stet(office, {"show", kUrl + "@3"});
  CHECK(shown.out.rfind(kBody[0], 0) == 0);  // without the navigation
  CHECK(shown.out.find("12 metres deep") != std::string::npos);
  CHECK(Stet(office, {"verify", "--full"}).exit_code == 0);
  CHECK(GitFsck(office).exit_code == 0);
}
