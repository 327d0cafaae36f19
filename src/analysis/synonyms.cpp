// WordNet synonyms (src/analysis/synonyms.h).
//
// The table is generated when stet is built (tools/gen_synonyms.cpp, from
// Debian's wordnet-base): one sorted line per word with the numbers of its
// synonym sets. It is searched in place, by binary search over its lines,
// so that a start-up that never compares claims never reads it.
#include "analysis/synonyms.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

namespace stet {
namespace {

#include "wordnet_synonyms.inc"

// The lines of a generated table, each "WORD REST".
std::vector<std::string_view> Lines(std::string_view table) {
  std::vector<std::string_view> lines;
  while (!table.empty()) {
    const std::size_t end = table.find('\n');
    lines.push_back(table.substr(0, end));
    table.remove_prefix(end == std::string_view::npos ? table.size() : end + 1);
  }
  return lines;
}

// The rest of the line for `word` in sorted `lines`, or nullopt.
const std::string_view* Find(const std::vector<std::string_view>& lines, std::string_view word) {
  auto found = std::lower_bound(lines.begin(), lines.end(), word,
                                [](std::string_view line, std::string_view key) {
                                  return line.substr(0, line.find(' ')) < key;
                                });
  if (found == lines.end() || found->substr(0, found->find(' ')) != word) return nullptr;
  return &*found;
}

// WordNet's morphy endings, for nouns, verbs and adjectives alike.
constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kEndings = {{
    {"s", ""},
    {"ses", "s"},
    {"xes", "x"},
    {"zes", "z"},
    {"ches", "ch"},
    {"shes", "sh"},
    {"men", "man"},
    {"ies", "y"},
    {"es", "e"},
    {"es", ""},
    {"ed", "e"},
    {"ed", ""},
    {"ing", "e"},
    {"ing", ""},
    {"er", ""},
    {"est", ""},
    {"er", "e"},
}};

// A word and the base forms WordNet's morphy would try for it.
std::vector<std::string> BaseForms(std::string_view word) {
  static const std::vector<std::string_view> exceptions =
      Lines({kWordNetExceptions, sizeof kWordNetExceptions - 1});
  std::vector<std::string> forms = {std::string(word)};
  if (const std::string_view* line = Find(exceptions, word)) {
    forms.emplace_back(line->substr(line->find(' ') + 1));
  }
  for (const auto& [ending, base] : kEndings) {
    if (word.size() > ending.size() + 1 && word.ends_with(ending)) {
      forms.push_back(std::string(word.substr(0, word.size() - ending.size())) + std::string(base));
    }
  }
  return forms;
}

// The words of `table`'s line for each form (numbers or words), sorted.
std::vector<std::string> Related(const std::vector<std::string_view>& table,
                                 const std::vector<std::string>& forms) {
  std::vector<std::string> out;
  for (const std::string& form : forms) {
    const std::string_view* line = Find(table, form);
    if (line == nullptr) continue;
    std::string_view rest = line->substr(line->find(' ') + 1);
    while (!rest.empty()) {
      const std::size_t space = rest.find(' ');
      out.emplace_back(rest.substr(0, space));
      rest.remove_prefix(space == std::string_view::npos ? rest.size() : space + 1);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool Meet(const std::vector<std::string>& x, const std::vector<std::string>& y) {
  std::size_t i = 0, j = 0;
  while (i < x.size() && j < y.size()) {
    if (x[i] == y[j]) return true;
    if (x[i] < y[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return false;
}

}  // namespace

bool AreSynonyms(std::string_view a, std::string_view b) {
  static const std::vector<std::string_view> synsets =
      Lines({kWordNetSynsets, sizeof kWordNetSynsets - 1});
  static const std::vector<std::string_view> derived =
      Lines({kWordNetDerived, sizeof kWordNetDerived - 1});
  std::vector<std::string> forms_a = BaseForms(a), forms_b = BaseForms(b);
  if (Meet(Related(synsets, forms_a), Related(synsets, forms_b))) return true;
  std::sort(forms_b.begin(), forms_b.end());
  return Meet(Related(derived, forms_a), forms_b);
}

}  // namespace stet
