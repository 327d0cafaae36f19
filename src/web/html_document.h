// An HTML page parsed by libxml2 (src/web/html_parse.cpp), and the pre-pass
// and node helpers the extractor's phases share (src/web/html_document.cpp;
// src/web/page_metadata.cpp reads metadata, src/web/extract.cpp finds the body).
//
// libxml2 rather than gumbo: measured here, gumbo is 3-4x slower (16 ms
// against 4-5 ms for a 200 KB page) and unmaintained upstream, and
// trafilatura, the best scorer on the extraction benchmarks, parses with
// libxml2 too (through lxml).
#ifndef STET_SRC_WEB_HTML_DOCUMENT_H_
#define STET_SRC_WEB_HTML_DOCUMENT_H_

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

namespace stet::html {

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

// For nodes unlinked from their document: they still use its dictionary, so
// they must be freed before it.
struct NodeFree {
  void operator()(xmlNode* node) const { xmlFreeNode(node); }
};
using NodePtr = std::unique_ptr<xmlNode, NodeFree>;

// The page with what the extractor never reads taken out before parsing:
// comments; the contents of <script> (except JSON-LD), <style>, <svg>,
// <noscript>, <template>; attributes other than the few it reads (class, id,
// style, role, href, rel, itemprop, meta's name/property/content...); white
// space runs, made one space or newline. Parsing is most of the extractor's
// time and those are often more than half of a page's bytes. Bytes that are
// not UTF-8 become U+FFFD.
std::string StripUnread(std::string_view html);

// The calls libxml2's parser made to its tree builder while parsing a page,
// in order. Replaying them builds the same tree again for under a third of
// a parse's time (measured on the 200 KB benchmark pages; recording adds
// 5-7% to the parse): the extractor's relaxed passes each need the page as
// parsed, and the stricter pass before has changed it. Copying the parsed
// tree up front instead would cost every page, not only those retried.
class ParseRecording {
 public:
  // A new document, node for node the one the recorded parse returned
  // (but for the source line numbers, which nothing here reads); null when
  // there was none.
  DocPtr Replay() const;

 private:
  friend class Recorder;
  std::string calls_;
};

// The deepest an element of a parsed page is built: an element nested deeper
// is left out, its content kept in the element at this depth, in order, so
// no text is lost. Chromium's HTML parser stops nesting at the same depth
// (512); real pages stay far below it (the deepest of the 954 evaluation
// pages is noted in docs/quality.md), and the extractor's walks up and down
// the tree stay bounded.
constexpr std::size_t kMaxTreeDepth = 512;

// Parses `html` (UTF-8) with libxml2's forgiving HTML parser, elements at
// most kMaxTreeDepth deep. Never prints. Returns null only when libxml2
// gives no document at all. Thread-safe. With `recording`, also records the
// tree builder's calls into it.
DocPtr Parse(std::string_view html, ParseRecording* recording = nullptr);

inline bool IsElement(const xmlNode* node) {
  return node && node->type == XML_ELEMENT_NODE;
}
inline bool IsText(const xmlNode* node) {
  return node && (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE);
}

// The element's tag name, lower case (libxml2's HTML parser folds case);
// "" for other nodes.
inline std::string_view Tag(const xmlNode* node) {
  if (!IsElement(node) || !node->name) return {};
  return reinterpret_cast<const char*>(node->name);
}
inline bool HasTag(const xmlNode* node, std::string_view tag) {
  return Tag(node) == tag;
}

// The attribute's value as the parser stored it, "" when absent. The view
// lives as long as the attribute.
std::string_view Attr(const xmlNode* node, std::string_view name);
bool HasAttr(const xmlNode* node, std::string_view name);

// Pre-order walk over all nodes under `root`: the node after `node`, or null
// past the last. With `skip_children`, the walk does not enter `node`.
xmlNode* NextInTree(xmlNode* node, const xmlNode* root, bool skip_children = false);

// The element children and siblings, skipping text and comments.
xmlNode* FirstElementChild(const xmlNode* node);
xmlNode* NextElementSibling(const xmlNode* node);
int ElementChildCount(const xmlNode* node);

// All text under `node`, concatenated as the DOM's textContent.
void AppendTextContent(const xmlNode* node, std::string& out);
std::string TextContent(const xmlNode* node);

// Unicode white space as JavaScript's \s sees the common cases: ASCII white
// space and no-break space. Returns the byte length of the space at `at`,
// 0 when there is none. Inline: text-length loops call it for every byte.
inline std::size_t SpaceLength(std::string_view text, std::size_t at) {
  const char c = text[at];
  if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == '\xC2' && at + 1 < text.size() && text[at + 1] == '\xA0') return 2;
  return 0;
}

// `text` trimmed, with every run of white space made one space.
std::string CollapseSpaces(std::string_view text);

// The number of code points in UTF-8 `text` (the extractor's lengths, as
// JavaScript's would be for the text it measures, count characters).
inline std::size_t CodePoints(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The element with `tag` nearest to the root, in document order; null if none.
xmlNode* FindFirst(xmlNode* root, std::string_view tag);

}  // namespace stet::html

#endif  // STET_SRC_WEB_HTML_DOCUMENT_H_
