// Locale-independent ASCII helpers shared by the library's modules (the C
// <cctype> functions depend on the locale and take int).
#ifndef STET_SRC_BASE_ASCII_H_
#define STET_SRC_BASE_ASCII_H_

#include <string>
#include <string_view>

namespace stet {

inline bool IsAscii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// `text` without the ASCII white space at either end.
inline std::string_view TrimAsciiSpace(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  return text;
}

inline char AsciiLowerChar(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline bool IsAsciiLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

inline bool IsAsciiAlnum(char c) {
  return IsAsciiLetter(c) || (c >= '0' && c <= '9');
}

// `out` made `text` in ASCII lower case, in the buffer it already has: a
// loop that lowers many words keeps one string for them all.
inline void AssignAsciiLower(std::string& out, std::string_view text) {
  out.assign(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

inline std::string AsciiLower(std::string_view text) {
  std::string out;
  AssignAsciiLower(out, text);
  return out;
}

}  // namespace stet

#endif  // STET_SRC_BASE_ASCII_H_
