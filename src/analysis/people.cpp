#include "analysis/people.h"

#include <algorithm>

#include "base/ascii.h"

namespace stet::attribution {

std::string People::LastWord(const std::string& name) {
  const std::size_t space = name.rfind(' ');
  return space == std::string::npos ? name : name.substr(space + 1);
}

void People::Add(const std::string& name) {
  std::string& known = by_last_[LastWord(name)];
  if (name.size() > known.size()) known = name;
}

bool People::Knows(const std::string& name) const {
  return by_last_.count(LastWord(name)) > 0;
}

std::string People::Resolve(const std::string& name) const {
  auto found = by_last_.find(LastWord(name));
  if (found == by_last_.end()) return name;
  // "Hegseth" or "Pete Hegseth" -> the longest; a different first name
  // ("Melania Trump" against "Donald Trump") stays itself.
  const std::string& full = found->second;
  return full.size() >= name.size() && full.ends_with(name) ? full : name;
}

void People::NoteGender(const std::string& full_name, Gender gender) {
  if (gender == Gender::kUnknown) return;
  gender_.try_emplace(full_name, gender);
}

Gender People::GenderOf(const std::string& full_name) const {
  auto found = gender_.find(full_name);
  return found == gender_.end() ? Gender::kUnknown : found->second;
}

namespace {

bool IsPossessiveMark(const Word& word) {
  return word.text == "\u2019s" || word.text == "'s";
}

}  // namespace

std::vector<PersonMention> PersonCandidates(std::span<const Word> words) {
  std::vector<PersonMention> candidates;
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (!IsNameWord(words[k]) && !IsRole(words[k])) continue;
    const std::size_t end = NameEnd(words, k);
    bool organisation = false;
    for (std::size_t j = k; j < end; ++j)
      organisation = organisation || IsOrganisationWord(words[j].lower);
    // "the United States", "the Port Authority": a capitalised phrase after
    // "the" without a title is a place or an organisation.
    const bool after_the = k > 0 && words[k - 1].lower == "the" && !IsRole(words[k]);
    const Mention mention = SplitRole(words, k, end);
    if (organisation || after_the || mention.name.empty()) {
      k = end > k ? end - 1 : k;
      continue;
    }
    PersonMention found;
    found.name = mention.name;
    found.word = k;
    found.start = words[k].span.start;
    found.end = end;
    found.titled = !mention.role.empty();
    found.possessive = end < words.size() && IsPossessiveMark(words[end]);
    // A single unknown word is a person only as what the sentence opens
    // with ("Hahn was furious"; not "Harwick" in "in Harwick"), and not an
    // opening participle ("Faced with …") or a word a noun for a person
    // follows ("Town clerk Habib Rahmani").
    const bool participle = mention.name.ends_with("ed") || mention.name.ends_with("ing");
    const bool describes = end < words.size() && words[end].word && NamesAPerson(words[end].lower);
    found.opens = k == 0 && end < words.size() && words[end].word &&
                  !IsUpperStart(words[end].text) && !participle && !describes;
    candidates.push_back(std::move(found));
    k = end - 1;
  }
  return candidates;
}

std::vector<PersonMention> PersonMentions(const std::vector<PersonMention>& candidates,
                                          const People& people) {
  std::vector<PersonMention> mentions;
  for (const PersonMention& candidate : candidates) {
    const bool several = candidate.name.find(' ') != std::string::npos;
    if (!several && !candidate.titled && !candidate.opens && !people.Knows(candidate.name)) {
      continue;
    }
    PersonMention mention = candidate;
    mention.name = people.Resolve(candidate.name);
    mentions.push_back(std::move(mention));
  }
  return mentions;
}

std::vector<PersonMention> PersonMentions(std::span<const Word> words, const People& people) {
  return PersonMentions(PersonCandidates(words), people);
}

std::vector<std::string> NamesToRegister(const std::vector<PersonMention>& candidates) {
  std::vector<std::string> names;
  for (const PersonMention& candidate : candidates) {
    if (candidate.titled || candidate.name.find(' ') != std::string::npos) {
      names.push_back(candidate.name);
    }
  }
  return names;
}

bool MayNameSomeone(std::string_view text, TokenRange tokens, const std::vector<Span>& quoted) {
  if (tokens.empty()) return false;
  auto capital = [&](std::size_t k) {
    return tokens[k].word() && IsUpperStart(text.substr(tokens[k].span().start, 4));
  };
  auto inside = std::lower_bound(quoted.begin(), quoted.end(), tokens.front().span().start,
                                 [](Span span, std::size_t value) { return span.end <= value; });
  for (std::size_t k = 0; k + 1 < tokens.size(); ++k) {
    if (!tokens[k].word()) continue;
    while (inside != quoted.end() && inside->end <= tokens[k].span().start) ++inside;
    if (inside != quoted.end() && inside->start <= tokens[k].span().start) continue;
    std::size_t next = k + 1;
    if (!tokens[next].word() && next + 1 < tokens.size() &&
        text[tokens[next].span().start] == '.') {
      ++next;  // "Mr. Castellano", "Mary J. Ortega"
    }
    if (!capital(next)) continue;
    if (capital(k)) return true;
    const Span span = tokens[k].span();
    if (IsRoleWord(AsciiLower(text.substr(span.start, span.end - span.start)))) return true;
  }
  return false;
}

void NoteGenders(std::span<const Word> words, const std::vector<PersonMention>& mentions,
                 People& people) {
  for (const PersonMention& mention : mentions) {
    // A title or role noun of the mention: "Ms.", "spokeswoman".
    for (std::size_t k = mention.word; k < mention.end; ++k) {
      people.NoteGender(mention.name, GenderOfWord(words[k].lower));
    }
    // The noun that introduces it: "his daughter, Mariama Sesay".
    std::size_t before = mention.word;
    if (before > 0 && words[before - 1].text == ",") --before;
    if (before > 0 && !IsGenderedPronoun(words[before - 1].lower)) {
      people.NoteGender(mention.name, GenderOfWord(words[before - 1].lower));
    }
  }
  // A subject or possessive pronoun speaks of the person the sentence is
  // about, its first named before it ("Daniel Ferreira introduced his
  // running mate"; "Sprinter Adaeze Nwosu won, a week after her coach,
  // Henrik Dahl, said she was not ready"). An object pronoun ("asked him")
  // speaks of someone else, and says nothing.
  for (std::size_t k = 0; k < words.size(); ++k) {
    const std::string_view pronoun = words[k].lower;
    if (!IsGenderedPronoun(pronoun) || pronoun == "him" || pronoun == "himself" ||
        pronoun == "herself" || pronoun == "hers") {
      continue;
    }
    // "her" before a noun is possessive; before anything else an object.
    if (pronoun == "her" &&
        (k + 1 >= words.size() || !words[k + 1].word || words[k + 1].lower == "to" ||
         words[k + 1].lower == "that" || IsUpperStart(words[k + 1].text))) {
      continue;
    }
    for (const PersonMention& mention : mentions) {
      if (mention.end > k) break;
      if (mention.possessive) continue;
      people.NoteGender(mention.name, GenderOfWord(pronoun));
      break;
    }
  }
}

}  // namespace stet::attribution
