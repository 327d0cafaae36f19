// WordNet synonyms (src/analysis/synonyms.h).
//
// The tables are generated when stet is built (tools/gen_synonyms.cpp,
// from Debian's wordnet-base): one sorted line per word with the numbers
// of its synonym sets, or the words derived from it, it leans on, or it is
// the opposite of. It is searched in place, by binary search over its lines,
// so that a start-up that never compares claims never reads it.
#include "analysis/synonyms.h"

#include <algorithm>
#include <array>
#include <optional>
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

// A word and the base forms WordNet's morphy would try for it; a phrasal
// verb ("called_off") as its verb's forms with the particle, and alone.
std::vector<std::string> BaseForms(std::string_view word) {
  static const std::vector<std::string_view> exceptions =
      Lines({kWordNetExceptions, sizeof kWordNetExceptions - 1});
  if (const std::size_t underscore = word.find('_'); underscore != std::string_view::npos) {
    const std::string_view particle = word.substr(underscore);
    std::vector<std::string> forms = BaseForms(word.substr(0, underscore));
    for (std::size_t k = 0, n = forms.size(); k < n; ++k)
      forms.push_back(forms[k] + std::string(particle));
    return forms;
  }
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

namespace {

struct Tables {
  std::vector<std::string_view> synsets = Lines({kWordNetSynsets, sizeof kWordNetSynsets - 1});
  std::vector<std::string_view> derived = Lines({kWordNetDerived, sizeof kWordNetDerived - 1});
  std::vector<std::string_view> leans_on = Lines({kWordNetLeansOn, sizeof kWordNetLeansOn - 1});
  std::vector<std::string_view> antonyms = Lines({kWordNetAntonyms, sizeof kWordNetAntonyms - 1});
};

const Tables& TheTables() {
  static const Tables tables;
  return tables;
}

// Sorted base forms.
std::vector<std::string> SortedBaseForms(std::string_view word) {
  std::vector<std::string> forms = BaseForms(word);
  std::sort(forms.begin(), forms.end());
  return forms;
}

// Forms with the words derived from them ("approve", "approval"), sorted.
std::vector<std::string> Family(const std::vector<std::string>& forms) {
  std::vector<std::string> family = Related(TheTables().derived, forms);
  family.insert(family.end(), forms.begin(), forms.end());
  std::sort(family.begin(), family.end());
  return family;
}

// Neither opposites ("sell" is no re-wording of "buy", though both are
// ways to "exchange"), and one synonym set or one derived from the other.
std::optional<bool> Synonymous(const std::vector<std::string>& forms_a,
                               const std::vector<std::string>& forms_b) {
  const Tables& tables = TheTables();
  if (Meet(Related(tables.antonyms, forms_a), forms_b)) return false;
  if (Meet(Related(tables.synsets, forms_a), Related(tables.synsets, forms_b)) ||
      Meet(Family(forms_a), forms_b))
    return true;
  return std::nullopt;
}

}  // namespace

bool AreSynonyms(std::string_view a, std::string_view b) {
  return Synonymous(SortedBaseForms(a), SortedBaseForms(b)).value_or(false);
}

bool AreNearInMeaning(std::string_view a, std::string_view b) {
  const std::vector<std::string> forms_a = SortedBaseForms(a), forms_b = SortedBaseForms(b);
  if (const std::optional<bool> synonymous = Synonymous(forms_a, forms_b)) return *synonymous;
  const Tables& tables = TheTables();
  return Meet(Related(tables.leans_on, forms_a), Family(forms_b)) ||
         Meet(Related(tables.leans_on, forms_b), Family(forms_a));
}

}  // namespace stet
