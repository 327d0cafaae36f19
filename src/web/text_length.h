// Text lengths as Readability.js measures them (_getInnerText): text
// trimmed, white space runs counted as one, in code points. Every element
// remembers its length (text_length.cpp), so the extraction's many length
// checks cost one walk of the tree, not one per check.
#ifndef STET_SRC_WEB_TEXT_LENGTH_H_
#define STET_SRC_WEB_TEXT_LENGTH_H_

#include <cstddef>
#include <string>

#include "web/html_document.h"

namespace stet::html {

// The length of the text under `node` (an element or a text node).
std::size_t InnerTextLength(const xmlNode* node);

// The text under `node`, trimmed, white space runs made one space.
std::string InnerText(const xmlNode* node);

// Whether `node` holds any text that is not white space.
bool HasText(const xmlNode* node);

// The text under `node` collapsed, or false when it is longer than `limit`
// bytes (so that short-text checks stay cheap on large subtrees).
bool ShortText(const xmlNode* node, std::size_t limit, std::string& out);

// After `node` is moved or removed: its ancestors' remembered lengths are
// out of date. Call before unlinking it.
void ForgetLengthsAbove(xmlNode* node);

// Forgets every remembered length (after the article is assembled from
// moved nodes, or when a removed node no longer says where it was).
void ForgetAllLengths();

}  // namespace stet::html

#endif  // STET_SRC_WEB_TEXT_LENGTH_H_
