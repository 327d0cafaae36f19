// The renderings of a RevisionDiff (stet/render.h): the sample in every
// format against golden files, text fitted to its width, Markdown as a
// CommonMark renderer shows it, article text that must stay text.
#include <libxml/HTMLparser.h>
#include <catch2/catch.hpp>

#include <cstdlib>
#include <sstream>

#include "report/json_writer.h"
#include "report/wrap.h"
#include "stet/render.h"
#include "stet/revision_diff.h"
#include "test_support.h"

namespace {

using stet::AnalyzeDiff;
using stet::DiffSide;
using stet::RevisionDiff;
using stet::test::ReadFile;
using stet::test::RunResult;
using stet::test::SamplePath;
using stet::test::ScratchDir;
using stet::test::WriteFile;

RevisionDiff Diff(const std::string& before, const std::string& after,
                  const std::string& before_name = "old.txt",
                  const std::string& after_name = "new.txt") {
  DiffSide from, to;
  from.text = before;
  from.file = before_name;
  to.text = after;
  to.file = after_name;
  stet::Result<RevisionDiff> diff = AnalyzeDiff(std::move(from), std::move(to));
  REQUIRE(diff.ok());
  return std::move(*diff);
}

RevisionDiff SampleDiff(const std::string& from, const std::string& to) {
  return Diff(ReadFile(SamplePath(from + ".txt")), ReadFile(SamplePath(to + ".txt")), from + ".txt",
              to + ".txt");
}

// `actual` against tests/golden/NAME, naming the first line that differs.
// STET_UPDATE_GOLDEN=1 rewrites the file instead (then review its diff).
void CheckGolden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(STET_GOLDEN_DIR) + "/" + name;
  if (std::getenv("STET_UPDATE_GOLDEN") != nullptr) {
    WriteFile(path, actual);
    return;
  }
  const std::string expected = ReadFile(path);
  if (actual == expected) return;
  std::istringstream got(actual), want(expected);
  std::string got_line, want_line;
  int line = 1;
  while (std::getline(want, want_line)) {
    if (!std::getline(got, got_line) || got_line != want_line) break;
    ++line;
  }
  INFO(name << " line " << line << "\n  expected: " << want_line << "\n  actual:   " << got_line);
  CHECK(actual == expected);
}

// What `cmark-gfm --unsafe` makes of `markdown` (raw HTML kept, as GitHub
// keeps <ins> and <del>).
std::string CommonMark(const std::string& markdown) {
  ScratchDir dir;
  WriteFile(dir / "in.md", markdown);
  RunResult html = stet::test::Run({"cmark-gfm", "--unsafe", "-e", "strikethrough", dir / "in.md"});
  REQUIRE(html.exit_code == 0);
  return html.out;
}

// `html` without its tags.
std::string TextOf(const std::string& html) {
  std::string text;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    if (!in_tag) text += c;
    if (c == '>') in_tag = false;
  }
  return text;
}

std::string WithoutSpaces(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\n') out += c;
  }
  return out;
}

// What a browser would run or fetch in `html`, as libxml2's HTML parser
// reads it: script, image, frame or SVG elements, on* attributes, and links
// or sources to anything but "#..." or http(s). Empty when there is none.
std::vector<std::string> ActiveContent(const std::string& html) {
  std::vector<std::string> found;
  htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "utf-8",
                                  HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  REQUIRE(doc != nullptr);
  auto visit = [&](auto&& self, xmlNodePtr node) -> void {
    for (; node != nullptr; node = node->next) {
      if (node->type != XML_ELEMENT_NODE) continue;
      const std::string name = reinterpret_cast<const char*>(node->name);
      for (const char* active : {"script", "img", "iframe", "svg", "object", "embed", "link",
                                 "base", "form", "video", "audio", "math"}) {
        if (name == active) found.push_back("<" + name + ">");
      }
      for (xmlAttrPtr attribute = node->properties; attribute != nullptr;
           attribute = attribute->next) {
        const std::string attribute_name = reinterpret_cast<const char*>(attribute->name);
        xmlChar* value = xmlNodeGetContent(reinterpret_cast<xmlNodePtr>(attribute));
        const std::string text = value ? reinterpret_cast<const char*>(value) : "";
        xmlFree(value);
        if (attribute_name.rfind("on", 0) == 0) found.push_back(attribute_name + "=" + text);
        if ((attribute_name == "href" || attribute_name == "src" || attribute_name == "action") &&
            !(text.rfind("#", 0) == 0 || text.rfind("http://", 0) == 0 ||
              text.rfind("https://", 0) == 0 || text.rfind("/", 0) == 0)) {
          found.push_back(attribute_name + "=" + text);
        }
      }
      self(self, node->children);
    }
  };
  visit(visit, xmlDocGetRootElement(doc));
  xmlFreeDoc(doc);
  return found;
}

// Article text, title and URL written to do harm in a page.
constexpr const char* kHostile[] = {"<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                                    "\"><svg onload=alert(1)>", "javascript:alert(1)"};

RevisionDiff HostileDiff(const std::string& url) {
  std::string before = "The mayor said the plan is fine.\n", after = "The mayor said ";
  std::string title;
  for (const char* payload : kHostile) {
    after += std::string(payload) + " ";
    title += std::string(payload) + " ";
  }
  after += "the plan is not fine.\n";
  DiffSide from, to;
  from.text = before;
  to.text = after;
  to.title = title;
  from.title = "Mayor backs plan";
  for (DiffSide* side : {&from, &to}) {
    stet::RevisionInfo revision;
    revision.number = side == &from ? 1 : 2;
    revision.url = url;
    revision.title = side->title;
    revision.commit = std::string(40, 'a');
    side->revision = revision;
  }
  stet::Result<RevisionDiff> diff = AnalyzeDiff(std::move(from), std::move(to));
  REQUIRE(diff.ok());
  return std::move(*diff);
}

}  // namespace

TEST_CASE("render: the sample in text, Markdown and JSON matches its golden files", "[render]") {
  for (const auto& [from, to] : {std::pair{"r1", "r2"}, std::pair{"r2", "r3"}}) {
    const RevisionDiff diff = SampleDiff(from, to);
    const std::string stem = std::string("sample-") + from + "-" + to;
    CheckGolden(stem + ".txt", stet::RenderDiffText(diff, {}));
    CheckGolden(stem + ".md", stet::RenderDiffMarkdown(diff));
    CheckGolden(stem + ".json", stet::RenderDiffJson(diff));
    CheckGolden(stem + ".html", stet::RenderDiffHtml(diff));
  }
}

TEST_CASE("render: HTML shows hostile text, titles and URLs as text and runs nothing",
          "[render][security]") {
  for (const std::string url :
       {"https://example.com/a?<script>alert(1)</script>", "javascript:alert(1)",
        "https://example.com/\"><svg onload=alert(1)>"}) {
    const RevisionDiff diff = HostileDiff(url);
    const std::string html = stet::RenderDiffHtml(diff);
    INFO(url);
    CHECK(ActiveContent(html).empty());
    for (const std::string& found : ActiveContent(html)) INFO(found);
    // Shown as written, escaped.
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
    CHECK(html.find("&quot;&gt;&lt;svg onload=alert(1)&gt;") != std::string::npos);
    // Only an http(s) URL becomes a link.
    CHECK((html.find("href=\"javascript") == std::string::npos));
    const std::string markdown = stet::RenderDiffMarkdown(diff);
    const std::string rendered = CommonMark(markdown);
    CHECK(ActiveContent(rendered).empty());
  }
  // The sample's page links only inside itself, and every link lands.
  const std::string sample = stet::RenderDiffHtml(SampleDiff("r2", "r3"));
  CHECK(ActiveContent(sample).empty());
  std::size_t at = 0;
  int links = 0;
  while ((at = sample.find("href=\"#", at)) != std::string::npos) {
    const std::size_t start = at + 7, end = sample.find('"', start);
    const std::string id = sample.substr(start, end - start);
    INFO(id);
    CHECK(sample.find("id=\"" + id + "\"") != std::string::npos);
    ++links;
    at = end;
  }
  CHECK(links >= 13);
}

TEST_CASE("render: text fits its width with a hanging indent and loses no word", "[render]") {
  const RevisionDiff diff = SampleDiff("r2", "r3");
  const std::string whole = stet::RenderDiffText(diff, {false, 0, {}});
  for (std::size_t width : {80, 60, 40, 20}) {
    const std::string wrapped = stet::RenderDiffText(diff, {false, width, {}});
    std::istringstream lines(wrapped);
    std::string line;
    while (std::getline(lines, line)) {
      INFO("width " << width << ": " << line);
      CHECK(stet::report::Columns(line) <= width);
      // A heading or the header at the margin, an item's label under two
      // spaces, and the rest of an item under its hanging indent (4 spaces
      // at least), never where a label would stand.
      const std::size_t spaces = std::min(line.find_first_not_of(' '), line.size());
      CHECK((spaces == 0 || spaces == 2 || spaces >= 4));
    }
    // The same words in the same order.
    CHECK(WithoutSpaces(wrapped) == WithoutSpaces(whole));
  }
  // Wide letters take two columns each.
  CHECK(stet::report::Columns("\u6771\u4eac is Tokyo") == 13);
  CHECK(stet::report::Columns("\x1b[31m[-x-]\x1b[0m") == 5);
}

TEST_CASE("render: Markdown shows every change and article text as written in CommonMark",
          "[render]") {
  const RevisionDiff diff = SampleDiff("r2", "r3");
  const std::string html = CommonMark(stet::RenderDiffMarkdown(diff));
  // Every word change of the text section is there, marked.
  for (const stet::TextEdit& edit : diff.text.edits) {
    for (const stet::WordChange& word : edit.words) {
      const std::string before =
          diff.from.text.substr(word.before.start, word.before.end - word.before.start);
      const std::string after =
          diff.to.text.substr(word.after.start, word.after.end - word.after.start);
      INFO(before << " -> " << after);
      if (!before.empty()) CHECK(html.find("<del>" + before + "</del>") != std::string::npos);
      if (!after.empty()) CHECK(html.find("<ins>" + after + "</ins>") != std::string::npos);
    }
  }
  // No Markdown syntax left over as text.
  const std::string text = TextOf(html);
  CHECK(text.find('*') == std::string::npos);
  CHECK(text.find('~') == std::string::npos);

  // Text that looks like Markdown or HTML shows as written.
  const RevisionDiff markup =
      Diff("Acme said *Acme* is <b>fine</b> & [so](x) `ok` ~~ #1 \\ _up_.\n",
           "Acme said *Acme* is <b>not fine</b> & [so](x) `ok` ~~ #1 \\ _up_.\n");
  const std::string rendered = CommonMark(stet::RenderDiffMarkdown(markup));
  INFO(rendered);
  CHECK(rendered.find("*Acme* is &lt;b&gt;<ins>not</ins> fine&lt;/b&gt; &amp; [so](x) `ok` ~~ #1 "
                      "\\ _up_.") != std::string::npos);
  CHECK(rendered.find("<b>") == std::string::npos);
  CHECK(rendered.find("<em>") == std::string::npos);
  CHECK(rendered.find("<code>") == std::string::npos);
  CHECK(rendered.find("<a ") == std::string::npos);
}

TEST_CASE("render: control characters in article text never reach the terminal", "[render]") {
  const RevisionDiff diff =
      Diff("The mayor said \x1b]0;owned\x07 no.\n", "The mayor said \x1b[2J yes.\n");
  for (bool color : {false, true}) {
    const std::string text = stet::RenderDiffText(diff, {color, 80, {}});
    INFO(text);
    CHECK(text.find("\x1b]") == std::string::npos);
    CHECK(text.find("\x1b[2J") == std::string::npos);
    CHECK(text.find('\x07') == std::string::npos);
    CHECK(text.find("said ?") != std::string::npos);
  }
}

TEST_CASE("render: JSON handed out in pieces is the same document and never held whole",
          "[render]") {
  // A long article with every third sentence changed: a document of
  // several pieces.
  DiffSide from, to;
  for (int n = 0; n < 3000; ++n) {
    const std::string number = std::to_string(n);
    from.text += "Official " + number + " said the budget of line " + number + " was fixed.\n";
    to.text +=
        n % 3 == 0
            ? "Official " + number + " said the budget of line " + number + " was cut by half.\n"
            : "Official " + number + " said the budget of line " + number + " was fixed.\n";
  }
  stet::Result<RevisionDiff> diff = AnalyzeDiff(std::move(from), std::move(to));
  REQUIRE(diff.ok());
  std::vector<std::string> pieces;
  stet::RenderDiffJson(*diff, [&](std::string_view piece) { pieces.emplace_back(piece); });
  std::string joined;
  for (const std::string& piece : pieces) joined += piece;
  CHECK(joined == stet::RenderDiffJson(*diff));
  REQUIRE(pieces.size() >= 3);
  // Each piece is handed out once it passes the limit: it holds the limit
  // and at most one more value (none here is long).
  for (std::size_t k = 0; k + 1 < pieces.size(); ++k) {
    CHECK(pieces[k].size() >= stet::report::JsonWriter::kFlushBytes);
    CHECK(pieces[k].size() < stet::report::JsonWriter::kFlushBytes + 4096);
  }
}
