// The hand-written pack writer, checked by the real git: verify-pack reads
// the pack and its index, and cat-file returns every object unchanged.
#include "store/pack_writer.h"

#include <catch2/catch.hpp>

#include <filesystem>

#include "test_support.h"

TEST_CASE("pack writer output is read back by git verify-pack and cat-file", "[pack]") {
  stet::test::ScratchDir dir;
  const std::string repo = dir / "repo.git";
  REQUIRE(stet::test::Run({"git", "init", "-q", "--bare", repo}).exit_code == 0);
  stet::PackWriter pack;
  std::vector<std::pair<git_oid, std::string>> blobs;
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "line " + std::to_string(i) + " of a long article\n";
  for (const std::string& data :
       {std::string(), std::string("short"), std::string(15, 'x'), std::string(16, 'y'), big,
        std::string("caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D\n")}) {
    stet::Result<git_oid> oid = pack.Add(GIT_OBJECT_BLOB, data);
    REQUIRE(oid.ok());
    blobs.emplace_back(*oid, data);
  }
  // The same object twice is stored once.
  REQUIRE(pack.Add(GIT_OBJECT_BLOB, "short").ok());
  REQUIRE(pack.Commit(repo + "/objects/pack").ok());

  std::vector<std::string> packs;
  for (const auto& entry : std::filesystem::directory_iterator(repo + "/objects/pack")) {
    packs.push_back(entry.path().filename().string());
  }
  std::sort(packs.begin(), packs.end());
  REQUIRE(packs.size() == 2);  // pack-<sha>.idx and pack-<sha>.pack, no temporary left
  CHECK(packs[0].substr(packs[0].size() - 4) == ".idx");
  stet::test::RunResult verify =
      stet::test::Run({"git", "verify-pack", "-v", repo + "/objects/pack/" + packs[0]});
  CHECK(verify.exit_code == 0);
  CHECK(verify.out.find("non delta: 6 objects") != std::string::npos);
  for (const auto& [oid, data] : blobs) {
    char hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(hex, sizeof hex, &oid);
    stet::test::RunResult shown =
        stet::test::Run({"git", "--git-dir=" + repo, "cat-file", "blob", hex});
    CHECK(shown.exit_code == 0);
    CHECK(shown.out == data);
  }
}
