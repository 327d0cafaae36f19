// Escaping for each output format (escape.h).
#include "report/escape.h"

#include <cctype>

namespace stet::report {

std::string Retag(std::string_view marked, std::string (*escape)(std::string_view),
                  const InlineMarkers& tags) {
  std::string out;
  std::size_t text_start = 0;
  for (std::size_t at = 0; at <= marked.size(); ++at) {
    const char c = at < marked.size() ? marked[at] : '\0';
    const std::string_view* tag = nullptr;
    if (at < marked.size()) {
      if (c == kSentinels.delete_open[0]) tag = &tags.delete_open;
      if (c == kSentinels.delete_close[0]) tag = &tags.delete_close;
      if (c == kSentinels.insert_open[0]) tag = &tags.insert_open;
      if (c == kSentinels.insert_close[0]) tag = &tags.insert_close;
      if (tag == nullptr) continue;
    }
    out += escape(marked.substr(text_start, at - text_start));
    if (tag != nullptr) out += *tag;
    text_start = at + 1;
  }
  return out;
}

std::string EscapeMarkdown(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    // The ASCII punctuation that opens something in CommonMark inside a
    // paragraph, a list item or a heading (GitHub adds ~); a backslash makes
    // any of them literal. '>', '|' and '!' open nothing there: every line
    // stet writes starts with its own "- " or "#", and no table is written.
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '&':
      case '~':
      case '#':
        out += '\\';
        break;
      default:
        break;
    }
    out += c;
  }
  return out;
}

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string EscapeXml(std::string_view text) {
  std::string kept;
  kept.reserve(text.size());
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    kept += c;
  }
  return EscapeHtml(kept);
}

std::string EscapeTerminal(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '\x7f') c = '?';
  }
  return out;
}

bool LinkableUrl(std::string_view url) {
  std::string scheme;
  for (char c : url.substr(0, url.find(':')))
    scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (url.find(':') == std::string_view::npos || (scheme != "http" && scheme != "https"))
    return false;
  for (unsigned char c : url) {
    if (c <= ' ' || c == 0x7F || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`' ||
        c == '\\')
      return false;
  }
  return true;
}

}  // namespace stet::report
