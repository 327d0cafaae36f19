// Attribution over a sentence's words: which words are roles, names and
// reporting cues, and who a cue attributes speech to (src/analysis/attribution.h).
#include "analysis/attribution.h"

#include <array>
#include <utility>

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cstdint>

#include "analysis/described_speakers.h"
#include "analysis/names.h"
#include "analysis/reporting_verbs.h"
#include "base/ascii.h"
#include "base/word_list.h"

namespace stet::attribution {

namespace {

// Words of titles and roles that stand before a name.
constexpr std::string_view kRoleWords =
    "critic soprano tenor baritone drummer guitarist bassist pianist violinist conductor composer "
    "host presenter anchor comedian dancer photographer fishmonger patient driver grower baker "
    "butcher plumber electrician builder miner sailor fisherman midwife paramedic firefighter "
    "groundskeeper promoter advocate guide protester sister brother president vice secretary "
    "minister prime chancellor senator sen. sen rep. rep "
    "representative gov. gov governor mayor general gen. gen admiral adm. colonel "
    "col. lt. lieutenant captain capt. sgt. sergeant spokesman spokeswoman "
    "spokesperson envoy ambassador director chief chairman chairwoman chair ceo "
    "judge justice attorney commissioner king queen prince princess pope dr. dr mr. "
    "mr mrs. mrs ms. ms prof. professor leader official lawmaker deputy special "
    "foreign defense defence interior finance treasury health speaker adviser "
    "advisor aide officer inspector detective coach executive founder economist "
    "analyst premier sheikh rabbi bishop cardinal councillor councilor councilwoman "
    "councilman alderman treasurer principal superintendent constable sheriff "
    "marshal dean provost rector vicar reverend rev. father imam pastor archbishop "
    "manager president-elect lawyer attorney-general prosecutor magistrate trustee "
    "administrator supervisor chairperson secretary-general congressman "
    "congresswoman assemblyman assemblywoman mp mep commander major corporal "
    "delegate historian scientist researcher engineer architect doctor nurse surgeon "
    "teacher headteacher headmaster headmistress pilot skipper striker midfielder "
    "goalkeeper defender winger owner chef farmer author novelist poet artist singer "
    "actor actress producer editor columnist correspondent reporter journalist "
    "commentator activist campaigner organiser organizer volunteer resident "
    "neighbour neighbor witness survivor mother widow landlord tenant shopkeeper "
    "ranger warden curator librarian planner consultant strategist pollster broker "
    "banker trader investor entrepreneur co-founder cofounder partner counsel "
    "solicitor barrister auditor regulator ombudsman miss mx mx. sir dame lord lady "
    "baroness baron duke duchess countess lt sgt capt det. insp. supt. cllr cllr. "
    "assoc. asst. candidate nominee challenger incumbent hopeful assistant associate "
    "senior junior acting interim former retired ";

constexpr std::array<std::string_view, 22> kAdverbs = {
    "also",       "later",      "further",   "then",       "again",   "once",
    "previously", "earlier",    "recently",  "simply",     "just",    "never",
    "often",      "still",      "too",       "repeatedly", "quickly", "finally",
    "first",      "separately", "privately", "publicly"};

}  // namespace

bool IsUpperStartOutsideAscii(std::string_view word) {
  // A capital outside ASCII: "Ó Dálaigh", "Ørsted", "Łukasz".
  const icu::UnicodeString first = icu::UnicodeString::fromUTF8(icu::StringPiece(
      word.data(), static_cast<std::int32_t>(std::min<std::size_t>(word.size(), 4))));
  return !first.isEmpty() && u_isupper(first.char32At(0));
}

bool IsPronoun(std::string_view lower) {
  return lower == "he" || lower == "she" || lower == "they" || lower == "i" || lower == "we";
}

namespace {

// The role and cue word lists. A word of one letter, of 32 or more, or not
// opening with a lower-case letter is in neither.
class WordLists {
 public:
  WordLists() : roles_(kRoleWords), cues_(CueWords()) {}

  // kRole | kCue for `lower`, 0 for neither.
  unsigned Lookup(std::string_view lower) const {
    if (!MayBeListed(lower)) return 0;
    return (roles_.Contains(lower) ? kRole : 0) | (cues_.Contains(lower) ? kCue : 0);
  }
  bool IsRole(std::string_view lower) const { return MayBeListed(lower) && roles_.Contains(lower); }

  static constexpr unsigned kRole = 1, kCue = 2;

 private:
  // Whether `lower` may be in either list (the rule above).
  static bool MayBeListed(std::string_view lower) {
    return lower.size() >= 2 && lower.size() < 32 && lower.front() >= 'a' && lower.front() <= 'z';
  }
  static std::vector<std::string_view> CueWords() {
    std::vector<std::string_view> words = {"according"};
    for (const VerbFormEntry& entry : ReportingVerbForms()) words.push_back(entry.word);
    return words;
  }
  WordSet roles_;
  WordSet cues_;  // views into ReportingVerbForms(), which lives as long
};

// One for the whole process: both lookups below share it.
const WordLists& Lists() {
  static const WordLists lists;
  return lists;
}

void SetFlags(Word& word) {
  if (!word.word) return;
  const unsigned kinds = Lists().Lookup(word.lower);
  word.role = (kinds & WordLists::kRole) != 0;
  word.cue = (kinds & WordLists::kCue) != 0;
  word.never_name = IsUpperStart(word.text) && NeverInName(word.lower);
}

}  // namespace

bool IsRoleWord(std::string_view lower) {
  return Lists().IsRole(lower);
}

// The words of a sentence from its tokens, in one pass: an abbreviation
// keeps its full stop ("Sen.", "Dr.": the tokenizer splits them) so that
// roles are recognised, and a possessive is split off a name ("Trump’s" as
// "Trump" and "’s").
std::vector<Word> WordsFrom(std::string_view text, TokenRange tokens) {
  std::vector<Word> words;
  words.reserve(tokens.size() + 2);
  auto piece = [&](Span span) { return text.substr(span.start, span.end - span.start); };
  auto lower = [&](Span span) { return AsciiLower(piece(span)); };
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const Token& token = tokens[k];
    Word word{token.span(), piece(token.span()), lower(token.span()), token.word()};
    if (token.word() && k + 1 < tokens.size() && tokens[k + 1].span().start == token.span().end &&
        text[token.span().end] == '.' && tokens[k + 1].span().end == token.span().end + 1 &&
        word.lower.size() <= 5) {
      Word abbreviation = word;
      abbreviation.span.end = tokens[k + 1].span().end;
      abbreviation.text = piece(abbreviation.span);
      abbreviation.lower = lower(abbreviation.span);
      SetFlags(abbreviation);
      if (abbreviation.role) {
        words.push_back(abbreviation);
        ++k;
        continue;
      }
    }
    // An initial: "Mary J. Ortega" keeps "J." as one name word.
    if (token.word() && word.text.size() == 1 && IsUpperStart(word.text) && k + 1 < tokens.size() &&
        tokens[k + 1].span().start == token.span().end && text[token.span().end] == '.' &&
        tokens[k + 1].span().end == token.span().end + 1) {
      Word initial = word;
      initial.span.end = tokens[k + 1].span().end;
      initial.text = piece(initial.span);
      initial.lower = lower(initial.span);
      words.push_back(initial);
      ++k;
      continue;
    }
    std::size_t suffix = 0;
    if (token.word() && IsUpperStart(word.text)) {
      if (word.text.ends_with("\u2019s")) suffix = 4;
      if (word.text.ends_with("'s")) suffix = 2;
      if (word.text.size() <= suffix) suffix = 0;
    }
    if (suffix > 0) {
      const Span rest{word.span.end - suffix, word.span.end};
      word.span.end = rest.start;
      word.text = piece(word.span);
      word.lower = lower(word.span);
      SetFlags(word);
      words.push_back(word);
      words.push_back(Word{rest, piece(rest), lower(rest), false});
      continue;
    }
    SetFlags(word);
    words.push_back(word);
  }
  return words;
}

std::vector<Word> WordsIn(std::string_view text, Span span) {
  return WordsFrom(text, Tokens(text, span));
}

bool IsRole(const Word& word) {
  return word.role && !word.quoted;
}

// A word that can be part of a name: capitalised, or initials ("JD").
bool IsNameWord(const Word& word) {
  return word.word && !word.quoted && !word.never_name && IsUpperStart(word.text) &&
         !IsPronoun(word.lower);
}

std::string Join(std::span<const Word> words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t k = from; k < to; ++k) {
    if (!out.empty()) out += ' ';
    out += words[k].text;
  }
  return out;
}

std::size_t RoleEnd(std::span<const Word> words, std::size_t from, std::size_t to) {
  std::size_t k = from;
  // "Developer Anselm Krieger", "Greengrocer Abdul Karim Yousef": a noun for
  // a person, capitalised before a name of two words or more.
  if (to - from >= 3 && IsNameWord(words[from]) && !IsRole(words[from]) &&
      NamesAPerson(words[from].lower)) {
    bool names = true;
    for (std::size_t n = from + 1; n < to; ++n) names = names && IsNameWord(words[n]);
    if (names) return from + 1;
  }
  while (k < to) {
    if (IsRole(words[k])) {
      ++k;
    } else if (words[k].lower == "of" && k > from && k + 1 < to && IsRole(words[k - 1]) &&
               IsNameWord(words[k + 1]) && k + 2 < to) {
      k += 2;  // "Secretary of State" (a name must still follow)
    } else if (k + 1 < to && IsNameWord(words[k]) && IsRole(words[k + 1])) {
      ++k;  // "Ukrainian President", "US Defense Secretary"
    } else {
      break;
    }
  }
  // A role further on, before the name words that end the mention: "Pell
  // County treasurer Gideon Marsh", "Marston Rail chief executive Idris
  // Okwuosa". (A role word that ends the mention is a name: "Mary Justice".)
  for (std::size_t r = to; r > k + 1; --r) {
    if (!IsRole(words[r - 2]) || IsUpperStart(words[r - 2].text)) continue;
    bool names_after = true;
    for (std::size_t n = r - 1; n < to; ++n) names_after = names_after && IsNameWord(words[n]);
    if (names_after) return r - 1;
  }
  return k;
}

// Splits words[from, to) into role and name: leading role words, a
// demonym or "of X" attached to them ("Ukrainian President", "Secretary of
// State"), a descriptive phrase ending in a role ("Pell County treasurer"),
// then the name.
Mention SplitRole(std::span<const Word> words, std::size_t from, std::size_t to) {
  Mention mention;
  const std::size_t k = RoleEnd(words, from, to);
  mention.role = Join(words, from, k);
  mention.name = Join(words, k, to);
  mention.written = Join(words, from, to);
  return mention;
}

// The name ending at words[last] (inclusive), scanning back over name
// words, role words and "of": the first index of the mention.
// A particle inside a name: "Ana de la Vega", "Ludwig van Aalst",
// "Abdul-Rahman al-Sabbagh" (a lower-case "al-" or "el-" word is a name).
bool IsParticle(const Word& word) {
  static const WordSet particles("de la del della di da du van von der den ter ten le bin ibn");
  return word.word && !word.quoted && particles.Contains(word.lower);
}

bool IsArabicArticleName(const Word& word) {
  return word.word && !word.quoted &&
         (word.lower.starts_with("al-") || word.lower.starts_with("el-"));
}

// Whether words[k] continues a name that goes on at words[k + 1]: a
// particle between two name words.
bool ParticleInName(std::span<const Word> words, std::size_t k) {
  std::size_t next = k;
  while (next < words.size() && IsParticle(words[next])) ++next;
  return next > k && next < words.size() &&
         (IsNameWord(words[next]) || IsArabicArticleName(words[next]));
}

std::size_t NameStart(std::span<const Word> words, std::size_t last, std::size_t floor) {
  std::size_t start = last;
  while (start > floor) {
    const Word& previous = words[start - 1];
    if (IsNameWord(previous) || IsRole(previous) || IsArabicArticleName(previous)) {
      --start;
    } else if ((previous.text == "\u2019" || previous.text == "'") && start - 1 > floor &&
               IsNameWord(words[start - 2]) && words[start - 2].lower.ends_with("s")) {
      --start;  // "Brenmoor Teachers’ Union"
    } else if (IsParticle(previous) && start - 1 > floor && IsNameWord(words[start - 2])) {
      --start;
    } else if (previous.lower == "of" && start - 1 > floor &&
               (IsRole(words[start - 2]) || IsOrganisationWord(words[start - 2].lower))) {
      --start;
    } else {
      break;
    }
  }
  return start;
}

// The name starting at words[first], scanning forward: [first, end).
std::size_t NameEnd(std::span<const Word> words, std::size_t first) {
  std::size_t end = first;
  while (end < words.size()) {
    if (end > first && (IsArabicArticleName(words[end]) || ParticleInName(words, end))) {
      ++end;
    } else if (IsNameWord(words[end]) || IsRole(words[end])) {
      ++end;
    } else if (words[end].lower == "of" && end > first &&
               (IsRole(words[end - 1]) || IsOrganisationWord(words[end - 1].lower)) &&
               end + 1 < words.size() && IsNameWord(words[end + 1])) {
      ++end;
    } else {
      break;
    }
  }
  return end;
}

Mention PronounMention(const Word& word) {
  Mention mention;
  mention.pronoun = true;
  mention.pronoun_text = std::string(word.text);
  mention.written = mention.pronoun_text;
  mention.span = word.span;
  return mention;
}

bool IsCue(std::span<const Word> words, std::size_t k) {
  if (!words[k].cue || words[k].quoted) return false;
  // Capitalised inside a sentence it is a name: "Orion Rail said".
  if (k > 0 && IsUpperStart(words[k].text)) return false;
  if (words[k].lower == "according") return k + 1 < words.size() && words[k + 1].lower == "to";
  return true;
}

namespace {

// Auxiliaries and the words a verb chain carries between its subject and
// a reporting verb: "has said", "would later say", "could not help
// saying", "was heard to say", "is expected to tell", "has been saying".
constexpr std::array<std::string_view, 37> kVerbChain = {
    "has",  "have",     "had",   "is",     "are",  "was",   "were",  "be",       "been", "being",
    "will", "would",    "shall", "should", "can",  "could", "may",   "might",    "must", "do",
    "does", "did",      "not",   "n't",    "to",   "only",  "heard", "expected", "help", "going",
    "able", "reported", "said",  "set",    "also", "even",  "likely"};

// An adverb in a verb chain: a listed one, or a lower-case word in -ly
// ("repeatedly"; not a surname: "Connolly said").
bool IsAdverb(const Word& word) {
  return word.word && !IsUpperStart(word.text) &&
         (Contains(kAdverbs, word.lower) || (word.lower.size() > 4 && word.lower.ends_with("ly")));
}

bool IsVerbChainWord(const Word& word) {
  return word.word && !word.quoted && (IsAdverb(word) || Contains(kVerbChain, word.lower));
}

// The speaker standing before a cue whose verb chain ("has said", "later
// informed") starts at words[j], over a parenthesis and an apposition
// ("Trump, 78, disclosed"; "Vance, the vice president, said").
std::optional<Mention> SubjectBefore(std::span<const Word> words, std::size_t j,
                                     std::size_t floor) {
  if (j > floor && words[j - 1].text == ")") {
    std::size_t open = j - 1;
    while (open > floor && words[open - 1].text != "(" && j - open < 8) --open;
    if (open > floor && words[open - 1].text == "(") j = open - 1;
  }
  std::optional<Mention> inside;  // "The chief executive, Mary Barra, told"
  if (j > floor && words[j - 1].text == ",") {
    // Back over the apposition to the comma that opens it.
    const std::size_t close = j - 1;
    std::size_t open = close;
    while (open > floor && words[open - 1].text != "," && close - open < 40) --open;
    // A long aside must open like an apposition: "Tomas Erlich, a former
    // harbour master who ran the port for two decades, said".
    const bool apposition =
        close - open < 14 ||
        (open < close && (IsDeterminer(words[open].lower) || words[open].lower == "who"));
    if (open > floor && words[open - 1].text == "," && apposition) {
      if (close > open && IsNameWord(words[close - 1]) &&
          NameStart(words, close - 1, open) == open) {
        inside = SplitRole(words, open, close);
      }
      j = open - 1;
    }
  }
  if (j == floor) return inside;
  const Word& last = words[j - 1];
  if (IsPronoun(last.lower)) return PronounMention(last);
  if (!IsNameWord(last)) {
    if (inside && !inside->name.empty()) return inside;
    // Someone or something the text describes but does not name: "a
    // police spokeswoman said", "the club said", "Ferreira’s campaign said".
    return PhraseEndingAt(words, j, floor);
  }
  std::size_t start = NameStart(words, j - 1, floor);
  // "a senior executive at Halden Bank told": the name is a modifier.
  if (start > floor && words[start - 1].word && IsPreposition(words[start - 1].lower)) {
    if (std::optional<Mention> described = PhraseEndingAt(words, j, floor)) {
      if (!described->organisation) return described;
    }
  }
  // "Critics said": a capitalised common noun, not a name.
  if (start == j - 1 && PersonNoun(last.lower)) return PhraseEndingAt(words, j, floor);
  if (std::optional<Mention> named = OrganisationNamed(words, start, j)) return named;
  Mention mention = SplitRole(words, start, j);
  if (mention.name.empty()) return inside;
  return mention;
}

// The speaker after the cue at words[k]: "said Vance", "according to the
// Wall Street Journal".
std::optional<Mention> SubjectAfter(std::span<const Word> words, std::size_t k) {
  std::size_t first = k + 1;
  if (words[k].lower == "according") ++first;
  if (first >= words.size()) return std::nullopt;
  // "said a Port Authority official who asked not to be named",
  // "according to a person familiar with the talks", "said the club".
  if (IsDeterminer(words[first].lower)) {
    std::optional<Mention> described = PhraseStartingAt(words, first);
    std::size_t after = first + 1;
    while (after < words.size() && InPhrase(words[after]) && words[after].lower != "who") ++after;
    // "said the mayor, Ilse Brandvold": the apposition names her.
    const bool named_next =
        after + 1 < words.size() && words[after].text == "," && IsNameWord(words[after + 1]);
    // ("said a Port Authority official": a person; "according to the
    // Vellmoor Chamber of Commerce": a name, read as one below.)
    if (described && !named_next && (!described->organisation || !IsNameWord(words[first + 1]))) {
      return described;
    }
    if (named_next) {
      first = after + 1;
    } else if (words[first].lower == "the") {
      ++first;
    }
    if (first >= words.size()) return std::nullopt;
  }
  if (IsPronoun(words[first].lower)) return PronounMention(words[first]);
  // "yelled groundskeeper Alvar Lindroth", "asked taxpayer advocate Horst
  // Wendel": lower-case words describing the person the name follows.
  std::size_t named = first;
  while (named < words.size() && named - first < 3 && words[named].word &&
         !IsUpperStart(words[named].text) && !words[named].cue &&
         !IsDeterminer(words[named].lower) && !IsPreposition(words[named].lower) &&
         !IsPronoun(words[named].lower) && words[named].lower != "that") {
    ++named;
  }
  if (named > first) {
    // A description ends at a role ("club president") or a name of two
    // words or more ("groundskeeper Alvar Lindroth").
    const bool followed =
        named < words.size() && IsNameWord(words[named]) && NameEnd(words, named) - named >= 2;
    if (!followed) named = first;
  }
  if (!IsNameWord(words[named]) && !IsRole(words[named])) return std::nullopt;
  const std::size_t end = NameEnd(words, named);
  if (std::optional<Mention> organisation = OrganisationNamed(words, named, end)) {
    return organisation;
  }
  Mention mention = SplitRole(words, named, end);
  if (named > first) {
    const std::string described = Join(words, first, named);
    mention.role = mention.role.empty() ? described : described + " " + mention.role;
    mention.written = Join(words, first, end);
  }
  if (mention.name.empty()) return std::nullopt;
  return mention;
}

}  // namespace

std::optional<Attribution> CueAt(std::span<const Word> words, std::size_t k, std::size_t floor) {
  if (!IsCue(words, k)) return std::nullopt;
  const std::string cue =
      words[k].lower == "according" ? "according to" : std::string(words[k].text);
  if (words[k].lower != "according") {
    // "…, saying", "toured the school and told parents": the cue's subject
    // is the main clause's.
    std::size_t j = k;
    while (j > floor && IsVerbChainWord(words[j - 1])) --j;
    const bool participle = words[k].lower.ends_with("ing");
    // "…, saying"; "walked out declaring"; "and told"; "but added".
    const bool after_clause =
        j > floor &&
        ((participle && (words[j - 1].text == "," ||
                         (words[j - 1].word && !IsNameWord(words[j - 1]) && !IsRole(words[j - 1]) &&
                          !IsPronoun(words[j - 1].lower) && !IsDeterminer(words[j - 1].lower)))) ||
         words[j - 1].lower == "and" || words[j - 1].lower == "but" ||
         words[j - 1].lower == "when" || words[j - 1].lower == "if" ||
         words[j - 1].lower == "once");
    if (after_clause) {
      Mention clause;
      clause.clause_subject = true;
      clause.span = words[k].span;
      return Attribution{clause, cue, ""};
    }
    if (std::optional<Mention> subject = SubjectBefore(words, j, floor)) {
      return Attribution{*subject, cue, ""};
    }
  }
  if (IsNamingVerb(words[k].lower)) return std::nullopt;
  if (std::optional<Mention> subject = SubjectAfter(words, k)) {
    return Attribution{*subject, cue, ""};
  }
  return std::nullopt;
}

}  // namespace stet::attribution
