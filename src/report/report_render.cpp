// A Report as text, Markdown, JSON, HTML and Atom (stet/report.h). Every
// format lists the same entries and, in each, the same top changes
// (TopChanges), so that they always say the same thing.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "report/diff_parts.h"
#include "report/escape.h"
#include "report/html_page.h"
#include "report/wrap.h"
#include "stet/clock.h"
#include "stet/report.h"
#include "stet/report_json.h"

namespace stet {
namespace {

using report::EscapeHtml;
using report::EscapeMarkdown;
using report::EscapeTerminal;
using report::EscapeXml;
using report::Excerpt;
using report::kSentinels;
using report::LinkableUrl;
using report::RankedChange;
using report::Retag;
using report::WrapItem;

// The changes an entry lists, marked with kSentinels: its headline (byline,
// date) changes always, first; then, most material first, at most
// query.top of the quote and claim changes the query's kinds ask for and
// (with `text`) the sentence edits.
std::vector<RankedChange> TopChanges(const RevisionDiff& diff, const ReportQuery& query) {
  std::vector<RankedChange> metadata, listed;
  for (RankedChange& change : report::RankedChanges(diff, kSentinels)) {
    if (change.IsMetadata()) {
      metadata.push_back(std::move(change));
    } else if (change.IsQuote() ? query.kinds.quotes : query.kinds.claims) {
      listed.push_back(std::move(change));
    }
  }
  if (query.kinds.text) {
    for (const TextEdit& edit : diff.text.edits) {
      RankedChange change;
      change.kind = change.label = EditKindName(edit.kind);
      change.words = InlineWords(diff.from.text, diff.to.text, edit, kSentinels);
      std::replace(change.words.begin(), change.words.end(), '\n', ' ');
      listed.push_back(std::move(change));
    }
  }
  if (listed.size() > query.top) listed.resize(query.top);
  metadata.insert(metadata.end(), std::make_move_iterator(listed.begin()),
                  std::make_move_iterator(listed.end()));
  return metadata;
}

std::string WindowLine(const Report& report) {
  const ReportQuery& query = report.query;
  std::string line = "since " + FormatTimestamp(query.since);
  if (query.until != std::numeric_limits<UnixSeconds>::max()) {
    line += " until " + FormatTimestamp(query.until);
  }
  return line;
}

std::string CountsLine(const Report& report) {
  std::map<std::string_view, std::size_t> levels;
  for (const ReportEntry& entry : report.entries)
    ++levels[MaterialityLabel(entry.diff->Materiality())];
  std::string line = std::to_string(report.entries.size()) + " article" +
                     (report.entries.size() == 1 ? "" : "s") + " changed";
  std::string split;
  for (std::string_view level : {"high", "medium", "low", "none"}) {
    if (levels[level] == 0) continue;
    split += (split.empty() ? "" : ", ") + std::to_string(levels[level]) + " " + std::string(level);
  }
  if (!split.empty()) line += " (" + split + ")";
  if (!report.new_articles.empty()) {
    line += ", " + std::to_string(report.new_articles.size()) + " new";
  }
  if (!report.damaged.empty()) {
    line += ", " + std::to_string(report.damaged.size()) + " damaged";
  }
  return line;
}

std::string RevisionsLine(const ReportEntry& entry) {
  const RevisionInfo& from = *entry.diff->from.revision;
  const RevisionInfo& to = *entry.diff->to.revision;
  return "revision " + std::to_string(from.number) + " -> " + std::to_string(to.number) + " (" +
         std::to_string(entry.revisions_in_window) + " in the window, the latest " +
         FormatTimestamp(to.fetched_at) + ")";
}

std::string DiffCommand(const RevisionDiff& diff) {
  return "stet diff " + diff.to.revision->article_id + " " +
         std::to_string(diff.from.revision->number) + " " +
         std::to_string(diff.to.revision->number);
}

std::string Title(const RevisionDiff& diff) {
  return diff.to.title.empty() ? diff.to.revision->url : diff.to.title;
}

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string RenderReportText(const Report& report, const TextLayout& layout) {
  const InlineMarkers& marks = layout.color ? report::kColouredBrackets : report::kBrackets;
  auto marked = [&](const std::string& words) {
    return Retag(Excerpt(words, kSentinels, 80), EscapeTerminal, marks);
  };
  std::string out =
      WrapItem("REPORT  ", 8, WindowLine(report) + ": " + CountsLine(report), "", layout.width);
  for (const ReportEntry& entry : report.entries) {
    const RevisionDiff& diff = *entry.diff;
    std::string level = Upper(MaterialityLabel(diff.Materiality()));
    level.resize(std::max<std::size_t>(level.size(), 8), ' ');
    out += "\n" + WrapItem(level, 8, EscapeTerminal(Title(diff)), "", layout.width);
    out += WrapItem("        ", 8, EscapeTerminal(diff.to.revision->url), "", layout.width);
    out += WrapItem("        ", 8, RevisionsLine(entry), "", layout.width);
    for (const RankedChange& change : TopChanges(diff, report.query)) {
      std::string label = change.label;
      label.resize(std::max<std::size_t>(label.size(), 20), ' ');
      out += WrapItem("        " + label + " ", 29, marked(change.words),
                      EscapeTerminal(change.Note()), layout.width);
    }
    out += WrapItem("        ", 8, DiffCommand(diff), "", layout.width);
  }
  for (const RevisionInfo& article : report.new_articles) {
    out += WrapItem("\nNEW     ", 8,
                    EscapeTerminal(article.title.empty() ? article.url : article.title) + " (" +
                        EscapeTerminal(article.url) + ")",
                    "", layout.width);
  }
  for (const std::string& damage : report.damaged) {
    out += WrapItem("\nDAMAGED ", 8, EscapeTerminal(damage), "", layout.width);
  }
  return out;
}

std::string RenderReportMarkdown(const Report& report, const ReportLinks& links) {
  auto marked = [](const std::string& words) {
    return Retag(Excerpt(words, kSentinels, 160), EscapeMarkdown, report::kHtmlTags);
  };
  std::string out = "# Changes " + WindowLine(report) + "\n\n" + CountsLine(report) +
                    " \u00B7 made " + FormatTimestamp(report.made_at) + "\n";
  std::size_t number = 0;
  for (const ReportEntry& entry : report.entries) {
    const RevisionDiff& diff = *entry.diff;
    const std::string& url = diff.to.revision->url;
    out += "\n## " + std::to_string(++number) + ". ";
    out += LinkableUrl(url) ? "[" + EscapeMarkdown(Title(diff)) + "](<" + url + ">)"
                            : EscapeMarkdown(Title(diff));
    out += " \u2014 " + std::string(MaterialityLabel(diff.Materiality())) + "\n\n";
    out += EscapeMarkdown(RevisionsLine(entry)) + " \u00B7 ";
    out += links.enabled ? "[full comparison](<" + links.ComparisonPath(diff) + ">)"
                         : "`" + DiffCommand(diff) + "`";
    out += "\n\n";
    for (const RankedChange& change : TopChanges(diff, report.query)) {
      out += "- **" + change.label + "** " + marked(change.words) +
             (change.Note().empty() ? "" : " \u2014 " + EscapeMarkdown(change.Note())) + "\n";
    }
  }
  if (!report.new_articles.empty()) {
    out += "\n## New articles\n\n";
    for (const RevisionInfo& article : report.new_articles) {
      out += "- " + EscapeMarkdown(article.title.empty() ? article.url : article.title) + " (" +
             (LinkableUrl(article.url) ? "<" + article.url + ">" : EscapeMarkdown(article.url)) +
             ")\n";
    }
  }
  return out;
}

std::string RenderReportJson(const Report& report) {
  const ReportQuery& query = report.query;
  nlohmann::json articles = nlohmann::json::array();
  for (const ReportEntry& entry : report.entries) {
    const RevisionDiff& diff = *entry.diff;
    nlohmann::json changes = nlohmann::json::array();
    for (const RankedChange& change : TopChanges(diff, query)) {
      const std::string words = Retag(
          change.words, [](std::string_view t) { return std::string(t); }, report::kBrackets);
      const std::string plain =
          Retag(change.words, [](std::string_view t) { return std::string(t); }, {"", "", "", ""});
      changes.push_back(
          {{"kind", change.kind},
           {"label", change.label},
           {"inline", words},
           {"text", plain},
           {"note", change.Note().empty() ? nlohmann::json() : nlohmann::json(change.Note())},
           {"materiality", change.materiality}});
    }
    nlohmann::json headline = nullptr;
    for (const MetadataChange& change : diff.metadata) {
      if (change.field == "headline")
        headline = {{"before", change.before}, {"after", change.after}};
    }
    articles.push_back({{"article", diff.to.revision->article_id},
                        {"url", diff.to.revision->url},
                        {"title", diff.to.title},
                        {"from", RevisionJson(*diff.from.revision)},
                        {"to", RevisionJson(*diff.to.revision)},
                        {"revisions_in_window", entry.revisions_in_window},
                        {"materiality", diff.Materiality()},
                        {"materiality_label", MaterialityLabel(diff.Materiality())},
                        {"headline", headline},
                        {"quotes_changed", diff.quotes.changes.size()},
                        {"claims_changed", diff.claims.size()},
                        {"changes", std::move(changes)}});
  }
  nlohmann::json new_articles = nlohmann::json::array();
  for (const RevisionInfo& article : report.new_articles)
    new_articles.push_back(RevisionJson(article));
  const nlohmann::json out = {{"schema_version", kJsonSchemaVersion},
                              {"since", FormatTimestamp(query.since)},
                              {"until", query.until == std::numeric_limits<UnixSeconds>::max()
                                            ? nlohmann::json()
                                            : nlohmann::json(FormatTimestamp(query.until))},
                              {"made_at", FormatTimestamp(report.made_at)},
                              {"min_materiality", query.min_materiality},
                              {"articles", std::move(articles)},
                              {"new_articles", std::move(new_articles)},
                              {"damaged", report.damaged}};
  return out.dump(2) + "\n";
}

namespace {

std::string Html(std::string_view marked) {
  return Retag(marked, EscapeHtml, report::kHtmlTags);
}

// An entry's changes as an HTML list (the page and the feed's content).
std::string ChangesHtml(const ReportEntry& entry, const ReportQuery& query) {
  std::string out = "<ul class=\"changes\">";
  for (const RankedChange& change : TopChanges(*entry.diff, query)) {
    out += "<li class=\"change m-" + std::string(MaterialityLabel(change.materiality)) +
           "\" data-kind=\"" + EscapeHtml(change.kind) + "\"><span class=\"kind\">" +
           EscapeHtml(change.label) + "</span> " + Html(change.words);
    if (!change.Note().empty())
      out += " <span class=\"note\">" + EscapeHtml(change.Note()) + "</span>";
    out += "</li>";
  }
  return out + "</ul>";
}

}  // namespace

std::string RenderReportHtml(const Report& report, const ReportLinks& links) {
  std::string out = report::HtmlPageStart("Changes " + WindowLine(report), links.navigation);
  out += "<header id=\"top\"><h1>Changes <small>" + EscapeHtml(WindowLine(report)) +
         "</small></h1><p class=\"sides-line\">" + EscapeHtml(CountsLine(report)) +
         " \u00B7 made <time>" + EscapeHtml(FormatTimestamp(report.made_at)) +
         "</time></p></header>\n<main><ol class=\"report\">";
  for (const ReportEntry& entry : report.entries) {
    const RevisionDiff& diff = *entry.diff;
    const std::string level(MaterialityLabel(diff.Materiality()));
    const std::string& url = diff.to.revision->url;
    out += "<li class=\"entry m-" + level + "\" data-article=\"" +
           EscapeHtml(diff.to.revision->article_id) + "\"><h2><span class=\"kind\">" + level +
           "</span> ";
    if (links.enabled) {
      out += "<a class=\"compare\" href=\"" + EscapeHtml(links.ComparisonPath(diff)) + "\">" +
             EscapeHtml(Title(diff)) + "</a>";
    } else {
      out += EscapeHtml(Title(diff));
    }
    out += "</h2>" + report::UrlParagraph(url) + "<p class=\"sides-line\">" +
           EscapeHtml(RevisionsLine(entry)) + "</p>" + ChangesHtml(entry, report.query);
    out += links.enabled
               ? "<p><a class=\"goto\" href=\"" + EscapeHtml(links.ComparisonPath(diff)) +
                     "\">Full comparison</a> \u00B7 <a class=\"goto\" href=\"" +
                     EscapeHtml(links.ArticlePath(diff.to.revision->article_id)) +
                     "\">Every revision</a></p>"
               : "<p class=\"note-line\"><code>" + EscapeHtml(DiffCommand(diff)) + "</code></p>";
    out += "</li>";
  }
  out += "</ol>";
  if (report.entries.empty()) out += "<p class=\"none\">Nothing changed in this window.</p>";
  if (!report.new_articles.empty()) {
    out += "<h2>New articles</h2><ul>";
    for (const RevisionInfo& article : report.new_articles) {
      const std::string name = EscapeHtml(article.title.empty() ? article.url : article.title);
      out += "<li>" +
             (links.enabled ? "<a href=\"" + EscapeHtml(links.ArticlePath(article.article_id)) +
                                  "\">" + name + "</a>"
                            : name) +
             " <span class=\"url\">" + EscapeHtml(article.url) + "</span></li>";
    }
    out += "</ul>";
  }
  out += "</main>";
  return out + report::HtmlPageEnd();
}

std::string RenderReportAtom(const Report& report, const ReportLinks& links) {
  UnixSeconds updated = report.made_at;
  std::string entries;
  for (const ReportEntry& entry : report.entries) {
    const RevisionDiff& diff = *entry.diff;
    const RevisionInfo& to = *diff.to.revision;
    const std::string level(MaterialityLabel(diff.Materiality()));
    std::string summary;
    for (const RankedChange& change : TopChanges(diff, report.query)) {
      summary +=
          change.label + ": " +
          Retag(
              change.words, [](std::string_view t) { return std::string(t); }, report::kBrackets) +
          (change.Note().empty() ? "" : " (" + change.Note() + ")") + "\n";
    }
    entries += "  <entry>\n    <id>urn:stet:change:" + EscapeXml(to.article_id) + ":" +
               EscapeXml(to.commit) + "</id>\n    <title>[" + level + "] " +
               EscapeXml(Title(diff)) + "</title>\n    <updated>" + FormatTimestamp(to.fetched_at) +
               "</updated>\n";
    const std::string alternate = links.enabled ? links.ComparisonPath(diff) : to.url;
    if (links.enabled || LinkableUrl(to.url)) {
      entries += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + EscapeXml(alternate) +
                 "\"/>\n";
    }
    if (LinkableUrl(to.url) && links.enabled) {
      entries +=
          "    <link rel=\"related\" type=\"text/html\" href=\"" + EscapeXml(to.url) + "\"/>\n";
    }
    entries += "    <category term=\"" + level + "\"/>\n    <summary type=\"text\">" +
               EscapeXml(summary) + "</summary>\n    <content type=\"html\">" +
               EscapeXml("<p>" + EscapeHtml(RevisionsLine(entry)) + "</p>" +
                         ChangesHtml(entry, report.query)) +
               "</content>\n  </entry>\n";
  }
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
      "  <id>urn:stet:changes</id>\n"
      "  <title>stet: changes " +
      EscapeXml(WindowLine(report)) + "</title>\n  <updated>" + FormatTimestamp(updated) +
      "</updated>\n  <author><name>stet</name></author>\n"
      "  <generator>stet</generator>\n";
  if (links.enabled) {
    out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" +
           EscapeXml(links.link_base + "/feed.atom") + "\"/>\n";
  }
  return out + entries + "</feed>\n";
}

}  // namespace stet
