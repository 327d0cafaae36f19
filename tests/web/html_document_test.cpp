// The parsed page's recording: replaying the tree builder's calls must give
// the document the parse gave, node for node, whatever the page's markup.
#include <libxml/HTMLtree.h>
#include <catch2/catch.hpp>

#include <string>

#include "web/html_document.h"

namespace {

using stet::html::DocPtr;
using stet::html::Parse;
using stet::html::ParseRecording;

// The whole document as libxml2 writes it: DTD, elements, attributes (with
// boolean ones), text and comments.
std::string Serialized(xmlDoc* doc) {
  REQUIRE(doc != nullptr);
  xmlChar* memory = nullptr;
  int size = 0;
  htmlDocDumpMemory(doc, &memory, &size);
  std::string out(reinterpret_cast<const char*>(memory), static_cast<std::size_t>(size));
  xmlFree(memory);
  return out;
}

std::string ReplayedAsParsed(const std::string& html) {
  ParseRecording recording;
  DocPtr parsed = Parse(html, &recording);
  DocPtr replayed = recording.Replay();
  const std::string expected = Serialized(parsed.get());
  CHECK(Serialized(replayed.get()) == expected);
  // What serializing leaves out: the document's encoding.
  const auto* encoding = reinterpret_cast<const char*>(parsed->encoding);
  const auto* replayed_encoding = reinterpret_cast<const char*>(replayed->encoding);
  CHECK(std::string(encoding ? encoding : "") ==
        std::string(replayed_encoding ? replayed_encoding : ""));
  return expected;
}

}  // namespace

TEST_CASE("a replayed recording builds the document the parse built", "[html]") {
  SECTION("doctype, head, attributes with and without values, entities") {
    const std::string doc = ReplayedAsParsed(
        "<!DOCTYPE html><html lang=\"en\"><head><title>T &amp; U</title>"
        "<meta property=\"og:title\" content=\"Talks\"></head>"
        "<body><div class=\"story\" hidden itemscope><p>Caf&eacute; &#8220;quoted&#8221;</p></div>"
        "</body></html>");
    CHECK(doc.find("<div class=\"story\" hidden itemscope>") != std::string::npos);
    CHECK(doc.find("quoted") != std::string::npos);
  }
  SECTION("implied elements, unclosed paragraphs and lists, a table") {
    const std::string doc = ReplayedAsParsed(
        "Text before any tag<p>one<p>two<ul><li>a<li>b</ul>"
        "<table><tr><td>cell<td>next</table><b>bold<i>both</b>italic</i>");
    CHECK(doc.find("<body>") != std::string::npos);
    CHECK(doc.find("<li>b</li>") != std::string::npos);
  }
  SECTION("scripts, styles, comments, a processing instruction, white space") {
    const std::string doc = ReplayedAsParsed(
        "<?xml version=\"1.0\"?><html><head><script type=\"application/ld+json\">"
        "{\"@type\": \"NewsArticle\", \"headline\": \"a < b\"}</script>"
        "<style>p { color: red }</style></head><body>\n  <!-- a note -->\n"
        "<pre>  kept\n  as is</pre>   </body></html>");
    CHECK(doc.find("a < b") != std::string::npos);
    CHECK(doc.find("<!-- a note -->") != std::string::npos);
  }
  SECTION("nesting deeper than libxml2 builds stops where the parse stopped") {
    std::string html = "<html><body>";
    for (int i = 0; i < 400; ++i) html += "<div>";
    html += "deep";
    for (int i = 0; i < 400; ++i) html += "</div>";
    html += "<p>after</p></body></html>";
    ReplayedAsParsed(html);
  }
  SECTION("no markup at all, and bytes that are not a page") {
    ReplayedAsParsed("just some words");
    ReplayedAsParsed("<p>\x01\x02\x7F</p><<>>&&;;</");
  }
}

TEST_CASE("each replay is a new document of its own", "[html]") {
  ParseRecording recording;
  DocPtr parsed = Parse("<html><body><p id=\"x\">first</p><p>second</p></body></html>", &recording);
  DocPtr first = recording.Replay();
  DocPtr second = recording.Replay();
  REQUIRE(first != nullptr);
  REQUIRE(second != nullptr);
  CHECK(first.get() != second.get());
  // Changing one leaves the other as parsed.
  xmlNode* body = stet::html::FindFirst(xmlDocGetRootElement(first.get()), "body");
  REQUIRE(body != nullptr);
  xmlNode* paragraph = stet::html::FirstElementChild(body);
  xmlUnlinkNode(paragraph);
  xmlFreeNode(paragraph);
  CHECK(Serialized(second.get()) == Serialized(parsed.get()));
  CHECK(Serialized(first.get()) != Serialized(parsed.get()));
}

TEST_CASE("a recording of nothing replays as no document", "[html]") {
  ParseRecording never_recorded;
  CHECK(never_recorded.Replay() == nullptr);
}

TEST_CASE("the pre-pass gives the parser no end tag that closes nothing, and bounded depth",
          "[html]") {
  // libxml2 scans its whole stack of open elements for each such end tag:
  // deep nesting and stray end tags took quadratic time.
  std::string page = "<html><body><p>Text.</p>";
  for (int i = 0; i < 3000; ++i) page += "<div>";
  page += "deep text";
  for (int i = 0; i < 3000; ++i) page += "</span>";
  for (int i = 0; i < 3000; ++i) page += "</div>";
  page += "</body></html>";
  const std::string cleaned = stet::html::StripUnread(page);
  CHECK(cleaned.find("</span>") == std::string::npos);
  CHECK(cleaned.find("deep text") != std::string::npos);
  std::size_t opened = 0, closed = 0;
  for (std::size_t at = cleaned.find("<div>"); at != std::string::npos;
       at = cleaned.find("<div>", at + 1)) {
    ++opened;
  }
  for (std::size_t at = cleaned.find("</div>"); at != std::string::npos;
       at = cleaned.find("</div>", at + 1)) {
    ++closed;
  }
  CHECK(opened == 2 * stet::html::kMaxTreeDepth - 2);  // <html> and <body> are open too
  CHECK(closed == opened);
  // An end tag a higher element blocks (</span> past a <div>) is kept out
  // too; one that closes something stays.
  const std::string blocked =
      stet::html::StripUnread("<body><span>a<div>b</span>c</div>d</span></body>");
  CHECK(blocked == "<body><span>a<div>bc</div>d</span></body>");
}
