// Encoding detection follows the outline of the WHATWG encoding sniffing
// algorithm (BOM, transport layer, <meta> prescan, the parser's later
// <meta>, default) without its full prescan state machine: a page that
// declares its charset does so in a plain <meta> in its head, and ICU does
// the conversion itself.
#include "stet/charset.h"

#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <cstdint>

#include <memory>

#include "base/ascii.h"
#include "stet/text.h"

namespace stet {
namespace {

// Where the WHATWG prescan looks for a <meta> declaring the charset, and how
// far stet looks when it finds none there.
constexpr std::size_t kPrescanBytes = 1024;
constexpr std::size_t kLateMetaBytes = 64 * 1024;

struct ConverterClose {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterClose>;

std::string_view Trim(std::string_view text) {
  while (!text.empty() &&
         (IsAsciiSpace(text.front()) || text.front() == '"' || text.front() == '\'')) {
    text.remove_prefix(1);
  }
  while (!text.empty() &&
         (IsAsciiSpace(text.back()) || text.back() == '"' || text.back() == '\'')) {
    text.remove_suffix(1);
  }
  return text;
}

// The value after `charset=` in `text`, up to a quote, ';', '>' or space.
std::string CharsetAfterKey(std::string_view lower, std::string_view original) {
  const std::size_t key = lower.find("charset");
  if (key == std::string_view::npos) return {};
  std::size_t pos = key + 7;
  while (pos < lower.size() && IsAsciiSpace(lower[pos])) ++pos;
  if (pos >= lower.size() || lower[pos] != '=') return {};
  ++pos;
  while (pos < lower.size() &&
         (IsAsciiSpace(lower[pos]) || lower[pos] == '"' || lower[pos] == '\''))
    ++pos;
  std::size_t end = pos;
  while (end < lower.size() && lower[end] != '"' && lower[end] != '\'' && lower[end] != ';' &&
         lower[end] != '>' && lower[end] != '/' && !IsAsciiSpace(lower[end])) {
    ++end;
  }
  return std::string(original.substr(pos, end - pos));
}

// The ICU name for a label, with the WHATWG aliases browsers apply; "" when
// ICU does not know the label.
std::string ConverterName(std::string_view label_raw) {
  const std::string label = AsciiLower(Trim(label_raw));
  if (label.empty()) return {};
  // Browsers read these labels as windows-1252, and pages rely on it
  // (curly quotes in "ISO-8859-1" pages are really cp1252 bytes 0x91-0x94).
  if (label == "iso-8859-1" || label == "iso8859-1" || label == "latin1" || label == "l1" ||
      label == "us-ascii" || label == "ascii" || label == "cp1252" || label == "windows-1252") {
    return "windows-1252";
  }
  if (label == "utf8" || label == "utf-8" || label == "unicode-1-1-utf-8") return "UTF-8";
  if (label == "gb2312" || label == "x-gbk") return "GBK";
  UErrorCode error = U_ZERO_ERROR;
  const char* canonical = ucnv_getCanonicalName(label.c_str(), "WINDOWS", &error);
  if (U_FAILURE(error) || canonical == nullptr) {
    error = U_ZERO_ERROR;
    canonical = ucnv_getCanonicalName(label.c_str(), "IANA", &error);
  }
  if (U_FAILURE(error) || canonical == nullptr) {
    error = U_ZERO_ERROR;
    ConverterPtr probe(ucnv_open(label.c_str(), &error));
    if (U_FAILURE(error)) return {};
    return label;
  }
  // The name pages and HTTP use ("windows-1250"), not ICU's own
  // ("ibm-5346_P100-1998"): it is recorded in page.json.
  for (const char* standard : {"MIME", "IANA"}) {
    error = U_ZERO_ERROR;
    const char* name = ucnv_getStandardName(canonical, standard, &error);
    if (U_SUCCESS(error) && name != nullptr) return name;
  }
  return canonical;
}

// The encoding declared by the first <meta> within the first `limit` bytes
// that declares one stet can use, named as ConverterName names it; "" when
// none does. Like the WHATWG prescan, a label ICU does not know is passed
// over, and so is UTF-16 or UTF-32: a page that can say so in ASCII is
// neither.
std::string MetaCharset(std::string_view bytes, std::size_t limit) {
  const std::string_view head = bytes.substr(0, limit);
  const std::string lower = AsciiLower(head);
  std::size_t pos = 0;
  while ((pos = lower.find("<meta", pos)) != std::string::npos) {
    const std::size_t end = lower.find('>', pos);
    if (end == std::string::npos) break;
    const std::string_view tag = std::string_view(lower).substr(pos, end - pos);
    // <meta charset="x"> or <meta http-equiv="Content-Type" content="...; charset=x">
    const std::string name = ConverterName(CharsetAfterKey(tag, head.substr(pos, end - pos)));
    if (!name.empty() && name.rfind("UTF-16", 0) != 0 && name.rfind("UTF-32", 0) != 0) {
      return name;
    }
    pos = end;
  }
  return {};
}

bool IsValidUtf8(std::string_view bytes) {
  const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
  const auto length = static_cast<std::int32_t>(bytes.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(data, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

Result<std::string> ConvertToUtf8(std::string_view bytes, const std::string& name) {
  UErrorCode error = U_ZERO_ERROR;
  ConverterPtr converter(ucnv_open(name.c_str(), &error));
  if (U_FAILURE(error)) {
    return Status::InvalidInput("cannot read the encoding " + name + ": " + u_errorName(error));
  }
  // A UTF-8 byte sequence is at most 3 bytes per UTF-16 unit; a source byte
  // gives at most one unit (two bytes give a surrogate pair in 4 bytes).
  std::string out(bytes.size() * 3 + 16, '\0');
  const auto length =
      ucnv_toAlgorithmic(UCNV_UTF8, converter.get(), out.data(), static_cast<int32_t>(out.size()),
                         bytes.data(), static_cast<int32_t>(bytes.size()), &error);
  if (U_FAILURE(error)) {
    return Status::InvalidInput("cannot convert from " + name + ": " + u_errorName(error));
  }
  out.resize(static_cast<std::size_t>(length));
  return out;
}

}  // namespace

std::string CharsetOfContentType(std::string_view content_type) {
  const std::string lower = AsciiLower(content_type);
  return CharsetAfterKey(lower, content_type);
}

Result<DecodedPage> HtmlToUtf8(std::string_view bytes, std::string_view http_charset) {
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX / 4)) {
    return Status::InvalidInput("page too large to convert");
  }
  DecodedPage page;
  std::string name;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    name = "UTF-8";
  } else if (bytes.substr(0, 2) == "\xFF\xFE") {
    name = "UTF-16LE";
    bytes.remove_prefix(2);
  } else if (bytes.substr(0, 2) == "\xFE\xFF") {
    name = "UTF-16BE";
    bytes.remove_prefix(2);
  }
  if (name.empty()) name = ConverterName(http_charset);
  if (name.empty()) name = MetaCharset(bytes, kPrescanBytes);
  const bool valid_utf8 = IsValidUtf8(bytes);
  // A browser that meets a <meta charset> later in the page decodes the page
  // again with it (the HTML parser's "change the encoding"): pages saved by
  // web archives put their own scripts first. Followed only when the bytes
  // are not UTF-8, which a late declaration is most often wrong about.
  if (name.empty() && !valid_utf8) name = MetaCharset(bytes, kLateMetaBytes);
  if (name.empty()) name = valid_utf8 ? "UTF-8" : "windows-1252";
  page.charset = name;
  if (name == "UTF-8" && valid_utf8) {
    page.utf8.assign(bytes);
    return page;
  }
  Result<std::string> converted = ConvertToUtf8(bytes, name);
  if (!converted.ok()) return converted.status();
  page.utf8 = std::move(converted).value();
  return page;
}

}  // namespace stet
