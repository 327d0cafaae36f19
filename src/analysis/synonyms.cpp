// WordNet synonyms (src/analysis/synonyms.h).
//
// The tables are generated when stet is built (tools/gen_synonyms.cpp,
// from Debian's wordnet-base): sorted lines, one a word. kWordNetMeanings
// holds, after each word, its synonym sets, the words derived from it, what
// it leans on and its opposites, coded. Each table is searched in place, by
// binary search over its lines, so that a start-up that never compares
// claims never reads it, and a comparison maps only the pages it searches
// (the tables are a fifth of a small diff's resident memory:
// docs/performance.md).
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

#include "analysis/wordnet_meanings.h"
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

// What WordNet says of each word, a line a word (analysis/wordnet_meanings.h).
constexpr Table kMeanings{kWordNetMeanings, sizeof kWordNetMeanings - 1};
using namespace wordnet;  // the table's format: its fields and codes

// Appends to `out` the codes of `field` in `line`, each `digits` long.
template <typename Number>
void AppendCodes(std::string_view line, Field field, std::size_t digits, std::vector<Number>& out) {
  std::size_t at = line.find(static_cast<char>(field), line.find(' '));
  if (at == std::string_view::npos) return;
  for (++at; at + digits <= line.size() && static_cast<unsigned char>(line[at]) >= kFirstCodeByte;
       at += digits) {
    std::uint64_t value = 0;
    for (std::size_t k = 0; k < digits; ++k) {
      value = value * kCodeBase + (static_cast<unsigned char>(line[at + k]) - kFirstCodeByte);
    }
    out.push_back(static_cast<Number>(value));
  }
}

// The line of kMeanings that starts at `offset`, without its newline.
std::string_view LineAt(std::uint64_t offset) {
  const std::string_view rest = kMeanings.substr(offset);
  return rest.substr(0, rest.find('\n'));
}

// A word leaned on, by its number among them (kLeanedOnNumber).
using LeanedOnWord = std::uint32_t;

// A word WordNet does not have is named by a hash of its letters with this
// bit set, which no offset into kMeanings has: it meets only itself.
constexpr std::uint64_t kNotInWordNet = std::uint64_t{1} << 63;

}  // namespace

// What WordNet says of one word: its base forms, its synonym sets, its
// family (the forms and the words derived from them: "approve",
// "approval"), what it leans on and its opposites. Each list holds numbers,
// sorted: a word is named by its line's offset in kMeanings (or a hash, for
// a form WordNet lacks), a synonym set by its number. A comparison asks
// about hundreds of word pairs, and integers meet faster than strings.
struct WordMeaning {
  std::vector<std::uint64_t> forms, synsets, family, antonyms;
  // What it leans on, and those of its family that anything leans on.
  std::vector<LeanedOnWord> leans_on, family_leaned_on;
};

namespace {

WordMeaning ProfileOf(std::string_view word) {
  WordMeaning profile;
  for (const std::string& form : BaseForms(word)) {
    const std::optional<std::string_view> line = Find(kMeanings, form);
    if (!line) {
      profile.forms.push_back(std::hash<std::string>{}(form) | kNotInWordNet);
      continue;
    }
    profile.forms.push_back(static_cast<std::uint64_t>(line->data() - kMeanings.data()));
    AppendCodes(*line, kSynsets, kNumberDigits, profile.synsets);
    AppendCodes(*line, kLeansOn, kNumberDigits, profile.leans_on);
    AppendCodes(*line, kDerived, kOffsetDigits, profile.family);
    AppendCodes(*line, kAntonyms, kOffsetDigits, profile.antonyms);
  }
  profile.family.insert(profile.family.end(), profile.forms.begin(), profile.forms.end());
  for (const std::uint64_t member : profile.family) {
    if ((member & kNotInWordNet) == 0) {
      AppendCodes(LineAt(member), kLeanedOnNumber, kNumberDigits, profile.family_leaned_on);
    }
  }
  for (auto* list : {&profile.forms, &profile.synsets, &profile.family, &profile.antonyms}) {
    std::sort(list->begin(), list->end());
  }
  std::sort(profile.leans_on.begin(), profile.leans_on.end());
  std::sort(profile.family_leaned_on.begin(), profile.family_leaned_on.end());
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
