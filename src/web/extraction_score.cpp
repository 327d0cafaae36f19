// Phase 2 of an extraction pass (extraction.h): paragraphs scored, their
// scores given to their ancestors, the best candidate chosen and joined
// with the siblings that look like more of the article.
#include "web/extraction.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "base/ascii.h"
#include "base/word_list.h"

namespace stet::html {
namespace {

constexpr std::array<std::string_view, 13> kPositive = {
    "article", "body",       "content", "entry", "hentry", "h-entry", "main",
    "page",    "pagination", "post",    "text",  "blog",   "story"};
constexpr std::array<std::string_view, 23> kNegative = {
    "-ad-",  "hidden",   "banner",  "combx",      "comment",  "com-",     "contact", "footer",
    "gdpr",  "masthead", "media",   "meta",       "outbrain", "promo",    "related", "scroll",
    "share", "shoutbox", "sidebar", "skyscraper", "sponsor",  "shopping", "tags"};
constexpr std::array<std::string_view, 6> kAlterToDivExceptions = {"div", "article", "section",
                                                                   "p",   "ol",      "ul"};

bool MatchesNegative(std::string_view s) {
  if (ContainsAny(s, kNegative) || s.find("widget") != std::string_view::npos) return true;
  // ^hid$| hid$| hid |^hid
  for (std::size_t at = s.find("hid"); at != std::string_view::npos; at = s.find("hid", at + 1)) {
    if ((at == 0 || s[at - 1] == ' ') && (at + 3 == s.size() || s[at + 3] == ' ')) return true;
  }
  return false;
}

}  // namespace

int Extraction::ClassWeight(const xmlNode* node) const {
  if (!Active(kWeightClasses)) return 0;
  int weight = 0;
  for (const char* name : {"class", "id"}) {
    const std::string value = AsciiLower(Attr(node, name));
    if (value.empty()) continue;
    if (MatchesNegative(value)) weight -= 25;
    if (ContainsAny(value, kPositive)) weight += 25;
  }
  return weight;
}

void Extraction::InitializeNode(xmlNode* node) {
  double score = 0;
  const std::string_view tag = Tag(node);
  if (tag == "div") {
    score = 5;
  } else if (tag == "pre" || tag == "td" || tag == "blockquote") {
    score = 3;
  } else if (tag == "address" || tag == "ol" || tag == "ul" || tag == "dl" || tag == "dd" ||
             tag == "dt" || tag == "li" || tag == "form") {
    score = -3;
  } else if (tag == "h1" || tag == "h2" || tag == "h3" || tag == "h4" || tag == "h5" ||
             tag == "h6" || tag == "th") {
    score = -5;
  }
  scores_[node] = score + ClassWeight(node);
}

// Scores paragraphs; parents get the score, grandparents half, and so on.
// The best few candidates, best first, their scores weighed by link density.
std::vector<xmlNode*> Extraction::ScoreCandidates(const std::vector<xmlNode*>& to_score) {
  std::vector<xmlNode*> candidates;
  std::string inner;  // commas are counted in the text as it is: spaces do not matter
  for (xmlNode* element : to_score) {
    if (!element->parent || !IsElement(element->parent)) continue;
    const std::size_t length = InnerTextLength(element);
    if (length < 25) continue;
    inner.clear();
    AppendTextContent(element, inner);
    double score = 1;
    std::size_t commas = 0;
    for (std::size_t i = 0; i < inner.size(); ++i) {
      if (inner[i] == ',') ++commas;
      if (static_cast<unsigned char>(inner[i]) < 0x80) continue;
      // Arabic, CJK and other commas.
      for (std::string_view comma :
           {"\xD8\x8C", "\xEF\xB9\x90", "\xEF\xB8\x90", "\xEF\xB8\x91", "\xE2\xB9\x81",
            "\xE2\xB8\xB4", "\xE2\xB8\xB2", "\xEF\xBC\x8C"}) {
        if (inner.compare(i, comma.size(), comma) == 0) ++commas;
      }
    }
    score += static_cast<double>(commas + 1);
    score += static_cast<double>(std::min<std::size_t>(length / 100, 3));
    int level = 0;
    for (xmlNode* ancestor = element->parent; ancestor && level < 5;
         ancestor = ancestor->parent, ++level) {
      if (!IsElement(ancestor) || !ancestor->parent || !IsElement(ancestor->parent)) continue;
      if (!scores_.count(ancestor)) {
        InitializeNode(ancestor);
        candidates.push_back(ancestor);
      }
      const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
      scores_[ancestor] += score / divider;
    }
  }

  constexpr std::size_t kTopCandidates = 5;
  std::vector<xmlNode*> top;
  for (xmlNode* candidate : candidates) {
    double& score = scores_[candidate];
    score *= 1 - LinkDensity(candidate);
    auto at = std::find_if(top.begin(), top.end(),
                           [&](const xmlNode* other) { return score > scores_[other]; });
    if (at != top.end() || top.size() < kTopCandidates) {
      top.insert(at, candidate);
      if (top.size() > kTopCandidates) top.pop_back();
    }
  }
  return top;
}

// The element that holds the article: the best candidate, or a parent of it
// that holds more of the article; a new element holding the whole body when
// no candidate was found.
xmlNode* Extraction::ChooseTopCandidate(const std::vector<xmlNode*>& top, xmlNode* body) {
  auto is_top_of_page = [](const xmlNode* n) {
    return !n || !IsElement(n) || HasTag(n, "body") || HasTag(n, "html");
  };
  xmlNode* top_candidate = top.empty() ? nullptr : top[0];
  if (!top_candidate || HasTag(top_candidate, "body")) {
    top_candidate = NewElement("div");
    while (body->children) {
      xmlNode* child = body->children;
      xmlUnlinkNode(child);
      xmlAddChild(top_candidate, child);
    }
    xmlAddChild(body, top_candidate);
    InitializeNode(top_candidate);
  } else {
    // A parent shared by three of the near-best candidates is the article.
    std::vector<std::vector<const xmlNode*>> alternatives;
    for (std::size_t i = 1; i < top.size(); ++i) {
      if (scores_[top[i]] / scores_[top_candidate] >= 0.75) {
        std::vector<const xmlNode*> ancestors;
        for (const xmlNode* a = top[i]->parent; a; a = a->parent) ancestors.push_back(a);
        alternatives.push_back(std::move(ancestors));
      }
    }
    constexpr int kMinimumTopCandidates = 3;
    if (alternatives.size() >= kMinimumTopCandidates) {
      for (xmlNode* parent = top_candidate->parent; !is_top_of_page(parent);
           parent = parent->parent) {
        int lists = 0;
        for (const auto& ancestors : alternatives) {
          lists += std::find(ancestors.begin(), ancestors.end(), parent) != ancestors.end();
        }
        if (lists >= kMinimumTopCandidates) {
          top_candidate = parent;
          break;
        }
      }
    }
    if (!scores_.count(top_candidate)) InitializeNode(top_candidate);

    // A parent whose score goes up holds more of the article.
    double last_score = scores_[top_candidate];
    const double threshold = last_score / 3;
    for (xmlNode* parent = top_candidate->parent; !is_top_of_page(parent);
         parent = parent->parent) {
      auto found = scores_.find(parent);
      if (found == scores_.end()) continue;
      if (found->second < threshold) break;
      if (found->second > last_score) {
        top_candidate = parent;
        break;
      }
      last_score = found->second;
    }
    // An only child: its parent's siblings may be the rest of the article.
    for (xmlNode* parent = top_candidate->parent;
         !is_top_of_page(parent) && ElementChildCount(parent) == 1; parent = parent->parent) {
      top_candidate = parent;
    }
    if (!scores_.count(top_candidate)) InitializeNode(top_candidate);
  }
  return top_candidate;
}

// The candidate and the siblings that look like more of it, moved into a
// new element: the article.
xmlNode* Extraction::JoinSiblings(xmlNode* top_candidate) {
  article_.reset(NewElement("div"));
  const double top_score = scores_[top_candidate];
  const double sibling_threshold = std::max(10.0, top_score * 0.2);
  const std::string_view top_class = Attr(top_candidate, "class");
  std::vector<xmlNode*> siblings;
  for (xmlNode* s = FirstElementChild(top_candidate->parent); s; s = NextElementSibling(s)) {
    siblings.push_back(s);
  }
  if (siblings.empty()) siblings.push_back(top_candidate);
  for (xmlNode* sibling : siblings) {
    bool append = sibling == top_candidate;
    if (!append) {
      double bonus = 0;
      if (!top_class.empty() && Attr(sibling, "class") == top_class) bonus += top_score * 0.2;
      auto found = scores_.find(sibling);
      if (found != scores_.end() && found->second + bonus >= sibling_threshold) {
        append = true;
      } else if (HasTag(sibling, "p")) {
        const double density = LinkDensity(sibling);
        const std::string content = InnerText(sibling);
        const std::size_t length = CodePoints(content);
        if (length > 80 && density < 0.25) {
          append = true;
        } else if (length < 80 && length > 0 && density == 0) {
          const std::size_t dot = content.find('.');
          append = dot != std::string::npos &&
                   (content.find(". ") != std::string::npos || content.back() == '.');
        }
      }
    }
    if (!append) continue;
    if (!Contains(kAlterToDivExceptions, Tag(sibling))) {
      xmlNodeSetName(sibling, reinterpret_cast<const xmlChar*>("div"));
    }
    xmlUnlinkNode(sibling);
    xmlAddChild(article_.get(), sibling);
  }
  return article_.get();
}

}  // namespace stet::html
