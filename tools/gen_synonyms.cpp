// Writes what WordNet says of single lower-case words as C++ string
// literals, for the claim comparison's test of a re-worded claim ("rise" ->
// "increase", "close" -> "shut", "nation" -> "country"). One table,
// kWordNetMeanings, holds a line per word, sorted: the synsets it belongs
// to (only synsets with two words or more; numbered densely), the words
// derived from it ("win" and "winner"), its antonyms ("buy" and "sell"),
// which no link may join, and, for the words of everyday English (those
// with a sense tagged in WordNet's SemCor counts), the words their three
// most common senses lean on: the words of each sense's broader sense
// ("backed" -> "approve") and the content words of its definition
// ("postpone" in "call off": "postpone indefinitely or annul something
// that was scheduled"; Lesk's gloss overlap). Other tables: WordNet's
// exception lists ("said" -> "say", "mice" -> "mouse"), the list of verbs,
// each verb's kin (its senses and their broader senses two levels up) and
// the capitalised adjectives ("Austrian").
// Reads Debian's
// wordnet-base (/usr/share/wordnet, the WordNet 3.0 database, Princeton's
// licence: see docs/quality.md).
// Usage: stet-gen-synonyms WORDNET_DIR OUTPUT
#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/wordnet_meanings.h"
#include "c_literal.h"

namespace {

bool Plain(const std::string& word) {
  return !word.empty() &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// A verb and its particle, as WordNet writes it: "call_off", "step_down".
bool PhrasalVerb(const std::string& lemma) {
  static const std::set<std::string> particles = {"off",  "up",   "out",  "down", "in",
                                                  "back", "over", "away", "on"};
  const std::size_t underscore = lemma.find('_');
  return underscore != std::string::npos && Plain(lemma.substr(0, underscore)) &&
         particles.count(lemma.substr(underscore + 1)) > 0;
}

constexpr const char* kParts[] = {"noun", "verb", "adj", "adv"};
constexpr char kPartLetters[] = {'n', 'v', 'a', 'r'};

// One synset of a data file, keyed by its file's letter and offset.
struct Synset {
  std::vector<std::string> words;
  std::vector<std::string> broader;  // keys of its hypernyms
  std::string definition;            // the gloss up to its first example or ';'
  // Lexical pointers from one of `words` to a word of another synset.
  struct Link {
    char symbol;  // '+' derivation, '!' antonym
    int from, to;
    std::string target;
  };
  std::vector<Link> links;
};

// Words of a definition that lean on nothing: function words and the
// light verbs and nouns definitions are built from ("cause to die", "the
// act of", "make or become").
const std::set<std::string>& DefinitionFiller() {
  static const std::set<std::string> words = {
      "a",        "an",      "the",     "of",      "to",         "in",      "on",        "for",
      "or",       "and",     "by",      "with",    "as",         "at",      "from",      "into",
      "onto",     "that",    "which",   "who",     "whom",       "whose",   "what",      "be",
      "is",       "are",     "was",     "been",    "being",      "have",    "has",       "had",
      "do",       "does",    "make",    "take",    "give",       "get",     "go",        "come",
      "put",      "set",     "hold",    "keep",    "cause",      "become",  "something", "someone",
      "somebody", "one",     "oneself", "person",  "thing",      "things",  "state",     "act",
      "action",   "way",     "manner",  "process", "especially", "usually", "often",     "not",
      "no",       "very",    "more",    "most",    "less",       "much",    "its",       "their",
      "his",      "her",     "it",      "they",    "them",       "this",    "these",     "those",
      "other",    "another", "some",    "any",     "all",        "such",    "used",      "use",
      "kind",     "part",    "quality", "having",  "being",      "etc",     "than",      "so",
      "up",       "out",     "off",     "over",    "about",      "through", "without",   "within",
      "upon",     "but",     "if",      "when",    "where",      "while",   "because",   "there",
      "an",       "can",     "may",     "will",    "would",      "should",  "could",     "must",
      "also",     "again",   "e",       "g",       "ie",         "s"};
  return words;
}

using namespace stet::wordnet;  // the table's format

// `value` in `width` digits of the table's codes.
std::string Code(int value, int width) {
  std::string code(static_cast<std::size_t>(width), '\0');
  for (int k = width - 1; k >= 0; --k) {
    code[static_cast<std::size_t>(k)] = static_cast<char>(kFirstCodeByte + value % kCodeBase);
    value /= kCodeBase;
  }
  return code;
}

using WordSets = std::map<std::string, std::set<std::string>>;

// kWordNetMeanings (src/analysis/wordnet_meanings.h). One line a word
// instead of a table a relation saved the word written up to five times,
// and codes instead of words and decimal numbers the rest: 2.6 MB of
// tables became 1.5 MB, which a comparison has mapped whole (its binary
// searches and the kernel's fault-around, 64 KiB a fault:
// docs/performance.md).
bool WriteMeanings(std::ostream& out, const std::map<std::string, std::vector<int>>& synsets,
                   const WordSets& derived, const WordSets& antonyms, const WordSets& leans_on) {
  std::map<std::string, int> leaned_on;  // a word leaned on -> its number
  for (const auto& [word, others] : leans_on) {
    for (const std::string& other : others) leaned_on.emplace(other, 0);
  }
  std::set<std::string> all;
  for (const auto& [word, numbers] : synsets) all.insert(word);
  for (const WordSets* table : {&derived, &antonyms, &leans_on}) {
    for (const auto& [word, others] : *table) {
      all.insert(word);
      all.insert(others.begin(), others.end());
    }
  }
  int number = 0;
  for (auto& [word, at] : leaned_on) {
    at = number++;
    all.insert(word);
  }
  auto count = [](const auto& table, const std::string& word) -> int {
    const auto found = table.find(word);
    return found == table.end() ? 0 : static_cast<int>(found->second.size());
  };
  auto field = [](int codes, int digits) { return codes == 0 ? 0 : 1 + codes * digits; };
  // Offsets first: every line's length is known before what it points to.
  std::map<std::string, int> offsets;
  int offset = 0;
  for (const std::string& word : all) {
    offsets[word] = offset;
    offset += static_cast<int>(word.size()) + 2 + field(count(synsets, word), kNumberDigits) +
              field(leaned_on.count(word) ? 1 : 0, kNumberDigits) +
              field(count(leans_on, word), kNumberDigits) +
              field(count(derived, word), kOffsetDigits) +
              field(count(antonyms, word), kOffsetDigits);
  }
  int largest_number = number;  // a count: one past the largest
  for (const auto& [word, numbers] : synsets) {
    for (int n : numbers) largest_number = std::max(largest_number, n + 1);
  }
  if (largest_number > kCodeBase * kCodeBase || offset > kCodeBase * kCodeBase * kCodeBase) {
    std::cerr << "stet-gen-synonyms: " << largest_number << " numbers and " << offset
              << " bytes of meanings are more than the codes can name\n";
    return false;
  }
  out << "constexpr char kWordNetMeanings[] =\n";
  for (const std::string& word : all) {
    std::string line = word + ' ';
    auto add_field = [&line](Field tag, const std::vector<int>& values, int digits) {
      if (values.empty()) return;
      line += static_cast<char>(tag);
      for (int value : values) line += Code(value, digits);
    };
    auto offsets_of = [&](const WordSets& table) {
      std::vector<int> values;
      if (const auto found = table.find(word); found != table.end()) {
        for (const std::string& other : found->second) values.push_back(offsets.at(other));
      }
      return values;
    };
    std::vector<int> numbers, leaned_number, leaned;
    if (const auto found = synsets.find(word); found != synsets.end()) numbers = found->second;
    if (const auto found = leaned_on.find(word); found != leaned_on.end()) {
      leaned_number.push_back(found->second);
    }
    if (const auto found = leans_on.find(word); found != leans_on.end()) {
      for (const std::string& other : found->second) leaned.push_back(leaned_on.at(other));
    }
    add_field(kSynsets, numbers, kNumberDigits);
    add_field(kLeanedOnNumber, leaned_number, kNumberDigits);
    add_field(kLeansOn, leaned, kNumberDigits);
    add_field(kDerived, offsets_of(derived), kOffsetDigits);
    add_field(kAntonyms, offsets_of(antonyms), kOffsetDigits);
    out << "    \"" << stet::tools::Escaped(line + '\n') << "\"\n";
  }
  out << "    \"\";\n";
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: stet-gen-synonyms WORDNET_DIR OUTPUT\n";
    return 2;
  }
  const std::string dir = argv[1];
  // Each word's synsets, most common sense first within each part of
  // speech, and whether SemCor saw it (a sense tagged at least once:
  // everyday English); phrasal verbs are everyday too.
  std::map<std::string, std::vector<std::string>> senses;
  std::set<std::string> everyday;
  for (int part = 0; part < 4; ++part) {
    std::ifstream in(dir + "/index." + kParts[part]);
    if (!in) {
      std::cerr << "stet-gen-synonyms: " << dir << "/index." << kParts[part]
                << ": cannot read (apt-get install wordnet-base)\n";
      return 1;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == ' ') continue;  // the licence header
      std::istringstream fields(line);
      std::string lemma, pos, synset_count, pointer_count;
      fields >> lemma >> pos >> synset_count >> pointer_count;
      if (!Plain(lemma) && !(part == 1 && PhrasalVerb(lemma))) continue;
      for (int p = 0; p < std::stoi(pointer_count); ++p) {
        std::string pointer;
        fields >> pointer;
      }
      std::string sense_count, tagged_count;
      fields >> sense_count >> tagged_count;
      if (std::stoi(tagged_count) > 0 || part == 1) everyday.insert(lemma);
      for (int s = 0; s < std::stoi(synset_count); ++s) {
        std::string offset;
        fields >> offset;
        senses[lemma].push_back(kPartLetters[part] + offset);
      }
    }
  }
  std::map<std::string, Synset> synsets;
  std::set<std::string> proper_adjectives;
  for (int part = 0; part < 4; ++part) {
    std::ifstream in(dir + "/data." + kParts[part]);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == ' ') continue;
      const std::size_t bar = line.find(" | ");
      std::istringstream fields(line.substr(0, bar));
      std::string offset, lexicographer_file, type, count_hex;
      fields >> offset >> lexicographer_file >> type >> count_hex;
      Synset& synset = synsets[kPartLetters[part] + offset];
      for (long i = 0, n = std::stol(count_hex, nullptr, 16); i < n; ++i) {
        std::string word, lex_id;
        fields >> word >> lex_id;
        // Adjectives carry their position: "galore(ip)".
        word = word.substr(0, word.find('('));
        // "Austrian", "Republican": an adjective of a place, a people or a
        // party, capitalised.
        if (part == 2 && word.size() > 1 && std::isupper(static_cast<unsigned char>(word[0])) &&
            Plain(word.substr(1)))
          proper_adjectives.insert(word);
        std::transform(word.begin(), word.end(), word.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        synset.words.push_back(word);
      }
      std::string pointer_count;
      fields >> pointer_count;
      for (int p = 0, n = std::stoi(pointer_count); p < n; ++p) {
        std::string symbol, target, target_pos, source_target;
        fields >> symbol >> target >> target_pos >> source_target;
        const char letter = target_pos == "s" ? 'a' : target_pos[0];
        if (symbol == "@" || symbol == "@i") synset.broader.push_back(letter + target);
        if ((symbol == "+" || symbol == "!") && source_target != "0000") {
          synset.links.push_back({symbol[0], std::stoi(source_target.substr(0, 2), nullptr, 16),
                                  std::stoi(source_target.substr(2, 2), nullptr, 16),
                                  letter + target});
        }
      }
      if (bar != std::string::npos) {
        std::string gloss = line.substr(bar + 3);
        gloss = gloss.substr(0, std::min(gloss.find(';'), gloss.find('"')));
        synset.definition = gloss;
      }
    }
  }
  // Dense numbers for the synsets that join two words or more.
  std::map<std::string, std::vector<int>> words;
  {
    std::map<std::string, std::set<std::string>> plain_members;
    for (const auto& [word, keys] : senses) {
      for (const std::string& key : keys) plain_members[key].insert(word);
    }
    int number = 0;
    for (const auto& [key, members] : plain_members) {
      if (members.size() < 2) continue;
      for (const std::string& word : members) words[word].push_back(number);
      ++number;
    }
  }
  // Words derived from one another ("win" and "winner", "approve" and
  // "approval"), and antonyms: WordNet's lexical pointers.
  std::map<std::string, std::set<std::string>> derived, antonyms;
  for (const auto& [key, synset] : synsets) {
    for (const Synset::Link& link : synset.links) {
      const auto target = synsets.find(link.target);
      if (target == synsets.end() || link.from < 1 ||
          link.from > static_cast<int>(synset.words.size()) || link.to < 1 ||
          link.to > static_cast<int>(target->second.words.size()))
        continue;
      const std::string& from = synset.words[static_cast<std::size_t>(link.from - 1)];
      const std::string& to = target->second.words[static_cast<std::size_t>(link.to - 1)];
      if (!Plain(from) || !Plain(to) || from == to) continue;
      if (link.symbol == '+' && (key[0] == 'n' || key[0] == 'v')) {
        derived[from].insert(to);
        derived[to].insert(from);
      } else if (link.symbol == '!') {
        antonyms[from].insert(to);
        antonyms[to].insert(from);
      }
    }
  }
  std::map<std::string, std::string> exceptions;
  for (const char* pos : kParts) {
    std::ifstream in(dir + "/" + pos + ".exc");
    std::string form, base;
    while (in >> form >> base) {
      std::string rest;
      std::getline(in, rest);  // further bases of the same form
      if (Plain(form) && Plain(base) && !exceptions.count(form)) exceptions[form] = base;
    }
  }
  // A definition's word as a WordNet word: itself, its exception's base,
  // or the first regular ending taken off that leaves one ("scheduled" ->
  // "schedule").
  auto lemma_of = [&](const std::string& word) -> std::string {
    if (senses.count(word)) return word;
    if (const auto found = exceptions.find(word); found != exceptions.end()) return found->second;
    static const std::pair<const char*, const char*> kEndings[] = {
        {"ies", "y"}, {"es", "e"},  {"es", ""},  {"s", ""},  {"ed", "e"},
        {"ed", ""},   {"ing", "e"}, {"ing", ""}, {"er", ""}, {"est", ""}};
    for (const auto& [ending, base] : kEndings) {
      const std::string end(ending);
      if (word.size() > end.size() + 1 && word.ends_with(end)) {
        std::string candidate = word.substr(0, word.size() - end.size()) + base;
        if (senses.count(candidate)) return candidate;
      }
    }
    return "";
  };
  // What each everyday word's three most common senses (of each part of
  // speech) lean on.
  constexpr int kSensesLeanedOn = 3;
  std::map<std::string, std::set<std::string>> leans_on;
  for (const std::string& word : everyday) {
    std::set<std::string>& out = leans_on[word];
    std::map<char, int> taken;  // senses leaned on, by part of speech
    for (const std::string& key : senses[word]) {
      if (taken[key[0]]++ >= kSensesLeanedOn) continue;
      const Synset& synset = synsets[key];
      for (const std::string& broader : synset.broader) {
        for (const std::string& other : synsets[broader].words) {
          if (Plain(other) || PhrasalVerb(other)) out.insert(other);
        }
      }
      std::string token;
      for (char c : synset.definition + " ") {
        if (c >= 'a' && c <= 'z') {
          token += c;
          continue;
        }
        if (c >= 'A' && c <= 'Z') {
          token += static_cast<char>(c - 'A' + 'a');
          continue;
        }
        if (!token.empty() && !DefinitionFiller().count(token)) {
          const std::string lemma = lemma_of(token);
          if (!lemma.empty()) out.insert(lemma);
        }
        token.clear();
      }
    }
    out.erase(word);
    if (out.empty()) leans_on.erase(word);
  }
  std::ofstream out(argv[2]);
  out << "// Generated by tools/gen_synonyms.cpp from WordNet 3.0's index, data and\n"
         "// exception files. WordNet 3.0 Copyright 2006 by Princeton University. All\n"
         "// rights reserved.\n"
         "// Arrays, not string views: a constexpr length of a megabyte would pass\n"
         "// the compiler's limit on constant-evaluation steps.\n"
         "constexpr char kWordNetExceptions[] =\n";
  for (const auto& [form, base] : exceptions) out << "    \"" << form << ' ' << base << "\\n\"\n";
  out << "    \"\";\n";
  // The verbs, one a line: whether a changed word can be an event; those
  // that are nothing else ("consider", "impose") are marked "!".
  out << "constexpr char kWordNetVerbs[] =\n";
  for (const auto& [word, keys] : senses) {
    if (Plain(word) && std::any_of(keys.begin(), keys.end(),
                                   [](const std::string& key) { return key[0] == 'v'; })) {
      const bool only_verb = std::all_of(keys.begin(), keys.end(),
                                         [](const std::string& key) { return key[0] == 'v'; });
      out << "    \"" << word << (only_verb ? " !" : "") << "\\n\"\n";
    }
  }
  out << "    \"\";\n";
  // The capitalised adjectives, one a line: "Austrian man" names no one.
  out << "constexpr char kWordNetProperAdjectives[] =\n";
  for (const std::string& word : proper_adjectives) out << "    \"" << word << "\\n\"\n";
  out << "    \"\";\n";
  // Each verb's kin: the synsets of its three most common senses and of
  // their broader senses two levels up, numbered densely. Two verbs with a
  // synset in common name one kind of event ("secure" and "win", "raise"
  // and "bring in"); two without, different events ("arrest" and
  // "question").
  {
    constexpr int kKinSenses = 3, kKinLevels = 2;
    std::map<std::string, int> numbers;
    auto number = [&numbers](const std::string& key) {
      return numbers.emplace(key, static_cast<int>(numbers.size())).first->second;
    };
    out << "constexpr char kWordNetVerbKin[] =\n";
    for (const auto& [word, keys] : senses) {
      if (!Plain(word) && !PhrasalVerb(word)) continue;
      std::set<int> kin;
      int taken = 0;
      for (const std::string& key : keys) {
        if (key[0] != 'v' || taken++ >= kKinSenses) continue;
        std::vector<std::string> level = {key};
        for (int depth = 0; depth <= kKinLevels && !level.empty(); ++depth) {
          std::vector<std::string> next;
          for (const std::string& synset : level) {
            kin.insert(number(synset));
            const auto found = synsets.find(synset);
            if (found == synsets.end()) continue;
            next.insert(next.end(), found->second.broader.begin(), found->second.broader.end());
          }
          level = std::move(next);
        }
      }
      if (kin.empty()) continue;
      out << "    \"" << word;
      for (int n : kin) out << ' ' << n;
      out << "\\n\"\n";
    }
    out << "    \"\";\n";
  }
  if (!WriteMeanings(out, words, derived, antonyms, leans_on)) return 1;
  return out ? 0 : 1;
}
