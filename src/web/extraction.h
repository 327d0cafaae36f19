// One pass of Readability.js's algorithm over a parsed page: the state its
// phases share, and the phases, each in its own file:
//
//   GrabArticle (extract.cpp), in order:
//   1. Prune (extraction_prune.cpp): walk the page, remove what is hidden,
//      unlikely or boilerplate by class, id, role and tag, take the byline,
//      turn divs of phrasing content into paragraphs. Gives the elements
//      to score.
//   2. ScoreCandidates (extraction_score.cpp): score those paragraphs by
//      commas and length, give the scores to their ancestors, weigh by link
//      density. Gives the best few candidates, best first.
//      ChooseTopCandidate: the candidate that holds the article (a parent
//      shared by near-best ones, a parent whose score goes up).
//      JoinSiblings: the candidate and the siblings that look like more of
//      it, moved into a new element: the article.
//   3. PrepArticle (extraction_clean.cpp): clean tables, lists, forms, share
//      bars and divs that look like boilerplate out of the article.
//   Then ArticleText (article_text.h) writes its text.
//
// Scores live in the pass (a map from element to score), so a removed node
// is kept until the pass ends: no score is ever looked up for a freed
// node's address reused by a new one.
#ifndef STET_SRC_WEB_EXTRACTION_H_
#define STET_SRC_WEB_EXTRACTION_H_

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/ascii.h"
#include "web/html_document.h"
#include "web/text_length.h"

namespace stet::html {

// The rules a pass applies; a relaxed pass leaves some out.
constexpr int kStripUnlikely = 1;
constexpr int kWeightClasses = 2;
constexpr int kCleanConditionally = 4;
constexpr std::size_t kCharThreshold = 500;  // Readability.js's DEFAULT_CHAR_THRESHOLD

// Readability.js's regular expressions are literal alternatives matched
// case-insensitively: here, substring lists over lower-cased class and id.
template <typename Words>
bool ContainsAny(std::string_view text, const Words& words) {
  for (std::string_view word : words) {
    if (text.find(word) != std::string_view::npos) return true;
  }
  return false;
}

// Tags that make a div a block rather than a paragraph (Readability.js's
// DIV_TO_P_ELEMS).
constexpr std::array<std::string_view, 9> kDivToParagraph = {
    "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"};

class Extraction {
 public:
  // `flags`: the rules to apply (kStripUnlikely, ...). `title` is the page's
  // title (a heading repeating it is removed). `byline` is set from the
  // page when the metadata had none.
  Extraction(xmlDoc* doc, int flags, std::string_view title, std::string* byline)
      : doc_(doc), flags_(flags), title_(title), byline_(byline) {}

  Extraction(const Extraction&) = delete;
  Extraction& operator=(const Extraction&) = delete;

  // Finds the article; null when the document has no body at all. The
  // article lives as long as this pass.
  xmlNode* GrabArticle();

  // The share of `node`'s text inside links (those to the page itself
  // count 0.3).
  static double LinkDensity(const xmlNode* node);

 private:
  bool Active(int flag) const { return (flags_ & flag) != 0; }

  // Phase 1 (extraction_prune.cpp).
  void ReplaceBrs(xmlNode* body);
  std::vector<xmlNode*> Prune(xmlNode* root);
  bool IsProbablyVisible(const xmlNode* node) const;
  bool IsValidByline(const xmlNode* node, std::string_view match) const;
  bool IsBoilerplate(xmlNode* node, std::string_view match) const;
  // Sets the byline from `node`, a byline element.
  void TakeByline(xmlNode* node);
  // Before boilerplate goes: the byline, when the metadata gave none and
  // `node` holds one (a footer or an aside naming the author).
  void TakeBylineFrom(xmlNode* node);
  // Puts a div's runs of phrasing content into paragraphs; a div that then
  // wraps one paragraph becomes it. Returns the node the walk goes on
  // with, and adds what is to be scored to `to_score`.
  xmlNode* ParagraphsOfDiv(xmlNode* div, std::vector<xmlNode*>& to_score);
  static bool IsPhrasing(const xmlNode* node);
  static bool IsWhitespace(const xmlNode* node);
  static bool HasChildBlockElement(const xmlNode* node);
  static bool HasSingleTagInside(const xmlNode* node, std::string_view tag);
  static bool IsWithoutContent(const xmlNode* node);

  // Phase 2 (extraction_score.cpp).
  std::vector<xmlNode*> ScoreCandidates(const std::vector<xmlNode*>& to_score);
  xmlNode* ChooseTopCandidate(const std::vector<xmlNode*>& top, xmlNode* body);
  xmlNode* JoinSiblings(xmlNode* top_candidate);
  int ClassWeight(const xmlNode* node) const;
  void InitializeNode(xmlNode* node);

  // Phase 3 (extraction_clean.cpp).
  void PrepArticle(xmlNode* article);
  void MarkDataTables(xmlNode* article);
  void CleanConditionally(xmlNode* article, std::string_view tag);
  bool ShouldCleanConditionally(xmlNode* node, std::string_view tag);
  void Clean(xmlNode* article, std::string_view tag);

  // Shared by the phases (extract.cpp).
  static bool HasAncestorTag(const xmlNode* node, std::string_view tag, int max_depth,
                             const std::unordered_set<const xmlNode*>* data_tables = nullptr);
  static std::vector<xmlNode*> ElementsWithTag(xmlNode* root, std::string_view tag);

  // Unlinks `node`; it is freed with this pass.
  void Remove(xmlNode* node) {
    if (!removed_set_.insert(node).second) return;  // removed already
    // Only the lengths of the node's ancestors change; a node already
    // replaced (no parent) no longer says where it was, so all are forgotten.
    if (node->parent == nullptr) ForgetAllLengths();
    ForgetLengthsAbove(node);
    xmlUnlinkNode(node);
    removed_.emplace_back(node);
  }
  xmlNode* RemoveAndGetNext(xmlNode* node) {
    xmlNode* next = NextElement(node, true);
    Remove(node);
    return next;
  }
  // Readability.js's _getNextNode: depth-first over elements.
  static xmlNode* NextElement(xmlNode* node, bool skip_children = false) {
    if (!skip_children) {
      if (xmlNode* child = FirstElementChild(node)) return child;
    }
    for (; node; node = node->parent) {
      if (xmlNode* next = NextElementSibling(node)) return next;
    }
    return nullptr;
  }
  xmlNode* NewElement(const char* tag) {
    return xmlNewDocNode(doc_, nullptr, reinterpret_cast<const xmlChar*>(tag), nullptr);
  }
  // Class and id, lower case, as the rules match them.
  static std::string MatchString(const xmlNode* node) {
    std::string match(Attr(node, "class"));
    match += ' ';
    match += Attr(node, "id");
    return AsciiLower(match);
  }

  xmlDoc* doc_;
  int flags_;
  std::string_view title_;
  std::string* byline_;  // found in the page when the metadata had none
  std::unordered_map<const xmlNode*, double> scores_;
  std::unordered_set<const xmlNode*> data_tables_;
  std::vector<NodePtr> removed_;
  std::unordered_set<const xmlNode*> removed_set_;
  NodePtr article_;
};

}  // namespace stet::html

#endif  // STET_SRC_WEB_EXTRACTION_H_
