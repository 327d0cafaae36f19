// Attribution over a sentence's words: which words are titles and roles,
// names and reporting cues, and who a cue attributes speech to ("X said",
// "said X", "X, the ..., said", "according to X", "a police spokeswoman
// said"). The quote extractor (src/analysis/quotes.cpp) finds quotes and resolves
// the people; this is the word-level grammar it reads them with.
#ifndef STET_SRC_ANALYSIS_ATTRIBUTION_H_
#define STET_SRC_ANALYSIS_ATTRIBUTION_H_

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "stet/segment.h"

namespace stet::attribution {

bool IsUpperStartOutsideAscii(std::string_view word);
// Whether `word` opens with a capital letter (ASCII inline, others by ICU).
inline bool IsUpperStart(std::string_view word) {
  if (word.empty()) return false;
  const auto first = static_cast<unsigned char>(word.front());
  if (first < 0x80) return first >= 'A' && first <= 'Z';
  return IsUpperStartOutsideAscii(word);
}
bool IsPronoun(std::string_view lower);  // he, she, they, i, we

// A token of a sentence, with its text.
struct Word {
  Span span;
  std::string_view text;
  // The same bytes, ASCII letters in lower case: its own copy (most words
  // fit in the string itself), where a lower-case copy of the whole text
  // was 2.3 MB at the peak of a 300k-word diff (docs/performance.md).
  std::string lower;
  bool word = false;        // letters or digits, else punctuation
  bool role = false;        // a title or role word
  bool cue = false;         // a reporting word, or "according"
  bool never_name = false;  // capitalised but never part of a name ("Despite", "Tuesday")
  // Inside quotation marks: never a name, role or cue of the writer's own
  // sentence (what a sentence is about is not decided by quoted names).
  bool quoted = false;
};

// Whether `lower` (lower case) is a title or role word ("president", "sen.").
bool IsRoleWord(std::string_view lower);

// The words of a sentence from its tokens. An abbreviation keeps its full
// stop ("Sen.") and a possessive is split off a name ("Trump’s" as "Trump",
// "’s").
std::vector<Word> WordsFrom(std::string_view text, TokenRange tokens);
std::vector<Word> WordsIn(std::string_view text, Span span);

bool IsRole(const Word& word);      // a role word outside quotation marks
bool IsNameWord(const Word& word);  // capitalised, not a pronoun, outside quotation marks

// A person or organisation as the text names it: the role words before the
// name, and the name (empty for an unnamed "a police spokeswoman").
struct Mention {
  std::string role;
  std::string name;
  bool pronoun = false;
  std::string pronoun_text;
  std::string written;  // the whole mention as written
  // An organisation ("the ministry", "Kessel Freight Lines", "Ferreira’s
  // campaign"), not a person; its name is `written`.
  bool organisation = false;
  // The cue's subject is the subject of the sentence's main clause: a
  // participle ("…, saying") or a second verb ("toured the school and told
  // parents").
  bool clause_subject = false;
  Span span;  // where the mention (a pronoun: the pronoun) stands; the cue for a clause subject
};

// words[from, to) joined by single spaces.
std::string Join(std::span<const Word> words, std::size_t from, std::size_t to);
// Where the role words of words[from, to) end and the name begins.
std::size_t RoleEnd(std::span<const Word> words, std::size_t from, std::size_t to);
// Splits words[from, to) into role and name.
Mention SplitRole(std::span<const Word> words, std::size_t from, std::size_t to);
// The first index of the name ending at words[last], scanning back no
// further than `floor`; the end of the name starting at words[first].
std::size_t NameStart(std::span<const Word> words, std::size_t last, std::size_t floor);
std::size_t NameEnd(std::span<const Word> words, std::size_t first);

// The organisation whose name starts at words[k] ("the Coastal Weather
// Service"); nullopt when none does.
std::optional<Mention> OrganisationAt(std::span<const Word> words, std::size_t k);

// A pronoun ("he", "she") as the speaker's mention, to be resolved.
Mention PronounMention(const Word& word);

// Whether words[k] is a reporting cue ("said", "according" before "to").
bool IsCue(std::span<const Word> words, std::size_t k);

struct Attribution {
  Mention mention;
  std::string cue;  // "said", "according to"
  // Which rule found it, for `stet quotes --explain`: "cue after the quote".
  std::string rule;
};

// The attribution made by the cue at words[k]: its speaker before it (not
// before words[floor]) or after it; nullopt when words[k] is no cue or names
// nobody.
std::optional<Attribution> CueAt(std::span<const Word> words, std::size_t k, std::size_t floor);

}  // namespace stet::attribution

#endif  // STET_SRC_ANALYSIS_ATTRIBUTION_H_
