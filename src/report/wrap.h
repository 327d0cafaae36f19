// Lines of text fitted to a terminal's width.
#ifndef STET_SRC_REPORT_WRAP_H_
#define STET_SRC_REPORT_WRAP_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace stet::report {

// The columns `text` (UTF-8) takes on a terminal: a wide (East Asian) letter
// two, a combining mark none, an ANSI colour sequence none.
std::size_t Columns(std::string_view text);

// One item of a listing fitted to `width` columns: `lead` (a label, padded),
// then `body`'s words, wrapped onto lines that start with `indent` spaces
// (a hanging indent; 4 on a terminal too narrow for it), then `note` after four spaces on the last
// line, or on a line of its own when it does not fit there. A word longer than a line is cut. Each
// line ends in '\n'. With `width` 0 nothing is wrapped.
std::string WrapItem(std::string_view lead, std::size_t indent, std::string_view body,
                     std::string_view note, std::size_t width);

}  // namespace stet::report

#endif  // STET_SRC_REPORT_WRAP_H_
