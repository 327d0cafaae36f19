// How the names of two versions are compared (src/analysis/name_keys.h).
#include "analysis/name_keys.h"

#include <algorithm>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "base/ascii.h"
#include "stet/text.h"

namespace stet::name_keys {

std::string NameKey(std::string_view word) {
  if (word.ends_with("\u2019s")) word.remove_suffix(4);
  if (word.ends_with("'s")) word.remove_suffix(2);
  if (IsAscii(word)) return AsciiLower(word);
  // Decomposed, so that an accent is a mark of its own, and the marks
  // dropped: a name is spelt with and without them ("Šťastný", "Stastny").
  const std::string matching = MatchingForm(word);
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(error);
  if (U_FAILURE(error)) return AsciiLower(matching);
  const icu::UnicodeString decomposed =
      nfd->normalize(icu::UnicodeString::fromUTF8(matching), error);
  if (U_FAILURE(error)) return AsciiLower(matching);
  icu::UnicodeString kept;
  for (std::int32_t k = 0; k < decomposed.length();) {
    const UChar32 c = decomposed.char32At(k);
    if (u_charType(c) != U_NON_SPACING_MARK) kept.append(u_tolower(c));
    k += U16_LENGTH(c);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

bool StartsUpperOutsideAscii(std::string_view word) {
  const UChar32 c = icu::UnicodeString::fromUTF8(word.substr(0, 4)).char32At(0);
  return c >= 0 && u_isupper(c);
}

Span NameOf(std::string_view text, Span entity) {
  std::size_t start = entity.start;
  while (start < entity.end && !(text[start] >= 'A' && text[start] <= 'Z')) {
    const std::size_t space = text.find(' ', start);
    if (space == std::string_view::npos || space >= entity.end) break;
    start = space + 1;
  }
  std::size_t end = entity.end;
  const std::string_view name = text.substr(start, end - start);
  if (name.ends_with("\u2019s")) end -= 4;
  if (name.ends_with("'s")) end -= 2;
  return {start, end};
}

std::string LastName(std::string_view text, Span entity) {
  const Span name = NameOf(text, entity);
  const std::string_view words = text.substr(name.start, name.end - name.start);
  const std::size_t space = words.rfind(' ');
  return NameKey(space == std::string_view::npos ? words : words.substr(space + 1));
}

bool IsRespelling(std::string_view a, std::string_view b) {
  const std::size_t longest = std::max(a.size(), b.size());
  if (longest < 4) return false;
  // Levenshtein's distance, one row at a time.
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()] * 5 <= longest;
}

}  // namespace stet::name_keys
