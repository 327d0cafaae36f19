// Parsing with libxml2's HTML parser, and recording the parse so that it can
// be replayed (html_document.h says why).
#include "web/html_document.h"

#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <climits>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <vector>

namespace stet::html {
namespace {

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

// libxml2, not gumbo: 3-4x faster here, and maintained (html_document.h).
// The input is UTF-8 already (repaired by StripUnread): a <meta charset>
// must not make libxml2 decode it again. (HTML_PARSE_NOBLANKS would replace
// the Recorder's white space handler when the parse applies the options.)
// XML_PARSE_HUGE (the HTML parser reads it too) lifts libxml2's limit of 256 nested elements, past
// which it stops parsing and the rest of the page is lost; the Recorder bounds the depth instead,
// keeping all of the text (kMaxTreeDepth).
constexpr int kParseOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                              HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC |
                              XML_PARSE_HUGE;

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
// each call is written down, then passed on unchanged, but for elements
// nested deeper than kMaxTreeDepth: those are not built, and what they hold
// goes to the deepest element that is, in order (as Chromium's parser puts
// them beside it). A browser shows all of such a page's text; the
// extractor's walks stay bounded by the depth.
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
    // The parser's calls nest: an end for every start, so the depth counts
    // the ends of the starts not passed on.
    if (++r.depth_ > kMaxTreeDepth) {
      // A script's or style's text is not the page's text: kept out with
      // the element rather than given to the element above.
      const std::string_view tag(reinterpret_cast<const char*>(name));
      if (r.hidden_from_ == 0 && (tag == "script" || tag == "style")) r.hidden_from_ = r.depth_;
      return;
    }
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
    if (r.hidden_from_ == r.depth_) r.hidden_from_ = 0;
    if (r.depth_-- > kMaxTreeDepth) return;
    r.Put(Call::kEndElement);
    r.PutString(name);
    r.builder_.endElement(ctx, name);
  }
  // Characters, ignorable white space and CDATA blocks: text and length.
  template <Call kCall, charactersSAXFunc xmlSAXHandler::*kBuilder>
  static void Text(void* ctx, const xmlChar* text, int length) {
    Recorder& r = Of(ctx);
    if (r.hidden_from_ != 0) return;
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
  std::size_t depth_ = 0;        // elements open in the parser
  std::size_t hidden_from_ = 0;  // depth of a script or style not built; 0: none
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
  // The Recorder also bounds the depth: every parse goes through it.
  ParseRecording unused;
  Recorder recorder(context.get(), html.size(), recording ? recording : &unused);
  return DocPtr(
      htmlCtxtReadMemory(context.get(), html.data(), size, nullptr, "UTF-8", kParseOptions));
}

}  // namespace stet::html
