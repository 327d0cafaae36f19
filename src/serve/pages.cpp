// The review server's own pages (pages.h).
#include "serve/pages.h"

#include <algorithm>

#include "report/escape.h"
#include "report/html_page.h"
#include "stet/claims.h"
#include "stet/clock.h"

namespace stet::serve {
namespace {

using report::EscapeHtml;

std::string ArticleLink(const std::string& id) {
  return "/a/" + UrlEncode(id);
}

std::string Page(std::string_view title, std::string_view query, const std::string& body) {
  return report::HtmlPageStart(title, Navigation(query)) + "<main>" + body + "</main>" +
         report::HtmlPageEnd();
}

}  // namespace

std::string UrlEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string Navigation(std::string_view query) {
  return "<nav class=\"site\"><a href=\"/\"><strong>stet</strong> recent changes</a>"
         "<form action=\"/search\" method=\"get\" role=\"search\"><input type=\"search\" "
         "name=\"q\" value=\"" +
         EscapeHtml(query) +
         "\" placeholder=\"URL, title or speaker\" aria-label=\"Search by URL, title or "
         "speaker\"><button type=\"submit\">Search</button></form>"
         "<a href=\"/feed.atom\">Atom feed</a></nav>\n";
}

std::string ArticlePage(const std::vector<RevisionInfo>& revisions,
                        const std::vector<Quote>& latest_quotes) {
  const RevisionInfo& latest = revisions.back();
  const std::string title = latest.title.empty() ? latest.url : latest.title;
  std::string body = "<header id=\"top\"><h1>" + EscapeHtml(title) + "</h1>" +
                     report::UrlParagraph(latest.url) + "<p class=\"sides-line\">article <code>" +
                     EscapeHtml(latest.article_id) + "</code>, " +
                     std::to_string(revisions.size()) + " revision" +
                     (revisions.size() == 1 ? "" : "s") + "</p></header>";
  body +=
      "<section id=\"revisions\"><h2>Revisions <small>newest first</small></h2>"
      "<table class=\"revisions\"><thead><tr><th>revision</th><th>fetched</th>"
      "<th>change</th><th>title</th><th></th></tr></thead><tbody>";
  for (auto it = revisions.rbegin(); it != revisions.rend(); ++it) {
    const RevisionInfo& revision = *it;
    const std::string level =
        revision.materiality ? std::string(MaterialityLabel(*revision.materiality)) : "";
    const std::string number = std::to_string(revision.number);
    body += "<tr id=\"r" + number + "\"><td>" + number + " <code>" +
            EscapeHtml(revision.commit.substr(0, 7)) + "</code></td><td><time>" +
            EscapeHtml(FormatTimestamp(revision.fetched_at)) + "</time></td><td class=\"m-" +
            (level.empty() ? "none" : level) + "\"><span class=\"kind\">" +
            (level.empty() ? "-" : level) + "</span></td><td>" + EscapeHtml(revision.title) +
            "</td><td>";
    if (revision.number > 1) {
      body += "<a href=\"" + ArticleLink(latest.article_id) + "/compare/" +
              std::to_string(revision.number - 1) + "/" + number + "\">compare with " +
              std::to_string(revision.number - 1) + "</a> ";
    }
    if (revision.has_page) {
      body += "<a href=\"" + ArticleLink(latest.article_id) + "/page/" + number +
              "\">page as fetched</a>";
    }
    body += "</td></tr>";
  }
  body += "</tbody></table>";
  if (revisions.size() > 2) {
    body += "<p><a href=\"" + ArticleLink(latest.article_id) + "/compare/1/" +
            std::to_string(latest.number) + "\">Compare the first revision with the latest</a></p>";
    // Any two, picked without script: a form the server answers with a
    // redirect to the comparison's own address.
    auto choices = [&](const char* name, int chosen) {
      std::string select = "<select name=\"" + std::string(name) + "\">";
      for (const RevisionInfo& revision : revisions) {
        const std::string number = std::to_string(revision.number);
        select += "<option value=\"" + number + "\"" +
                  (revision.number == chosen ? " selected" : "") + ">" + number + "</option>";
      }
      return select + "</select>";
    };
    body += "<form class=\"pick\" action=\"" + ArticleLink(latest.article_id) +
            "/compare\" method=\"get\">Compare revision " + choices("a", 1) + " with " +
            choices("b", latest.number) + " <button type=\"submit\">Compare</button></form>";
  }
  body += "</section><section id=\"quotes\"><h2>Quotes in the latest revision</h2><ol>";
  std::size_t listed = 0;
  for (const Quote& quote : latest_quotes) {
    if (!quote.speech) continue;
    ++listed;
    body += "<li><q>" + EscapeHtml(quote.text) + "</q> <span class=\"note\">" +
            EscapeHtml(quote.speaker.empty() ? "(unknown)" : quote.speaker) +
            "</span> <a class=\"goto\" href=\"" + ArticleLink(latest.article_id) +
            "/quotes?q=" + UrlEncode(quote.text) + "\">history</a></li>";
  }
  body += "</ol>";
  if (listed == 0) body += "<p class=\"none\">No quotes.</p>";
  body += "</section>";
  return Page(title, "", body);
}

std::string SearchPage(std::string_view query, const std::vector<SearchHit>& hits,
                       std::size_t searched) {
  std::string body = "<header><h1>Search <small>" + EscapeHtml(query) + "</small></h1>" +
                     "<p class=\"sides-line\">" + std::to_string(hits.size()) + " of " +
                     std::to_string(searched) + " articles</p></header><ol class=\"report\">";
  for (const SearchHit& hit : hits) {
    const ArticleSummary& article = hit.article;
    body += "<li><h2><a href=\"" + ArticleLink(article.id) + "\">" +
            EscapeHtml(article.title.empty() ? article.url : article.title) + "</a></h2>" +
            report::UrlParagraph(article.url) + "<p class=\"sides-line\">" +
            std::to_string(article.revisions) + " revisions, the latest " +
            EscapeHtml(FormatTimestamp(article.last_fetched_at)) + " \u00B7 matched " +
            EscapeHtml(hit.matched) + "</p></li>";
  }
  body += "</ol>";
  if (hits.empty()) body += "<p class=\"none\">Nothing matches.</p>";
  return Page("Search: " + std::string(query), query, body);
}

std::string QuoteHistoryPage(const RevisionInfo& latest, std::string_view words,
                             const std::vector<QuoteSighting>& history) {
  const std::string title = latest.title.empty() ? latest.url : latest.title;
  std::string body = "<header><h1>A quote through every revision</h1><p><a href=\"" +
                     ArticleLink(latest.article_id) + "\">" + EscapeHtml(title) +
                     "</a></p><blockquote>" + EscapeHtml(words) +
                     "</blockquote></header><ol class=\"history\">";
  for (const QuoteSighting& sighting : history) {
    body += "<li id=\"r" + std::to_string(sighting.revision.number) + "\"><span class=\"rev\">" +
            "revision " + std::to_string(sighting.revision.number) + " <time>" +
            EscapeHtml(FormatTimestamp(sighting.revision.fetched_at)) + "</time></span> ";
    if (sighting.quotes.empty()) body += "<span class=\"absent\">(not in this revision)</span>";
    for (const Quote& quote : sighting.quotes) {
      body += "<q>" + EscapeHtml(quote.text) + "</q> <span class=\"note\">" +
              EscapeHtml(quote.speaker.empty() ? "(unknown)" : quote.speaker) + "</span> ";
    }
    body += "</li>";
  }
  body += "</ol>";
  return Page("Quote history: " + title, "", body);
}

std::string ErrorPage(int status, std::string_view message) {
  return Page(std::to_string(status), "",
              "<h1>" + std::to_string(status) + "</h1><p>" + EscapeHtml(message) + "</p>");
}

}  // namespace stet::serve
