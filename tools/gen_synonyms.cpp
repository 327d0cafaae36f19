// Writes WordNet's synonym sets for single lower-case words as a C++ string
// literal, for the claim comparison's test of a re-worded claim ("rise" ->
// "increase", "close" -> "shut", "nation" -> "country"), and the words
// derived from one another ("win" and "winner"). One line per word,
// sorted: the word, then the numbers of the synsets it belongs to (only
// synsets with two words or more; numbered densely). Lines "=FORM BASE"
// come first: WordNet's exception lists ("said" -> "say", "mice" ->
// "mouse"), sorted. Reads Debian's wordnet-base (/usr/share/wordnet, the
// WordNet 3.0 database, Princeton's licence: see docs/quality.md).
// Usage: stet-gen-synonyms WORDNET_DIR OUTPUT
#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

bool Plain(const std::string& word) {
  return !word.empty() &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: stet-gen-synonyms WORDNET_DIR OUTPUT\n";
    return 2;
  }
  const std::string dir = argv[1];
  // Each synset (part of speech and offset) with its plain words.
  std::map<std::string, std::set<std::string>> synsets;
  for (const char* pos : {"noun", "verb", "adj", "adv"}) {
    std::ifstream in(dir + "/index." + pos);
    if (!in) {
      std::cerr << "stet-gen-synonyms: " << dir << "/index." << pos
                << ": cannot read (apt-get install wordnet-base)\n";
      return 1;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == ' ') continue;  // the licence header
      std::istringstream fields(line);
      std::string lemma, part, synset_count, pointer_count;
      fields >> lemma >> part >> synset_count >> pointer_count;
      if (!Plain(lemma)) continue;
      for (int p = 0; p < std::stoi(pointer_count); ++p) {
        std::string pointer;
        fields >> pointer;
      }
      std::string sense_count, tagged_count;
      fields >> sense_count >> tagged_count;
      for (int s = 0; s < std::stoi(synset_count); ++s) {
        std::string offset;
        fields >> offset;
        synsets[part + offset].insert(lemma);
      }
    }
  }
  // Dense numbers for the synsets that join two words or more.
  std::map<std::string, std::vector<int>> words;
  int number = 0;
  for (const auto& [synset, members] : synsets) {
    if (members.size() < 2) continue;
    for (const std::string& word : members) words[word].push_back(number);
    ++number;
  }
  // Words derived from one another ("win" and "winner", "approve" and
  // "approval"): WordNet's lexical "+" pointers between nouns and verbs.
  std::map<std::string, std::set<std::string>> derived;
  {
    std::map<std::string, std::vector<std::string>> members;  // "n01234567" -> its words
    struct Link {
      std::string from_word, to_synset;
      int to_word;
    };
    std::vector<Link> links;
    for (const char* pos : {"noun", "verb"}) {
      std::ifstream in(dir + "/data." + pos);
      std::string line;
      while (std::getline(in, line)) {
        if (line.empty() || line[0] == ' ') continue;
        std::istringstream fields(line);
        std::string offset, lexicographer_file, type, count_hex;
        fields >> offset >> lexicographer_file >> type >> count_hex;
        std::vector<std::string>& words = members[type.substr(0, 1) + offset];
        for (long i = 0, n = std::stol(count_hex, nullptr, 16); i < n; ++i) {
          std::string word, lex_id;
          fields >> word >> lex_id;
          words.push_back(word);
        }
        std::string pointer_count;
        fields >> pointer_count;
        for (int p = 0, n = std::stoi(pointer_count); p < n; ++p) {
          std::string symbol, target, target_pos, source_target;
          fields >> symbol >> target >> target_pos >> source_target;
          if (symbol != "+" || source_target == "0000") continue;
          const int from = std::stoi(source_target.substr(0, 2), nullptr, 16);
          const int to = std::stoi(source_target.substr(2, 2), nullptr, 16);
          if (from >= 1 && from <= static_cast<int>(words.size())) {
            links.push_back({words[static_cast<std::size_t>(from - 1)], target_pos + target, to});
          }
        }
      }
    }
    for (const Link& link : links) {
      const auto target = members.find(link.to_synset);
      if (target == members.end() || link.to_word < 1 ||
          link.to_word > static_cast<int>(target->second.size()))
        continue;
      const std::string& to = target->second[static_cast<std::size_t>(link.to_word - 1)];
      if (Plain(link.from_word) && Plain(to) && link.from_word != to) {
        derived[link.from_word].insert(to);
        derived[to].insert(link.from_word);
      }
    }
  }
  std::map<std::string, std::string> exceptions;
  for (const char* pos : {"noun", "verb", "adj", "adv"}) {
    std::ifstream in(dir + "/" + pos + ".exc");
    std::string form, base;
    while (in >> form >> base) {
      std::string rest;
      std::getline(in, rest);  // further bases of the same form
      if (Plain(form) && Plain(base) && !exceptions.count(form)) exceptions[form] = base;
    }
  }
  std::ofstream out(argv[2]);
  out << "// Generated by tools/gen_synonyms.cpp from WordNet 3.0's index and exception\n"
         "// files. WordNet 3.0 Copyright 2006 by Princeton University. All rights\n"
         "// reserved.\n"
         "// Arrays, not string views: a constexpr length of a megabyte would pass\n"
         "// the compiler's limit on constant-evaluation steps.\n"
         "constexpr char kWordNetExceptions[] =\n";
  for (const auto& [form, base] : exceptions) out << "    \"" << form << ' ' << base << "\\n\"\n";
  out << "    \"\";\n"
         "constexpr char kWordNetSynsets[] =\n";
  for (const auto& [word, numbers] : words) {
    out << "    \"" << word;
    for (int n : numbers) out << ' ' << n;
    out << "\\n\"\n";
  }
  out << "    \"\";\n"
         "constexpr char kWordNetDerived[] =\n";
  for (const auto& [word, others] : derived) {
    out << "    \"" << word;
    for (const std::string& other : others) out << ' ' << other;
    out << "\\n\"\n";
  }
  out << "    \"\";\n";
  return out ? 0 : 1;
}
