// End-to-end tests of the `stet` executable: output, exit codes and the
// archive left behind.
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "test_support.h"

using stet::test::ReadFile;
using stet::test::RunResult;
using stet::test::SamplePath;
using stet::test::ScratchDir;
using stet::test::Snapshot;
using stet::test::Stet;
using stet::test::WriteFile;

namespace {

constexpr const char* kUrl = "https://news.example.com/world/vance-ukraine";

int LineCount(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

// Stores the three sample revisions with their times and titles.
void AddSample(const std::string& archive) {
  const char* times[] = {"2025-02-13T14:05:00Z", "2025-02-13T18:40:00Z", "2025-02-15T09:10:00Z"};
  const char* titles[] = {
      "Vance says US could use sanctions if Putin stalls",
      "Vance: US could use sanctions, military pressure if Putin stalls on peace",
      "Vance: US could use sanctions, military pressure if Putin stalls on peace"};
  for (int i = 0; i < 3; ++i) {
    RunResult added = Stet(archive, {"add", SamplePath("r" + std::to_string(i + 1) + ".txt"),
                                     "--url", kUrl, "--at", times[i], "--title", titles[i]});
    REQUIRE(added.exit_code == 0);
    CHECK(added.out.rfind("stored revision " + std::to_string(i + 1) + " of " + kUrl, 0) == 0);
  }
}

}  // namespace

TEST_CASE("cli: init add log show and list on the sample article", "[cli]") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  RunResult init = Stet(archive, {"init"});
  REQUIRE(init.exit_code == 0);
  CHECK(init.out == "made archive " + archive + "\n");
  CHECK(Stet(archive, {"init"}).out == "already an archive " + archive + "\n");
  AddSample(archive);

  RunResult log = Stet(archive, {"log", kUrl});
  REQUIRE(log.exit_code == 0);
  CHECK(LineCount(log.out) == 4);
  CHECK(log.out.find("   2  2025-02-13T18:40:00Z") != std::string::npos);

  nlohmann::json revisions =
      nlohmann::json::parse(Stet(archive, {"log", kUrl, "--format", "json"}).out);
  REQUIRE(revisions.size() == 3);
  for (int i = 0; i < 3; ++i) {
    const nlohmann::json& revision = revisions[static_cast<std::size_t>(i)];
    CHECK(revision["number"] == i + 1);
    CHECK(revision["commit"].get<std::string>().size() == 40);
    CHECK(revision["hash"].get<std::string>().rfind("xxh3-128:", 0) == 0);
    CHECK(revision["url"] == kUrl);
  }
  CHECK(revisions[0]["fetched_at"] == "2025-02-13T14:05:00Z");
  CHECK(revisions[0]["title"] == "Vance says US could use sanctions if Putin stalls");
  // Each revision carries its materiality as rated when it was stored: what
  // `stet diff` of it and the one before says; the first has none.
  CHECK(revisions[0]["materiality"].is_null());
  for (int i = 1; i < 3; ++i) {
    const nlohmann::json diff = nlohmann::json::parse(
        Stet(archive, {"diff", kUrl, std::to_string(i), std::to_string(i + 1), "--format", "json"})
            .out);
    const double rated = diff["summary"]["materiality"];
    CHECK(revisions[static_cast<std::size_t>(i)]["materiality"].get<double>() ==
          Approx(rated).margin(0.0005));
    CHECK(revisions[static_cast<std::size_t>(i)]["materiality_label"] ==
          diff["summary"]["materiality_label"]);
  }
  CHECK(log.out.find("   3  2025-02-15T09:10:00Z  ") != std::string::npos);
  CHECK(log.out.find("  high    ") != std::string::npos);

  CHECK(Stet(archive, {"show", kUrl}).out == ReadFile(SamplePath("r3.txt")));
  CHECK(Stet(archive, {"show", std::string(kUrl) + "@1"}).out == ReadFile(SamplePath("r1.txt")));
  CHECK(Stet(archive, {"show", std::string(kUrl) + "@-2"}).out == ReadFile(SamplePath("r2.txt")));
  const std::string id = revisions[0]["article"];
  const std::string commit = revisions[1]["commit"];
  CHECK(Stet(archive, {"show", id.substr(0, 6) + "@" + commit.substr(0, 7)}).out ==
        ReadFile(SamplePath("r2.txt")));
  nlohmann::json shown =
      nlohmann::json::parse(Stet(archive, {"show", id + "@2", "--format", "json"}).out);
  CHECK(shown["number"] == 2);
  CHECK(shown["text"] == ReadFile(SamplePath("r2.txt")));

  nlohmann::json list = nlohmann::json::parse(Stet(archive, {"list", "--format", "json"}).out);
  REQUIRE(list.size() == 1);
  CHECK(list[0]["id"] == id);
  CHECK(list[0]["revisions"] == 3);
  CHECK(list[0]["last_fetched_at"] == "2025-02-15T09:10:00Z");
  RunResult text_list = Stet(archive, {"list"});
  CHECK(text_list.out.find(id + "     3  2025-02-15 09:10  high    " + kUrl) != std::string::npos);
  CHECK(list[0]["last_materiality"] == revisions[2]["materiality"]);

  CHECK(stet::test::GitFsck(archive).exit_code == 0);
  // Plain git can browse it, as docs/archive-format.md shows.
  RunResult git_show = stet::test::Run(
      {"git", "--git-dir=" + archive, "show", "refs/stet/articles/" + id + "~2:text.txt"});
  CHECK(git_show.out == ReadFile(SamplePath("r1.txt")));
}

TEST_CASE("cli: an unchanged or whitespace-only revision is reported and not stored",
          "[cli][dedup]") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  AddSample(archive);
  RunResult same = Stet(archive, {"add", SamplePath("r3.txt"), "--url", kUrl});
  CHECK(same.exit_code == 0);
  CHECK(same.out ==
        std::string("unchanged: same text as revision 3 of ") + kUrl + "; nothing stored\n");
  std::string reflowed = ReadFile(SamplePath("r3.txt"));
  for (std::size_t at = reflowed.find(". "); at != std::string::npos;
       at = reflowed.find(". ", at + 4)) {
    reflowed.replace(at, 2, ".  \n");
  }
  RunResult whitespace = Stet(archive, {"add", "-", "--url", kUrl, "--format", "json"}, reflowed);
  CHECK(whitespace.exit_code == 0);
  CHECK(nlohmann::json::parse(whitespace.out)["stored"] == false);
  CHECK(nlohmann::json::parse(Stet(archive, {"log", kUrl, "--format", "json"}).out).size() == 3);
}

TEST_CASE("cli: bad input gets one line on stderr and exit 1 and an untouched archive",
          "[cli][errors]") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  AddSample(archive);
  WriteFile(dir / "binary.bin", std::string("GIF89a\0\0\x01", 9));
  WriteFile(dir / "latin1.txt", "Caf\xE9 au lait");
  WriteFile(dir / "empty.txt", "  \n\n");
  WriteFile(dir / "big.txt", std::string(3000, 'a'));
  WriteFile(dir / "page.html", "<!doctype html><html><body><p>Hi</p></body></html>");
  std::filesystem::create_directory(dir / "folder");
  const std::string before = Snapshot(archive);

  struct Case {
    std::vector<std::string> args;
    std::string expected;  // the whole stderr line
  };
  const std::vector<Case> cases = {
      {{"add", dir / "missing.txt", "--url", kUrl},
       "stet: add " + dir / "missing.txt" + ": No such file or directory"},
      {{"add", dir / "folder", "--url", kUrl}, "stet: add " + dir / "folder" + ": is a directory"},
      {{"add", dir / "binary.bin", "--url", kUrl},
       "stet: add " + dir / "binary.bin" + ": binary data (NUL byte at offset 6)"},
      {{"add", dir / "latin1.txt", "--url", kUrl},
       "stet: add " + dir / "latin1.txt" + ": invalid UTF-8 at byte 3"},
      {{"add", dir / "empty.txt", "--url", kUrl},
       "stet: add " + dir / "empty.txt" + ": empty text"},
      {{"add", dir / "big.txt", "--url", kUrl, "--max-size", "2KiB"},
       "stet: add " + dir / "big.txt" + ": 2.9 KiB, over the 2.0 KiB input limit (--max-size)"},
      {{"add", dir / "page.html", "--key", "notes"},
       "stet: add " + dir / "page.html" +
           ": a page needs its --url (links and the article's identity depend on it)"},
      {{"add", SamplePath("r1.txt"), "--url", "news.example.com/x"},
       "stet: add " + SamplePath("r1.txt") +
           ": URL news.example.com/x: not an absolute URL (Bad scheme)"},
      {{"add", SamplePath("r1.txt"), "--url", kUrl, "--at", "yesterday"},
       "stet: add " + SamplePath("r1.txt") +
           ": --at: time yesterday: too short (want RFC 3339, e.g. 2025-02-13T14:05:00Z)"},
      {{"log", "https://news.example.com/never"},
       "stet: article https://news.example.com/never: not in the archive"},
      {{"show", std::string(kUrl) + "@9"},
       "stet: revision 9 of " + std::string("abb10fe6e31147cc") +
           ": the article has 3 revision(s)"},
  };
  for (const Case& c : cases) {
    INFO(c.args[0] << " " << c.args[1]);
    RunResult result = Stet(archive, c.args);
    CHECK(result.exit_code == 1);
    CHECK(result.out.empty());
    CHECK(result.err == c.expected + "\n");
  }
  CHECK(Snapshot(archive) == before);
  CHECK(stet::test::GitFsck(archive).exit_code == 0);
}

TEST_CASE("cli: an archive path that is not a stet archive is refused", "[cli][errors]") {
  ScratchDir dir;
  std::filesystem::create_directory(dir / "photos");
  WriteFile(dir / "photos/cat.jpg", "meow");
  const std::string before = Snapshot(dir / "photos");
  RunResult add = Stet(dir / "photos", {"add", SamplePath("r1.txt"), "--url", kUrl});
  CHECK(add.exit_code == 1);
  CHECK(add.err ==
        "stet: archive " + dir / "photos" + ": not a stet archive (not a git repository)\n");
  RunResult init = Stet(dir / "photos", {"init"});
  CHECK(init.exit_code == 1);
  CHECK(init.err ==
        "stet: init " + dir / "photos" + ": directory is not empty and not a stet archive\n");
  CHECK(Snapshot(dir / "photos") == before);
  RunResult missing = Stet(dir / "nowhere", {"list"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err ==
        "stet: archive " + dir / "nowhere" + ": does not exist (make one with `stet init`)\n");
  CHECK_FALSE(std::filesystem::exists(dir / "nowhere"));
}

TEST_CASE("cli: usage errors exit 2 and leave the archive untouched", "[cli][errors]") {
  ScratchDir dir;
  const std::string archive = dir / "a";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  REQUIRE(Stet(archive, {"add", SamplePath("r1.txt"), "--url", kUrl}).exit_code == 0);
  const std::string before = Snapshot(archive);
  struct Case {
    std::vector<std::string> args;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {{},
       "stet: give a command: init, add, import, list, log, show, analyze, diff, report, serve, "
       "quotes, "
       "extract, reextract, track, untrack, tracked, feed, run, watch, status, verify, remote, "
       "push, pull, clone, gc (stet --help)"},
      {{"frobnicate"},
       "stet: unknown command 'frobnicate' (commands: init, add, import, list, "
       "log, show, analyze, diff, report, serve, quotes, extract, reextract, track, untrack, "
       "tracked, feed, run, "
       "watch, status, verify, remote, push, pull, clone, gc)"},
      {{"add", SamplePath("r2.txt")},
       "stet: add " + SamplePath("r2.txt") + ": give the article's --url URL or a --key NAME"},
      {{"run", "--log-format", "xml"},
       "stet: run: --log-format: xml is not one of json, text (stet run --help)"},
      {{"run", "--webhook", "ftp://x"},
       "stet: run: --webhook: 'ftp://x' is not an http(s) URL (stet run --help)"},
      {{"watch", "--min-materiality", "huge"},
       "stet: watch: --min-materiality: huge not in {low,medium,high} (stet watch --help)"},
      {{"add", SamplePath("r2.txt"), "--url", kUrl, "--key", "k"},
       "stet: add " + SamplePath("r2.txt") + ": give --url or --key, not both"},
      {{"add", SamplePath("r2.txt"), "--url", kUrl, "--bogus"},
       "stet: add: The following argument was not expected: --bogus (stet add --help)"},
      {{"log", kUrl, "--format", "yaml"},
       "stet: log: --format: yaml is not one of json, text (stet log --help)"},
      {{"list", "--bogus"},
       "stet: list: The following argument was not expected: --bogus (stet list --help)"},
  };
  for (const Case& c : cases) {
    INFO(c.expected);
    RunResult result = Stet(archive, c.args);
    CHECK(result.exit_code == 2);
    CHECK(result.err == c.expected + "\n");
    CHECK(result.out.empty());
  }
  CHECK(Snapshot(archive) == before);
  CHECK(Stet(archive, {"log", kUrl, "--format", "json"}).out.find("\"number\": 2") ==
        std::string::npos);
}

TEST_CASE("cli: the archive is --archive, else STET_ARCHIVE, else ./stet-archive", "[cli]") {
  ScratchDir dir;
  // Runs stet in `dir` with STET_ARCHIVE set to `environment` ("" unset)
  // and --archive `flag` when given.
  auto run = [&](const std::string& environment, const std::string& flag,
                 std::vector<std::string> args) {
    std::vector<std::string> argv = {"env", "-C", dir.path(), "-u", "STET_ARCHIVE"};
    if (!environment.empty()) argv.push_back("STET_ARCHIVE=" + environment);
    argv.push_back(STET_BINARY);
    if (!flag.empty()) {
      argv.push_back("--archive");
      argv.push_back(flag);
    }
    argv.insert(argv.end(), args.begin(), args.end());
    return stet::test::Run(argv);
  };
  const std::string flagged = dir / "from-flag", from_env = dir / "from-env",
                    fallback = dir / "stet-archive";
  REQUIRE(run("", "", {"init"}).exit_code == 0);
  CHECK(std::filesystem::exists(fallback + "/config"));
  REQUIRE(run(from_env, "", {"init"}).exit_code == 0);
  CHECK(std::filesystem::exists(from_env + "/config"));
  REQUIRE(run(from_env, flagged, {"init"}).exit_code == 0);
  CHECK(std::filesystem::exists(flagged + "/config"));

  auto articles = [&](const std::string& archive) { return Stet(archive, {"list"}).out; };
  // --archive wins over STET_ARCHIVE.
  REQUIRE(run(from_env, flagged, {"add", SamplePath("r1.txt"), "--key", "flag"}).exit_code == 0);
  // STET_ARCHIVE wins over ./stet-archive.
  REQUIRE(run(from_env, "", {"add", SamplePath("r1.txt"), "--key", "env"}).exit_code == 0);
  // With neither, ./stet-archive in the working directory; an empty
  // STET_ARCHIVE counts as unset.
  REQUIRE(run("", "", {"add", SamplePath("r1.txt"), "--key", "default"}).exit_code == 0);
  REQUIRE(stet::test::Run({"env", "-C", dir.path(), "STET_ARCHIVE=", STET_BINARY, "add",
                           SamplePath("r2.txt"), "--key", "empty-env"})
              .exit_code == 0);
  const std::string in_flag = articles(flagged), in_env = articles(from_env),
                    in_default = articles(fallback);
  CHECK(in_flag.find("key:flag") != std::string::npos);
  CHECK(in_flag.find("key:env") == std::string::npos);
  CHECK(in_env.find("key:env") != std::string::npos);
  CHECK(in_env.find("key:flag") == std::string::npos);
  CHECK(in_env.find("key:default") == std::string::npos);
  CHECK(in_default.find("key:default") != std::string::npos);
  CHECK(in_default.find("key:empty-env") != std::string::npos);
  CHECK(in_default.find("key:env") == std::string::npos);
  CHECK(in_default.find("key:flag") == std::string::npos);
}

TEST_CASE("cli: import skips bad lines and names them and exits 1 and stores the good ones",
          "[cli][import]") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  nlohmann::json r1 = {{"url", kUrl},
                       {"fetched_at", "2025-02-13T14:05:00Z"},
                       {"text", ReadFile(SamplePath("r1.txt"))}};
  nlohmann::json r2 = {{"url", kUrl},
                       {"fetched_at", "2025-02-13T18:40:00Z"},
                       {"text", ReadFile(SamplePath("r2.txt"))},
                       {"title", "Vance: US could use sanctions"}};
  WriteFile(
      dir / "revisions.jsonl",
      r1.dump() + "\n{\"url\": \"https://x/\", \"fetched_at\": \"nope\"\n" + r2.dump() + "\n");
  RunResult imported = Stet(archive, {"import", dir / "revisions.jsonl"});
  CHECK(imported.exit_code == 1);
  CHECK(imported.err == "stet: import " + dir / "revisions.jsonl" + ":2: not valid JSON\n");
  CHECK(imported.out ==
        "imported 2 revision(s) of 1 article(s); 0 unchanged, 0 already stored, 1 line(s) "
        "rejected\n");
  CHECK(nlohmann::json::parse(Stet(archive, {"log", kUrl, "--format", "json"}).out).size() == 2);

  // The same line again is the revision stored already, not a new one.
  RunResult again = Stet(archive, {"import", "-", "--format", "json"}, r2.dump() + "\n");
  CHECK(again.exit_code == 0);
  CHECK(nlohmann::json::parse(again.out)["already_stored"] == 1);
  CHECK(nlohmann::json::parse(again.out)["unchanged"] == 0);

  const std::string before = Snapshot(archive);
  RunResult missing = Stet(archive, {"import", dir / "nope.jsonl"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err == "stet: import " + dir / "nope.jsonl" + ": No such file or directory\n");
  CHECK(Snapshot(archive) == before);
}

TEST_CASE("cli: analyze gives sentences whose byte offsets round-trip", "[cli][segment]") {
  ScratchDir dir;
  const std::string text = ReadFile(SamplePath("r2.txt"));
  RunResult analyzed = Stet(dir / "unused", {"analyze", SamplePath("r2.txt"), "--format", "json"});
  REQUIRE(analyzed.exit_code == 0);
  const nlohmann::json sentences = nlohmann::json::parse(analyzed.out)["sentences"];
  REQUIRE(sentences.size() > 8);
  for (const nlohmann::json& sentence : sentences) {
    const std::size_t start = sentence["start"], end = sentence["end"];
    CHECK(text.substr(start, end - start) == sentence["text"].get<std::string>());
  }
  CHECK(sentences[0]["start"] == 0);
  CHECK_FALSE(std::filesystem::exists(dir / "unused"));  // no archive needed or made

  WriteFile(dir / "binary.bin", std::string("ab\0cd", 5));
  RunResult binary = Stet(dir / "unused", {"analyze", dir / "binary.bin"});
  CHECK(binary.exit_code == 1);
  CHECK(binary.err ==
        "stet: analyze " + dir / "binary.bin" + ": binary data (NUL byte at offset 2)\n");
}

TEST_CASE("regression: ARTICLE@REV is read after a query string or a fragment",
          "[cli][regression]") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  const std::string url = "https://ex.com/s?id=5";
  for (int n = 1; n <= 3; ++n) {
    WriteFile(dir / "r.txt", "Revision " + std::to_string(n) + " of the story, as it stood.");
    REQUIRE(Stet(archive, {"add", dir / "r.txt", "--url", url, "--at",
                           "2025-01-0" + std::to_string(n) + "T00:00:00Z"})
                .exit_code == 0);
  }
  auto shown = [&](const std::string& target) { return Stet(archive, {"show", target}); };
  CHECK(shown(url + "&utm_source=x@1").out == "Revision 1 of the story, as it stood.");
  CHECK(shown(url + "#top@1").out == "Revision 1 of the story, as it stood.");
  CHECK(shown(url + "@2").out == "Revision 2 of the story, as it stood.");
  CHECK(shown(url).out == "Revision 3 of the story, as it stood.");
  for (const std::string bad : {"@abc", "@0", "@4"}) {
    RunResult wrong = shown(url + "#x" + bad);
    CHECK(wrong.exit_code == 1);
    CHECK(wrong.out.empty());
    CHECK(wrong.err.find("revision " + bad.substr(1)) != std::string::npos);
  }
  // diff ARTICLE@REV: that revision against the latest.
  RunResult diff = Stet(archive, {"diff", url + "#x@1", "--format", "json"});
  REQUIRE(diff.exit_code == 0);
  const nlohmann::json json = nlohmann::json::parse(diff.out);
  CHECK(json["from"]["number"] == 1);
  CHECK(json["to"]["number"] == 3);
  CHECK(Stet(archive, {"diff", url + "@1", "2", "3"}).exit_code == 1);  // three revisions
  // quotes ARTICLE@REV --history is accepted; the fragment must be in REV.
  WriteFile(dir / "q.txt", "\"We will act,\" the minister said on Monday.");
  REQUIRE(Stet(archive, {"add", dir / "q.txt", "--url", url}).exit_code == 0);
  RunResult history = Stet(archive, {"quotes", url + "@4", "--history", "will act"});
  CHECK(history.exit_code == 0);
  CHECK(history.out.find("revision 4") != std::string::npos);
  CHECK(Stet(archive, {"quotes", url + "@1", "--history", "will act"}).exit_code == 1);
}

TEST_CASE("regression: a URL that ends in @name is given with --url", "[cli][regression]") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  const std::string url = "https://medium.com/@name";
  WriteFile(dir / "r.txt", "A profile page, as it stood.");
  REQUIRE(Stet(archive, {"add", dir / "r.txt", "--url", url}).exit_code == 0);
  // https://medium.com/ is not archived: the whole argument is the article.
  CHECK(Stet(archive, {"show", url}).out == "A profile page, as it stood.");
  WriteFile(dir / "front.txt", "The front page, as it stood.");
  REQUIRE(Stet(archive, {"add", dir / "front.txt", "--url", "https://medium.com/"}).exit_code == 0);
  RunResult as_revision = Stet(archive, {"show", url});
  CHECK(as_revision.exit_code == 1);
  CHECK(as_revision.err.find("give it with --url") != std::string::npos);
  CHECK(Stet(archive, {"show", "--url", url}).out == "A profile page, as it stood.");
  CHECK(Stet(archive, {"show", "--url", url, "@1"}).out == "A profile page, as it stood.");
  CHECK(Stet(archive, {"show", "https://medium.com/@name/post"}).exit_code == 1);  // not stored
  CHECK(Stet(archive, {"show"}).exit_code == 2);
}

TEST_CASE("regression: times git cannot store and times out of order are refused",
          "[cli][regression]") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  const std::string url = "https://news.example.com/a";
  WriteFile(dir / "one.txt", "The first text of the story.");
  WriteFile(dir / "two.txt", "The second text of the story.");
  WriteFile(dir / "three.txt", "The third text of the story.");
  const std::string before = Snapshot(archive);
  RunResult old =
      Stet(archive, {"add", dir / "one.txt", "--url", url, "--at", "1900-01-01T00:00:00Z"});
  CHECK(old.exit_code == 1);
  CHECK(old.err == "stet: add " + dir / "one.txt" +
                       ": fetched at 1900-01-01T00:00:00Z: git stores no time before "
                       "1970-01-01T00:00:00Z\n");
  RunResult empty = Stet(archive, {"add", dir / "one.txt", "--url", url, "--at", ""});
  CHECK(empty.exit_code == 2);
  CHECK(empty.err.find("--at: is empty") != std::string::npos);
  CHECK(Snapshot(archive) == before);

  REQUIRE(Stet(archive, {"add", dir / "one.txt", "--url", url, "--at", "1970-01-01T00:00:00Z"})
              .exit_code == 0);
  REQUIRE(Stet(archive, {"add", dir / "two.txt", "--url", url, "--at", "2025-02-13T12:00:00Z"})
              .exit_code == 0);
  const std::string two = Snapshot(archive);
  RunResult earlier =
      Stet(archive, {"add", dir / "three.txt", "--url", url, "--at", "2025-02-12T12:00:00Z"});
  CHECK(earlier.exit_code == 1);
  CHECK(earlier.err.find("fetched at 2025-02-12T12:00:00Z, before the article's latest revision "
                         "(2, fetched at 2025-02-13T12:00:00Z)") != std::string::npos);
  CHECK(Snapshot(archive) == two);
  // With no --at the time is now, never out of order: a saved page too.
  WriteFile(dir / "page.html",
            "<html><body><article><p>The council voted on Tuesday to close the old bridge, which "
            "has carried traffic since 1932, after engineers found cracks in it.</p></article>"
            "</body></html>");
  REQUIRE(Stet(archive, {"add", dir / "page.html", "--url", "https://news.example.com/p", "--at",
                         "2099-01-01T00:00:00Z"})
              .exit_code == 0);
  WriteFile(dir / "page2.html",
            ReadFile(dir / "page.html").replace(0, 0, "<!-- v2 -->") + "<p>An update.</p>");
  CHECK(
      Stet(archive, {"add", dir / "page2.html", "--url", "https://news.example.com/p"}).exit_code ==
      0);
  // Allowed, it is stored after the latest, as the newest revision.
  RunResult allowed = Stet(archive, {"add", dir / "three.txt", "--url", url, "--at",
                                     "2025-02-12T12:00:00Z", "--allow-earlier"});
  CHECK(allowed.exit_code == 0);
  RunResult log = Stet(archive, {"log", url, "--format", "json"});
  const nlohmann::json revisions = nlohmann::json::parse(log.out);
  REQUIRE(revisions.size() == 3);
  CHECK(revisions[2]["fetched_at"] == "2025-02-12T12:00:00Z");
  CHECK(stet::test::GitFsck(archive).exit_code == 0);

  // Import: an earlier line is a rejected line, the others are stored.
  WriteFile(
      dir / "lines.jsonl",
      "{\"url\": \"" + url +
          "\", \"fetched_at\": \"2020-01-01T00:00:00Z\", \"text\": \"Old.\"}\n"
          "{\"url\": \"https://news.example.com/b\", \"fetched_at\": \"1969-12-31T23:59:59Z\", "
          "\"text\": \"Too old.\"}\n"
          "{\"url\": \"" +
          url + "\", \"fetched_at\": \"2030-01-01T00:00:00Z\", \"text\": \"New.\"}\n");
  RunResult imported = Stet(archive, {"import", dir / "lines.jsonl"});
  CHECK(imported.exit_code == 1);
  CHECK(imported.err.find("lines.jsonl:1: fetched at 2020-01-01T00:00:00Z, before") !=
        std::string::npos);
  CHECK(imported.err.find("lines.jsonl:2: fetched at 1969-12-31T23:59:59Z: git stores no time") !=
        std::string::npos);
  CHECK(imported.out.find("imported 1 revision(s)") != std::string::npos);
  CHECK(stet::test::GitFsck(archive).exit_code == 0);
}

TEST_CASE("regression: usage errors are one line naming what is wrong, exit 2",
          "[cli][regression]") {
  ScratchDir dir;
  auto usage = [&](const std::vector<std::string>& args, const std::string& expected) {
    RunResult result = Stet(dir / "archive", args);
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(LineCount(result.err) == 1);
    CHECK(result.err.rfind("stet: ", 0) == 0);
    CHECK(result.err.find(expected) != std::string::npos);
    // No CLI11 internals, no 300-digit numbers; the list of every command
    // is the longest line meant.
    CHECK(result.err.size() < 260);
  };
  usage({"bogus"}, "unknown command 'bogus'");
  usage({}, "give a command: init, add");
  usage({"list", "--format", "xml"}, "--format: xml is not one of json, text");
  usage({"diff", "--files", "a", "b", "--format", "pdf"}, "pdf is not one of html, json, md, text");
  usage({"extract", "https://example.com/a", "--timeout", "0"}, "--timeout: 0 is not a number");
  usage({"extract", "page.html", "--max-size", "-5"}, "--max-size: -5 is below 0");
  usage({"extract", "https://example.com/a", "--user-agent", "a\r\nX-Injected: 1"},
        "--user-agent: holds a line break");
  usage({"add", "https://x/a", "--url", "https://y/"}, "--url and --key are for files");
  usage({"add", "ftp://x/a"}, "add ftp://x/a: stet fetches http and https URLs only");
  usage({"list", "--bogus"}, "list: ");
  CHECK(Stet(dir / "archive", {"--help"}).exit_code == 0);
  CHECK(Stet(dir / "archive", {"--version"}).exit_code == 0);
}

TEST_CASE("regression: a damaged ref is reported, never read as a missing article",
          "[cli][regression]") {
  ScratchDir dir;
  dir.ExpectDamage();
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  WriteFile(dir / "a.txt", "The first article's text.");
  WriteFile(dir / "b.txt", "The second article's text.");
  REQUIRE(Stet(archive, {"add", dir / "a.txt", "--url", "https://ex.com/a"}).exit_code == 0);
  RunResult added_b =
      Stet(archive, {"add", dir / "b.txt", "--url", "https://ex.com/b", "--format", "json"});
  REQUIRE(added_b.exit_code == 0);
  const std::string id = nlohmann::json::parse(added_b.out)["revision"]["article"];
  for (const std::string& damage : {std::string(), std::string("3f2a")}) {  // empty, truncated
    WriteFile(archive + "/refs/stet/articles/" + id, damage);
    RunResult list = Stet(archive, {"list"});
    CHECK(list.exit_code == 4);
    CHECK(list.out.find("https://ex.com/a") != std::string::npos);  // the others are listed
    CHECK(list.out.find(id + "     ?  ?                 ?       DAMAGED") != std::string::npos);
    CHECK(list.err.find("stet: list: article " + id) != std::string::npos);
    for (const std::string& target : {id, std::string("https://ex.com/b")}) {
      RunResult shown = Stet(archive, {"show", target});
      CHECK(shown.exit_code == 4);
      CHECK(shown.err.find("article " + id) != std::string::npos);
      CHECK(shown.err.find("not in the archive") == std::string::npos);
    }
    const std::string before = Snapshot(archive);
    CHECK(Stet(archive, {"add", dir / "a.txt", "--url", "https://ex.com/b"}).exit_code == 4);
    CHECK(Snapshot(archive) == before);
  }
}

TEST_CASE("regression: a history whose latest text cannot be read is not extended",
          "[cli][regression]") {
  ScratchDir dir;
  dir.ExpectDamage();
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  WriteFile(dir / "one.txt", "The first text of the story, as it stood on Monday.");
  WriteFile(dir / "two.txt", "The second text of the story, as it stood on Tuesday.");
  REQUIRE(Stet(archive, {"add", dir / "one.txt", "--url", "https://ex.com/a"}).exit_code == 0);
  // Damage the latest revision's text: its loose object no longer inflates.
  RunResult blob =
      stet::test::Run({"git", "--git-dir=" + archive, "rev-parse", "--glob=refs/stet/articles/*"});
  REQUIRE(blob.exit_code == 0);
  RunResult text_id = stet::test::Run(
      {"git", "--git-dir=" + archive, "rev-parse", blob.out.substr(0, 40) + ":text.txt"});
  REQUIRE(text_id.exit_code == 0);
  const std::string object =
      archive + "/objects/" + text_id.out.substr(0, 2) + "/" + text_id.out.substr(2, 38);
  std::filesystem::permissions(object, std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::add);
  // The zlib stream's checksum, its last byte: the object no longer reads
  // ("incorrect data check"). (A flipped byte inside a small object's
  // header can make libgit2 1.5 write out of bounds, its issue 7177.)
  std::string bytes = ReadFile(object);
  bytes.back() = static_cast<char>(bytes.back() ^ 0x5A);
  WriteFile(object, bytes);
  CHECK(Stet(archive, {"show", "https://ex.com/a"}).exit_code == 4);
  const std::string before = Snapshot(archive);
  RunResult added = Stet(archive, {"add", dir / "two.txt", "--url", "https://ex.com/a"});
  CHECK(added.exit_code == 4);
  CHECK(added.err.find("its latest revision (1) cannot be read, so its history is not extended") !=
        std::string::npos);
  WriteFile(dir / "line.jsonl",
            "{\"url\": \"https://ex.com/a\", \"fetched_at\": "
            "\"2030-01-01T00:00:00Z\", \"text\": \"Third.\"}\n");
  CHECK(Stet(archive, {"import", dir / "line.jsonl"}).exit_code == 4);
  CHECK(Snapshot(archive) == before);
}

TEST_CASE("regression: an import run again stores nothing twice", "[cli][regression]") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  std::string lines;
  for (int n = 1; n <= 6; ++n) {
    lines += "{\"url\": \"https://ex.com/" + std::string(n % 2 ? "a" : "b") +
             "\", \"fetched_at\": \"2025-01-0" + std::to_string(n) +
             "T00:00:00Z\", \"text\": \"Text number " + std::to_string(n) + ".\"}\n";
  }
  WriteFile(dir / "lines.jsonl", lines);
  RunResult first = Stet(archive, {"import", dir / "lines.jsonl", "--batch-size", "2"});
  REQUIRE(first.exit_code == 0);
  CHECK(first.out ==
        "imported 6 revision(s) of 2 article(s); 0 unchanged, 0 already stored, 0 line(s) "
        "rejected\n");
  const std::string after_first = Snapshot(archive);
  RunResult again = Stet(archive, {"import", dir / "lines.jsonl", "--format", "json"});
  REQUIRE(again.exit_code == 0);
  const nlohmann::json summary = nlohmann::json::parse(again.out);
  CHECK(summary["stored"] == 0);
  CHECK(summary["already_stored"] == 6);
  CHECK(summary["rejected"] == 0);
  CHECK(summary["error"].is_null());
  CHECK(Snapshot(archive) == after_first);
  // A file holding an earlier run's lines and new ones: the new are stored.
  WriteFile(dir / "more.jsonl",
            lines +
                "{\"url\": \"https://ex.com/a\", \"fetched_at\": \"2025-01-09T00:00:00Z\", "
                "\"text\": \"Text number 9.\"}\n");
  RunResult more = Stet(archive, {"import", dir / "more.jsonl", "--progress"});
  CHECK(more.exit_code == 0);
  CHECK(more.out.find("imported 1 revision(s)") != std::string::npos);
  CHECK(more.out.find("6 already stored") != std::string::npos);
  CHECK(more.err.find("through line 7: 1 stored, 6 already stored") != std::string::npos);
  CHECK(stet::test::GitFsck(archive).exit_code == 0);
}

TEST_CASE("regression: an over-long import line is not read whole", "[cli][regression]") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  const std::string good =
      "{\"url\": \"https://ex.com/a\", \"fetched_at\": \"2025-01-01T00:00:00Z\", \"text\": \"A.\"}";
  const std::string huge =
      "{\"url\": \"https://ex.com/b\", \"fetched_at\": "
      "\"2025-01-01T00:00:00Z\", \"text\": \"" +
      std::string(30 * 1024 * 1024, 'x') + "\"}";
  const std::string exact(1024, ' ');  // a line of exactly the limit is read
  WriteFile(dir / "lines.jsonl", good + "\n" + huge + "\n" + exact + "\n" + huge);
  RunResult imported = Stet(archive, {"import", dir / "lines.jsonl", "--max-size", "1KiB"});
  CHECK(imported.exit_code == 1);
  CHECK(imported.err == "stet: import " + dir / "lines.jsonl" +
                            ":2: line over the 1024-byte limit (--max-size)\n"
                            "stet: import " +
                            dir / "lines.jsonl" +
                            ":4: line over the 1024-byte limit (--max-size)\n");
  CHECK(imported.out.find("imported 1 revision(s)") != std::string::npos);
}

TEST_CASE("regression: a failed import leaves no pack without its index and says where it stopped",
          "[cli][regression]") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  WriteFile(dir / "line.jsonl",
            "{\"url\": \"https://ex.com/a\", \"fetched_at\": "
            "\"2025-01-01T00:00:00Z\", \"text\": \"A short text.\"}\n");
  const std::string before = Snapshot(archive);
  // Files of at most 1 KiB: the pack of one small revision fits, its index
  // (over 1 KiB) does not, as on a disk that fills up in between.
  RunResult full = stet::test::Run(
      {"bash", "-c", "trap '' XFSZ; ulimit -f 1; exec \"$0\" --archive \"$1\" import \"$2\"",
       STET_BINARY, archive, dir / "line.jsonl"});
  CHECK(full.exit_code == 4);
  CHECK(full.err.find(".idx: write: File too large") != std::string::npos);
  CHECK(full.out.find("stopped after line 0 (run the same import again to go on)") !=
        std::string::npos);
  CHECK(Snapshot(archive) == before);
  // Run again with room: stored.
  CHECK(Stet(archive, {"import", dir / "line.jsonl"}).exit_code == 0);
  CHECK(stet::test::GitFsck(archive).exit_code == 0);
}

TEST_CASE("list: the most recently fetched article first, whatever the order of adding", "[cli]") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  const std::vector<std::pair<std::string, std::string>> added = {
      {"https://ex.com/middle", "2025-02-02T00:00:00Z"},
      {"https://ex.com/newest", "2025-02-03T00:00:00Z"},
      {"https://ex.com/oldest", "2025-02-01T00:00:00Z"}};
  for (const auto& [url, at] : added) {
    WriteFile(dir / "text.txt", "The text of " + url + ".");
    REQUIRE(Stet(archive, {"add", dir / "text.txt", "--url", url, "--at", at}).exit_code == 0);
  }
  const nlohmann::json list =
      nlohmann::json::parse(Stet(archive, {"list", "--format", "json"}).out);
  REQUIRE(list.size() == 3);
  CHECK(list[0]["url"] == "https://ex.com/newest");
  CHECK(list[1]["url"] == "https://ex.com/middle");
  CHECK(list[2]["url"] == "https://ex.com/oldest");
  const std::string text = Stet(archive, {"list"}).out;
  CHECK(text.find("https://ex.com/newest") < text.find("https://ex.com/middle"));
  CHECK(text.find("https://ex.com/middle") < text.find("https://ex.com/oldest"));
}
