// The people a text names: who they are by full name, which short forms
// ("Hegseth") and titles ("Mr. Castellano") stand for them, what the text
// says of their gender, and where in a sentence each is mentioned. Pronoun
// resolution (quotes.cpp) picks among these mentions, nearest sentences
// first, by agreement with the pronoun's gender.
#ifndef STET_SRC_ANALYSIS_PEOPLE_H_
#define STET_SRC_ANALYSIS_PEOPLE_H_

#include <cstddef>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "analysis/attribution.h"
#include "analysis/names.h"
#include "stet/segment.h"

namespace stet::attribution {

class People {
 public:
  // Registers a full name, by its last word; the longest name is kept.
  void Add(const std::string& name);
  bool Knows(const std::string& name) const;
  // The full name for a mention of `name` ("Hegseth" -> "Pete Hegseth";
  // a different first name stays itself).
  std::string Resolve(const std::string& name) const;

  // The first evidence of a person's gender wins.
  void NoteGender(const std::string& full_name, Gender gender);
  Gender GenderOf(const std::string& full_name) const;

 private:
  static std::string LastWord(const std::string& name);
  std::map<std::string, std::string> by_last_;
  std::map<std::string, Gender> gender_;
};

// A person named in a sentence.
struct PersonMention {
  std::string name;         // as resolved to a full name
  std::size_t word = 0;     // index of its first word (a title's) in the sentence's words
  std::size_t end = 0;      // one past its last word
  std::size_t start = 0;    // byte offset of its first word in the text
  bool titled = false;      // with a title or role: "Mr. Castellano", "jockey Ruairi Doherty"
  bool possessive = false;  // "Trump’s approach": not what the sentence is about
  bool opens = false;       // a single word opening the sentence ("Hahn was furious")
};

// The people sentence `words` names, in order: capitalised names (with
// their titles), not organisations, places or sentence openers. A single
// unknown word counts only as the sentence's subject ("Hahn was furious").
std::vector<PersonMention> PersonMentions(std::span<const Word> words, const People& people);

// The same in two steps, so that a text's sentences are read once: the
// candidates of a sentence (names as written, single words included)...
std::vector<PersonMention> PersonCandidates(std::span<const Word> words);
// ...the names among them worth registering (two words or more, or with a
// title: "Mr. Castellano")...
std::vector<std::string> NamesToRegister(const std::vector<PersonMention>& candidates);
// ...and, once every sentence's names are registered, the mentions.
std::vector<PersonMention> PersonMentions(const std::vector<PersonMention>& candidates,
                                          const People& people);

// Whether a sentence (its `tokens` in `text`) can hold a name worth
// registering: two capitalised words in a row ("Pete Hegseth", "Mr.
// Castellano") or a role before a capitalised word ("resident Ottoline
// Marsh"), outside the `quoted` spans (sorted). Read on the tokens, so that
// most sentences of a long text are never made into words.
bool MayNameSomeone(std::string_view text, TokenRange tokens, const std::vector<Span>& quoted);

// Gender evidence in one sentence: a title or role noun in a mention
// ("Ms.", "spokeswoman"), a kinship noun naming it ("his daughter, Mariama
// Sesay"), and a possessive or object pronoun after it ("Daniel Ferreira
// introduced his running mate": the nearest person before "his").
void NoteGenders(std::span<const Word> words, const std::vector<PersonMention>& mentions,
                 People& people);

}  // namespace stet::attribution

#endif  // STET_SRC_ANALYSIS_PEOPLE_H_
