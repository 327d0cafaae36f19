// The pre-pass before parsing and the node helpers; the parse and its
// recording are in html_parse.cpp.
#include "web/html_document.h"

#include "web/char_refs.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <unordered_map>
#include <vector>

#include "base/ascii.h"

namespace stet::html {
namespace {

bool IsContinuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

// The length of the valid UTF-8 sequence at `at`, 0 when it is not one (or
// is a NUL, which libxml2 would take as the end of the text).
std::size_t Utf8Length(std::string_view s, std::size_t at) {
  const auto c = static_cast<unsigned char>(s[at]);
  if (c == 0) return 0;
  if (c < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // the second byte's range
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3;
    if (c == 0xE0) low = 0xA0;
    if (c == 0xED) high = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4;
    if (c == 0xF0) low = 0x90;
    if (c == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (at + length > s.size()) return 0;
  const auto second = static_cast<unsigned char>(s[at + 1]);
  if (second < low || second > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (!IsContinuation(static_cast<unsigned char>(s[at + i]))) return 0;
  }
  return length;
}

std::string ValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t length = Utf8Length(s, i);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s, i, length);
      i += length;
    }
  }
  return out;
}

// Eight bytes at a time while they are ASCII without NUL (most of a page's
// bytes): this check reads the whole page before anything else does.
bool IsPlainAscii(const char* bytes) {
  std::uint64_t word = 0;
  std::memcpy(&word, bytes, sizeof word);
  constexpr std::uint64_t kLow = 0x0101010101010101, kHigh = 0x8080808080808080;
  const bool has_zero = ((word - kLow) & ~word & kHigh) != 0;
  return (word & kHigh) == 0 && !has_zero;
}

bool IsValidUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (i + 8 <= s.size() && IsPlainAscii(s.data() + i)) {
      i += 8;
      continue;
    }
    if (static_cast<unsigned char>(s[i]) >= 0x80 || s[i] == 0) {
      const std::size_t length = Utf8Length(s, i);
      if (length == 0) return false;
      i += length;
    } else {
      ++i;
    }
  }
  return true;
}

bool StartsWithNoCase(std::string_view s, std::size_t at, std::string_view prefix) {
  if (s.size() - at < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (AsciiLowerChar(s[at + i]) != prefix[i]) return false;
  }
  return true;
}

bool EqualsNoCase(std::string_view s, std::string_view lower) {
  return s.size() == lower.size() && StartsWithNoCase(s, 0, lower);
}

template <typename Names>
bool IsOneOfNoCase(std::string_view s, const Names& lower_names) {
  for (std::string_view name : lower_names) {
    if (EqualsNoCase(s, name)) return true;
  }
  return false;
}

std::size_t FindNoCase(std::string_view s, std::size_t from, std::string_view needle) {
  for (std::size_t at = s.find('<', from); at != std::string_view::npos; at = s.find('<', at + 1)) {
    if (StartsWithNoCase(s, at, needle)) return at;
  }
  return std::string_view::npos;
}

// The end of the end tag, comment-like or doctype tag at `at` (one past its
// '>'); s.size() when it never closes.
std::size_t TagEnd(std::string_view s, std::size_t at) {
  const std::size_t end = s.find('>', at);
  return end == std::string_view::npos ? s.size() : end + 1;
}

// The elements whose content the extractor never reads.
constexpr std::string_view kUnread[] = {"script", "style", "svg", "noscript", "template"};

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}
bool IsNameChar(char c) {
  return IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '_';
}

// Start tags that close an open paragraph (the HTML standard's "close a p
// element" in its "in body" rules), sorted.
constexpr std::string_view kClosesParagraph[] = {
    "address", "article", "aside",   "blockquote", "center", "dd",        "details",
    "dialog",  "dir",     "div",     "dl",         "dt",     "fieldset",  "figcaption",
    "figure",  "footer",  "form",    "h1",         "h2",     "h3",        "h4",
    "h5",      "h6",      "header",  "hgroup",     "hr",     "li",        "listing",
    "main",    "menu",    "nav",     "ol",         "p",      "plaintext", "pre",
    "search",  "section", "summary", "table",      "ul",     "xmp"};

bool ClosesParagraph(std::string_view name) {
  char lower[12];
  if (name.size() > sizeof lower) return false;
  for (std::size_t i = 0; i < name.size(); ++i) lower[i] = AsciiLowerChar(name[i]);
  return std::binary_search(std::begin(kClosesParagraph), std::end(kClosesParagraph),
                            std::string_view(lower, name.size()));
}

// The elements libxml2's parser holds open, as far as the pre-pass can
// tell, so that it can keep from the parser what would only cost time:
// libxml2 (with XML_PARSE_HUGE, no depth limit) scans its whole stack of
// open elements for every end tag it cannot match and for every one a
// higher-priority element blocks, so a page of deep nesting and stray end
// tags took quadratic time (80,000 levels: 10 s). End tags that would close
// nothing are dropped, and start tags past kMaxOpen levels (twice the depth
// the tree is built to) are dropped too, their text kept: the parser's
// stack stays bounded and every end tag it sees closes something.
class OpenElements {
 public:
  // Whether the start tag goes to the parser.
  bool Start(std::string_view tag, bool self_closing) {
    const std::string name = AsciiLower(tag);
    if (self_closing || IsVoid(name)) return true;
    const bool kept = stack_.size() < kMaxOpen;
    ++count_[name];
    stack_.push_back({name, !kept});
    return kept;
  }
  // Whether the end tag goes to the parser: it closes an element the
  // parser holds, one no element of higher end priority stands above
  // (libxml2's htmlAutoCloseOnClose), and that it was given.
  bool End(std::string_view tag) {
    const std::string name = AsciiLower(tag);
    auto open = count_.find(name);
    if (open == count_.end() || open->second == 0) return false;
    const int priority = EndPriority(name);
    std::size_t at = stack_.size();
    while (at > 0 && stack_[at - 1].name != name) {
      if (EndPriority(stack_[at - 1].name) > priority) return false;
      --at;
    }
    if (at == 0) return false;
    const bool given = !stack_[at - 1].dropped;
    while (stack_.size() >= at) {
      --count_[stack_.back().name];
      stack_.pop_back();
    }
    return given;
  }

 private:
  static constexpr std::size_t kMaxOpen = 2 * kMaxTreeDepth;
  struct Entry {
    std::string name;
    bool dropped;
  };
  static bool IsVoid(std::string_view name) {
    static constexpr std::string_view kVoid[] = {"area",  "base",   "br",    "col",  "embed",
                                                 "hr",    "img",    "input", "link", "meta",
                                                 "param", "source", "track", "wbr",  "keygen"};
    return std::find(std::begin(kVoid), std::end(kVoid), name) != std::end(kVoid);
  }
  // libxml2's htmlEndPriority: which open elements an end tag may close.
  static int EndPriority(std::string_view name) {
    if (name == "div") return 150;
    if (name == "td" || name == "th") return 160;
    if (name == "tr") return 170;
    if (name == "thead" || name == "tbody" || name == "tfoot") return 180;
    if (name == "table") return 190;
    if (name == "head" || name == "body") return 200;
    if (name == "html") return 220;
    return 100;
  }
  std::vector<Entry> stack_;
  std::unordered_map<std::string, int> count_;
};

// The attributes the extractor and the metadata reader look at; the rest
// (srcset, data-*, on*, inline event code...) only slow the parser down.
constexpr std::string_view kReadAttributes[] = {
    "class",    "id",       "style",   "hidden",  "aria-hidden", "aria-modal", "role",
    "rel",      "itemprop", "href",    "type",    "content",     "name",       "property",
    "datetime", "rowspan",  "colspan", "summary", "datatable",   "lang",       "dir"};

// Reads the start tag at `at` (its name ends at `name_end`) by the HTML
// tokenizer's attribute rules, so that a quote only opens a value after
// '=' (`<div "="">` is one tag). Appends it to `out`, when given, with only
// kReadAttributes, and returns the offset one past its '>' (the input's
// size when it never closes).
std::size_t ReadStartTag(std::string_view input, std::size_t at, std::size_t name_end,
                         std::string* out) {
  if (out) out->append(input, at, name_end - at);
  std::size_t i = name_end;
  const std::size_t size = input.size();
  bool self_closing = false;
  while (i < size) {
    const char c = input[i];
    if (IsAsciiSpace(c) || c == '/') {
      self_closing = c == '/';
      ++i;
      continue;
    }
    if (c == '>') {
      if (out) *out += self_closing ? "/>" : ">";
      return i + 1;
    }
    self_closing = false;
    const std::size_t name_start = i;
    while (i < size && !IsAsciiSpace(input[i]) && input[i] != '>' &&
           (i == name_start || (input[i] != '=' && input[i] != '/'))) {
      ++i;
    }
    const std::string_view name = input.substr(name_start, i - name_start);
    std::size_t j = i;
    while (j < size && IsAsciiSpace(input[j])) ++j;
    std::size_t value_start = j, value_end = j;
    bool quoted = false;
    if (j < size && input[j] == '=') {
      ++j;
      while (j < size && IsAsciiSpace(input[j])) ++j;
      value_start = j;
      if (j < size && (input[j] == '"' || input[j] == '\'')) {
        quoted = true;
        const std::size_t close = input.find(input[j], j + 1);
        if (close == std::string_view::npos) return size;
        value_end = close + 1;
      } else {
        while (j < size && !IsAsciiSpace(input[j]) && input[j] != '>') ++j;
        value_end = j;
      }
      i = value_end;
    }
    if (!out || !IsOneOfNoCase(name, kReadAttributes)) continue;
    *out += ' ';
    for (char n : name) *out += AsciiLowerChar(n);
    if (value_end > value_start) {
      *out += '=';
      if (quoted) {
        *out += input[value_start];
        AppendRepairingRefs(input, value_start + 1, value_end - 1, /*in_attribute=*/true, *out);
        *out += input[value_end - 1];
      } else {
        std::string value;
        AppendRepairingRefs(input, value_start, value_end, /*in_attribute=*/true, value);
        *out += '"';
        for (char v : value) *out += v == '"' ? '\'' : v;
        *out += '"';
      }
    }
  }
  return size;
}

}  // namespace

std::string StripUnread(std::string_view input) {
  std::string repaired;
  if (!IsValidUtf8(input)) {
    repaired = ValidUtf8(input);
    input = repaired;
  }
  std::string out;
  out.reserve(input.size());
  const std::size_t size = input.size();
  std::size_t i = 0;
  OpenElements open;
  while (i < size) {
    const char c = input[i];
    if (IsAsciiSpace(c)) {
      // White space runs count as one everywhere the extractor reads text.
      bool newline = false;
      for (; i < size && IsAsciiSpace(input[i]); ++i) {
        if (input[i] == '\n') newline = true;
      }
      out += newline ? '\n' : ' ';
      continue;
    }
    if (c != '<' || i + 1 >= size) {
      // Text: copied a run at a time, up to the next tag or white space.
      std::size_t run = i + 1;
      while (run < size && input[run] != '<' && !IsAsciiSpace(input[run])) ++run;
      AppendRepairingRefs(input, i, run, /*in_attribute=*/false, out);
      i = run;
      continue;
    }
    if (input.compare(i, 4, "<!--") == 0) {
      const std::size_t end = input.find("-->", i + 4);
      i = end == std::string_view::npos ? size : end + 3;
      continue;
    }
    const char next = input[i + 1];
    if (next == '/' || next == '!' || next == '?') {
      const std::size_t end = TagEnd(input, i);
      std::size_t name_end = i + 2;
      while (next == '/' && name_end < size && IsNameChar(input[name_end])) ++name_end;
      // An end tag that would close nothing in the parser is left out.
      if (next != '/' || name_end == i + 2 || open.End(input.substr(i + 2, name_end - i - 2))) {
        out.append(input, i, end - i);
      }
      i = end;
      continue;
    }
    if (!IsAsciiLetter(next)) {
      out += c;
      ++i;
      continue;
    }
    std::size_t name_end = i + 1;
    while (name_end < size && IsNameChar(input[name_end])) ++name_end;
    const std::string_view name = input.substr(i + 1, name_end - i - 1);
    if (IsOneOfNoCase(name, kUnread)) {
      const std::size_t open_end = ReadStartTag(input, i, name_end, nullptr);
      std::string closing = "</";
      for (char n : name) closing += AsciiLowerChar(n);
      const std::size_t close = FindNoCase(input, open_end, closing);
      const std::size_t content_end = close == std::string_view::npos ? size : close;
      if (EqualsNoCase(name, "script")) {
        // JSON-LD holds the metadata: kept as it is.
        std::string open_tag(input.substr(i, open_end - i));
        for (char& o : open_tag) o = AsciiLowerChar(o);
        if (open_tag.find("ld+json") != std::string::npos) {
          if (open.Start("script", false)) {
            out += "<script type=\"application/ld+json\">";
            out.append(input, open_end, content_end - open_end);
          }
          i = content_end;
          continue;
        }
      }
      i = close == std::string_view::npos ? size : TagEnd(input, close);
      continue;
    }
    // A paragraph ends where a browser ends it: libxml2 leaves it open
    // when an unclosed inline element is inside (<p><span>text<p>...), and
    // so nests every later paragraph one level deeper. An end tag it does
    // not need, libxml2 ignores.
    if (ClosesParagraph(name) && open.End("p")) out += "</p>";
    const std::size_t mark = out.size();
    i = ReadStartTag(input, i, name_end, &out);
    // Deeper than the parser is given: the tag goes, its text stays.
    if (!open.Start(name, std::string_view(out).substr(mark).ends_with("/>"))) out.resize(mark);
  }
  return out;
}

std::string_view Attr(const xmlNode* node, std::string_view name) {
  if (!IsElement(node)) return {};
  for (const xmlAttr* attr = node->properties; attr; attr = attr->next) {
    if (!attr->name || name != reinterpret_cast<const char*>(attr->name)) continue;
    const xmlNode* value = attr->children;
    if (value && value->type == XML_TEXT_NODE && value->content && !value->next) {
      return reinterpret_cast<const char*>(value->content);
    }
    return {};
  }
  return {};
}

bool HasAttr(const xmlNode* node, std::string_view name) {
  if (!IsElement(node)) return false;
  for (const xmlAttr* attr = node->properties; attr; attr = attr->next) {
    if (attr->name && name == reinterpret_cast<const char*>(attr->name)) return true;
  }
  return false;
}

xmlNode* NextInTree(xmlNode* node, const xmlNode* root, bool skip_children) {
  if (!skip_children && node->children && node->type != XML_ENTITY_REF_NODE) {
    return node->children;
  }
  while (node && node != root) {
    if (node->next) return node->next;
    node = node->parent;
  }
  return nullptr;
}

xmlNode* FirstElementChild(const xmlNode* node) {
  for (xmlNode* child = node ? node->children : nullptr; child; child = child->next) {
    if (IsElement(child)) return child;
  }
  return nullptr;
}

xmlNode* NextElementSibling(const xmlNode* node) {
  for (xmlNode* next = node ? node->next : nullptr; next; next = next->next) {
    if (IsElement(next)) return next;
  }
  return nullptr;
}

int ElementChildCount(const xmlNode* node) {
  int count = 0;
  for (const xmlNode* child = node ? node->children : nullptr; child; child = child->next) {
    if (IsElement(child)) ++count;
  }
  return count;
}

void AppendTextContent(const xmlNode* node, std::string& out) {
  if (!node) return;
  if (IsText(node)) {
    if (node->content) out += reinterpret_cast<const char*>(node->content);
    return;
  }
  if (!node->children || node->type == XML_ENTITY_REF_NODE) return;
  xmlNode* root = const_cast<xmlNode*>(node);
  for (xmlNode* at = root->children; at; at = NextInTree(at, root)) {
    if (IsText(at) && at->content) out += reinterpret_cast<const char*>(at->content);
  }
}

std::string TextContent(const xmlNode* node) {
  std::string out;
  AppendTextContent(node, out);
  return out;
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (std::size_t i = 0; i < text.size();) {
    if (const std::size_t n = SpaceLength(text, i)) {
      space = true;
      i += n;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    // The run up to the next space, copied at once.
    std::size_t end = i + 1;
    while (end < text.size() && SpaceLength(text, end) == 0) ++end;
    out.append(text, i, end - i);
    i = end;
  }
  return out;
}

xmlNode* FindFirst(xmlNode* root, std::string_view tag) {
  for (xmlNode* at = root; at; at = NextInTree(at, root)) {
    if (HasTag(at, tag)) return at;
  }
  return nullptr;
}

}  // namespace stet::html
