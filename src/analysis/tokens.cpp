// Words and punctuation marks of a sentence (stet/segment.h): the tokens
// two revisions are aligned and word-diffed by.
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "analysis/keyed_tokens.h"
#include "stet/segment.h"
#include "stet/text.h"

namespace stet {
namespace {

enum class CharClass { kSpace, kWordChar, kJoiner, kPoint, kOther };

struct CodePoint {
  UChar32 value = 0;
  std::size_t end = 0;  // offset after its bytes
  CharClass kind = CharClass::kOther;
  bool digit = false;
  bool upper = false;
};

// The class of each ASCII byte, so that the common case of reading a code
// point is one table lookup.
constexpr std::array<CharClass, 128> kAsciiClasses = [] {
  std::array<CharClass, 128> classes{};
  for (int c = 0; c < 128; ++c) {
    CharClass kind = CharClass::kOther;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      kind = CharClass::kSpace;
    } else if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
      kind = CharClass::kWordChar;
    } else if (c == '\'' || c == '-') {
      kind = CharClass::kJoiner;
    } else if (c == '.' || c == ',') {
      kind = CharClass::kPoint;
    }
    classes[static_cast<std::size_t>(c)] = kind;
  }
  return classes;
}();

// A code point beyond ASCII, decoded and classed by ICU. Kept out of line
// so that ReadCodePoint's ASCII path inlines into the token loop (an
// out-of-line ReadCodePoint was a tenth of a 10k-word comparison).
[[gnu::noinline]] CodePoint ReadNonAscii(std::string_view text, std::size_t at, std::size_t limit) {
  CodePoint point;
  auto i = static_cast<std::int32_t>(at);
  U8_NEXT(reinterpret_cast<const std::uint8_t*>(text.data()), i, static_cast<std::int32_t>(limit),
          point.value);
  point.end = static_cast<std::size_t>(i);
  const UChar32 c = point.value;
  if (c < 0) return point;
  if (u_isUWhiteSpace(c)) {
    point.kind = CharClass::kSpace;
  } else if (u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0) {
    point.kind = CharClass::kWordChar;
    point.digit = u_isdigit(c);
    point.upper = u_isupper(c);
  } else if (c == 0x2019 || c == 0x02BC || c == 0x2010 || c == 0x2011) {  // ’ ʼ ‐ ‑
    point.kind = CharClass::kJoiner;
  }
  return point;
}

[[gnu::always_inline]] inline CodePoint ReadCodePoint(std::string_view text, std::size_t at,
                                                      std::size_t limit) {
  const auto byte = static_cast<unsigned char>(text[at]);
  if (byte >= 0x80) return ReadNonAscii(text, at, limit);
  CodePoint point;
  point.value = byte;
  point.end = at + 1;
  point.kind = kAsciiClasses[byte];
  point.digit = byte >= '0' && byte <= '9';
  point.upper = byte >= 'A' && byte <= 'Z';
  return point;
}

// How many bytes from `at` (before `limit`) are ASCII letters and digits.
[[gnu::always_inline]] inline std::size_t AsciiWordRun(std::string_view text, std::size_t at,
                                                       std::size_t limit) {
  std::size_t end = at;
  while (end < limit) {
    const auto byte = static_cast<unsigned char>(text[end]);
    if (byte >= 0x80 || kAsciiClasses[byte] != CharClass::kWordChar) break;
    ++end;
  }
  return end - at;
}

// `ascii`: whether every byte of `token` is ASCII, as its reading found.
std::uint64_t MatchingKey(std::string_view token, bool ascii) {
  if (ascii) return XXH3_64bits(token.data(), token.size());  // already its matching form
  const std::string form = MatchingForm(token);
  return XXH3_64bits(form.data(), form.size());
}

// Reads the tokens of text[within] in order, calling on_token(span, word,
// ascii) for each; `ascii` says whether all its bytes are ASCII.
template <typename OnToken>
[[gnu::always_inline]] inline void ReadTokens(std::string_view text, Span within,
                                              OnToken&& on_token) {
  std::size_t at = within.start;
  while (at < within.end) {
    const CodePoint first = ReadCodePoint(text, at, within.end);
    if (first.kind == CharClass::kSpace) {
      at = first.end;
      continue;
    }
    Span span{at, first.end};
    const bool word = first.kind == CharClass::kWordChar;
    auto ascii_at = [&](std::size_t i) { return static_cast<unsigned char>(text[i]) < 0x80; };
    bool ascii = ascii_at(at);  // so far
    if (word) {
      // Extend over word characters, and over a joiner or point that sits
      // between two word characters of the right kind.
      CodePoint last = first;
      std::size_t part_length = 1;  // code points since the last joiner or point
      std::size_t next = first.end;
      while (next < within.end) {
        // Most of a word is ASCII letters and digits: a run of them is
        // taken a byte at a time, and only its last one read whole.
        if (const std::size_t run = AsciiWordRun(text, next, within.end); run > 0) {
          next += run;
          part_length += run;
          span.end = next;
          last = ReadCodePoint(text, next - 1, within.end);
          continue;
        }
        const CodePoint point = ReadCodePoint(text, next, within.end);
        if (point.kind == CharClass::kWordChar) {
          ascii = ascii && ascii_at(next);
          span.end = next = point.end;
          last = point;
          ++part_length;
          continue;
        }
        if (point.kind != CharClass::kJoiner && point.kind != CharClass::kPoint) break;
        if (point.end >= within.end) break;
        const CodePoint after = ReadCodePoint(text, point.end, within.end);
        if (after.kind != CharClass::kWordChar) break;
        const bool joins =
            point.kind == CharClass::kJoiner || (last.digit && after.digit) ||      // 3.5, 1,000
            (point.value == '.' && part_length == 1 && last.upper && after.upper);  // U.S
        if (!joins) break;
        ascii = ascii && ascii_at(next) && ascii_at(point.end);
        span.end = next = after.end;
        last = after;
        part_length = 1;
      }
    }
    on_token(span, word, ascii);
    at = span.end;
  }
}

}  // namespace

std::uint64_t TokenKey(std::string_view text, Token token) {
  const Span span = token.span();
  const std::string_view bytes = text.substr(span.start, span.end - span.start);
  const bool ascii = std::all_of(bytes.begin(), bytes.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  return MatchingKey(bytes, ascii);
}

std::vector<Token> Tokens(std::string_view text, Span within) {
  // Tokens are gathered in a buffer kept per thread and returned copied to
  // their exact size: a segmented text keeps every sentence's tokens for the
  // whole comparison, and growing each vector by doubling left about a
  // third of that memory unused and cost a reallocation per doubling.
  thread_local std::vector<Token> tokens;
  tokens.clear();
  ReadTokens(text, within, [](Span span, bool word, bool) { tokens.emplace_back(span, word); });
  return {tokens.begin(), tokens.end()};
}

void AppendKeyedTokens(std::string_view text, Span sentence, SegmentedText& segmented) {
  thread_local std::vector<Token> tokens;
  thread_local std::vector<std::uint64_t> keys;
  tokens.clear();
  keys.clear();
  ReadTokens(text, sentence, [&](Span span, bool word, bool ascii) {
    tokens.emplace_back(span, word);
    keys.push_back(MatchingKey(text.substr(span.start, span.end - span.start), ascii));
  });
  segmented.tokens.Append(tokens);
  segmented.sentence_keys.push_back(XXH3_64bits(keys.data(), keys.size() * sizeof(std::uint64_t)));
}

}  // namespace stet
