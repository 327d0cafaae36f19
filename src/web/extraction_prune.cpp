// Phase 1 of an extraction pass (extraction.h): the walk that prunes the
// page and turns divs of phrasing content into paragraphs.
#include "web/extraction.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "base/ascii.h"
#include "base/word_list.h"
#include "web/boilerplate.h"
#include "web/page_metadata.h"

namespace stet::html {
namespace {

// Readability.js's regular expressions, as substring lists over
// lower-cased class and id.
constexpr std::array<std::string_view, 31> kUnlikely = {
    "-ad-",       "ai2html", "banner",    "breadcrumbs",  "combx",    "comment",  "community",
    "cover-wrap", "disqus",  "extra",     "footer",       "gdpr",     "header",   "legends",
    "menu",       "related", "remark",    "replies",      "rss",      "shoutbox", "sidebar",
    "skyscraper", "social",  "sponsor",   "supplemental", "ad-break", "agegate",  "pagination",
    "pager",      "popup",   "yom-remote"};
constexpr std::array<std::string_view, 7> kMaybeCandidate = {
    "and", "article", "body", "column", "content", "main", "shadow"};
constexpr std::array<std::string_view, 5> kBylineWords = {"byline", "author", "dateline",
                                                          "writtenby", "p-author"};
constexpr std::array<std::string_view, 7> kUnlikelyRoles = {
    "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"};
constexpr std::array<std::string_view, 9> kTagsToScore = {"section", "h2", "h3", "h4", "h5",
                                                          "h6",      "p",  "td", "pre"};
constexpr std::array<std::string_view, 38> kPhrasing = {
    "abbr",     "audio",    "b",    "bdo",      "br",     "button",   "cite",   "code",
    "data",     "datalist", "dfn",  "em",       "embed",  "i",        "img",    "input",
    "kbd",      "label",    "mark", "math",     "meter",  "noscript", "object", "output",
    "progress", "q",        "ruby", "samp",     "script", "select",   "small",  "span",
    "strong",   "sub",      "sup",  "textarea", "time",   "var"};

// Tags that never hold article text.
constexpr std::array<std::string_view, 11> kNeverText = {
    "nav",      "aside",      "footer", "button", "input", "select",
    "textarea", "figcaption", "dialog", "menu",   "label"};

}  // namespace

bool Extraction::IsProbablyVisible(const xmlNode* node) const {
  std::string style;
  for (char c : AsciiLower(Attr(node, "style"))) {
    if (c != ' ') style += c;
  }
  if (style.find("display:none") != std::string::npos ||
      style.find("visibility:hidden") != std::string::npos) {
    return false;
  }
  if (HasAttr(node, "hidden")) return false;
  if (Attr(node, "aria-hidden") == "true" &&
      Attr(node, "class").find("fallback-image") == std::string_view::npos) {
    return false;
  }
  return true;
}

bool Extraction::IsValidByline(const xmlNode* node, std::string_view match) const {
  const bool looks = Attr(node, "rel") == "author" ||
                     Attr(node, "itemprop").find("author") != std::string_view::npos ||
                     ContainsAny(match, kBylineWords);
  if (!looks) return false;
  const std::size_t length = InnerTextLength(node);
  return length > 0 && length < 100;
}

bool Extraction::IsBoilerplate(xmlNode* node, std::string_view match) const {
  const std::string_view tag = Tag(node);
  if (tag == "body" || tag == "html" || tag == "a") return false;
  if (match.size() <= 1 || !NamesBoilerplate(match)) return false;
  if (HasAncestorTag(node, "code", 3)) return false;
  const std::size_t length = InnerTextLength(node);
  return length < 200 || LinkDensity(node) > 0.5;
}

// Text, a phrasing element, or a link, <del> or <ins> holding only those
// (Readability.js's _isPhrasingContent). Walked without recursion: the page
// decides how deep links nest.
bool Extraction::IsPhrasing(const xmlNode* node) {
  auto is_container = [](std::string_view tag) {
    return tag == "a" || tag == "del" || tag == "ins";
  };
  if (IsText(node)) return true;
  const std::string_view tag = Tag(node);
  if (Contains(kPhrasing, tag)) return true;
  if (!is_container(tag)) return false;
  xmlNode* root = const_cast<xmlNode*>(node);
  for (xmlNode* at = root->children; at;) {
    const std::string_view inner = Tag(at);
    if (IsText(at) || Contains(kPhrasing, inner)) {
      at = NextInTree(at, root, /*skip_children=*/true);
    } else if (is_container(inner)) {
      at = NextInTree(at, root);
    } else {
      return false;
    }
  }
  return true;
}

bool Extraction::IsWhitespace(const xmlNode* node) {
  if (IsText(node)) return InnerTextLength(node) == 0;
  return HasTag(node, "br");
}

bool Extraction::HasChildBlockElement(const xmlNode* node) {
  xmlNode* root = const_cast<xmlNode*>(node);
  for (xmlNode* at = root->children; at; at = NextInTree(at, root)) {
    if (Contains(kDivToParagraph, Tag(at))) return true;
  }
  return false;
}

bool Extraction::HasSingleTagInside(const xmlNode* node, std::string_view tag) {
  if (ElementChildCount(node) != 1 || !HasTag(FirstElementChild(node), tag)) return false;
  for (const xmlNode* child = node->children; child; child = child->next) {
    if (IsText(child) && InnerTextLength(child) > 0) return false;
  }
  return true;
}

bool Extraction::IsWithoutContent(const xmlNode* node) {
  if (HasText(node)) return false;
  int children = 0, breaks = 0;
  for (const xmlNode* child = FirstElementChild(node); child; child = NextElementSibling(child)) {
    ++children;
  }
  if (children == 0) return true;
  xmlNode* root = const_cast<xmlNode*>(node);
  for (xmlNode* at = root->children; at; at = NextInTree(at, root)) {
    if (HasTag(at, "br") || HasTag(at, "hr")) ++breaks;
  }
  return children == breaks;
}

// Two or more <br> in a row become a paragraph break, as in Readability.js.
void Extraction::ReplaceBrs(xmlNode* body) {
  auto next_node = [](xmlNode* node) {
    while (node && !IsElement(node) && InnerTextLength(node) == 0) node = node->next;
    return node;
  };
  for (xmlNode* br : ElementsWithTag(body, "br")) {
    if (!br->parent) continue;
    bool replaced = false;
    xmlNode* next = br->next;
    while ((next = next_node(next)) && HasTag(next, "br")) {
      replaced = true;
      xmlNode* after = next->next;
      Remove(next);
      next = after;
    }
    if (!replaced) continue;
    xmlNode* p = NewElement("p");
    xmlReplaceNode(br, p);
    Remove(br);
    next = p->next;
    while (next) {
      if (HasTag(next, "br")) {
        xmlNode* following = next_node(next->next);
        if (following && HasTag(following, "br")) break;
      }
      if (!IsPhrasing(next)) break;
      xmlNode* sibling = next->next;
      xmlUnlinkNode(next);
      xmlAddChild(p, next);  // may merge `next` into a text node and free it
      next = sibling;
    }
    while (p->last && IsWhitespace(p->last)) Remove(p->last);
    if (HasTag(p->parent, "p")) xmlNodeSetName(p->parent, reinterpret_cast<const xmlChar*>("div"));
  }
}

void Extraction::TakeByline(xmlNode* node) {
  // A child marked as the name is more exact than the whole line.
  xmlNode* name_node = nullptr;
  for (xmlNode* at = FirstElementChild(node) ? node->children : nullptr; at;
       at = NextInTree(at, node)) {
    if (Attr(at, "itemprop").find("name") != std::string_view::npos) {
      name_node = at;
      break;
    }
  }
  *byline_ = CleanByline(TextContent(name_node ? name_node : node));
}

void Extraction::TakeBylineFrom(xmlNode* node) {
  if (!byline_->empty()) return;
  for (xmlNode* at = node; at; at = NextInTree(at, node)) {
    if (IsElement(at) && IsValidByline(at, MatchString(at))) {
      TakeByline(at);
      return;
    }
  }
}

// Readability.js's walk of the page, and this extractor's boilerplate rules:
// what is not removed and may be a paragraph is to be scored.
std::vector<xmlNode*> Extraction::Prune(xmlNode* root) {
  const bool strip_unlikely = Active(kStripUnlikely);
  std::vector<xmlNode*> to_score;
  bool remove_title_header = true;
  std::string text;
  xmlNode* node = root;
  while (node) {
    const std::string match = MatchString(node);
    const std::string_view tag = Tag(node);
    if (!IsProbablyVisible(node) ||
        (Attr(node, "aria-modal") == "true" && Attr(node, "role") == "dialog")) {
      node = RemoveAndGetNext(node);
      continue;
    }
    if (byline_->empty() && IsValidByline(node, match)) {
      TakeByline(node);
      node = RemoveAndGetNext(node);
      continue;
    }
    if (remove_title_header && (tag == "h1" || tag == "h2") &&
        TextSimilarity(title_, InnerText(node)) > 0.75) {
      remove_title_header = false;
      node = RemoveAndGetNext(node);
      continue;
    }
    // Text that changes between fetches of the same article.
    if (tag != "body" && tag != "html" && ElementChildCount(node) <= 3 &&
        ShortText(node, 80, text) && IsVolatileLine(text)) {
      node = RemoveAndGetNext(node);
      continue;
    }
    // Relaxed passes keep asides and the like (some pages misuse them for
    // the body, or leave a <nav> unclosed around it), but never captions or
    // a short <nav>, a menu: a page of menus alone holds no article.
    if ((strip_unlikely && Contains(kNeverText, tag)) || tag == "figcaption" ||
        (tag == "nav" && InnerTextLength(node) < 200)) {
      TakeBylineFrom(node);
      node = RemoveAndGetNext(node);
      continue;
    }
    if (strip_unlikely) {
      if (IsBoilerplate(node, match)) {
        TakeBylineFrom(node);
        node = RemoveAndGetNext(node);
        continue;
      }
      if (ContainsAny(match, kUnlikely) && !ContainsAny(match, kMaybeCandidate) &&
          !HasAncestorTag(node, "table", 3) && !HasAncestorTag(node, "code", 3) && tag != "body" &&
          tag != "a") {
        node = RemoveAndGetNext(node);
        continue;
      }
      if (Contains(kUnlikelyRoles, Attr(node, "role"))) {
        node = RemoveAndGetNext(node);
        continue;
      }
    }
    if ((tag == "div" || tag == "section" || tag == "header" || tag == "h1" || tag == "h2" ||
         tag == "h3" || tag == "h4" || tag == "h5" || tag == "h6") &&
        IsWithoutContent(node)) {
      node = RemoveAndGetNext(node);
      continue;
    }
    if (Contains(kTagsToScore, tag)) to_score.push_back(node);

    if (tag == "div") node = ParagraphsOfDiv(node, to_score);
    node = NextElement(node);
  }
  return to_score;
}

xmlNode* Extraction::ParagraphsOfDiv(xmlNode* div, std::vector<xmlNode*>& to_score) {
  // Put phrasing content into paragraphs.
  xmlNode* p = nullptr;
  for (xmlNode* child = div->children; child;) {
    xmlNode* next = child->next;
    if (IsPhrasing(child)) {
      if (p) {
        xmlUnlinkNode(child);
        xmlAddChild(p, child);
      } else if (!IsWhitespace(child)) {
        p = NewElement("p");
        xmlAddPrevSibling(child, p);
        xmlUnlinkNode(child);
        xmlAddChild(p, child);
      }
    } else if (p) {
      while (p->last && IsWhitespace(p->last)) Remove(p->last);
      p = nullptr;
    }
    child = next;
  }
  // A div that only wraps one paragraph is that paragraph.
  if (HasSingleTagInside(div, "p") && LinkDensity(div) < 0.25) {
    xmlNode* child = FirstElementChild(div);
    xmlUnlinkNode(child);
    xmlReplaceNode(div, child);
    Remove(div);
    to_score.push_back(child);
    return child;
  }
  if (!HasChildBlockElement(div)) {
    xmlNodeSetName(div, reinterpret_cast<const xmlChar*>("p"));
    to_score.push_back(div);
  }
  return div;
}

}  // namespace stet::html
