// Phase 3 of an extraction pass (extraction.h): what looks like
// boilerplate inside the article is cleaned out (Readability.js's
// _prepArticle): forms, embeds, share bars, headings weighed negative, and
// tables, lists and divs by their mix of links, images, lists and text.
#include "web/extraction.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "base/ascii.h"
#include "base/word_list.h"

namespace stet::html {
namespace {

constexpr std::array<std::string_view, 8> kVideoHosts = {
    "dailymotion.com", "youtube.com", "youtube-nocookie.com", "player.vimeo.com",
    "v.qq.com",        "archive.org", "upload.wikimedia.org", "player.twitch.tv"};

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// Readability.js's /(\b|_)(share|sharedaddy)(\b|_)/ over lower case.
bool MatchesShare(std::string_view s) {
  for (std::size_t at = s.find("share"); at != std::string_view::npos;
       at = s.find("share", at + 1)) {
    if (at > 0 && IsWordChar(s[at - 1])) continue;
    std::size_t end = at + 5;
    if (s.compare(at, 10, "sharedaddy") == 0) end = at + 10;
    if (end >= s.size() || !IsWordChar(s[end])) return true;
    if (end == at + 5 && s[end] == '_') return true;
  }
  return false;
}

}  // namespace

void Extraction::MarkDataTables(xmlNode* article) {
  for (xmlNode* table : ElementsWithTag(article, "table")) {
    if (Attr(table, "role") == "presentation" || Attr(table, "datatable") == "0") continue;
    if (!Attr(table, "summary").empty()) {
      data_tables_.insert(table);
      continue;
    }
    bool data = false, nested = false;
    int rows = 0, columns = 0;
    for (xmlNode* at = table->children; at; at = NextInTree(at, table)) {
      const std::string_view tag = Tag(at);
      if ((tag == "caption" && at->children) || tag == "col" || tag == "colgroup" ||
          tag == "tfoot" || tag == "thead" || tag == "th") {
        data = true;
      }
      if (tag == "table") nested = true;
      if (tag == "tr") {
        const int rowspan = std::atoi(std::string(Attr(at, "rowspan")).c_str());
        rows += rowspan > 0 ? rowspan : 1;
        int in_row = 0;
        for (xmlNode* cell = at->children; cell; cell = NextInTree(cell, at)) {
          if (!HasTag(cell, "td")) continue;
          const int colspan = std::atoi(std::string(Attr(cell, "colspan")).c_str());
          in_row += colspan > 0 ? std::min(colspan, 1000) : 1;
        }
        columns = std::max(columns, in_row);
      }
    }
    if (data) {
      data_tables_.insert(table);
      continue;
    }
    if (nested || columns == 1 || rows == 1) continue;
    if (rows >= 10 || columns > 4 || static_cast<long>(rows) * columns > 10) {
      data_tables_.insert(table);
    }
  }
}

void Extraction::Clean(xmlNode* article, std::string_view tag) {
  const bool embed = tag == "object" || tag == "embed" || tag == "iframe";
  std::vector<xmlNode*> nodes = ElementsWithTag(article, tag);
  for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
    if (!(*it)->parent) continue;
    if (embed) {
      bool video = false;
      for (const xmlAttr* attr = (*it)->properties; attr && !video; attr = attr->next) {
        if (attr->children && attr->children->content) {
          video = ContainsAny(AsciiLower(reinterpret_cast<const char*>(attr->children->content)),
                              kVideoHosts);
        }
      }
      if (video) continue;
    }
    Remove(*it);
  }
}

bool Extraction::ShouldCleanConditionally(xmlNode* node, std::string_view tag) {
  const std::size_t text_length = InnerTextLength(node);
  bool is_list = tag == "ul" || tag == "ol";
  if (!is_list) {
    std::size_t list_length = 0;
    for (xmlNode* at = node->children; at; at = NextInTree(at, node)) {
      if (HasTag(at, "ul") || HasTag(at, "ol")) list_length += InnerTextLength(at);
    }
    is_list = text_length > 0 &&
              static_cast<double>(list_length) / static_cast<double>(text_length) > 0.9;
  }
  if (tag == "table" && data_tables_.count(node)) return false;
  if (HasAncestorTag(node, "table", -1, &data_tables_)) return false;
  if (HasAncestorTag(node, "code", 3)) return false;
  int p = 0, img = 0, li = -100, input = 0, embeds = 0;
  std::size_t heading_length = 0, textish_length = 0;
  for (xmlNode* at = node->children; at; at = NextInTree(at, node)) {
    const std::string_view t = Tag(at);
    if (t.empty()) continue;
    if (t == "table" && data_tables_.count(at)) return false;
    if (t == "p") ++p;
    if (t == "img") ++img;
    if (t == "li") ++li;
    if (t == "input") ++input;
    if (t == "h1" || t == "h2" || t == "h3" || t == "h4" || t == "h5" || t == "h6") {
      heading_length += InnerTextLength(at);
    }
    if (t == "span" || t == "li" || t == "td" || Contains(kDivToParagraph, t)) {
      textish_length += InnerTextLength(at);
    }
    if (t == "object" || t == "embed" || t == "iframe") {
      for (const xmlAttr* attr = at->properties; attr; attr = attr->next) {
        if (attr->children && attr->children->content &&
            ContainsAny(AsciiLower(reinterpret_cast<const char*>(attr->children->content)),
                        kVideoHosts)) {
          return false;
        }
      }
      ++embeds;
    }
  }
  const int weight = ClassWeight(node);
  if (weight < 0) return true;
  const std::string inner = InnerText(node);
  if (std::count(inner.begin(), inner.end(), ',') >= 10) return false;

  const std::string lower = AsciiLower(inner);
  static constexpr std::array<std::string_view, 12> kAdOrLoading = {
      "ad",      "advertising", "advertisement", "pub",        "publicité", "werb",
      "werbung", "anzeige",     "loading",       "loading...", "loading…",  "chargement"};
  if (Contains(kAdOrLoading, std::string_view(lower))) return true;

  const double length = static_cast<double>(text_length);
  const double link_density = LinkDensity(node);
  const double heading_density = length > 0 ? static_cast<double>(heading_length) / length : 0;
  const double text_density = length > 0 ? static_cast<double>(textish_length) / length : 0;
  const bool figure_child = HasAncestorTag(node, "figure", 3);
  bool remove = false;
  if (!figure_child && img > 1 && static_cast<double>(p) / img < 0.5) remove = true;
  if (!is_list && li > p) remove = true;
  if (input > p / 3) remove = true;
  if (!is_list && !figure_child && heading_density < 0.9 && text_length < 25 &&
      (img == 0 || img > 2) && link_density > 0) {
    remove = true;
  }
  if (!is_list && weight < 25 && link_density > 0.2) remove = true;
  if (weight >= 25 && link_density > 0.5) remove = true;
  if ((embeds == 1 && text_length < 75) || embeds > 1) remove = true;
  if (img == 0 && text_density == 0) remove = true;

  if (is_list && remove) {
    // A list of images stays.
    for (xmlNode* child = FirstElementChild(node); child; child = NextElementSibling(child)) {
      if (ElementChildCount(child) > 1) return true;
    }
    int li_count = 0;
    for (xmlNode* at = node->children; at; at = NextInTree(at, node)) li_count += HasTag(at, "li");
    if (img == li_count) return false;
  }
  return remove;
}

void Extraction::CleanConditionally(xmlNode* article, std::string_view tag) {
  if (!Active(kCleanConditionally)) return;
  std::vector<xmlNode*> nodes = ElementsWithTag(article, tag);
  for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
    if ((*it)->parent && ShouldCleanConditionally(*it, tag)) Remove(*it);
  }
}

void Extraction::PrepArticle(xmlNode* article) {
  MarkDataTables(article);
  CleanConditionally(article, "form");
  CleanConditionally(article, "fieldset");
  for (std::string_view tag : {"object", "embed", "footer", "link", "aside"}) Clean(article, tag);
  // Share bars: small elements named "share" under the top-level blocks.
  for (xmlNode* block = FirstElementChild(article); block; block = NextElementSibling(block)) {
    for (xmlNode* at = block->children; at;) {
      if (IsElement(at) && MatchesShare(MatchString(at)) && InnerTextLength(at) < kCharThreshold) {
        xmlNode* next = NextInTree(at, block, true);
        Remove(at);
        at = next;
      } else {
        at = NextInTree(at, block);
      }
    }
  }
  for (std::string_view tag : {"iframe", "input", "textarea", "select", "button"}) {
    Clean(article, tag);
  }
  for (std::string_view tag : {"h1", "h2"}) {
    std::vector<xmlNode*> headings = ElementsWithTag(article, tag);
    for (xmlNode* heading : headings) {
      if (heading->parent && ClassWeight(heading) < 0) Remove(heading);
    }
  }
  CleanConditionally(article, "table");
  CleanConditionally(article, "ul");
  CleanConditionally(article, "div");
}

}  // namespace stet::html
