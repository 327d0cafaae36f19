// Locale-independent ASCII helpers shared by the library's modules (the C
// <cctype> functions depend on the locale and take int).
#ifndef STET_SRC_BASE_ASCII_H_
#define STET_SRC_BASE_ASCII_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace stet {

// Eight bytes read as one 64-bit word, for tests of eight bytes at once
// (SWAR): kEachByte has 1 in every byte, kEachTop every byte's top bit.
inline constexpr std::uint64_t kEachByte = 0x0101010101010101ull;
inline constexpr std::uint64_t kEachTop = 0x8080808080808080ull;
inline std::uint64_t EightBytes(const char* at) {
  std::uint64_t word = 0;
  std::memcpy(&word, at, 8);
  return word;
}

// Eight bytes at a time: no byte's top bit set.
inline bool IsAscii(std::string_view text) {
  std::size_t k = 0;
  for (; k + 8 <= text.size(); k += 8) {
    if ((EightBytes(text.data() + k) & kEachTop) != 0) return false;
  }
  for (; k < text.size(); ++k) {
    if (static_cast<unsigned char>(text[k]) >= 0x80) return false;
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

// Eight bytes lowered as one word: a byte's top bit marks it when it is
// at least 'A', when it is past 'Z', and when it is not ASCII; an
// upper-case letter gets 0x20 added. Lowering a byte at a time was 7
// instructions a byte, and the quote finder lowers whole texts.
inline std::uint64_t AsciiLowerWord(std::uint64_t word) {
  const std::uint64_t low_seven = word & ~kEachTop;
  const std::uint64_t at_least_a = low_seven + (0x80 - 'A') * kEachByte;
  const std::uint64_t past_z = low_seven + (0x80 - 'Z' - 1) * kEachByte;
  const std::uint64_t upper = at_least_a & ~past_z & ~word & kEachTop;
  return word | (upper >> 2);
}

// Whether `a` and `b` are the same bytes but for ASCII case, compared in
// place (no lowered copy of either).
inline bool AsciiCaseEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (AsciiLowerChar(a[k]) != AsciiLowerChar(b[k])) return false;
  }
  return true;
}

// `text` in ASCII lower case, written to `out` (text.size() bytes; `out`
// may be text.data() itself).
inline void LowerAsciiInto(char* out, std::string_view text) {
  std::size_t k = 0;
  for (; k + 8 <= text.size(); k += 8) {
    const std::uint64_t word = AsciiLowerWord(EightBytes(text.data() + k));
    std::memcpy(out + k, &word, 8);
  }
  for (; k < text.size(); ++k) out[k] = AsciiLowerChar(text[k]);
}

// `out` made `text` in ASCII lower case, in the buffer it already has: a
// loop that lowers many words keeps one string for them all.
inline void AssignAsciiLower(std::string& out, std::string_view text) {
  out.assign(text);
  LowerAsciiInto(out.data(), out);
}

inline std::string AsciiLower(std::string_view text) {
  std::string out;
  AssignAsciiLower(out, text);
  return out;
}

}  // namespace stet

#endif  // STET_SRC_BASE_ASCII_H_
