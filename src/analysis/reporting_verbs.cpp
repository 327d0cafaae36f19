#include "analysis/reporting_verbs.h"

#include <algorithm>
#include <array>

#include "base/word_list.h"

namespace stet::attribution {
namespace {

// Base forms. A trailing '+' doubles the final consonant before -ed and
// -ing (admit: admitted, admitting); a verb ending in a vowel and 'l' gets
// both spellings (labeled, labelled).
constexpr std::string_view kBaseVerbs =
    "call describe dub+ label brand term liken characterize characterise say tell inform point "
    "cite add state remark explain note observe comment mention "
    "declare announce proclaim report recount recall describe reply respond answer "
    "retort counter rejoin interject continue conclude elaborate clarify specify "
    "summarize summarise reflect muse reason wonder marvel estimate forecast predict "
    "speculate guess write post tweet assert insist maintain contend argue claim "
    "allege stress emphasize emphasise underscore reiterate repeat reaffirm affirm "
    "assure posit opine suggest hint admit+ acknowledge concede confess confirm deny "
    "disclose reveal apologize apologise agree concur+ warn caution urge plead beg+ "
    "implore demand vow pledge promise threaten advise remind ask inquire enquire "
    "query press challenge accuse charge complain protest object criticize criticise "
    "condemn denounce blast slam+ fume rail scoff mock taunt tease deride ridicule "
    "scold chide rebuke lament bemoan grumble gripe whine moan praise hail boast "
    "brag+ gush rave tout thank shout yell scream cry exclaim whisper murmur mutter "
    "mumble sigh laugh chuckle joke quip+ jest snap+ snarl growl bark thunder "
    "testify swear chant stammer ";

// Forms no spelling rule makes: base, then the forms.
struct Irregular {
  std::string_view base;
  std::array<std::string_view, 2> past;
};
constexpr std::array<Irregular, 6> kIrregular = {{
    {"say", {"said", ""}},
    {"tell", {"told", ""}},
    {"write", {"wrote", "written"}},
    {"swear", {"swore", "sworn"}},
    {"forecast", {"forecast", "forecasted"}},
    {"plead", {"pleaded", "pled"}},
}};

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// "reply", "cry" (not "say", "obey"): the y becomes ie before -s and -ed.
bool EndsInConsonantY(std::string_view word) {
  return word.size() > 1 && word.back() == 'y' && !IsVowel(word[word.size() - 2]);
}

std::string Third(std::string_view base) {
  const std::string word(base);
  if (word.ends_with("s") || word.ends_with("x") || word.ends_with("z") || word.ends_with("ch") ||
      word.ends_with("sh") || word.ends_with("o")) {
    return word + "es";
  }
  if (EndsInConsonantY(word)) return word.substr(0, word.size() - 1) + "ies";
  return word + "s";
}

std::string Past(std::string_view base, bool doubles) {
  const std::string word(base);
  if (doubles) return word + word.back() + "ed";
  if (word.ends_with("e")) return word + "d";
  if (EndsInConsonantY(word)) return word.substr(0, word.size() - 1) + "ied";
  return word + "ed";
}

std::string Participle(std::string_view base, bool doubles) {
  const std::string word(base);
  if (doubles) return word + word.back() + "ing";
  if (word.ends_with("ie")) return word.substr(0, word.size() - 2) + "ying";
  if (word.ends_with("e") && !word.ends_with("ee") && !word.ends_with("ye") &&
      !word.ends_with("oe")) {
    return word.substr(0, word.size() - 1) + "ing";
  }
  return word + "ing";
}

const Irregular* IrregularOf(std::string_view base) {
  for (const Irregular& irregular : kIrregular) {
    if (irregular.base == base) return &irregular;
  }
  return nullptr;
}

void AddForms(std::string_view entry, std::vector<VerbFormEntry>& forms) {
  const bool doubles = entry.ends_with('+');
  const std::string_view base = doubles ? entry.substr(0, entry.size() - 1) : entry;
  forms.push_back({std::string(base), VerbForm::kBase});
  forms.push_back({Third(base), VerbForm::kThird});
  if (const Irregular* irregular = IrregularOf(base)) {
    for (std::string_view past : irregular->past) {
      if (!past.empty()) forms.push_back({std::string(past), VerbForm::kPast});
    }
  } else {
    forms.push_back({Past(base, doubles), VerbForm::kPast});
  }
  forms.push_back({Participle(base, doubles), VerbForm::kParticiple});
  // label: labeled and labelled.
  if (!doubles && base.size() > 2 && base.back() == 'l' && IsVowel(base[base.size() - 2])) {
    forms.push_back({Past(base, true), VerbForm::kPast});
    forms.push_back({Participle(base, true), VerbForm::kParticiple});
  }
}

}  // namespace

const std::vector<VerbFormEntry>& ReportingVerbForms() {
  static const std::vector<VerbFormEntry> forms = [] {
    std::vector<VerbFormEntry> all;
    const WordSet verbs(kBaseVerbs);
    for (std::string_view entry : verbs.SortedWords()) AddForms(entry, all);
    return all;
  }();
  return forms;
}

bool IsNamingVerb(std::string_view lower) {
  static const std::vector<std::string> forms = [] {
    std::vector<VerbFormEntry> entries;
    const WordSet verbs("call describe dub+ label brand term liken characterize characterise");
    for (std::string_view entry : verbs.SortedWords()) AddForms(entry, entries);
    std::vector<std::string> words;
    for (VerbFormEntry& entry : entries) words.push_back(std::move(entry.word));
    return words;
  }();
  return std::find(forms.begin(), forms.end(), lower) != forms.end();
}

}  // namespace stet::attribution
