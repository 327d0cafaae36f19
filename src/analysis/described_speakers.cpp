#include "analysis/described_speakers.h"

#include "analysis/names.h"
#include "base/word_list.h"

namespace stet::attribution {
namespace {

// Heads of a phrase that describes a person without naming them ("a
// Port Authority official", "one resident", "a person familiar with the
// talks"), beside the title words.
constexpr std::string_view kPersonNouns =
    "person people source sources insider employee employees worker workers resident "
    "residents passenger fan fans shopper parent parents student students man woman "
    "officials official diplomat diplomats witness witnesses neighbour neighbor "
    "voter voters member members relative friend colleague lawyers owner organiser "
    "organizer critics analysts experts observers opponents supporters protesters "
    "activists lawmakers leaders scientists researchers doctors teachers locals "
    "villagers campaigners economists investors officers spectators survivors "
    "families ";

}  // namespace

bool PersonNoun(std::string_view lower) {
  static const WordSet nouns(kPersonNouns);
  return nouns.Contains(lower);
}

bool IsDeterminer(std::string_view lower) {
  return lower == "a" || lower == "an" || lower == "the" || lower == "one" || lower == "another" ||
         lower == "its" || lower == "their" || lower == "some" || lower == "two" ||
         lower == "several";
}

bool IsPreposition(std::string_view lower) {
  return lower == "for" || lower == "at" || lower == "of" || lower == "in" || lower == "with" ||
         lower == "from" || lower == "on" || lower == "to";
}

// A word a describing phrase can hold: words, "’s", hyphens, apostrophes.
bool InPhrase(const Word& word) {
  if (word.quoted) return false;
  if (word.word) return !word.cue || word.lower == "according";
  return word.text == "’s" || word.text == "'s" || word.text == "-" || word.text == "’" ||
         word.text == "'";
}

// A phrase words[from, to) as a speaker the text does not name: a person
// described ("a spokeswoman for the council": a person noun or title in
// it) or an organisation (an organisation word: "the club", "police",
// "Ferreira’s campaign", "Kessel Freight Lines"); nullopt when neither.
std::optional<Mention> DescribedSpeaker(std::span<const Word> words, std::size_t from,
                                        std::size_t to) {
  if (from >= to) return std::nullopt;
  // The phrase's head comes before its modifiers ("a detective involved in
  // the case"): what follows a preposition only describes it.
  std::size_t head = to;
  bool person = false, organisation = false;
  for (std::size_t k = from; k < to; ++k) {
    if (!words[k].word) continue;
    if (k > from && IsPreposition(words[k].lower)) break;
    head = k;
    if (IsRole(words[k]) || PersonNoun(words[k].lower)) person = true;
    if (IsOrganisationWord(words[k].lower)) organisation = true;
  }
  if (head == to) return std::nullopt;
  // The head decides: "the regional health authority" is an organisation,
  // "a lifeguard" a person.
  const std::string_view head_word = words[head].lower;
  if (IsOrganisationWord(head_word)) {
    person = false;
    organisation = true;
  } else if (IsRole(words[head]) || PersonNoun(head_word) ||
             (!IsUpperStart(words[head].text) && NamesAPerson(head_word))) {
    person = true;
  }
  if (!person && !organisation) return std::nullopt;
  Mention mention;
  mention.written = Join(words, from, to);
  if (person) {
    mention.role = mention.written;
  } else {
    mention.organisation = true;
  }
  return mention;
}

// The describing phrase ending at words[end - 1]: back to its determiner
// ("a", "the", "one"), or over a plain noun ("police"), and over
// prepositional modifiers ("a spokesman for the company").
std::optional<Mention> PhraseEndingAt(std::span<const Word> words, std::size_t end,
                                      std::size_t floor) {
  std::size_t start = end;
  while (start > floor && end - start < 10 && InPhrase(words[start - 1])) {
    const std::string_view lower = words[start - 1].lower;
    if (lower == "and" || lower == "but" || lower == "or" || lower == "that") break;
    --start;
    if (IsDeterminer(words[start].lower)) {
      // "for the council": the determiner of a modifier; go on to the head.
      if (start > floor && words[start - 1].word && IsPreposition(words[start - 1].lower)) continue;
      break;
    }
  }
  while (start < end && !words[start].word) ++start;
  return DescribedSpeaker(words, start, end);
}

// The describing phrase opening at words[first]: to its head and the
// modifiers after it, stopping at a comma or a relative clause ("said a
// Port Authority official who asked not to be named").
std::optional<Mention> PhraseStartingAt(std::span<const Word> words, std::size_t first) {
  if (first >= words.size() || !IsDeterminer(words[first].lower)) return std::nullopt;
  std::size_t end = first + 1;
  while (end < words.size() && end - first < 10 && InPhrase(words[end])) {
    const std::string_view lower = words[end].lower;
    if (lower == "who" || lower == "which" || lower == "that" || lower == "and" || lower == "as" ||
        lower == "when" || lower == "while" || lower == "after" || lower == "before") {
      break;
    }
    ++end;
  }
  return DescribedSpeaker(words, first, end);
}

// words[from, to) as an organisation's name when one of its words says so
// ("Kessel Freight Lines", "Ministry of Health", "Brenmoor Teachers’ Union").
std::optional<Mention> OrganisationNamed(std::span<const Word> words, std::size_t from,
                                         std::size_t to) {
  // "Police Chief Anwar Siddiqui": a person with an organisation's title;
  // "Health Ministry": the organisation, all of it.
  const std::size_t name_from = RoleEnd(words, from, to);
  const std::size_t look_from = name_from > from && name_from < to ? name_from : from;
  bool organisation = false;
  for (std::size_t k = look_from; k < to; ++k) {
    organisation = organisation || IsOrganisationWord(words[k].lower) ||
                   (words[k].text == "&" && k > from && k + 1 < to);  // "Marigold & Finch"
  }
  if (!organisation) return std::nullopt;
  Mention mention;
  mention.organisation = true;
  mention.written = Join(words, from, to);
  mention.name = mention.written;
  return mention;
}

std::optional<Mention> OrganisationAt(std::span<const Word> words, std::size_t k) {
  if (k >= words.size() || !IsNameWord(words[k])) return std::nullopt;
  const bool after_the = k > 0 && words[k - 1].lower == "the";
  std::optional<Mention> named = OrganisationNamed(words, k, NameEnd(words, k));
  if (named && after_the) named->written = "the " + named->written;
  return named;
}

}  // namespace stet::attribution
