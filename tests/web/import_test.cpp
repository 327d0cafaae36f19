#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "stet/import.h"
#include "stet/pages.h"
#include "test_support.h"

using stet::ParseImportLine;

TEST_CASE("an import line becomes a revision", "[import]") {
  stet::Result<stet::NewRevision> revision = ParseImportLine(
      R"({"url": "https://example.com/a", "fetched_at": "2025-02-13T14:05:00Z", "text": "Hello.", "title": "T", "extra": 1})");
  REQUIRE(revision.ok());
  CHECK(revision->url == "https://example.com/a");
  CHECK(revision->text == "Hello.");
  CHECK(revision->title == "T");
  CHECK(stet::FormatTimestamp(revision->fetched_at) == "2025-02-13T14:05:00Z");
}

TEST_CASE("bad import lines say what is wrong", "[import][errors]") {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"url": "https://example.com/a", "fetched_at": "2025-02-13T14:05:00Z", "text": "x")",
       "not valid JSON"},
      {R"(["a"])", "not a JSON object"},
      {R"({"fetched_at": "2025-02-13T14:05:00Z", "text": "x"})", "\"url\" missing"},
      {R"({"url": "https://example.com/a", "text": "x"})", "\"fetched_at\" missing"},
      {R"({"url": "https://example.com/a", "fetched_at": "2025-02-13T14:05:00Z"})",
       "\"text\" or \"html\" missing"},
      {R"({"url": "https://example.com/a", "fetched_at": "2025-02-13", "text": "x"})",
       "\"fetched_at\": time"},
      {R"({"url": "example.com/a", "fetched_at": "2025-02-13T14:05:00Z", "text": "x"})",
       "not an absolute URL"},
      {R"({"url": "https://example.com/a", "fetched_at": "2025-02-13T14:05:00Z", "text": 5})",
       "\"text\" is not a string"},
      {R"({"url": "https://example.com/a", "fetched_at": "2025-02-13T14:05:00Z", "text": "a\u0000b"})",
       "NUL byte"},
      {R"({"url": "https://example.com/a", "fetched_at": "2025-02-13T14:05:00Z", "text": "  "})",
       "empty text"},
      {R"({"url": "https://example.com/a", "fetched_at": "2025-02-13T14:05:00Z", "html": "<html></html>"})",
       "\"html\": no article text found"},
      {R"({"url": "https://example.com/a", "fetched_at": "2025-02-13T14:05:00Z", "html": "<p>x</p>", "text": "x"})",
       "give \"text\" or \"html\", not both"},
      {R"({"key": "k", "fetched_at": "2025-02-13T14:05:00Z", "html": "<p>x</p>"})",
       "a page (\"html\") needs its \"url\""},
  };
  for (const auto& [line, expected] : cases) {
    INFO(line);
    stet::Result<stet::NewRevision> revision = ParseImportLine(line);
    REQUIRE_FALSE(revision.ok());
    CHECK(revision.status().message().find(expected) != std::string::npos);
  }
  // Invalid UTF-8 inside a JSON string.
  CHECK_FALSE(ParseImportLine(
                  "{\"url\": \"https://example.com/a\", \"fetched_at\": \"2025-02-13T14:05:00Z\", "
                  "\"text\": \"\xC3\x28\"}")
                  .ok());
}

TEST_CASE("import skips and counts bad lines naming each and stores the good ones", "[import]") {
  stet::test::ScratchDir dir;
  stet::Result<stet::Archive> archive = stet::Archive::Init(dir / "archive");
  REQUIRE(archive.ok());
  std::istringstream input(
      R"({"url": "https://example.com/a", "fetched_at": "2025-02-13T14:05:00Z", "text": "One."})"
      "\n\n"
      "not json\n"
      R"({"url": "https://example.com/a", "fetched_at": "2025-02-13T15:05:00Z", "text": "One. "})"
      "\n"
      R"({"url": "https://example.com/b", "fetched_at": "2025-02-13T15:05:00Z"})"
      "\n"
      R"({"url": "https://example.com/a", "fetched_at": "2025-02-13T16:05:00Z", "text": "Two."})"
      "\n");
  std::vector<std::string> rejected;
  stet::ImportOptions options;
  options.batch_revisions = 2;
  const stet::ImportSummary summary =
      stet::ImportJsonLines(*archive, input, "feed.jsonl", options,
                            [&](const stet::Status& why) { rejected.push_back(why.message()); });
  REQUIRE(summary.error.ok());
  CHECK(summary.lines == 5);
  CHECK(summary.stored == 2);
  CHECK(summary.unchanged == 1);
  CHECK(summary.rejected == 2);
  CHECK(summary.articles == 1);
  CHECK(summary.settled_through_line == 6);
  REQUIRE(rejected.size() == 2);
  CHECK(rejected[0] == "import feed.jsonl:3: not valid JSON");
  CHECK(rejected[1] == "import feed.jsonl:5: \"text\" or \"html\" missing");
  CHECK(archive->Log(*archive->ResolveArticle("https://example.com/a"))->size() == 2);
}

TEST_CASE(
    "regression: a page with deeply nested JSON-LD in an import is read, and so are the "
    "lines around it",
    "[import][regression]") {
  stet::test::ScratchDir dir;
  stet::Result<stet::Archive> archive = stet::Archive::Init(dir / "archive");
  REQUIRE(archive.ok());
  const std::string page =
      "<html><head><script type=\"application/ld+json\">" + std::string(200000, '[') +
      std::string(200000, ']') +
      "</script></head><body><article><p>The council voted on Tuesday to close the old bridge, "
      "which has carried traffic since 1932, after engineers found cracks in its supports.</p>"
      "</article></body></html>";
  nlohmann::json html_line = {
      {"url", "https://example.com/deep"}, {"fetched_at", "2025-02-13T15:05:00Z"}, {"html", page}};
  std::istringstream input(
      R"({"url": "https://example.com/a", "fetched_at": "2025-02-13T14:05:00Z", "text": "One."})"
      "\n" +
      html_line.dump() + "\n" +
      R"({"url": "https://example.com/b", "fetched_at": "2025-02-13T16:05:00Z", "text": "Two."})"
      "\n");
  stet::ImportOptions options;
  const stet::ImportSummary summary =
      stet::ImportJsonLines(*archive, input, "deep.jsonl", options, {});
  REQUIRE(summary.error.ok());
  CHECK(summary.stored == 3);
  CHECK(summary.rejected == 0);
  // Re-extracting the stored page reads it again without crashing.
  const stet::Result<stet::ReextractSummary> again =
      stet::Reextract(*archive, *archive->ResolveArticle("https://example.com/deep"), true);
  REQUIRE(again.ok());
  CHECK(again->revisions == 1);
}
