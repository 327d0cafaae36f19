#include "analysis/quote_context.h"

#include <array>

#include "analysis/quote_spans.h"
#include "base/ascii.h"
#include "base/word_list.h"

namespace stet {

using attribution::IsUpperStart;
using attribution::PersonMention;
using attribution::Word;

std::optional<std::string> BylineSpeaker(std::string_view text, Span after,
                                         const attribution::People& people) {
  std::size_t at = after.start;
  while (at < after.end && text[at] == ' ') ++at;
  const std::string_view rest = text.substr(at, after.end - at);
  std::size_t dash = 0;
  for (std::string_view mark : {"\u2015", "\u2014", "\u2013", "- "}) {
    if (rest.starts_with(mark)) dash = mark.size();
  }
  if (dash == 0) return std::nullopt;
  const std::vector<Word> words = attribution::WordsIn(text, {at + dash, after.end});
  for (const PersonMention& person : attribution::PersonMentions(words, people)) {
    if (person.word > 4) break;  // "retiring judge Honora Blake, in her farewell speech"
    return person.name;
  }
  return std::nullopt;
}

namespace {

bool IsAllCapitals(std::string_view word) {
  if (word.size() < 2) return false;
  for (char c : word) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

}  // namespace

std::optional<ColonSpeaker> SpeakerBeforeColon(std::span<const Word> words,
                                               const attribution::People& people) {
  if (words.size() < 2 || words.back().text != ":") return std::nullopt;
  words = words.first(words.size() - 1);
  // A transcript's label: "STAM:" is Pieter Stam when the text names him.
  if (words.size() == 1 && IsAllCapitals(words[0].text)) {
    std::string name(words[0].text);
    for (std::size_t k = 1; k < name.size(); ++k) name[k] = AsciiLower(name.substr(k, 1))[0];
    return ColonSpeaker{people.Resolve(name), true};
  }
  // The fullest name ("Head of the county fire service Mariusz Kowal").
  const PersonMention* person = nullptr;
  const std::vector<PersonMention> mentions = attribution::PersonMentions(words, people);
  for (const PersonMention& mention : mentions) {
    if (mention.possessive) continue;
    if (!person || (person->name.find(' ') == std::string::npos &&
                    mention.name.find(' ') != std::string::npos)) {
      person = &mention;
    }
  }
  if (!person || person->word > 8) return std::nullopt;
  // Nothing after the name but an aside or a preposition: a label ("Patient
  // Agnes Mbatha, 67:", "Leila Sadeghi on the staffing crisis:"); a verb
  // makes it a clause ("put it bluntly:").
  static constexpr std::array<std::string_view, 10> kAfterLabel = {
      ",", "on", "after", "before", "at", "in", "about", "from", "during", "outside"};
  const bool label = person->end == words.size() || Contains(kAfterLabel, words[person->end].lower);
  return ColonSpeaker{person->name, label};
}

std::optional<attribution::Attribution> PronounBeforeColon(std::span<const Word> words) {
  if (words.size() < 3 || words.back().text != ":" ||
      !attribution::IsPronoun(words.front().lower)) {
    return std::nullopt;
  }
  attribution::Attribution pronoun;
  pronoun.mention = attribution::PronounMention(words.front());
  pronoun.rule = "speaker of the clause before the colon";
  return pronoun;
}

bool IsTitleInSentence(std::string_view text, std::string_view quoted, Span whole, bool cued) {
  while (!quoted.empty() && (quoted.back() == '.' || quoted.back() == ',' || quoted.back() == '!' ||
                             quoted.back() == '?')) {
    quoted.remove_suffix(1);
  }
  if (quoted.empty() || WordCount(quoted) > 8 || !LooksLikeTitle(quoted)) return false;
  // Every word capitalised, or a capitalised long one: not “We are not.”
  bool every = true, long_capital = false;
  std::size_t from = 0;
  while (from < quoted.size()) {
    std::size_t to = quoted.find(' ', from);
    if (to == std::string_view::npos) to = quoted.size();
    const std::string_view word = quoted.substr(from, to - from);
    every = every && IsUpperStart(word);
    long_capital = long_capital || (word.size() > 3 && IsUpperStart(word));
    from = to + 1;
  }
  if (!every && !long_capital) return false;
  if (every && !long_capital && WordCount(quoted) < 3) return false;
  static const WordSet kTitleNouns(
      "film movie series show play musical opera song single album book novel memoir poem "
      "painting exhibition documentary podcast episode operation magazine newspaper");
  std::size_t at = whole.start;
  for (int words = 0; words < 2 && at > 0; ++words) {
    while (at > 0 && text[at - 1] == ' ') --at;
    std::size_t start = at;
    while (start > 0 && text[start - 1] != ' ') --start;
    if (kTitleNouns.Contains(AsciiLower(text.substr(start, at - start)))) return true;
    at = start;
  }
  return WordCount(quoted) >= 2 && !cued;
}

}  // namespace stet
