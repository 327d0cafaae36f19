// WordNet synonyms (src/analysis/synonyms.h).
//
// The tables are generated when stet is built (tools/gen_synonyms.cpp,
// from Debian's wordnet-base): one sorted line per word with the numbers
// of its synonym sets, or the words derived from it, it leans on (coded:
// LeansOn), or it is the opposite of. Each is searched in place, by binary
// search over its lines, so that a start-up that never compares claims
// never reads it, and a comparison maps only the pages it searches (the
// tables are a fifth of a small diff's resident memory: docs/performance.md).
#include "analysis/synonyms.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/word_list.h"

namespace stet {
namespace {

#include "wordnet_synonyms.inc"

// A generated table: sorted lines "WORD REST", searched in place (no
// index is built: a command that compares one pair of texts asks about a
// few dozen words, and reading the megabytes into a vector of lines would
// cost more than all its lookups).
using Table = std::string_view;

// The line for `word` in `table` ("WORD REST", without its newline), or
// nullopt.
std::optional<std::string_view> Find(Table table, std::string_view word) {
  return FindSortedRecord(table, '\n', word);
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
  constexpr Table exceptions{kWordNetExceptions, sizeof kWordNetExceptions - 1};
  if (const std::size_t underscore = word.find('_'); underscore != std::string_view::npos) {
    const std::string_view particle = word.substr(underscore);
    std::vector<std::string> forms = BaseForms(word.substr(0, underscore));
    for (std::size_t k = 0, n = forms.size(); k < n; ++k)
      forms.push_back(forms[k] + std::string(particle));
    return forms;
  }
  std::vector<std::string> forms = {std::string(word)};
  if (const std::optional<std::string_view> line = Find(exceptions, word)) {
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
std::vector<std::string> Related(Table table, const std::vector<std::string>& forms) {
  std::vector<std::string> out;
  for (const std::string& form : forms) {
    const std::optional<std::string_view> line = Find(table, form);
    if (!line) continue;
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

constexpr Table kSynsets{kWordNetSynsets, sizeof kWordNetSynsets - 1};
constexpr Table kDerived{kWordNetDerived, sizeof kWordNetDerived - 1};
constexpr Table kLeansOn{kWordNetLeansOn, sizeof kWordNetLeansOn - 1};
constexpr Table kLeanedOn{kWordNetLeanedOn, sizeof kWordNetLeanedOn - 1};
constexpr Table kAntonyms{kWordNetAntonyms, sizeof kWordNetAntonyms - 1};

// A word leaned on is named by its line's offset in kLeanedOn: the same
// word, the same number.
using LeanedOnWord = std::uint32_t;

// The value of one base-64 digit (A-Z, a-z, 0-9, '+', '/').
std::uint32_t Base64Digit(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  return c == '+' ? 62 : 63;
}

// The words the lines of kLeansOn for `forms` lean on, sorted (the table
// writes each as three base-64 characters: tools/gen_synonyms.cpp).
std::vector<LeanedOnWord> LeansOn(const std::vector<std::string>& forms) {
  std::vector<LeanedOnWord> out;
  for (const std::string& form : forms) {
    const std::optional<std::string_view> line = Find(kLeansOn, form);
    if (!line) continue;
    const std::string_view codes = line->substr(line->find(' ') + 1);
    for (std::size_t at = 0; at + 3 <= codes.size(); at += 3) {
      out.push_back(Base64Digit(codes[at]) << 12 | Base64Digit(codes[at + 1]) << 6 |
                    Base64Digit(codes[at + 2]));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Those of `words` that some word leans on, sorted.
std::vector<LeanedOnWord> LeanedOn(const std::vector<std::string>& words) {
  std::vector<LeanedOnWord> out;
  for (const std::string& word : words) {
    if (const std::optional<std::string_view> line = Find(kLeanedOn, word)) {
      out.push_back(static_cast<LeanedOnWord>(line->data() - kLeanedOn.data()));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

// What WordNet says of one word: its base forms, its synonym sets, its
// family (the forms and the words derived from them: "approve",
// "approval"), what it leans on and its opposites. Each list holds the
// hashes of its words, sorted: a comparison asks about hundreds of word
// pairs, and integers meet faster than strings (a collision of 64-bit
// hashes among WordNet's 150,000 words is as good as impossible).
struct WordMeaning {
  std::vector<std::uint64_t> forms, synsets, family, antonyms;
  // What it leans on, and those of its family that anything leans on.
  std::vector<LeanedOnWord> leans_on, family_leaned_on;
};

namespace {

std::vector<std::uint64_t> Hashed(const std::vector<std::string>& words) {
  std::vector<std::uint64_t> out;
  out.reserve(words.size());
  for (const std::string& word : words) out.push_back(std::hash<std::string>{}(word));
  std::sort(out.begin(), out.end());
  return out;
}

WordMeaning ProfileOf(std::string_view word) {
  std::vector<std::string> forms = BaseForms(word);
  std::sort(forms.begin(), forms.end());
  std::vector<std::string> family = Related(kDerived, forms);
  family.insert(family.end(), forms.begin(), forms.end());
  WordMeaning profile;
  profile.forms = Hashed(forms);
  // Synonym sets are numbered per table; prefixed so they never meet a word.
  std::vector<std::string> synsets = Related(kSynsets, forms);
  for (std::string& synset : synsets) synset.insert(0, "#");
  profile.synsets = Hashed(synsets);
  profile.family = Hashed(family);
  profile.leans_on = LeansOn(forms);
  profile.family_leaned_on = LeanedOn(family);
  profile.antonyms = Hashed(Related(kAntonyms, forms));
  return profile;
}

template <typename T>
bool Meet(const std::vector<T>& x, const std::vector<T>& y) {
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

// Whether WordNet lists either word among the other's opposites.
bool Opposed(const WordMeaning& a, const WordMeaning& b) {
  return Meet(a.antonyms, b.forms) || Meet(b.antonyms, a.forms);
}

// Neither opposites ("sell" is no re-wording of "buy", though both are
// ways to "exchange"), and one synonym set or one derived from the other.
std::optional<bool> Synonymous(const WordMeaning& a, const WordMeaning& b) {
  if (Opposed(a, b)) return false;
  if (Meet(a.synsets, b.synsets) || Meet(a.family, b.forms)) return true;
  return std::nullopt;
}

}  // namespace

std::shared_ptr<const WordMeaning> MeaningOf(std::string_view word) {
  // Remembered: a comparison asks about the same words many times. All are
  // forgotten past kRemembered words, so memory stays bounded (a caller
  // keeps its own).
  constexpr std::size_t kRemembered = 20000;
  // Looked up by string_view, without a copy of the word.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const {
      return std::hash<std::string_view>{}(key);
    }
  };
  thread_local std::unordered_map<std::string, std::shared_ptr<const WordMeaning>, Hash,
                                  std::equal_to<>>
      meanings;
  if (const auto found = meanings.find(word); found != meanings.end()) return found->second;
  if (meanings.size() >= kRemembered) meanings.clear();
  auto meaning = std::make_shared<const WordMeaning>(ProfileOf(word));
  meanings.emplace(std::string(word), meaning);
  return meaning;
}

bool AreSynonyms(const WordMeaning& a, const WordMeaning& b) {
  return Synonymous(a, b).value_or(false);
}

bool AreNearInMeaning(const WordMeaning& a, const WordMeaning& b) {
  if (const std::optional<bool> synonymous = Synonymous(a, b)) return *synonymous;
  return Meet(a.leans_on, b.family_leaned_on) || Meet(b.leans_on, a.family_leaned_on);
}

bool IsVerb(std::string_view word) {
  constexpr Table verbs{kWordNetVerbs, sizeof kWordNetVerbs - 1};
  for (const std::string& form : BaseForms(word)) {
    if (Find(verbs, form)) return true;
  }
  return false;
}

bool IsOnlyVerb(std::string_view word) {
  constexpr Table verbs{kWordNetVerbs, sizeof kWordNetVerbs - 1};
  const std::optional<std::string_view> line = Find(verbs, word);
  return line && line->ends_with(" !");
}

bool AreKindredVerbs(std::string_view a, std::string_view b) {
  constexpr Table kin{kWordNetVerbKin, sizeof kWordNetVerbKin - 1};
  auto kin_of = [&](std::string_view word) { return Related(kin, BaseForms(word)); };
  const std::shared_ptr<const WordMeaning> meaning_a = MeaningOf(a), meaning_b = MeaningOf(b);
  if (Opposed(*meaning_a, *meaning_b)) return false;
  return Meet(kin_of(a), kin_of(b));
}

bool AreOpposites(std::string_view a, std::string_view b) {
  const std::shared_ptr<const WordMeaning> meaning_a = MeaningOf(a), meaning_b = MeaningOf(b);
  return Opposed(*meaning_a, *meaning_b);
}

bool IsProperAdjective(std::string_view word) {
  // A table: entities ask about every capitalised word before a lower-case
  // one, and a binary search cost 500 instructions a word.
  static const WordSet adjectives(
      Records({kWordNetProperAdjectives, sizeof kWordNetProperAdjectives - 1}, '\n'));
  return adjectives.Contains(word);
}

bool AreSynonyms(std::string_view a, std::string_view b) {
  return AreSynonyms(*MeaningOf(a), *MeaningOf(b));
}

bool AreNearInMeaning(std::string_view a, std::string_view b) {
  return AreNearInMeaning(*MeaningOf(a), *MeaningOf(b));
}

}  // namespace stet
