// Article extraction: the body kept and the boilerplate around it dropped,
// metadata from JSON-LD, OpenGraph and the <title>, and robustness on bad
// input. Each fixture is a small news page written for the behaviour tested.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "stet/extract.h"
#include "stet/text.h"

namespace {

const char* const kParagraphs[] = {
    "The city council voted on Tuesday to close the old bridge, which has carried traffic "
    "across the river since 1932, after engineers found cracks in two of its supports.",
    "Mayor Ana Ortiz said the decision was difficult, but that the safety of residents, "
    "commuters and schoolchildren had to come first, and that repairs would take a year.",
    "Local businesses on both banks warned that the closure would cut their trade, and asked "
    "the council for help with rents, parking and signs pointing to the detour.",
    "A public meeting on the plans for a new crossing, which would cost about 40 million "
    "dollars, will be held at the town hall next month, the council said.",
};

std::string Body() {
  std::string body;
  for (const char* paragraph : kParagraphs) body += std::string("<p>") + paragraph + "</p>\n";
  return body;
}

std::string Expected() {
  std::string text;
  for (const char* paragraph : kParagraphs) {
    if (!text.empty()) text += "\n\n";
    text += paragraph;
  }
  return text;
}

// A page with the usual boilerplate around `article` (inside <article>).
std::string NewsPage(const std::string& article, const std::string& head = "",
                     const std::string& extra = "") {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + head +
         "</head><body>"
         "<header class=\"site-header\"><a href=\"/\">Daily Planet</a>"
         "<nav><ul><li><a href=\"/news\">News</a></li><li><a href=\"/sport\">Sport</a></li>"
         "<li><a href=\"/weather\">Weather</a></li></ul></nav></header>"
         "<div class=\"cookie-banner\">We use cookies to improve your experience. "
         "<button>Accept all</button></div>"
         "<main><article><h1>Council closes old bridge</h1>" +
         article + extra +
         "</article>"
         "<aside><h3>Most read</h3><ul><li><a href=\"/a\">Cat rescued from tree</a></li>"
         "<li><a href=\"/b\">Storm warning for the weekend</a></li></ul></aside></main>"
         "<footer><p>Copyright 2024 Daily Planet. All rights reserved.</p>"
         "<a href=\"/privacy\">Privacy</a></footer></body></html>";
}

stet::ExtractedArticle Extract(const std::string& html, const std::string& url = "") {
  auto article = stet::ExtractArticle(html, url);
  REQUIRE(article.ok());
  return std::move(*article);
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("extract keeps body paragraphs separated by one blank line", "[extract]") {
  const stet::ExtractedArticle article = Extract(NewsPage(Body()));
  CHECK(article.text == Expected());
}

TEST_CASE("extract drops navigation header footer and aside", "[extract]") {
  const std::string text = Extract(NewsPage(Body())).text;
  CHECK_FALSE(Contains(text, "Sport"));
  CHECK_FALSE(Contains(text, "Daily Planet"));
  CHECK_FALSE(Contains(text, "Most read"));
  CHECK_FALSE(Contains(text, "Storm warning"));
  CHECK_FALSE(Contains(text, "Copyright"));
  CHECK_FALSE(Contains(text, "cookies"));
}

TEST_CASE("extract drops share bars related links and comments", "[extract]") {
  const std::string extra =
      "<div class=\"share-bar\"><a href=\"https://facebook.com/x\">Share on Facebook</a>"
      "<a href=\"https://twitter.com/x\">Tweet</a><span>Email this story</span></div>"
      "<div class=\"related-links\"><h3>Related</h3><ul>"
      "<li><a href=\"/c\">Bridge inspections across the county</a></li>"
      "<li><a href=\"/d\">History of the old bridge</a></li></ul></div>"
      "<div class=\"newsletter-signup\">Sign up for our morning newsletter</div>"
      "<section id=\"comments\"><h3>56 comments</h3><div class=\"comment\"><p>Great news, "
      "finally somebody is doing something about that bridge, it was about time, really.</p>"
      "</div></section>";
  const std::string text = Extract(NewsPage(Body(), "", extra)).text;
  CHECK(text == Expected());
}

TEST_CASE("extract drops figure captions", "[extract]") {
  const std::string article =
      std::string("<p>") + kParagraphs[0] +
      "</p><figure><img src=\"bridge.jpg\">"
      "<figcaption>The old bridge at dusk. Photo: J. Smith</figcaption></figure>" +
      "<p>" + kParagraphs[1] + "</p><p>" + kParagraphs[2] + "</p><p>" + kParagraphs[3] + "</p>";
  const std::string text = Extract(NewsPage(article)).text;
  CHECK_FALSE(Contains(text, "Photo"));
  CHECK(text == Expected());
}

TEST_CASE("extract drops media labels and continue-reading lines", "[extract]") {
  const std::string article = std::string("<p>Photo</p><p>") + kParagraphs[0] + "</p><p>" +
                              kParagraphs[1] + "</p><div><p>Video</p></div><p>" + kParagraphs[2] +
                              "</p><p>" + kParagraphs[3] +
                              "</p><p>Continue reading the main story</p>";
  CHECK(Extract(NewsPage(article)).text == Expected());
}

TEST_CASE("extract leaves out ruby annotations", "[extract]") {
  // Furigana give the reading of the characters they sit on: 子ども, not 子こども.
  std::string article =
      "<p><ruby>\xE5\xAD\x90<rt>\xE3\x81\x93</rt></ruby>\xE3\x81\xA9\xE3\x82\x82"
      "<ruby>\xE6\xB3\x95<rp>(</rp><rt>\xE3\x81\xBB\xE3\x81\x86</rt><rp>)</rp>"
      "</ruby></p>";
  article += Body();
  const std::string text = Extract(NewsPage(article)).text;
  CHECK(text.rfind("\xE5\xAD\x90\xE3\x81\xA9\xE3\x82\x82\xE6\xB3\x95\n\n", 0) == 0);
  CHECK(text.find(Expected()) != std::string::npos);
}

TEST_CASE("extract relaxes its rules when the strict pass finds too little", "[extract]") {
  // The wrapper's class names a sidebar: the strict pass drops the whole
  // page with it, and the relaxed one (on the page as parsed) finds the body.
  const std::string page =
      "<!DOCTYPE html><html><head><title>Council closes old bridge</title></head><body>"
      "<div class=\"layout-with-sidebar\"><nav><a href=\"/\">Home</a></nav><main><article>"
      "<h1>Council closes old bridge</h1>" +
      Body() + "</article></main></div></body></html>";
  CHECK(Extract(page).text == Expected());
}

TEST_CASE("extract drops relative times and counters", "[extract]") {
  const std::string meta =
      "<div class=\"article-meta\"><span class=\"updated\">Updated 5 minutes ago</span>"
      "<span class=\"views\">1,234 views</span><span>56 comments</span></div>";
  const std::string text = Extract(NewsPage(meta + Body())).text;
  CHECK(text == Expected());
}

TEST_CASE("pages differing only in a counter or an updated line extract the same text",
          "[extract]") {
  auto page = [](const std::string& updated, const std::string& views) {
    return NewsPage("<p class=\"timestamp\">" + updated + "</p><p><span>" + views + "</span></p>" +
                    Body());
  };
  const std::string first = Extract(page("Updated 5 minutes ago", "1,234 views")).text;
  const std::string second = Extract(page("Updated 2 hours ago", "1,301 views")).text;
  CHECK(first == second);
  CHECK(first == Expected());
  const std::string third = Extract(page("updated 1 hour ago", "56 comments")).text;
  CHECK(third == first);
}

TEST_CASE("extract reads JSON-LD NewsArticle with an author object", "[extract]") {
  const std::string head =
      "<title>Something else | Daily Planet</title>"
      "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", "
      "\"@type\": \"NewsArticle\", \"headline\": \"Council closes old bridge\", "
      "\"author\": {\"@type\": \"Person\", \"name\": \"Jane Reporter\"}, "
      "\"datePublished\": \"2024-03-05T09:30:00Z\"}</script>";
  const stet::ExtractedArticle article = Extract(NewsPage(Body(), head));
  CHECK(article.title == "Council closes old bridge");
  CHECK(article.byline == "Jane Reporter");
  CHECK(article.published == "2024-03-05T09:30:00Z");
  CHECK(article.text == Expected());
}

TEST_CASE("extract joins JSON-LD authors given as an array", "[extract]") {
  const std::string head =
      "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", "
      "\"@graph\": [{\"@type\": \"WebSite\", \"name\": \"Daily Planet\"}, "
      "{\"@type\": \"NewsArticle\", \"headline\": \"Council closes old bridge\", "
      "\"author\": [{\"@type\": \"Person\", \"name\": \"Jane Reporter\"}, "
      "{\"@type\": \"Person\", \"name\": \"Sam Writer\"}]}]}</script>";
  const stet::ExtractedArticle article = Extract(NewsPage(Body(), head));
  CHECK(article.byline == "Jane Reporter, Sam Writer");
}

TEST_CASE("extract uses JSON-LD articleBody when the markup holds no body", "[extract]") {
  const std::string head =
      "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", "
      "\"@type\": \"NewsArticle\", \"headline\": \"Council closes old bridge\", "
      "\"articleBody\": \"" +
      std::string(kParagraphs[0]) + "\\n" + kParagraphs[1] + "\\n" + kParagraphs[2] + "\\n" +
      kParagraphs[3] + "\"}</script>";
  const std::string page = NewsPage("<div id=\"app\">Loading...</div>", head);
  CHECK(Extract(page).text == Expected());
}

TEST_CASE("extract reads OpenGraph and meta tags", "[extract]") {
  const std::string head =
      "<meta property=\"og:title\" content=\"Council closes old bridge\">"
      "<meta property=\"og:site_name\" content=\"Daily Planet\">"
      "<meta name=\"author\" content=\"By Jane Reporter\">"
      "<meta property=\"article:published_time\" content=\"2024-03-05T09:30:00Z\">"
      "<meta property=\"og:url\" content=\"/news/bridge\">";
  const stet::ExtractedArticle article =
      Extract(NewsPage(Body(), head), "https://planet.example/news/bridge?utm=x");
  CHECK(article.title == "Council closes old bridge");
  CHECK(article.byline == "Jane Reporter");
  CHECK(article.published == "2024-03-05T09:30:00Z");
  CHECK(article.canonical_url == "https://planet.example/news/bridge");
}

TEST_CASE("extract makes the canonical link absolute and prefers it to og:url", "[extract]") {
  const std::string head =
      "<link rel=\"canonical\" href=\"../2024/bridge.html\">"
      "<meta property=\"og:url\" content=\"https://other.example/x\">";
  const stet::ExtractedArticle article =
      Extract(NewsPage(Body(), head), "https://planet.example/news/today/page.html");
  CHECK(article.canonical_url == "https://planet.example/news/2024/bridge.html");
  CHECK(Extract(NewsPage(Body()), "https://planet.example/x").canonical_url.empty());
}

TEST_CASE("extract strips the site name from the title", "[extract]") {
  CHECK(Extract(NewsPage(Body(),
                         "<title>Council closes old bridge after cracks found | Daily "
                         "Planet</title>"))
            .title == "Council closes old bridge after cracks found");
  CHECK(Extract(NewsPage(Body(),
                         "<title>Council closes old bridge after cracks found - Daily "
                         "Planet</title>"))
            .title == "Council closes old bridge after cracks found");
  CHECK(Extract(NewsPage(Body(),
                         "<meta property=\"og:site_name\" content=\"Daily Planet\">"
                         "<meta property=\"og:title\" content=\"Bridge closes | Daily "
                         "Planet\">"))
            .title == "Bridge closes");
}

TEST_CASE("extract decodes entities and collapses white space", "[extract]") {
  const std::string body =
      "<p>Ortiz &amp; the council said &ldquo;no&rdquo; to the&nbsp;plan, "
      "and   the\n   vote was 7&#8211;2 &#x2014; a clear result.</p>" +
      Body();
  const std::string text = Extract(NewsPage(body)).text;
  CHECK(Contains(text,
                 "Ortiz & the council said \u201Cno\u201D to the plan, and the vote was "
                 "7\u20132 \u2014 a clear result."));
}

TEST_CASE("extract fails on a page without an article", "[extract]") {
  auto empty = stet::ExtractArticle(
      "<html><head><title>Home</title></head><body><nav><a href=\"/\">Home</a>"
      "<a href=\"/news\">News</a></nav><footer>Copyright</footer></body></html>");
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.status().code() == stet::Status::Code::kInvalidInput);
  CHECK(empty.status().message() == "no article text found");
  CHECK_FALSE(stet::ExtractArticle("").ok());
}

namespace {

// What an extraction gives back is always storable: an article whose text
// and fields are valid UTF-8 with tidy paragraphs, or the one documented
// error.
void CheckWellFormed(const stet::Result<stet::ExtractedArticle>& article) {
  if (!article.ok()) {
    CHECK(article.status().code() == stet::Status::Code::kInvalidInput);
    CHECK(article.status().message() == "no article text found");
    return;
  }
  CHECK(stet::CheckText(article->text).ok());
  CHECK(article->text.find("\n\n\n") == std::string::npos);
  CHECK(article->text.find_first_of(" \n") != 0);
  CHECK(article->text.find_last_of(" \n") != article->text.size() - 1);
  for (const std::string* field :
       {&article->title, &article->byline, &article->published, &article->canonical_url}) {
    CHECK(stet::CheckText("x" + *field).ok());
  }
}

}  // namespace

TEST_CASE("extract survives garbage bytes", "[extract]") {
  std::mt19937 random(42);
  int articles = 0;
  for (int round = 0; round < 200; ++round) {
    std::string bytes(static_cast<std::size_t>(random() % 3000), '\0');
    for (char& c : bytes) c = static_cast<char>(random() % 256);
    if (round % 2 == 0) bytes = "<html><body><p>" + bytes + "<script>" + bytes + "<div class='";
    INFO("round " << round);
    const auto article = stet::ExtractArticle(bytes, "::not a url::");
    CheckWellFormed(article);
    articles += article.ok();
  }
  CHECK(articles > 0);  // garbage in a <p> is text: some rounds find it
  // Garbage in the boilerplate around an article (a script, a comment, an
  // attribute, an aside; bytes that cannot close them left out) leaves the
  // article as it is.
  for (int round = 0; round < 50; ++round) {
    std::string bytes(static_cast<std::size_t>(random() % 400), '\0');
    for (char& c : bytes) {
      do c = static_cast<char>(random() % 256);
      while (c == '<' || c == '>' || c == '"' || c == '-' || c == '\0');
    }
    const std::string head = "<script>" + bytes + "</script><!--" + bytes + "-->";
    const std::string extra = "<aside class=\"related\" data-x=\"" + bytes + "\"><a href=\"/x\">" +
                              bytes.substr(0, 40) + "</a></aside>";
    INFO("round " << round);
    const auto article = stet::ExtractArticle(NewsPage(Body(), head, extra));
    CheckWellFormed(article);
    REQUIRE(article.ok());
    CHECK(article->text == Expected());
  }
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div><span>";
  deep += "text";
  CheckWellFormed(stet::ExtractArticle(deep));
  auto invalid = stet::ExtractArticle(NewsPage("<p>caf\xE9 \xFF\xFE</p>" + Body()));
  REQUIRE(invalid.ok());
  CHECK(Contains(invalid->text, "caf\uFFFD"));
  CheckWellFormed(invalid);
}

// Regressions: pages whose text came out wrong, or crashed the extractor.

TEST_CASE("deeply nested JSON-LD arrays do not crash the extractor", "[extract][regression]") {
  const std::string deep_arrays = std::string(200000, '[') + std::string(200000, ']');
  std::string deep_objects;
  for (int i = 0; i < 100000; ++i) deep_objects += "{\"a\":";
  deep_objects += "1" + std::string(100000, '}');
  for (const std::string& json : {deep_arrays, deep_objects}) {
    const std::string head = "<script type=\"application/ld+json\">" + json + "</script>";
    CHECK(Extract(NewsPage(Body(), head)).text == Expected());
  }
  // The article object is still found inside nested arrays.
  const std::string nested =
      "<script type=\"application/ld+json\">[[[{\"@type\": \"NewsArticle\", "
      "\"author\": {\"name\": \"Lois Lane\"}}]]]</script>";
  CHECK(Extract(NewsPage(Body(), nested)).byline == "Lois Lane");
}

namespace {

// `count` paragraphs "Paragraph N of the story ..." each opened by `open`
// and never closed, as some CMSs write them.
std::string UnclosedParagraphs(int count, const std::string& open) {
  std::string body;
  for (int n = 1; n <= count; ++n) {
    body += open + "Paragraph " + std::to_string(n) +
            " of the story, long enough, with a comma, to count as text.";
  }
  return body;
}

int CountParagraphs(const std::string& text) {
  int count = 0;
  for (std::size_t at = text.find("Paragraph "); at != std::string::npos;
       at = text.find("Paragraph ", at + 1)) {
    ++count;
  }
  return count;
}

}  // namespace

TEST_CASE("paragraphs with unclosed inline elements are all kept", "[extract][regression]") {
  // libxml2 nests each such paragraph inside the one before and used to
  // stop at 256 levels: 127 of 400 paragraphs were stored.
  for (const std::string open : {"<p><span>", "<p><font>", "<p><b><i>"}) {
    const std::string text = Extract(NewsPage(UnclosedParagraphs(400, open))).text;
    CHECK(CountParagraphs(text) == 400);
    CHECK(Contains(text, "Paragraph 400 of the story"));
    // One paragraph each, as a browser shows them.
    CHECK(Contains(text, "count as text.\n\nParagraph 2 of the story"));
    CHECK(Contains(text, "count as text.\n\nParagraph 400 of the story"));
  }
}

TEST_CASE("a deeply nested widget does not cut off the rest of the article",
          "[extract][regression]") {
  std::string widget;
  for (int i = 0; i < 300; ++i) widget += "<div class=\"w\">";
  widget += "<span>Share</span>";
  for (int i = 0; i < 300; ++i) widget += "</div>";
  std::string body;
  for (int n = 1; n <= 10; ++n) {
    body += "<p>Paragraph " + std::to_string(n) +
            " of the story, long enough, with a comma, to count as text.</p>";
    if (n == 5) body += widget;  // 300 levels: libxml2 stopped parsing at 256
  }
  const std::string text = Extract(NewsPage(body)).text;
  CHECK(CountParagraphs(text) == 10);
  CHECK(Contains(text, "Paragraph 10 of the story"));
}

TEST_CASE("text nested deeper than any page keeps all its words", "[extract][regression]") {
  // Deeper than kMaxTreeDepth: the elements past it are not built, but
  // their text is kept in order.
  std::string body;
  for (int i = 0; i < 20000; ++i) body += "<div>";
  body += UnclosedParagraphs(6, "<p>");
  for (int i = 0; i < 20000; ++i) body += "</div>";
  const std::string html = "<html><body>" + body + "</body></html>";
  const stet::Result<stet::ExtractedArticle> article = stet::ExtractArticle(html, "");
  REQUIRE(article.ok());
  CHECK(CountParagraphs(article->text) == 6);
  CHECK(Contains(article->text, "Paragraph 6 of the story"));
}

TEST_CASE("character references decode as the HTML standard says", "[extract][regression]") {
  const std::string paragraph =
      "<p>&#147;We will not pay,&#148; the minister said of the &#128;10 fee, "
      "adding that the &amp other costs &lt&gt had to be &copy2024 reviewed &#0;by "
      "the &AMP; board &#xD800;and the &#x110000;council &#151; all of it.</p>";
  const std::string text = Extract(NewsPage(Body() + paragraph)).text;
  CHECK(Contains(text, "\u201CWe will not pay,\u201D the minister said of the \u20AC10 fee"));
  CHECK(Contains(text, "the & other costs <> had to be \u00A92024 reviewed \uFFFDby"));
  CHECK(Contains(text, "the & board \uFFFDand the \uFFFDcouncil \u2014 all of it."));
  // In an attribute, a legacy name before a letter, digit or '=' is text.
  const std::string head =
      "<meta property=\"og:title\" content=\"Smith&#146;s &copy=1 &amp;co &copy; x\">";
  CHECK(Extract(NewsPage(Body(), head)).title == "Smith\u2019s &copy=1 &co \u00A9 x");
}

TEST_CASE("JSON-LD nested past the depth built never becomes article text",
          "[extract][regression]") {
  std::string body;
  for (int i = 0; i < 600; ++i) body += "<div>";
  body += Body() +
          "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": "
          "\"Secret JSON\"}</script>";
  for (int i = 0; i < 600; ++i) body += "</div>";
  const stet::Result<stet::ExtractedArticle> article =
      stet::ExtractArticle("<html><body>" + body + "</body></html>", "");
  REQUIRE(article.ok());
  CHECK(article->text.find("Secret JSON") == std::string::npos);
  CHECK(article->text.find("@type") == std::string::npos);
  CHECK(Contains(article->text, "engineers found cracks"));
}

// Rules of the cleaning passes, one fixture each (found by scripts/mutate.py:
// each fails when its rule is broken).

TEST_CASE("extract: a line break inside a paragraph keeps the words apart", "[extract]") {
  const stet::ExtractedArticle article =
      Extract(NewsPage(Body(), "",
                       "<p>Local businesses warned<br>that the closure would cut their trade, "
                       "and asked the council for help with rents.</p>"));
  CHECK(Contains(article.text, "\n\nLocal businesses warned\nthat the closure would cut"));
}

TEST_CASE("extract: a long paragraph in an author box is text, not a byline", "[extract]") {
  // A byline is short (under 100 characters); a paragraph about the author
  // or a note in an element named "author" stays in the article.
  const std::string note =
      "Local businesses on both banks warned that the closure would cut their trade, and asked "
      "the council for help with rents, parking and signs.";
  const stet::ExtractedArticle article =
      Extract(NewsPage("<div class=\"author-note\"><p>" + note + "</p></div>" + Body()));
  CHECK(article.byline.empty());
  CHECK(article.text == note + "\n\n" + Expected());
  // A short one is the byline, and leaves the text.
  const stet::ExtractedArticle short_byline =
      Extract(NewsPage("<p class=\"byline\">By Ana Ortiz</p>" + Body()));
  CHECK(short_byline.byline == "Ana Ortiz");  // "By" is not part of the name
  CHECK(short_byline.text == Expected());
}

TEST_CASE("extract: attribute values without quotes", "[extract]") {
  std::string body;
  for (const char* paragraph : kParagraphs)
    body += std::string("<p class=lead id=p data-x=a/b>") + paragraph + "</p>\n";
  CHECK(Extract(NewsPage("<div class=story>" + body + "</div>")).text == Expected());
}

TEST_CASE("extract: the publication time of the first <time datetime> when nothing else names it",
          "[extract]") {
  const stet::ExtractedArticle article =
      Extract(NewsPage(Body(), "",
                       "<p><time>Yesterday</time> <time datetime=\"2025-02-13T14:05:00Z\">Feb "
                       "13</time>, updated <time datetime=\"2025-02-14T09:00:00Z\">Feb "
                       "14</time></p>"));
  CHECK(article.published == "2025-02-13T14:05:00Z");
}

TEST_CASE("extract: JSON-LD name and headline, as Readability picks between them", "[extract]") {
  auto title = [](const std::string& title_tag, const std::string& name,
                  const std::string& headline) {
    const std::string head = "<title>" + title_tag +
                             "</title><script type=\"application/ld+json\">{\"@type\": "
                             "\"NewsArticle\", \"name\": \"" +
                             name + "\", \"headline\": \"" + headline + "\"}</script>";
    return Extract(NewsPage(Body(), head)).title;
  };
  // The headline when only it is like the page's <title> (the name is the
  // site's), else the name.
  CHECK(title("Council closes old bridge | Daily Planet", "Daily Planet",
              "Council closes old bridge") == "Council closes old bridge");
  CHECK(title("Daily Planet: local news", "Bridge to close for a year",
              "Council closes old bridge") == "Bridge to close for a year");
}

TEST_CASE("extract: an empty or blank page is the documented error", "[extract]") {
  for (const char* page : {"", " ", "\n\n", "<html></html>", "<!-- nothing -->"}) {
    INFO("[" << page << "]");
    const auto article = stet::ExtractArticle(page);
    REQUIRE_FALSE(article.ok());
    CHECK(article.status().message() == "no article text found");
  }
}

TEST_CASE("extract: a block of links inside the article is dropped", "[extract]") {
  const stet::ExtractedArticle article = Extract(
      NewsPage(Body(), "",
               "<div class=\"article-more\"><p><a href=\"/a\">Bridge repairs to take a year</a>, "
               "<a href=\"/b\">Detour signs go up on both banks</a> and more.</p></div>"));
  CHECK(article.text == Expected());
}

TEST_CASE("extract: a class named hide-something is not the negative word hid", "[extract]") {
  // Readability weighs "hid" as a whole word only ("hid", "x hid y"):
  // "hideOnPrint" is a display rule, and the article goes on inside it.
  std::string first, second;
  for (int i = 0; i < 4; ++i)
    (i < 2 ? first : second) += std::string("<p>") + kParagraphs[i] + "</p>";
  const std::string page =
      "<html><head><title>Council closes old bridge</title></head><body><article>"
      "<h1>Council closes old bridge</h1><div class=\"body\">" +
      first + "</div><div class=\"hideOnPrint\">" + second + "</div></article></body></html>";
  CHECK(Extract(page).text == Expected());
  // A class that is the word hid is negative: the same paragraphs in it lose.
  const std::string hid =
      "<html><head><title>Council closes old bridge</title></head><body>"
      "<article><h1>Council closes old bridge</h1><div class=\"body\">" +
      first + "</div><div class=\"hid\">" + second + "</div></article></body></html>";
  CHECK(Extract(hid).text != Expected());
}
