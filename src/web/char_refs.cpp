// Character references repaired before libxml2 reads them (char_refs.h).
#include "web/char_refs.h"

#include <algorithm>
#include <cstring>
#include <iterator>

#include "base/ascii.h"

namespace stet::html {
namespace {

// Character references as the HTML standard decodes them where libxml2's
// HTML 4 parser does not: numeric references 128-159 name windows-1252's
// characters (&#147; is a left double quote, &#128; the euro sign), 0,
// surrogates and values past U+10FFFF are U+FFFD, and the legacy entities
// (&amp, &copy...) need no semicolon. The others are left for libxml2.
constexpr char32_t kWindows1252[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

// The entities the standard decodes without a semicolon: HTML 4's Latin-1
// set and the few below, longest first where one is a prefix of another
// (the standard takes the longest match: &notin; is not &not + "in;").
constexpr std::string_view kLegacyEntities[] = {
    "AElig",  "AMP",    "Aacute", "Acirc",  "Agrave", "Aring",  "Atilde", "Auml",   "COPY",
    "Ccedil", "ETH",    "Eacute", "Ecirc",  "Egrave", "Euml",   "GT",     "Iacute", "Icirc",
    "Igrave", "Iuml",   "LT",     "Ntilde", "Oacute", "Ocirc",  "Ograve", "Oslash", "Otilde",
    "Ouml",   "QUOT",   "REG",    "THORN",  "Uacute", "Ucirc",  "Ugrave", "Uuml",   "Yacute",
    "aacute", "acirc",  "acute",  "aelig",  "agrave", "amp",    "aring",  "atilde", "auml",
    "brvbar", "ccedil", "cedil",  "cent",   "copy",   "curren", "deg",    "divide", "eacute",
    "ecirc",  "egrave", "eth",    "euml",   "frac12", "frac14", "frac34", "gt",     "iacute",
    "icirc",  "iexcl",  "igrave", "iquest", "iuml",   "laquo",  "lt",     "macr",   "micro",
    "middot", "nbsp",   "not",    "ntilde", "oacute", "ocirc",  "ograve", "ordf",   "ordm",
    "oslash", "otilde", "ouml",   "para",   "plusmn", "pound",  "quot",   "raquo",  "reg",
    "sect",   "shy",    "sup1",   "sup2",   "sup3",   "szlig",  "thorn",  "times",  "uacute",
    "ucirc",  "ugrave", "uml",    "uuml",   "yacute", "yen",    "yuml"};

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Reads the character reference at `at` (input[at] == '&') and appends it
// to `out` in a form libxml2 decodes as the standard does. Returns the
// offset after what was read; appends nothing and returns `at` when there
// is nothing to repair (libxml2 reads it right, or it is no reference).
// In an attribute value a legacy entity followed by a letter, digit or '='
// is text, as the standard says (href="?a=1&copy=2").
std::size_t RepairCharRef(std::string_view input, std::size_t at, bool in_attribute,
                          std::string& out) {
  const std::size_t size = input.size();
  std::size_t i = at + 1;
  if (i < size && input[i] == '#') {
    ++i;
    const bool hex = i < size && (input[i] == 'x' || input[i] == 'X');
    if (hex) ++i;
    const std::size_t digits = i;
    char32_t value = 0;
    bool overflow = false;
    for (; i < size; ++i) {
      const char c = input[i];
      int digit = -1;
      if (c >= '0' && c <= '9') {
        digit = c - '0';
      } else if (hex && AsciiLowerChar(c) >= 'a' && AsciiLowerChar(c) <= 'f') {
        digit = AsciiLowerChar(c) - 'a' + 10;
      }
      if (digit < 0) break;
      value = value * (hex ? 16 : 10) + static_cast<char32_t>(digit);
      if (value > 0x10FFFF) overflow = true, value = 0x110000;
    }
    if (i == digits) return at;  // "&#" alone is text
    char32_t decoded = 0;
    if (overflow || value == 0 || (value >= 0xD800 && value <= 0xDFFF)) {
      decoded = 0xFFFD;
    } else if (value >= 0x80 && value <= 0x9F) {
      decoded = kWindows1252[value - 0x80];
    } else {
      return at;
    }
    if (i < size && input[i] == ';') ++i;
    AppendUtf8(out, decoded);
    return i;
  }
  std::size_t name_end = i;
  while (name_end < size && IsAsciiAlnum(input[name_end])) ++name_end;
  const std::string_view name = input.substr(i, name_end - i);
  // The standard's upper-case spellings, which HTML 4 (and so libxml2)
  // lacks, are written in lower case; every other name as it is.
  constexpr std::string_view kUpper[] = {"AMP", "COPY", "GT", "LT", "QUOT", "REG"};
  auto is_upper = [&](std::string_view entity) {
    return std::find(std::begin(kUpper), std::end(kUpper), entity) != std::end(kUpper);
  };
  auto append_entity = [&](std::string_view entity) {
    out += '&';
    for (char c : entity) out += is_upper(entity) ? AsciiLowerChar(c) : c;
    out += ';';
  };
  if (name_end < size && input[name_end] == ';') {
    // A whole name with its semicolon (&amp;, &notin;) is libxml2's to read.
    if (!is_upper(name)) return at;
    append_entity(name);
    return name_end + 1;
  }
  std::string_view longest;
  for (std::string_view legacy : kLegacyEntities) {
    if (legacy.size() > longest.size() && name.starts_with(legacy)) longest = legacy;
  }
  if (longest.empty()) return at;
  const std::size_t after = i + longest.size();
  if (in_attribute && after < size && (IsAsciiAlnum(input[after]) || input[after] == '=')) {
    return at;
  }
  append_entity(longest);
  return after;
}

}  // namespace

void AppendRepairingRefs(std::string_view input, std::size_t from, std::size_t to,
                         bool in_attribute, std::string& out) {
  while (from < to) {
    const void* found = std::memchr(input.data() + from, '&', to - from);
    if (!found) break;
    const auto amp = static_cast<std::size_t>(static_cast<const char*>(found) - input.data());
    out.append(input, from, amp - from);
    const std::size_t next = RepairCharRef(input.substr(0, to), amp, in_attribute, out);
    if (next == amp) {
      out += '&';
      from = amp + 1;
    } else {
      from = next;
    }
  }
  out.append(input, from, to - from);
}

}  // namespace stet::html
