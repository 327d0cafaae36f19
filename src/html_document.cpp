#include "html_document.h"

#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <optional>
#include <vector>

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

char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool StartsWithNoCase(std::string_view s, std::size_t at, std::string_view prefix) {
  if (s.size() - at < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[at + i]) != prefix[i]) return false;
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
bool IsAsciiLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsNameChar(char c) {
  return IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '_';
}

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
    for (char n : name) *out += Lower(n);
    if (value_end > value_start) {
      *out += '=';
      if (quoted) {
        out->append(input, value_start, value_end - value_start);
      } else {
        *out += '"';
        for (std::size_t v = value_start; v < value_end; ++v) {
          *out += input[v] == '"' ? '\'' : input[v];
        }
        *out += '"';
      }
    }
  }
  return size;
}

void NoError(void*, xmlError*) {}
void NoGenericError(void*, const char*, ...) {}

// libxml2 reports some errors through the calling thread's handlers (its
// globals are thread-local), not the parser context's: install no-op ones
// for the parse and put the caller's back after.
class SilenceLibxml {
 public:
  SilenceLibxml()
      : structured_(xmlStructuredError),
        structured_context_(xmlStructuredErrorContext),
        generic_(xmlGenericError),
        generic_context_(xmlGenericErrorContext) {
    xmlSetStructuredErrorFunc(nullptr, NoError);
    xmlSetGenericErrorFunc(nullptr, NoGenericError);
  }
  ~SilenceLibxml() {
    xmlSetStructuredErrorFunc(structured_context_, structured_);
    xmlSetGenericErrorFunc(generic_context_, generic_);
  }
  SilenceLibxml(const SilenceLibxml&) = delete;
  SilenceLibxml& operator=(const SilenceLibxml&) = delete;

 private:
  xmlStructuredErrorFunc structured_;
  void* structured_context_;
  xmlGenericErrorFunc generic_;
  void* generic_context_;
};

struct ParserContextFree {
  void operator()(htmlParserCtxt* context) const { htmlFreeParserCtxt(context); }
};

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
      out.append(input, i, run - i);
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
      out.append(input, i, end - i);
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
      for (char n : name) closing += Lower(n);
      const std::size_t close = FindNoCase(input, open_end, closing);
      const std::size_t content_end = close == std::string_view::npos ? size : close;
      if (EqualsNoCase(name, "script")) {
        // JSON-LD holds the metadata: kept as it is.
        std::string open(input.substr(i, open_end - i));
        for (char& o : open) o = Lower(o);
        if (open.find("ld+json") != std::string::npos) {
          out += "<script type=\"application/ld+json\">";
          out.append(input, open_end, content_end - open_end);
          i = content_end;
          continue;
        }
      }
      i = close == std::string_view::npos ? size : TagEnd(input, close);
      continue;
    }
    i = ReadStartTag(input, i, name_end, &out);
  }
  return out;
}

namespace {

// libxml2, not gumbo: 3-4x faster here, and maintained (html_document.h).
// The input is UTF-8 already (repaired by StripUnread): a <meta charset>
// must not make libxml2 decode it again. (HTML_PARSE_NOBLANKS would replace
// the Recorder's white space handler when the parse applies the options.)
constexpr int kParseOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                              HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;

using ParserContextPtr = std::unique_ptr<htmlParserCtxt, ParserContextFree>;

ParserContextPtr NewParserContext() {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  ParserContextPtr context(htmlNewParserCtxt());
  if (context) htmlCtxtUseOptions(context.get(), kParseOptions);
  return context;
}

// The tree builder's calls the HTML parser makes (HTMLparser.c never calls
// the others).
enum class Call : char {
  kStartDocument,
  kEndDocument,
  kInternalSubset,
  kStartElement,
  kEndElement,
  kCharacters,
  kIgnorableWhitespace,
  kCdataBlock,
  kComment,
  kProcessingInstruction,
};

// Reads back what Recorder wrote: strings are kept with their terminating
// NUL so that the replay hands libxml2 pointers into the recording itself.
class CallReader {
 public:
  explicit CallReader(std::string_view calls) : calls_(calls) {}
  bool Done() const { return at_ >= calls_.size(); }
  Call Next() { return static_cast<Call>(calls_[at_++]); }
  std::uint32_t Number() {
    std::uint32_t n = 0;
    std::memcpy(&n, calls_.data() + at_, sizeof n);
    at_ += sizeof n;
    return n;
  }
  // Null where the parser passed null.
  const xmlChar* String(int* length = nullptr) {
    if (calls_[at_++] == 0) {
      if (length) *length = 0;
      return nullptr;
    }
    const std::uint32_t size = Number();
    const auto* text = reinterpret_cast<const xmlChar*>(calls_.data() + at_);
    at_ += size + 1;
    if (length) *length = static_cast<int>(size);
    return text;
  }

 private:
  std::string_view calls_;
  std::size_t at_ = 0;
};

}  // namespace

// Stands between libxml2's HTML parser and its tree builder for one parse:
// each call is written down, then passed on unchanged.
class Recorder {
 public:
  // `page_size`: the parsed text's, which the recording is about.
  Recorder(htmlParserCtxt* context, std::size_t page_size, ParseRecording* recording)
      : context_(context), out_(recording->calls_), builder_(*context->sax) {
    out_.clear();
    out_.reserve(page_size + page_size / 2);
    context->_private = this;
    // Only where libxml2 has a builder: the parser takes another way when
    // one is missing (characters for a CDATA block).
    xmlSAXHandler* sax = context->sax;
    auto wrap = [](auto& handler, auto recording_handler) {
      if (handler) handler = recording_handler;
    };
    wrap(sax->startDocument, StartDocument);
    wrap(sax->endDocument, EndDocument);
    wrap(sax->internalSubset, InternalSubset);
    wrap(sax->startElement, StartElement);
    wrap(sax->endElement, EndElement);
    wrap(sax->characters, Text<Call::kCharacters, &xmlSAXHandler::characters>);
    wrap(sax->ignorableWhitespace,
         Text<Call::kIgnorableWhitespace, &xmlSAXHandler::ignorableWhitespace>);
    wrap(sax->cdataBlock, Text<Call::kCdataBlock, &xmlSAXHandler::cdataBlock>);
    wrap(sax->comment, Comment);
    wrap(sax->processingInstruction, ProcessingInstruction);
  }
  ~Recorder() {
    *context_->sax = builder_;
    context_->_private = nullptr;
  }
  Recorder(const Recorder&) = delete;
  Recorder& operator=(const Recorder&) = delete;

  // Builds the tree again from `calls` with a fresh parser context's builder,
  // stopping where the parser would have (libxml2 stops delivering calls
  // once the builder gives up, e.g. on nesting too deep).
  static DocPtr Replay(std::string_view calls) {
    ParserContextPtr context = NewParserContext();
    if (!context) return nullptr;
    xmlParserCtxt* ctx = context.get();
    const xmlSAXHandler& sax = *ctx->sax;
    CallReader in(calls);
    std::vector<const xmlChar*> attributes;
    while (!in.Done() && !ctx->disableSAX) {
      int length = 0;
      const Call call = in.Next();
      switch (call) {
        case Call::kStartDocument:
          sax.startDocument(ctx);
          break;
        case Call::kEndDocument:
          sax.endDocument(ctx);
          break;
        case Call::kInternalSubset: {
          const xmlChar* name = in.String();
          const xmlChar* external_id = in.String();
          const xmlChar* system_id = in.String();
          sax.internalSubset(ctx, name, external_id, system_id);
          break;
        }
        case Call::kStartElement: {
          const xmlChar* name = in.String();
          attributes.clear();
          for (std::uint32_t n = in.Number(); n > 0; --n) {
            attributes.push_back(in.String());  // the name
            attributes.push_back(in.String());  // the value, null for `<p hidden>`
          }
          // Ended as the parser ends it: libxml2 reads a pair past the last.
          attributes.insert(attributes.end(), {nullptr, nullptr});
          sax.startElement(ctx, name, attributes.size() > 2 ? attributes.data() : nullptr);
          break;
        }
        case Call::kEndElement:
          sax.endElement(ctx, in.String());
          break;
        case Call::kCharacters:
        case Call::kIgnorableWhitespace:
        case Call::kCdataBlock: {
          const charactersSAXFunc builder = call == Call::kCharacters   ? sax.characters
                                            : call == Call::kCdataBlock ? sax.cdataBlock
                                                                        : sax.ignorableWhitespace;
          const xmlChar* text = in.String(&length);
          builder(ctx, text, length);
          break;
        }
        case Call::kComment:
          sax.comment(ctx, in.String());
          break;
        case Call::kProcessingInstruction: {
          const xmlChar* target = in.String();
          const xmlChar* data = in.String();
          sax.processingInstruction(ctx, target, data);
          break;
        }
      }
    }
    // What the parse does besides the calls: the document's encoding (the
    // builder takes it from the parsed input, which a replay has none of)
    // and, after the last call, a default DTD.
    xmlDoc* doc = ctx->myDoc;
    ctx->myDoc = nullptr;
    if (doc && !doc->encoding) doc->encoding = xmlStrdup(reinterpret_cast<const xmlChar*>("UTF-8"));
    if (doc && !xmlGetIntSubset(doc)) {
      doc->intSubset = xmlCreateIntSubset(
          doc, reinterpret_cast<const xmlChar*>("html"),
          reinterpret_cast<const xmlChar*>("-//W3C//DTD HTML 4.0 Transitional//EN"),
          reinterpret_cast<const xmlChar*>("http://www.w3.org/TR/REC-html40/loose.dtd"));
    }
    return DocPtr(doc);
  }

 private:
  static Recorder& Of(void* ctx) {
    return *static_cast<Recorder*>(static_cast<xmlParserCtxt*>(ctx)->_private);
  }
  // The recording is about the page's size: reserved up front, written a
  // run at a time (it costs every parse, so it must stay a few percent).
  void Put(Call call) { out_.push_back(static_cast<char>(call)); }
  void PutNumber(std::uint32_t n) { out_.append(reinterpret_cast<const char*>(&n), sizeof n); }
  void PutString(const xmlChar* text) {
    PutString(text, text ? std::strlen(reinterpret_cast<const char*>(text)) : 0);
  }
  void PutString(const xmlChar* text, std::size_t size) {
    if (!text) {
      out_.push_back('\0');
      return;
    }
    char head[1 + sizeof(std::uint32_t)] = {1};
    const auto n = static_cast<std::uint32_t>(size);
    std::memcpy(head + 1, &n, sizeof n);
    out_.append(head, sizeof head);
    out_.append(reinterpret_cast<const char*>(text), size);
    out_.push_back('\0');  // so that the replay can pass it on as it is
  }

  static void StartDocument(void* ctx) {
    Recorder& r = Of(ctx);
    r.Put(Call::kStartDocument);
    r.builder_.startDocument(ctx);
  }
  static void EndDocument(void* ctx) {
    Recorder& r = Of(ctx);
    r.Put(Call::kEndDocument);
    r.builder_.endDocument(ctx);
  }
  static void InternalSubset(void* ctx, const xmlChar* name, const xmlChar* external_id,
                             const xmlChar* system_id) {
    Recorder& r = Of(ctx);
    r.Put(Call::kInternalSubset);
    r.PutString(name);
    r.PutString(external_id);
    r.PutString(system_id);
    r.builder_.internalSubset(ctx, name, external_id, system_id);
  }
  static void StartElement(void* ctx, const xmlChar* name, const xmlChar** attributes) {
    Recorder& r = Of(ctx);
    r.Put(Call::kStartElement);
    r.PutString(name);
    // Name and value pairs up to a null name; a value may be null.
    std::uint32_t pairs = 0;
    if (attributes) {
      while (attributes[2 * pairs]) ++pairs;
    }
    r.PutNumber(pairs);
    for (std::uint32_t i = 0; i < 2 * pairs; ++i) r.PutString(attributes[i]);
    r.builder_.startElement(ctx, name, attributes);
  }
  static void EndElement(void* ctx, const xmlChar* name) {
    Recorder& r = Of(ctx);
    r.Put(Call::kEndElement);
    r.PutString(name);
    r.builder_.endElement(ctx, name);
  }
  // Characters, ignorable white space and CDATA blocks: text and length.
  template <Call kCall, charactersSAXFunc xmlSAXHandler::*kBuilder>
  static void Text(void* ctx, const xmlChar* text, int length) {
    Recorder& r = Of(ctx);
    r.Put(kCall);
    r.PutString(text, static_cast<std::size_t>(length));
    (r.builder_.*kBuilder)(ctx, text, length);
  }
  static void Comment(void* ctx, const xmlChar* text) {
    Recorder& r = Of(ctx);
    r.Put(Call::kComment);
    r.PutString(text);
    r.builder_.comment(ctx, text);
  }
  static void ProcessingInstruction(void* ctx, const xmlChar* target, const xmlChar* data) {
    Recorder& r = Of(ctx);
    r.Put(Call::kProcessingInstruction);
    r.PutString(target);
    r.PutString(data);
    r.builder_.processingInstruction(ctx, target, data);
  }

  htmlParserCtxt* context_;
  std::string& out_;
  const xmlSAXHandler builder_;  // libxml2's own tree builder
};

DocPtr ParseRecording::Replay() const {
  if (calls_.empty()) return nullptr;
  SilenceLibxml silence;
  return Recorder::Replay(calls_);
}

DocPtr Parse(std::string_view html, ParseRecording* recording) {
  if (recording) *recording = ParseRecording();  // even when the parse cannot start
  SilenceLibxml silence;
  ParserContextPtr context = NewParserContext();
  if (!context) return nullptr;
  const int size =
      html.size() > static_cast<std::size_t>(INT_MAX) ? INT_MAX : static_cast<int>(html.size());
  std::optional<Recorder> recorder;
  if (recording) recorder.emplace(context.get(), html.size(), recording);
  return DocPtr(
      htmlCtxtReadMemory(context.get(), html.data(), size, nullptr, "UTF-8", kParseOptions));
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
