// The text of an extracted article, as stet stores and compares it:
// paragraphs separated by one blank line, white space runs made one space,
// and the lines that are boilerplate or change between fetches ("Updated 5
// minutes ago", view counters) left out (web/boilerplate.h).
#ifndef STET_SRC_WEB_ARTICLE_TEXT_H_
#define STET_SRC_WEB_ARTICLE_TEXT_H_

#include <string>
#include <string_view>

#include "web/html_document.h"

namespace stet::html {

// The text under `article`: each block element (p, div, li, h1, td, ...)
// starts and ends a paragraph, <br> a line. Walks with no recursion, so a
// deep page cannot overflow the call stack.
std::string ArticleText(xmlNode* article);

// JSON-LD's articleBody as paragraphs: its line breaks separate them.
std::string ArticleBodyText(std::string_view body);

}  // namespace stet::html

#endif  // STET_SRC_WEB_ARTICLE_TEXT_H_
