// `stet report` over an archive of many articles: exactly the articles that
// changed in the window, most material first, in every format; the Atom feed
// is well-formed Atom 1.0 with stable ids.
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "test_support.h"

namespace {

using stet::test::RunResult;
using stet::test::ScratchDir;
using stet::test::Stet;
using stet::test::WriteFile;

std::string Url(int article) {
  return "https://news.example.com/story-" + std::to_string(article);
}

// Article k's first text, and its second: a number corrected (k % 4 == 0),
// a quote added (1), a comma (2) or a denial reversed (3).
std::string FirstText(int k) {
  return "The council of Ward " + std::to_string(k) +
         " met on Monday. It approved 12 permits for new housing. The mayor did not attend the "
         "meeting. Residents asked about parking, and the clerk answered.\n";
}
std::string SecondText(int k) {
  std::string text = FirstText(k);
  switch (k % 4) {
    case 0:
      text.replace(text.find("12 permits"), 10, "21 permits");
      break;
    case 1:
      text += "\"We will build more,\" the mayor said.\n";
      break;
    case 2:
      text.replace(text.find("parking, and"), 12, "parking and");
      break;
    default:
      text.replace(text.find("did not attend"), 14, "attended");
  }
  return text;
}

// 200 articles, all first stored on 2026-01-01; a third changed on
// 2026-03-10 (in the window), a third on 2026-02-01 (before it), a third
// never. Returns the archive's path.
std::string ManyArticles(const ScratchDir& dir) {
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  std::string lines;
  auto line = [&](int k, const std::string& when, const std::string& text,
                  const std::string& title) {
    lines += nlohmann::json{{"url", Url(k)}, {"fetched_at", when}, {"text", text}, {"title", title}}
                 .dump() +
             "\n";
  };
  for (int k = 0; k < 200; ++k)
    line(k, "2026-01-01T08:00:00Z", FirstText(k), "Ward " + std::to_string(k));
  for (int k = 0; k < 200; ++k) {
    if (k % 3 == 0) line(k, "2026-03-10T08:00:00Z", SecondText(k), "Ward " + std::to_string(k));
    if (k % 3 == 1) line(k, "2026-02-01T08:00:00Z", SecondText(k), "Ward " + std::to_string(k));
  }
  WriteFile(dir / "lines.jsonl", lines);
  RunResult imported = Stet(archive, {"import", dir / "lines.jsonl"});
  REQUIRE(imported.exit_code == 0);
  return archive;
}

xmlNodePtr Child(xmlNodePtr node, const char* name) {
  for (xmlNodePtr child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE && xmlStrEqual(child->name, BAD_CAST name)) return child;
  }
  return nullptr;
}

std::string Content(xmlNodePtr node) {
  xmlChar* text = xmlNodeGetContent(node);
  std::string out = text ? reinterpret_cast<const char*>(text) : "";
  xmlFree(text);
  return out;
}

bool IsTimestamp(const std::string& text) {
  return text.size() == 20 && text[4] == '-' && text[10] == 'T' && text.back() == 'Z';
}

// Checks what RFC 4287 requires of a feed and its entries; returns the
// entries' ids and titles.
std::map<std::string, std::string> CheckAtom(const std::string& xml) {
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "feed.atom", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  REQUIRE(doc != nullptr);  // well-formed XML
  xmlNodePtr feed = xmlDocGetRootElement(doc);
  REQUIRE(xmlStrEqual(feed->name, BAD_CAST "feed"));
  REQUIRE(feed->ns != nullptr);
  CHECK(xmlStrEqual(feed->ns->href, BAD_CAST "http://www.w3.org/2005/Atom"));
  for (const char* required : {"id", "title", "updated", "author"}) {
    INFO("feed lacks " << required);
    CHECK(Child(feed, required) != nullptr);
  }
  CHECK(IsTimestamp(Content(Child(feed, "updated"))));
  CHECK(Child(Child(feed, "author"), "name") != nullptr);
  std::map<std::string, std::string> entries;
  for (xmlNodePtr entry = feed->children; entry != nullptr; entry = entry->next) {
    if (entry->type != XML_ELEMENT_NODE || !xmlStrEqual(entry->name, BAD_CAST "entry")) continue;
    for (const char* required : {"id", "title", "updated"}) {
      INFO("entry lacks " << required);
      REQUIRE(Child(entry, required) != nullptr);
    }
    CHECK(IsTimestamp(Content(Child(entry, "updated"))));
    // An entry without content must link to one (RFC 4287 4.1.1.1).
    CHECK((Child(entry, "content") != nullptr || Child(entry, "link") != nullptr));
    const std::string id = Content(Child(entry, "id"));
    CHECK(id.rfind("urn:", 0) == 0);
    CHECK(entries.count(id) == 0);  // ids unique
    entries[id] = Content(Child(entry, "title"));
  }
  xmlFreeDoc(doc);
  return entries;
}

}  // namespace

TEST_CASE("report: exactly the articles changed in the window, most material first", "[report]") {
  ScratchDir dir;
  const std::string archive = ManyArticles(dir);
  const std::vector<std::string> window = {"report", "--since", "2026-03-01", "--until",
                                           "2026-04-01"};
  auto report = [&](const std::vector<std::string>& options) {
    std::vector<std::string> args = window;
    args.insert(args.end(), options.begin(), options.end());
    RunResult run = Stet(archive, args);
    REQUIRE(run.exit_code == 0);
    return run.out;
  };
  const nlohmann::json json = nlohmann::json::parse(report({"--format", "json"}));
  CHECK(json["schema_version"] == 1);
  std::set<std::string> listed;
  double previous = 2;
  for (const nlohmann::json& article : json["articles"]) {
    listed.insert(article["url"].get<std::string>());
    const double materiality = article["materiality"];
    CHECK(materiality <= previous);  // most material first
    previous = materiality;
    CHECK(article["revisions_in_window"] == 1);
    CHECK(article["from"]["number"] == 1);
    CHECK(article["to"]["number"] == 2);
  }
  std::set<std::string> changed;
  for (int k = 0; k < 200; k += 3) changed.insert(Url(k));
  CHECK(listed == changed);
  // Each entry lists at most --top (3) quote and claim changes.
  for (const nlohmann::json& article : json["articles"]) CHECK(article["changes"].size() <= 3);
  // The reversed denial and the corrected number come before the comma.
  const std::string first_kind = json["articles"][0]["changes"][0]["kind"];
  CHECK((first_kind == "negation_changed" || first_kind == "number_changed"));
  // A comma changes no quote or claim.
  CHECK(json["articles"].back()["materiality_label"] == "none");

  // --min-materiality leaves out what rates lower, from the stored ratings.
  const nlohmann::json high =
      nlohmann::json::parse(report({"--format", "json", "--min-materiality", "high"}));
  std::set<std::string> high_urls;
  for (const nlohmann::json& article : high["articles"]) {
    CHECK(article["materiality_label"] == "high");
    high_urls.insert(article["url"].get<std::string>());
  }
  std::set<std::string> expected_high;
  for (int k = 0; k < 200; k += 3) {
    if (k % 4 == 0 || k % 4 == 3) expected_high.insert(Url(k));
  }
  CHECK(high_urls == expected_high);

  // A window before the changes: only those changed then.
  RunResult february = Stet(
      archive, {"report", "--since", "2026-01-15", "--until", "2026-02-15", "--format", "json"});
  REQUIRE(february.exit_code == 0);
  CHECK(nlohmann::json::parse(february.out)["articles"].size() == 67);
  // The first revisions' window: 200 new articles, nothing compared.
  const nlohmann::json january =
      nlohmann::json::parse(Stet(archive, {"report", "--since", "2026-01-01", "--until",
                                           "2026-01-02", "--format", "json"})
                                .out);
  CHECK(january["articles"].empty());
  CHECK(january["new_articles"].size() == 200);

  // Text, Markdown and HTML list the same articles in the same order.
  const std::string text = report({"--width", "0"});
  const std::string markdown = report({"--format", "md"});
  const std::string html = report({"--format", "html"});
  std::size_t at_text = 0, at_md = 0, at_html = 0;
  for (const nlohmann::json& article : json["articles"]) {
    const std::string url = article["url"];
    const std::size_t in_text = text.find(url + "\n", at_text);
    const std::size_t in_md = markdown.find("<" + url + ">", at_md);
    const std::size_t in_html = html.find("\"" + url + "\"", at_html);
    INFO(url);
    CHECK(in_text != std::string::npos);
    CHECK(in_md != std::string::npos);
    CHECK(in_html != std::string::npos);
    at_text = in_text;
    at_md = in_md;
    at_html = in_html;
  }

  // The Atom feed: valid, one entry per change, ids stable from run to run.
  const std::string atom = report({"--format", "atom", "--link-base", "http://127.0.0.1:8080/"});
  const std::map<std::string, std::string> entries = CheckAtom(atom);
  CHECK(entries.size() == changed.size());
  CHECK(CheckAtom(report({"--format", "atom"})) == entries);
  CHECK(atom.find("href=\"http://127.0.0.1:8080/a/") != std::string::npos);

  // -o writes the file; bad windows and options are one line, exit 2 or 1.
  REQUIRE(Stet(archive,
               {"report", "--since", "2026-03-01", "--format", "atom", "-o", dir / "feed.atom"})
              .exit_code == 0);
  CHECK(CheckAtom(stet::test::ReadFile(dir / "feed.atom")).size() == changed.size());
  RunResult bad = Stet(archive, {"report", "--since", "yesterday"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("--since: yesterday is neither a duration") != std::string::npos);
  CHECK(Stet(archive, {"report", "--min-materiality", "huge"}).exit_code == 2);
  RunResult link = Stet(archive, {"report", "--link-base", "javascript:alert(1)//"});
  CHECK(link.exit_code == 1);
  CHECK(link.err.find("--link-base: javascript:alert(1)// is not an http") != std::string::npos);
}

TEST_CASE("report: hostile titles and text stay text in the feed and the page",
          "[report][security]") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  const std::string url = "https://news.example.com/x?a=<script>alert(1)</script>";
  const std::string payload =
      "<script>alert(1)</script> <img src=x onerror=alert(1)> \"><svg onload=alert(1)> "
      "javascript:alert(1) \x01";
  WriteFile(dir / "a.txt", "The mayor said the plan is fine.\n");
  WriteFile(dir / "b.txt", "The mayor said " + payload + " the plan is not fine.\n");
  REQUIRE(Stet(archive, {"add", dir / "a.txt", "--url", url, "--title", payload, "--at",
                         "2026-03-01T00:00:00Z"})
              .exit_code == 0);
  REQUIRE(Stet(archive, {"add", dir / "b.txt", "--url", url, "--title", payload, "--at",
                         "2026-03-02T00:00:00Z"})
              .exit_code == 0);
  RunResult atom = Stet(archive, {"report", "--since", "2026-03-01T12:00:00Z", "--format", "atom"});
  REQUIRE(atom.exit_code == 0);
  const std::map<std::string, std::string> entries = CheckAtom(atom.out);
  REQUIRE(entries.size() == 1);
  // The title reads as written (the control character, which XML forbids,
  // left out).
  CHECK(entries.begin()->second.find("<script>alert(1)</script>") != std::string::npos);
  // The content, once unescaped, is HTML whose payloads are still escaped.
  const std::size_t content = atom.out.find("<content type=\"html\">");
  REQUIRE(content != std::string::npos);
  const std::string escaped = atom.out.substr(content, atom.out.find("</content>") - content);
  CHECK(escaped.find("&lt;script") == std::string::npos);  // once unescaped: &lt;script, no tag
  CHECK(escaped.find("&amp;lt;script&amp;gt;") != std::string::npos);
  RunResult html = Stet(archive, {"report", "--since", "2026-03-01T12:00:00Z", "--format", "html"});
  REQUIRE(html.exit_code == 0);
  CHECK(html.out.find("<script") == std::string::npos);
  CHECK(html.out.find("<img") == std::string::npos);
  CHECK(html.out.find("<svg") == std::string::npos);
  CHECK(html.out.find("href=\"javascript") == std::string::npos);
}

TEST_CASE("report: an entry always shows its headline change, then its top changes", "[report]") {
  ScratchDir dir;
  const std::string archive = dir / "archive";
  REQUIRE(Stet(archive, {"init"}).exit_code == 0);
  WriteFile(dir / "a.txt", "The council approved 5 permits. The mayor did not attend.\n");
  WriteFile(dir / "b.txt", "The council approved 7 permits. The mayor attended.\n");
  const std::string url = "https://news.example.com/permits";
  REQUIRE(Stet(archive, {"add", dir / "a.txt", "--url", url, "--title", "Council approves permits",
                         "--at", "2026-03-01T00:00:00Z"})
              .exit_code == 0);
  REQUIRE(Stet(archive, {"add", dir / "b.txt", "--url", url, "--title", "Mayor attends council",
                         "--at", "2026-03-02T00:00:00Z"})
              .exit_code == 0);
  RunResult run = Stet(
      archive, {"report", "--since", "2026-03-01T12:00:00Z", "--top", "1", "--format", "json"});
  REQUIRE(run.exit_code == 0);
  const nlohmann::json changes = nlohmann::json::parse(run.out)["articles"][0]["changes"];
  REQUIRE(changes.size() == 2);  // the headline, and the one most material change
  CHECK(changes[0]["kind"] == "headline");
  CHECK(changes[0]["inline"] == "[-Council approves permits-]{+Mayor attends council+}");
  CHECK((changes[1]["kind"] == "negation_changed" || changes[1]["kind"] == "number_changed"));
  RunResult text =
      Stet(archive, {"report", "--since", "2026-03-01T12:00:00Z", "--top", "1", "--width", "0"});
  CHECK(
      text.out.find("headline             [-Council approves permits-]{+Mayor attends council+}") !=
      std::string::npos);
}
