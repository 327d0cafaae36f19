// The text of an article as stet stores it: paragraphs separated by one
// blank line, white space collapsed, boilerplate and volatile lines left out.
#include "web/article_text.h"

#include <array>
#include <string>
#include <string_view>

#include "base/word_list.h"
#include "web/boilerplate.h"

namespace stet::html {
namespace {

// Elements that start and end a paragraph of the text.
bool IsBlock(std::string_view tag) {
  static constexpr std::array<std::string_view, 40> kBlocks = {
      "p",        "div",        "section", "article", "main",   "h1",      "h2",      "h3",
      "h4",       "h5",         "h6",      "li",      "ul",     "ol",      "dl",      "dt",
      "dd",       "blockquote", "pre",     "table",   "tr",     "td",      "th",      "figure",
      "header",   "footer",     "address", "hr",      "center", "details", "summary", "form",
      "fieldset", "caption",    "tbody",   "thead",   "tfoot",  "aside",   "nav",     "body"};
  return Contains(kBlocks, tag);
}

class TextWriter {
 public:
  void Text(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
      if (const std::size_t n = SpaceLength(s, i)) {
        space_ = !line_.empty() && line_.back() != '\n';
        i += n;
        continue;
      }
      if (space_) line_ += ' ';
      space_ = false;
      line_ += s[i++];
    }
  }
  void LineBreak() {
    space_ = false;
    if (!line_.empty() && line_.back() != '\n') line_ += '\n';
  }
  void EndParagraph() {
    space_ = false;
    while (!line_.empty() && (line_.back() == '\n' || line_.back() == ' ')) line_.pop_back();
    if (!line_.empty() && !IsVolatileLine(line_) && !IsBoilerplateLine(line_)) {
      if (!out_.empty()) out_ += "\n\n";
      out_ += line_;
    }
    line_.clear();
  }
  std::string Finish() {
    EndParagraph();
    return std::move(out_);
  }

 private:
  std::string out_, line_;
  bool space_ = false;
};

}  // namespace

std::string ArticleText(xmlNode* article) {
  TextWriter writer;
  // An explicit stack of the blocks entered, so deep pages cannot overflow
  // the call stack.
  xmlNode* at = article->children;
  while (at) {
    if (IsText(at) && at->content) {
      writer.Text(reinterpret_cast<const char*>(at->content));
    } else if (HasTag(at, "br")) {
      writer.LineBreak();
    } else if (IsElement(at) && IsBlock(Tag(at))) {
      writer.EndParagraph();
    }
    xmlNode* next = IsElement(at) ? at->children : nullptr;
    if (!next) {
      // Leaving `at` and the ancestors it is the last child of.
      for (xmlNode* up = at; up && up != article; up = up->parent) {
        if (IsElement(up) && IsBlock(Tag(up))) writer.EndParagraph();
        if (up->next) {
          next = up->next;
          break;
        }
      }
    }
    at = next;
  }
  return writer.Finish();
}

std::string ArticleBodyText(std::string_view body) {
  TextWriter writer;
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    writer.Text(body.substr(start, end - start));
    writer.EndParagraph();
    start = end + 1;
  }
  return writer.Finish();
}

}  // namespace stet::html
