// What the words of a claim say (src/analysis/claim_wording.h).
//
// Inflections are Snowball's English stemmer (Debian's libstemmer); before
// it, the two things it does not do and news revisions swap: irregular
// past tenses ("said" -> "says") and British spelling ("organisation" ->
// "organization").
#include "analysis/claim_wording.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>

#include "analysis/attribution.h"
#include "analysis/claim_parts.h"
#include "analysis/english_stemmer.h"
#include "analysis/span_sets.h"
#include "analysis/synonyms.h"
#include "base/ascii.h"
#include "base/word_list.h"
#include "base/word_memo.h"
#include "stet/text.h"

namespace stet::claim_wording {
namespace {

// The most word pairs asked whether they are synonyms for one sentence or
// one word change (20 differing words on each side): the question costs
// WordNet lookups, and a text built to be pathological (one sentence of
// thousands of words) would otherwise make it quadratic.
constexpr std::size_t kMaxSynonymPairs = 400;

// Relative times and vague amounts, compared as their stems: when an event
// happened is the date's to say ("yesterday" -> "on Thursday"), and "nearly"
// and "almost", "most" and "the majority" say the same.
constexpr std::array<std::string_view, 53> kVagueWords = {
    "nearly",    "almost",   "about",   "around",   "roughly", "approximately", "some",
    "most",      "majority", "few",     "handful",  "many",    "several",       "hardly",
    "very",      "only",     "just",    "any",      "much",    "little",        "lot",
    "more",      "less",     "fewer",   "than",     "over",    "under",         "least",
    "yesterday", "today",    "tonight", "tomorrow", "week",    "weekend",       "month",
    "year",      "past",     "last",    "next",     "morning", "afternoon",     "evening",
    "night",     "earlier",  "later",   "recently", "now",     "currently",     "since",
    "start",     "far",      "ago",     "nothing"};
// Past tenses and participles the suffix rules cannot reach, with their
// base: "said" and "says" are one verb.
constexpr std::array<std::pair<std::string_view, std::string_view>, 72> kIrregularVerbs = {{
    {"said", "say"},          {"told", "tell"},
    {"won", "win"},           {"lost", "lose"},
    {"held", "hold"},         {"made", "make"},
    {"took", "take"},         {"taken", "take"},
    {"gave", "give"},         {"given", "give"},
    {"found", "find"},        {"left", "leave"},
    {"met", "meet"},          {"paid", "pay"},
    {"sold", "sell"},         {"brought", "bring"},
    {"built", "build"},       {"began", "begin"},
    {"begun", "begin"},       {"rose", "rise"},
    {"risen", "rise"},        {"fell", "fall"},
    {"fallen", "fall"},       {"ran", "run"},
    {"came", "come"},         {"became", "become"},
    {"kept", "keep"},         {"led", "lead"},
    {"chose", "choose"},      {"chosen", "choose"},
    {"spent", "spend"},       {"sent", "send"},
    {"struck", "strike"},     {"stood", "stand"},
    {"thought", "think"},     {"wrote", "write"},
    {"written", "write"},     {"spoke", "speak"},
    {"spoken", "speak"},      {"broke", "break"},
    {"broken", "break"},      {"drove", "drive"},
    {"driven", "drive"},      {"went", "go"},
    {"gone", "go"},           {"got", "get"},
    {"saw", "see"},           {"seen", "see"},
    {"knew", "know"},         {"known", "know"},
    {"grew", "grow"},         {"grown", "grow"},
    {"felt", "feel"},         {"heard", "hear"},
    {"meant", "mean"},        {"sought", "seek"},
    {"caught", "catch"},      {"taught", "teach"},
    {"fought", "fight"},      {"bought", "buy"},
    {"shot", "shoot"},        {"fled", "flee"},
    {"swore", "swear"},       {"sworn", "swear"},
    {"threw", "throw"},       {"thrown", "throw"},
    {"withdrew", "withdraw"}, {"withdrawn", "withdraw"},
    {"hid", "hide"},          {"hidden", "hide"},
    {"forgave", "forgive"},   {"understood", "understand"},
}};

// British spellings the American way, at a word's end: -ise, -isation,
// -our, -tre.
constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kBritishEndings = {{
    {"isations", "izations"},
    {"isation", "ization"},
    {"ised", "ized"},
    {"ises", "izes"},
    {"ising", "izing"},
    {"ise", "ize"},
    {"ours", "ors"},
    {"our", "or"},
    {"tres", "ters"},
    {"tre", "ter"},
}};

// Takes from `compounds` each one made of two words of `parts`, and those
// two from `parts`.
void RemoveCompounds(std::vector<ContentWord>& compounds, std::vector<ContentWord>& parts) {
  for (std::size_t c = 0; c < compounds.size();) {
    const std::string& compound = compounds[c].key;
    bool joined = false;
    for (std::size_t i = 0; i < parts.size() && !joined; ++i) {
      if (!compound.starts_with(parts[i].key)) continue;
      const std::string_view rest = std::string_view(compound).substr(parts[i].key.size());
      for (std::size_t j = 0; j < parts.size() && !joined; ++j) {
        if (j == i || parts[j].key != rest) continue;
        parts.erase(parts.begin() + static_cast<std::ptrdiff_t>(std::max(i, j)));
        parts.erase(parts.begin() + static_cast<std::ptrdiff_t>(std::min(i, j)));
        joined = true;
      }
    }
    if (joined) {
      compounds.erase(compounds.begin() + static_cast<std::ptrdiff_t>(c));
    } else {
      ++c;
    }
  }
}

}  // namespace

namespace {

// Irregular past tenses and participles with their base, looked up by
// hash.
const std::unordered_map<std::string_view, std::string_view>& IrregularVerbs() {
  static const std::unordered_map<std::string_view, std::string_view> irregular(
      kIrregularVerbs.begin(), kIrregularVerbs.end());
  return irregular;
}

std::string StemOnce(std::string word) {
  const auto& irregular = IrregularVerbs();
  if (const auto found = irregular.find(word); found != irregular.end()) {
    return std::string(found->second);
  }
  for (const auto& [british, american] : kBritishEndings) {
    if (word.size() > british.size() + 3 && word.ends_with(british)) {
      word.replace(word.size() - british.size(), british.size(), american);
      break;
    }
  }
  return EnglishStem(word);
}

}  // namespace

bool IsIrregularVerbForm(std::string_view lower) {
  return IrregularVerbs().count(lower) > 0;
}

std::string Stem(std::string word) {
  // Remembered: a comparison stems the same words many times, and
  // Snowball's stemmer costs more than a lookup. Forgotten past 50,000
  // words so that memory stays bounded.
  thread_local WordMemo stems(50000);
  if (const std::string* stem = stems.Find(word)) return *stem;
  std::string stem = StemOnce(word);
  return stems.Add(word, std::move(stem));
}

bool IsVagueWord(std::string_view stem) {
  static const WordSet stems = [] {
    static const std::vector<std::string> words = [] {  // the set's views into them
      std::vector<std::string> out;
      for (std::string_view word : kVagueWords) out.push_back(Stem(std::string(word)));
      return out;
    }();
    return WordSet(std::vector<std::string_view>(words.begin(), words.end()));
  }();
  return stems.Contains(stem);
}

std::string_view WordOf(std::string_view text, const Token& token) {
  return text.substr(token.span().start, token.span().end - token.span().start);
}

std::string Normalised(std::string_view word) {
  if (word.ends_with("\u2019s")) word.remove_suffix(4);
  if (word.ends_with("'s")) word.remove_suffix(2);
  std::string lower;
  lower.reserve(word.size());
  for (std::size_t k = 0; k < word.size(); ++k) {
    // A right single quotation mark (E2 80 99) is dropped as an apostrophe
    // is; its first byte is asked first, as few words have one.
    if (word[k] == '\xE2' && word.substr(k, 3) == "\u2019") {
      k += 2;
      continue;
    }
    if (word[k] == '-' || word[k] == '\'') continue;
    lower += AsciiLowerChar(word[k]);
  }
  return lower;
}

bool IsNumber(std::string_view lower) {
  // A loop: find_first_not_of asks memchr once a byte.
  return std::all_of(lower.begin(), lower.end(),
                     [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == ','; });
}

namespace {

// A word of a claim with what WordNet says of it, for comparing it with
// many others.
struct Meaning {
  std::shared_ptr<const WordMeaning> words;
  bool reporting = false;  // a reporting verb ("said", "announced")
};

Meaning MeaningOfWord(std::string_view lower) {
  return {MeaningOf(lower), claim_parts::IsReportingWord(lower.substr(0, lower.find('_')))};
}

// Whether two words of a claim say the same. A reporting verb changed
// for another that WordNet does not call its synonym changes how firmly a
// claim is put ("said" -> "announced"), though one leans on the other.
bool SayTheSame(const Meaning& a, const Meaning& b) {
  if (a.reporting || b.reporting) return AreSynonyms(*a.words, *b.words);
  return AreNearInMeaning(*a.words, *b.words);
}

// The particles of phrasal verbs WordNet lists ("call off", "step down").
bool IsParticle(std::string_view lower) {
  return lower == "off" || lower == "up" || lower == "out" || lower == "down" || lower == "in" ||
         lower == "back" || lower == "over" || lower == "away" || lower == "on";
}

// The word of tokens[k] as WordNet is asked about it: lower case, and
// joined to a particle that follows it ("called off" as "called_off"),
// which WordNet lists as verbs of their own.
std::string WordNetForm(std::string_view text, TokenRange tokens, std::size_t k) {
  std::string lower = Normalised(WordOf(text, tokens[k]));
  // A particle opens with one of these letters, or with a mark Normalised
  // drops: other words are not normalised to be asked.
  auto may_be_particle = [&](const Token& token) {
    const char first = AsciiLowerChar(text[token.span().start]);
    return std::string_view("oudiba-'\xE2").find(first) != std::string_view::npos;
  };
  if (k + 1 < tokens.size() && tokens[k + 1].word() && may_be_particle(tokens[k + 1])) {
    const std::string next = Normalised(WordOf(text, tokens[k + 1]));
    if (IsParticle(next)) lower += "_" + next;
  }
  return lower;
}

// What WordNet says of a content word, asked in its WordNet form.
Meaning MeaningOfContent(const ContentWord& word) {
  return MeaningOfWord(WordNetForm(word.text, word.tokens, word.token));
}

// How many tokens from tokens[k] make a connective of several words
// ("compared with", "up from", "along with", "as well as", "based on"),
// or 0: they join a claim's parts as "and" or "than" do, and two
// versions use one for another ("up from 38" -> "compared with 38").
std::size_t ConnectiveLength(std::string_view text, TokenRange tokens, std::size_t k) {
  // Compared in place, case aside: every token of a changed sentence is
  // asked, and few are connectives.
  auto is = [&](std::size_t at, std::string_view word) {
    const Token& token = tokens[at];
    if (!token.word() || token.span().end - token.span().start != word.size()) return false;
    for (std::size_t c = 0; c < word.size(); ++c) {
      if (AsciiLowerChar(text[token.span().start + c]) != word[c]) return false;
    }
    return true;
  };
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kPairs = {{
      {"compared", "with"},
      {"compared", "to"},
      {"up", "from"},
      {"down", "from"},
      {"along", "with"},
      {"based", "on"},
      {"instead", "of"},
      {"rather", "than"},
      {"together", "with"},
      {"due", "to"},
  }};
  if (k + 1 >= tokens.size()) return 0;
  // Most words open with a letter no connective does.
  static constexpr std::array<bool, 256> kFirsts = [] {
    std::array<bool, 256> firsts{};
    firsts['w'] = true;  // "as well as"
    for (const auto& pair : kPairs) firsts[static_cast<unsigned char>(pair.first[0])] = true;
    return firsts;
  }();
  if (!kFirsts[static_cast<unsigned char>(AsciiLowerChar(text[tokens[k].span().start]))]) return 0;
  if (k > 0 && is(k - 1, "as") && is(k, "well") && is(k + 1, "as")) return 2;  // "as well as"
  for (const auto& [first, second] : kPairs) {
    if (is(k, first) && is(k + 1, second)) return 2;
  }
  return 0;
}

}  // namespace

namespace {

std::string ContentKeyOnce(std::string_view word);

}  // namespace

std::string ContentKey(std::string_view word) {
  // Remembered, as Stem is: a comparison asks again for the words of every
  // sentence it reads twice. Forgotten past 50,000 words.
  thread_local WordMemo keys(50000);
  if (const std::string* key = keys.Find(word)) return *key;
  return keys.Add(word, ContentKeyOnce(word));
}

namespace {

std::string ContentKeyOnce(std::string_view word) {
  // A hyphenated word is the stems of its parts, joined, so that it meets
  // the same words written apart ("well-known" and "well known",
  // "below-market" and "market").
  if (word.find('-') != std::string_view::npos) {
    std::string key;
    std::size_t start = 0;
    while (start <= word.size()) {
      const std::size_t end = std::min(word.find('-', start), word.size());
      if (end > start) key += ContentKey(word.substr(start, end - start));
      start = end + 1;
    }
    return key;
  }
  std::string lower = Normalised(word);
  if (lower.size() < 2 || claim_parts::IsFunctionWord(lower) || attribution::IsRoleWord(lower) ||
      IsNumber(lower))
    return "";
  std::string key = Stem(std::move(lower));
  return IsVagueWord(key) ? "" : key;
}

}  // namespace

std::vector<ContentWord> ContentKeys(std::string_view text, TokenRange tokens,
                                     const std::vector<Span>& left_out) {
  // Gathered in lists kept per thread: a comparison asks this of both
  // sides of every edited sentence.
  thread_local std::vector<ContentWord> words;
  thread_local std::vector<std::uint32_t> order;
  words.clear();
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const Token& token = tokens[k];
    if (!token.word() || WithinAny(token.span(), left_out)) continue;
    if (const std::size_t connective = ConnectiveLength(text, tokens, k)) {
      k += connective - 1;
      continue;
    }
    std::string key = ContentKey(WordOf(text, token));
    if (!key.empty()) words.push_back({std::move(key), text, tokens, k});
  }
  // Sorted by their places, then moved once: moving two strings for each
  // step of the sort cost more than the comparisons. The same comparisons
  // on the same order give the same order to words of one key.
  order.resize(words.size());
  for (std::uint32_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return words[a] < words[b]; });
  std::vector<ContentWord> sorted;
  sorted.reserve(words.size());
  for (std::uint32_t k : order) sorted.push_back(std::move(words[k]));
  return sorted;
}

void KeepDifferences(std::vector<ContentWord>& a, std::vector<ContentWord>& b) {
  std::vector<ContentWord> only_a, only_b;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(only_a));
  std::set_difference(b.begin(), b.end(), a.begin(), a.end(), std::back_inserter(only_b));
  // Compounds and synonyms: every pair is asked, so only for a few words
  // each; past kMaxSynonymPairs the sentences differ too much to be one
  // claim re-worded anyway.
  if (only_a.size() * only_b.size() > kMaxSynonymPairs) {
    a = std::move(only_a);
    b = std::move(only_b);
    return;
  }
  RemoveCompounds(only_a, only_b);
  RemoveCompounds(only_b, only_a);
  // A word and its synonym, one on each side ("construction", "building").
  // Each word's meaning read once, then every pair compared.
  std::vector<Meaning> meanings_a, meanings_b;
  for (const ContentWord& word : only_a) meanings_a.push_back(MeaningOfContent(word));
  for (const ContentWord& word : only_b) meanings_b.push_back(MeaningOfContent(word));
  std::vector<bool> paired_a(only_a.size(), false), paired_b(only_b.size(), false);
  for (std::size_t i = 0; i < only_a.size(); ++i) {
    for (std::size_t j = 0; j < only_b.size(); ++j) {
      if (paired_b[j] || !SayTheSame(meanings_a[i], meanings_b[j])) continue;
      paired_a[i] = paired_b[j] = true;
      break;
    }
  }
  a.clear();
  b.clear();
  for (std::size_t i = 0; i < only_a.size(); ++i) {
    if (!paired_a[i]) a.push_back(std::move(only_a[i]));
  }
  for (std::size_t j = 0; j < only_b.size(); ++j) {
    if (!paired_b[j]) b.push_back(std::move(only_b[j]));
  }
}

bool IsRewording(std::string_view before_text, Span before, std::string_view after_text,
                 Span after) {
  auto tokens = [](std::string_view text, Span span) {
    return span.end > span.start ? Tokens(text, span) : std::vector<Token>{};
  };
  return IsRewording(before_text, tokens(before_text, before), after_text,
                     tokens(after_text, after));
}

bool IsRewording(std::string_view before_text, TokenRange before_tokens,
                 std::string_view after_text, TokenRange after_tokens) {
  struct Word {
    ContentWord word;
    bool paired = false;
    std::optional<Meaning> meaning;  // read when first needed
  };
  auto content = [](std::string_view text, TokenRange tokens) {
    std::vector<Word> words;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
      if (!tokens[k].word()) continue;
      std::string key = ContentKey(WordOf(text, tokens[k]));
      if (!key.empty()) words.push_back({{std::move(key), text, tokens, k}, false, std::nullopt});
    }
    return words;
  };
  // Words pair one to one: sides of different counts cannot all pair. The
  // counts are compared before the words are gathered, which most pairs of
  // sentences are not.
  auto count = [](std::string_view text, TokenRange tokens) {
    std::size_t words = 0;
    for (const Token& token : tokens) {
      if (token.word() && !ContentKey(WordOf(text, token)).empty()) ++words;
    }
    return words;
  };
  const std::size_t old_count = count(before_text, before_tokens);
  if (old_count == 0 || old_count * old_count > kMaxSynonymPairs ||
      count(after_text, after_tokens) != old_count)
    return false;
  std::vector<Word> old_words = content(before_text, before_tokens);
  std::vector<Word> new_words = content(after_text, after_tokens);
  auto meaning = [](Word& word) -> const Meaning& {
    if (!word.meaning) word.meaning = MeaningOfContent(word.word);
    return *word.meaning;
  };
  for (Word& old_word : old_words) {
    for (Word& new_word : new_words) {
      if (new_word.paired) continue;
      if (old_word.word.key == new_word.word.key ||
          SayTheSame(meaning(old_word), meaning(new_word))) {
        old_word.paired = new_word.paired = true;
        break;
      }
    }
    if (!old_word.paired) return false;  // every word must pair
  }
  return std::all_of(new_words.begin(), new_words.end(),
                     [](const Word& word) { return word.paired; });
}

bool IsRelativeClause(std::string_view text, Span span) {
  if (span.end <= span.start) return false;
  const std::vector<Token> tokens = Tokens(text, span);
  for (std::size_t k = 0; k + 2 < tokens.size(); ++k) {
    const std::string lower = Normalised(WordOf(text, tokens[k]));
    if (lower == "who" || lower == "whose") return true;
  }
  return false;
}

std::size_t CountKeys(std::string_view text, Span span, const std::vector<ContentWord>& words) {
  if (span.end <= span.start || words.empty()) return 0;
  std::size_t count = 0;
  for (const Token& token : Tokens(text, span)) {
    if (!token.word()) continue;
    ContentWord probe;
    probe.key = ContentKey(WordOf(text, token));
    if (std::binary_search(words.begin(), words.end(), probe)) ++count;
  }
  return count;
}

bool WordsWithin(std::string_view text, Span span, const std::vector<Span>& spans) {
  for (const Token& token : Tokens(text, span)) {
    if (token.word() && !WithinAny(token.span(), spans)) return false;
  }
  return true;
}

namespace {

// The words of `span`: how many, and whether they are only pronouns and
// articles with at least one pronoun.
struct SideWords {
  std::size_t count = 0;
  bool pronoun_only = false;
};

SideWords Side(std::string_view text, Span span) {
  SideWords side;
  if (span.end <= span.start) return side;
  bool pronoun = false, other = false;
  for (const Token& token : Tokens(text, span)) {
    if (!token.word()) continue;
    ++side.count;
    const std::string lower = Normalised(WordOf(text, token));
    if (lower == "he" || lower == "she" || lower == "it" || lower == "they" || lower == "him" ||
        lower == "them" || lower == "its" || lower == "his" || lower == "her" || lower == "their") {
      pronoun = true;
    } else if (lower != "the" && lower != "a" && lower != "an") {
      other = true;
    }
  }
  side.pronoun_only = pronoun && !other;
  return side;
}

}  // namespace

bool IsCoreference(std::string_view before_text, Span before, std::string_view after_text,
                   Span after) {
  const SideWords a = Side(before_text, before), b = Side(after_text, after);
  if (a.count == 0 || b.count == 0) return false;
  return (a.pronoun_only && b.count <= 4) || (b.pronoun_only && a.count <= 4) ||
         (a.pronoun_only && b.pronoun_only);
}

std::pair<std::size_t, std::size_t> ChangedWordCounts(std::string_view before_text, Span before,
                                                      std::string_view after_text, Span after) {
  auto words = [](std::string_view text, Span span) {
    std::vector<std::string_view> out;
    if (span.end <= span.start) return out;
    for (const Token& token : Tokens(text, span)) {
      if (token.word()) out.push_back(WordOf(text, token));
    }
    return out;
  };
  const std::vector<std::string_view> a = words(before_text, before);
  const std::vector<std::string_view> b = words(after_text, after);
  std::size_t from = 0, to_a = a.size(), to_b = b.size();
  auto same_but_case = [](std::string_view x, std::string_view y) {
    return x != y && AsciiCaseEqual(x, y);
  };
  while (from < to_a && from < to_b && same_but_case(a[from], b[from])) ++from;
  while (to_a > from && to_b > from && same_but_case(a[to_a - 1], b[to_b - 1])) --to_a, --to_b;
  return {to_a - from, to_b - from};
}

bool MarkersInOtherForm(std::string_view before_text, Span before, const Claim& before_claim,
                        std::string_view after_text, Span after, const Claim& after_claim) {
  auto stems = [](std::string_view text, Span span) {
    std::vector<std::string> out;
    if (span.end <= span.start) return out;
    for (const Token& token : Tokens(text, span)) {
      if (!token.word()) continue;
      std::string lower = AsciiLower(WordOf(text, token));
      if (!claim_parts::IsFunctionWord(lower)) out.push_back(Stem(std::move(lower)));
    }
    return out;
  };
  std::size_t markers = 0;
  // Each marker inside `change` has a word whose stem the other side has.
  auto in_other_form = [&](std::string_view text, Span change, const Claim& claim,
                           const std::vector<std::string>& other) {
    for (const std::vector<Span>* spans : {&claim.hedges, &claim.firm}) {
      for (Span marker : *spans) {
        if (marker.end <= change.start || change.end <= marker.start) continue;
        ++markers;
        const std::vector<std::string> own = stems(text, marker);
        if (std::none_of(own.begin(), own.end(), [&](const std::string& stem) {
              return std::find(other.begin(), other.end(), stem) != other.end();
            }))
          return false;
      }
    }
    return true;
  };
  const std::vector<std::string> stems_before = stems(before_text, before);
  const std::vector<std::string> stems_after = stems(after_text, after);
  return in_other_form(before_text, before, before_claim, stems_after) &&
         in_other_form(after_text, after, after_claim, stems_before) && markers > 0;
}

}  // namespace stet::claim_wording
