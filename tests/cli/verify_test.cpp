// `stet verify [--full]`: every history read back; each damaged article
// named, exit 4, the archive untouched. The damage is made the way it
// happens: bytes of an object changed on disk, a revision committed by
// hand with git's own plumbing whose text is not the one its commit
// records, a truncated ref, a stray object gone bad.
#include <catch2/catch.hpp>

#include <zlib.h>

#include <filesystem>
#include <string>

#include "test_support.h"

using stet::test::GitFsck;
using stet::test::Run;
using stet::test::RunResult;
using stet::test::ScratchDir;
using stet::test::Snapshot;
using stet::test::Stet;
using stet::test::WriteFile;

namespace {

// Runs git on the archive; its trimmed output.
std::string Git(const std::string& archive, std::vector<std::string> args,
                const std::string& input = "") {
  args.insert(args.begin(), {"git", "-C", archive});
  RunResult result = Run(args, input);
  REQUIRE(result.exit_code == 0);
  while (!result.out.empty() && result.out.back() == '\n') result.out.pop_back();
  return result.out;
}

// The loose object file of `oid`.
std::string ObjectPath(const std::string& archive, const std::string& oid) {
  return archive + "/objects/" + oid.substr(0, 2) + "/" + oid.substr(2);
}

// Replaces a loose object's bytes with a well-formed object of other
// content, as a disk or a careless copy might: it still inflates, but no
// longer hashes to its name.
void Tamper(const std::string& archive, const std::string& oid, const std::string& content) {
  const std::string raw = "blob " + std::to_string(content.size()) + '\0' + content;
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::string packed(size, '\0');
  REQUIRE(compress(reinterpret_cast<Bytef*>(packed.data()), &size,
                   reinterpret_cast<const Bytef*>(raw.data()),
                   static_cast<uLong>(raw.size())) == Z_OK);
  packed.resize(size);
  const std::string path = ObjectPath(archive, oid);
  std::filesystem::permissions(path, std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::add);
  WriteFile(path, packed);
}

// An archive of three articles, one with two revisions.
std::string MakeArchive(const ScratchDir& dir) {
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  const std::string texts[] = {"The council approved the budget on Monday.\n",
                               "The council approved the budget on Tuesday.\n",
                               "The ferry carries 1,200 passengers a day.\n",
                               "The bridge reopens in June.\n"};
  const char* keys[] = {"budget", "budget", "ferry", "bridge"};
  const char* times[] = {"2026-01-01T08:00:00Z", "2026-01-02T08:00:00Z", "2026-01-01T09:00:00Z",
                         "2026-01-01T10:00:00Z"};
  for (int i = 0; i < 4; ++i) {
    const std::string file = dir / ("t" + std::to_string(i) + ".txt");
    WriteFile(file, texts[i]);
    REQUIRE(Stet(archive, {"add", file, "--key", keys[i], "--at", times[i]}).exit_code == 0);
  }
  return archive;
}

std::string ArticleOf(const std::string& archive, const std::string& key) {
  RunResult log = Stet(archive, {"log", "key:" + key, "--format", "json"});
  REQUIRE(log.exit_code == 0);
  const std::size_t at = log.out.find("\"article\": \"");
  REQUIRE(at != std::string::npos);
  return log.out.substr(at + 12, 16);
}

}  // namespace

TEST_CASE("verify: a whole archive passes, quick and full", "[cli][verify]") {
  ScratchDir dir;
  const std::string archive = MakeArchive(dir);
  RunResult quick = Stet(archive, {"verify"});
  CHECK(quick.exit_code == 0);
  CHECK(quick.out == "3 articles, 4 revisions: no damage\n");
  CHECK(quick.err.empty());
  RunResult full = Stet(archive, {"verify", "--full"});
  CHECK(full.exit_code == 0);
  // 4 commits, 4 trees, 4 texts, and the archive's own description commit
  // and tree are all read back.
  CHECK(full.out.rfind("3 articles, 4 revisions, ", 0) == 0);
  CHECK(full.out.find(" objects: no damage\n") != std::string::npos);
}

TEST_CASE("verify: a text changed on disk names its article and exits 4", "[cli][verify]") {
  ScratchDir dir;
  const std::string archive = MakeArchive(dir);
  const std::string ferry = ArticleOf(archive, "ferry");
  const std::string blob = Git(archive, {"rev-parse", "refs/stet/articles/" + ferry + ":text.txt"});
  Tamper(archive, blob, "The ferry carries 2,100 passengers a day.\n");
  dir.ExpectDamage();
  CHECK(GitFsck(archive).exit_code != 0);  // git agrees
  const std::string before = Snapshot(archive);
  RunResult verify = Stet(archive, {"verify"});
  CHECK(verify.exit_code == 4);
  CHECK(verify.out == "3 articles, 4 revisions: 1 damaged article\n");
  // One line, naming the article and its URL.
  CHECK(verify.err.rfind("stet: verify: article " + ferry + " key:ferry: ", 0) == 0);
  CHECK(std::count(verify.err.begin(), verify.err.end(), '\n') == 1);
  CHECK(Snapshot(archive) == before);  // verify writes nothing
}

TEST_CASE("verify: a revision whose text is not the one its commit records", "[cli][verify]") {
  ScratchDir dir;
  const std::string archive = MakeArchive(dir);
  const std::string budget = ArticleOf(archive, "budget");
  const std::string ref = "refs/stet/articles/" + budget;
  // Revision 2 made again by hand: the same message (and so the same
  // recorded hash) over another text.
  const std::string tip = Git(archive, {"rev-parse", ref});
  const std::string message = Git(archive, {"log", "-1", "--format=%B", tip});
  const std::string parent = Git(archive, {"rev-parse", tip + "^"});
  const std::string blob = Git(archive, {"hash-object", "-w", "--stdin"},
                               "The council rejected the budget on Tuesday.\n");
  const std::string tree = Git(archive, {"mktree"}, "100644 blob " + blob + "\ttext.txt\n");
  const std::string forged = Git(archive, {"commit-tree", tree, "-p", parent}, message + "\n");
  Git(archive, {"update-ref", ref, forged, tip});
  CHECK(GitFsck(archive).exit_code == 0);  // whole to git: only stet's trailers tell
  RunResult verify = Stet(archive, {"verify"});
  CHECK(verify.exit_code == 4);
  CHECK(verify.err == "stet: verify: article " + budget + " key:budget: revision 2 (" +
                          forged.substr(0, 7) +
                          "): its text does not match the hash its commit records\n");
}

TEST_CASE("verify: a truncated ref and a stray bad object", "[cli][verify]") {
  ScratchDir dir;
  const std::string archive = MakeArchive(dir);
  const std::string bridge = ArticleOf(archive, "bridge");
  WriteFile(archive + "/refs/stet/articles/" + bridge, "");
  dir.ExpectDamage();
  CHECK(GitFsck(archive).exit_code != 0);
  RunResult verify = Stet(archive, {"verify"});
  CHECK(verify.exit_code == 4);
  CHECK(verify.err.rfind("stet: verify: article " + bridge + ": ", 0) == 0);
  CHECK(verify.out == "3 articles, 3 revisions: 1 damaged article\n");

  // An object no article reaches, gone bad: only the full check reads it.
  ScratchDir other;
  const std::string whole = MakeArchive(other);
  const std::string stray =
      Git(whole, {"hash-object", "-w", "--stdin"}, "a note nobody links to\n");
  Tamper(whole, stray, "something else entirely\n");
  other.ExpectDamage();
  CHECK(GitFsck(whole).exit_code != 0);
  CHECK(Stet(whole, {"verify"}).exit_code == 0);
  RunResult full = Stet(whole, {"verify", "--full"});
  CHECK(full.exit_code == 4);
  CHECK(full.err.rfind("stet: verify: object " + stray + ": ", 0) == 0);
  CHECK(full.out.find(": 0 damaged articles, 1 bad object\n") != std::string::npos);
}
