// Lines fitted to a terminal (wrap.h).
#include "report/wrap.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <vector>

namespace stet::report {
namespace {

// The length of the ANSI escape sequence (ESC [ ... letter) at `at`, or 0.
std::size_t EscapeLength(std::string_view text, std::size_t at) {
  if (text[at] != '\x1b' || at + 1 >= text.size() || text[at + 1] != '[') return 0;
  std::size_t end = at + 2;
  while (end < text.size() && !(text[end] >= '@' && text[end] <= '~')) ++end;
  return end < text.size() ? end + 1 - at : text.size() - at;
}

// Calls `visit(start, end, columns)` for each character of `text` (an
// escape sequence counts as one, of no columns).
template <typename Visit>
void ForEachCharacter(std::string_view text, Visit visit) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t at = 0;
  while (at < length) {
    const std::size_t start = static_cast<std::size_t>(at);
    if (const std::size_t escape = EscapeLength(text, start); escape > 0) {
      at += static_cast<int32_t>(escape);
      visit(start, static_cast<std::size_t>(at), std::size_t{0});
      continue;
    }
    UChar32 c;
    U8_NEXT(bytes, at, length, c);
    std::size_t columns = 1;
    if (c < 0) {
      columns = 1;  // an invalid byte shows as one replacement character
    } else if (u_getCombiningClass(c) > 0 || u_charType(c) == U_NON_SPACING_MARK ||
               u_charType(c) == U_ENCLOSING_MARK || u_charType(c) == U_FORMAT_CHAR) {
      columns = 0;
    } else {
      const int east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
      if (east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH) columns = 2;
    }
    visit(start, static_cast<std::size_t>(at), columns);
  }
}

// `word` cut into pieces of at most `width` columns.
std::vector<std::string_view> CutWord(std::string_view word, std::size_t width) {
  std::vector<std::string_view> pieces;
  std::size_t piece_start = 0, piece_columns = 0;
  ForEachCharacter(word, [&](std::size_t start, std::size_t, std::size_t columns) {
    if (piece_columns + columns > width && piece_columns > 0) {
      pieces.push_back(word.substr(piece_start, start - piece_start));
      piece_start = start;
      piece_columns = 0;
    }
    piece_columns += columns;
  });
  pieces.push_back(word.substr(piece_start));
  return pieces;
}

}  // namespace

std::size_t Columns(std::string_view text) {
  std::size_t total = 0;
  ForEachCharacter(text, [&](std::size_t, std::size_t, std::size_t columns) { total += columns; });
  return total;
}

std::string WrapItem(std::string_view lead, std::size_t indent, std::string_view body,
                     std::string_view note, std::size_t width) {
  std::string out(lead);
  if (width == 0) {
    out += body;
    if (!note.empty()) out += std::string("    ") + std::string(note);
    return out + "\n";
  }
  // A line narrower than the indent plus a few words helps no one: on a
  // narrow terminal the body goes on under a small indent instead.
  if (indent + 10 > width) indent = std::min<std::size_t>(indent, 4);
  const std::size_t room = width - indent;
  std::size_t column = Columns(lead);
  auto new_line = [&] {
    out += "\n" + std::string(indent, ' ');
    column = indent;
  };
  bool line_has_word = false;
  auto add_words = [&](std::string_view text) {
    std::size_t at = 0;
    while (at < text.size()) {
      const std::size_t word_end = std::min(text.find(' ', at), text.size());
      const std::string_view word = text.substr(at, word_end - at);
      at = word_end + 1;
      if (word.empty()) continue;
      const std::size_t columns = Columns(word);
      if (line_has_word && column + 1 + columns > width) {
        new_line();
        line_has_word = false;
      }
      if (line_has_word) {
        out += ' ';
        ++column;
      }
      if (column + columns <= width) {
        out += word;
        column += columns;
      } else {
        // Longer than a line: cut it, each piece on a line of its own.
        const std::vector<std::string_view> pieces = CutWord(word, room);
        for (std::size_t k = 0; k < pieces.size(); ++k) {
          if (k > 0 || column + Columns(pieces[k]) > width) new_line();
          out += pieces[k];
          column += Columns(pieces[k]);
        }
      }
      line_has_word = true;
    }
  };
  add_words(body);
  if (!note.empty()) {
    if (column + 4 + Columns(note) <= width) {
      out += "    ";
      out += note;
    } else {
      new_line();
      line_has_word = false;
      add_words(note);
    }
  }
  return out + "\n";
}

}  // namespace stet::report
