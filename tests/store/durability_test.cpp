// Crash and concurrency safety of the archive, with the real binary and the
// real git: processes killed with SIGKILL mid-import, and concurrent writers.
#include <signal.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <thread>

#include "stet/archive.h"
#include "test_support.h"

using stet::test::ScratchDir;
using stet::test::Stet;

namespace {

std::string Url(int article) {
  return "https://news.example.com/story/" + std::to_string(article);
}

// Revision `number` (1-based) of an article: distinct texts, several KB each.
std::string Text(int article, int number) {
  std::string text =
      "Article " + std::to_string(article) + ", revision " + std::to_string(number) + ".\n\n";
  for (int paragraph = 0; paragraph < 12; ++paragraph) {
    text +=
        "Officials said on Thursday that " + std::to_string(article * 31 + paragraph) +
        " people attended the meeting in Brussels, where ministers discussed sanctions and aid. ";
    text += "\xE2\x80\x9CWe will not stop,\xE2\x80\x9D the minister said.\n\n";
  }
  return text;
}

std::string Corpus(int articles, int revisions) {
  std::string lines;
  for (int number = 1; number <= revisions; ++number) {
    for (int article = 0; article < articles; ++article) {
      lines += nlohmann::json{{"url", Url(article)},
                              {"fetched_at", "2025-02-13T14:05:00Z"},
                              {"text", Text(article, number)}}
                   .dump() +
               "\n";
    }
  }
  return lines;
}

// The texts of an article's history, read through the library.
std::vector<std::string> History(const std::string& archive_path, int article) {
  stet::Result<stet::Archive> archive = stet::Archive::Open(archive_path);
  REQUIRE(archive.ok());
  stet::Result<std::string> id = archive->ResolveArticle(Url(article));
  if (!id.ok()) {
    REQUIRE(id.status().code() == stet::Status::Code::kNotFound);
    return {};
  }
  stet::Result<std::vector<stet::RevisionInfo>> log = archive->Log(*id);
  REQUIRE(log.ok());
  std::vector<std::string> texts;
  for (const stet::RevisionInfo& revision : *log) {
    stet::Result<std::string> text = archive->ReadText(revision);
    REQUIRE(text.ok());
    texts.push_back(*text);
  }
  return texts;
}

// Packs the import has finished so far: it writes one per batch, so the
// count tells how far it got without timing it.
int PacksWritten(const std::string& archive) {
  int packs = 0;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(archive + "/objects/pack", error))
    packs += entry.path().extension() == ".idx";
  return packs;
}

}  // namespace

TEST_CASE("kill -9 at random moments during import leaves whole histories", "[durability]") {
  constexpr int kArticles = 150, kRevisions = 6, kBatch = 30, kKills = 20, kMaxRounds = 60;
  constexpr int kBatches = kArticles * kRevisions / kBatch;
  ScratchDir dir;
  stet::test::WriteFile(dir / "corpus.jsonl", Corpus(kArticles, kRevisions));
  const std::vector<std::string> import = {
      STET_BINARY,          "--archive",    dir / "archive",       "import",
      dir / "corpus.jsonl", "--batch-size", std::to_string(kBatch)};
  std::mt19937 random(20250213);
  // Kill moments come from the import's own progress, not from a clock, so
  // a slow or loaded machine kills as far into the import as a fast one:
  // after a random number of whole batches, then at a random point of the
  // next one (while its pack or its refs are being written). A round
  // counts when the kill landed while the import ran and the archive it
  // left holds a partial history (some article with some of its revisions
  // but not all): the case the test is about.
  int partial_rounds = 0;
  for (int round = 0; round < kMaxRounds && partial_rounds < kKills; ++round) {
    INFO("round " << round);
    REQUIRE(Stet(dir / "archive", {"init"}).exit_code == 0);
    const int pid = stet::test::Spawn(import);
    const int after_batches = 1 + static_cast<int>(random() % (kBatches - 2));
    std::optional<int> ended;
    while (!(ended = stet::test::PollExit(pid)) && PacksWritten(dir / "archive") < after_batches)
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    if (!ended) {
      std::this_thread::sleep_for(std::chrono::microseconds(random() % 20000));
      ::kill(pid, SIGKILL);
      ended = stet::test::WaitExit(pid);
    }
    REQUIRE((*ended == 128 + SIGKILL || *ended == 0));  // killed, or it finished first

    REQUIRE(stet::test::GitFsck(dir / "archive").exit_code == 0);
    // Every history is the article's revisions 1..k for some k.
    bool partial = false;
    for (int article = 0; article < kArticles; ++article) {
      const std::vector<std::string> history = History(dir / "archive", article);
      REQUIRE(history.size() <= kRevisions);
      partial = partial || (!history.empty() && history.size() < kRevisions);
      for (std::size_t i = 0; i < history.size(); ++i)
        CHECK(history[i] == Text(article, static_cast<int>(i) + 1));
    }
    partial_rounds += *ended == 128 + SIGKILL && partial;
    // The archive stays writable: the same import run again completes every
    // history, skipping the revisions the killed run stored.
    if (round % 4 == 0) {
      REQUIRE(stet::test::WaitExit(stet::test::Spawn(import)) == 0);
      REQUIRE(stet::test::GitFsck(dir / "archive").exit_code == 0);
      for (int article = 0; article < kArticles; ++article) {
        const std::vector<std::string> history = History(dir / "archive", article);
        REQUIRE(history.size() == kRevisions);
        for (std::size_t i = 0; i < history.size(); ++i)
          CHECK(history[i] == Text(article, static_cast<int>(i) + 1));
      }
    }
    std::filesystem::remove_all(dir / "archive");
  }
  CHECK(partial_rounds >= kKills);
}

TEST_CASE("two concurrent writers adding to one article lose nothing",
          "[durability][concurrency]") {
  constexpr int kPerWriter = 200;
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  auto writer = [&](int which, std::vector<int>* failures) {
    for (int i = 0; i < kPerWriter; ++i) {
      const std::string text =
          "Writer " + std::to_string(which) + " revision " + std::to_string(i) + ".";
      if (Stet(archive, {"add", "-", "--url", Url(0)}, text).exit_code != 0) failures->push_back(i);
    }
  };
  std::vector<int> failures_a, failures_b;
  std::thread a(writer, 1, &failures_a), b(writer, 2, &failures_b);
  a.join();
  b.join();
  CHECK(failures_a.empty());
  CHECK(failures_b.empty());
  const std::vector<std::string> history = History(archive, 0);
  CHECK(history.size() == 2 * kPerWriter);
  std::set<std::string> texts(history.begin(), history.end());
  for (int which = 1; which <= 2; ++which) {
    for (int i = 0; i < kPerWriter; ++i) {
      CHECK(texts.count("Writer " + std::to_string(which) + " revision " + std::to_string(i) +
                        ".") == 1);
    }
  }
  CHECK(stet::test::GitFsck(archive).exit_code == 0);
}

TEST_CASE("two concurrent imports into shared and separate articles lose nothing",
          "[durability][concurrency]") {
  constexpr int kArticles = 10, kRevisions = 20;  // 200 revisions per writer
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  // Writer A and B write distinct texts to the same ten articles, and each
  // also writes ten articles of its own.
  std::string lines_a, lines_b;
  for (int number = 1; number <= kRevisions; ++number) {
    for (int article = 0; article < kArticles; ++article) {
      const int shared = article, own_a = 100 + article, own_b = 200 + article;
      const int article_a = number % 2 ? shared : own_a, article_b = number % 2 ? shared : own_b;
      lines_a +=
          nlohmann::json{{"url", Url(article_a)},
                         {"fetched_at", "2025-02-13T14:05:00Z"},
                         {"text", "A" + std::to_string(number) + " " + Text(article, number)}}
              .dump() +
          "\n";
      lines_b +=
          nlohmann::json{{"url", Url(article_b)},
                         {"fetched_at", "2025-02-13T14:05:00Z"},
                         {"text", "B" + std::to_string(number) + " " + Text(article, number)}}
              .dump() +
          "\n";
    }
  }
  stet::test::WriteFile(dir / "a.jsonl", lines_a);
  stet::test::WriteFile(dir / "b.jsonl", lines_b);
  const int pid_a = stet::test::Spawn(
      {STET_BINARY, "--archive", archive, "import", dir / "a.jsonl", "--batch-size", "7"});
  const int pid_b = stet::test::Spawn(
      {STET_BINARY, "--archive", archive, "import", dir / "b.jsonl", "--batch-size", "7"});
  CHECK(stet::test::WaitExit(pid_a) == 0);
  CHECK(stet::test::WaitExit(pid_b) == 0);
  std::size_t total = 0;
  for (int article = 0; article < kArticles; ++article) {
    const std::vector<std::string> shared = History(archive, article);
    CHECK(shared.size() == kRevisions);  // half of each writer's revisions
    const std::vector<std::string> own_a = History(archive, 100 + article);
    const std::vector<std::string> own_b = History(archive, 200 + article);
    CHECK(own_a.size() == kRevisions / 2);
    CHECK(own_b.size() == kRevisions / 2);
    // Each writer's revisions of a shared article keep their order.
    std::vector<std::string> from_a;
    for (const std::string& text : shared) {
      if (text[0] == 'A') from_a.push_back(text);
    }
    REQUIRE(from_a.size() == kRevisions / 2);
    for (std::size_t i = 0; i < from_a.size(); ++i) {
      CHECK(from_a[i].rfind("A" + std::to_string(2 * i + 1) + " ", 0) == 0);
    }
    total += shared.size() + own_a.size() + own_b.size();
  }
  CHECK(total == 2 * kArticles * kRevisions);
  CHECK(stet::test::GitFsck(archive).exit_code == 0);
}
