// What the build-time generators (tools/) share: bytes written into the C++
// string literals they generate.
#ifndef STET_TOOLS_C_LITERAL_H_
#define STET_TOOLS_C_LITERAL_H_

#include <cstdio>
#include <string>

namespace stet::tools {

// `bytes` as the body of a C++ string literal: printable ASCII as itself,
// every other byte (and a quote or backslash) as a three-digit octal escape.
inline std::string Escaped(const std::string& bytes) {
  std::string out;
  for (const unsigned char c : bytes) {
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
      out += static_cast<char>(c);
    } else {
      char escape[5];
      std::snprintf(escape, sizeof escape, "\\%03o", c);
      out += escape;
    }
  }
  return out;
}

}  // namespace stet::tools

#endif  // STET_TOOLS_C_LITERAL_H_
