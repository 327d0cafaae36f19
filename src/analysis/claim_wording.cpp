// What the words of a claim say (src/analysis/claim_wording.h).
//
// Inflections are Snowball's English stemmer (Debian's libstemmer); before
// it, the two things it does not do and news revisions swap: irregular
// past tenses ("said" -> "says") and British spelling ("organisation" ->
// "organization").
#include "analysis/claim_wording.h"

#include <libstemmer.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <iterator>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "analysis/attribution.h"
#include "analysis/claim_parts.h"
#include "analysis/reporting_verbs.h"
#include "analysis/span_sets.h"
#include "analysis/synonyms.h"
#include "base/ascii.h"
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

std::string_view WordOf(std::string_view text, const Token& token) {
  return text.substr(token.span.start, token.span.end - token.span.start);
}

// Takes from `compounds` each one made of two words of `parts`, and those
// two from `parts`.
void RemoveCompounds(std::vector<std::string>& compounds, std::vector<std::string>& parts) {
  for (std::size_t c = 0; c < compounds.size();) {
    bool joined = false;
    for (std::size_t i = 0; i < parts.size() && !joined; ++i) {
      if (!compounds[c].starts_with(parts[i])) continue;
      const std::string rest = compounds[c].substr(parts[i].size());
      for (std::size_t j = 0; j < parts.size() && !joined; ++j) {
        if (j == i || parts[j] != rest) continue;
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

std::string Stem(std::string word) {
  static const std::unordered_map<std::string_view, std::string_view> irregular(
      kIrregularVerbs.begin(), kIrregularVerbs.end());
  if (const auto found = irregular.find(word); found != irregular.end()) {
    return std::string(found->second);
  }
  for (const auto& [british, american] : kBritishEndings) {
    if (word.size() > british.size() + 3 && word.ends_with(british)) {
      word.replace(word.size() - british.size(), british.size(), american);
      break;
    }
  }
  // Snowball keeps state between calls: one stemmer per thread.
  thread_local const std::unique_ptr<sb_stemmer, void (*)(sb_stemmer*)> stemmer(
      sb_stemmer_new("english", "UTF_8"), sb_stemmer_delete);
  if (!stemmer) return word;
  const sb_symbol* stem =
      sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                      static_cast<int>(word.size()));
  if (stem == nullptr) return word;
  return std::string(reinterpret_cast<const char*>(stem),
                     static_cast<std::size_t>(sb_stemmer_length(stemmer.get())));
}

bool IsVagueWord(std::string_view stem) {
  static const std::unordered_set<std::string> stems = [] {
    std::unordered_set<std::string> out;
    for (std::string_view word : kVagueWords) out.insert(Stem(std::string(word)));
    return out;
  }();
  return stems.count(std::string(stem)) > 0;
}

namespace {

// Lower case, without a possessive, hyphens or apostrophes.
std::string Normalised(std::string_view word) {
  if (word.ends_with("\u2019s")) word.remove_suffix(4);
  if (word.ends_with("'s")) word.remove_suffix(2);
  std::string lower;
  for (std::size_t k = 0; k < word.size(); ++k) {
    if (word.substr(k, 3) == "\u2019") {
      k += 2;
      continue;
    }
    if (word[k] == '-' || word[k] == '\'') continue;
    lower += AsciiLowerChar(word[k]);
  }
  return lower;
}

bool IsNumber(std::string_view lower) {
  return lower.find_first_not_of("0123456789.,") == std::string_view::npos;
}

}  // namespace

std::string ContentKey(std::string_view word) {
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

std::vector<std::string> ContentKeys(std::string_view text, const std::vector<Token>& tokens,
                                     const std::vector<Span>& left_out) {
  std::vector<std::string> keys;
  for (const Token& token : tokens) {
    if (!token.word || WithinAny(token.span, left_out)) continue;
    std::string key = ContentKey(WordOf(text, token));
    if (!key.empty()) keys.push_back(std::move(key));
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

void KeepDifferences(std::vector<std::string>& a, std::vector<std::string>& b) {
  std::vector<std::string> only_a, only_b;
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
  // A stem and its synonym, one on each side ("construct", "build").
  for (std::size_t i = 0; i < only_a.size();) {
    auto synonym = std::find_if(only_b.begin(), only_b.end(), [&](const std::string& other) {
      return AreSynonyms(only_a[i], other);
    });
    if (synonym == only_b.end()) {
      ++i;
      continue;
    }
    only_b.erase(synonym);
    only_a.erase(only_a.begin() + static_cast<std::ptrdiff_t>(i));
  }
  a = std::move(only_a);
  b = std::move(only_b);
}

bool IsRewording(std::string_view before_text, Span before, std::string_view after_text,
                 Span after) {
  struct ContentWord {
    std::string key;
    std::string lower;
    bool paired = false;
  };
  auto content = [](std::string_view text, Span span) {
    std::vector<ContentWord> words;
    if (span.end <= span.start) return words;
    for (const Token& token : Tokens(text, span)) {
      if (!token.word) continue;
      std::string key = ContentKey(WordOf(text, token));
      if (!key.empty()) words.push_back({std::move(key), Normalised(WordOf(text, token))});
    }
    return words;
  };
  std::vector<ContentWord> old_words = content(before_text, before);
  std::vector<ContentWord> new_words = content(after_text, after);
  if (old_words.empty() || new_words.empty() ||
      old_words.size() * new_words.size() > kMaxSynonymPairs)
    return false;
  for (ContentWord& old_word : old_words) {
    for (ContentWord& new_word : new_words) {
      if (new_word.paired) continue;
      if (old_word.key == new_word.key || AreSynonyms(old_word.lower, new_word.lower)) {
        old_word.paired = new_word.paired = true;
        break;
      }
    }
  }
  auto paired = [](const ContentWord& word) { return word.paired; };
  return std::all_of(old_words.begin(), old_words.end(), paired) &&
         std::all_of(new_words.begin(), new_words.end(), paired);
}

bool HoldsKey(std::string_view text, Span span, const std::vector<std::string>& keys) {
  if (span.end <= span.start || keys.empty()) return false;
  for (const Token& token : Tokens(text, span)) {
    if (!token.word) continue;
    if (std::binary_search(keys.begin(), keys.end(), ContentKey(WordOf(text, token)))) return true;
  }
  return false;
}

std::vector<std::string> SourceKeys(std::string_view text, Span source) {
  std::vector<std::string> keys;
  for (const Token& token : Tokens(text, source)) {
    if (!token.word) continue;
    std::string lower = Normalised(WordOf(text, token));
    if (lower.empty() || claim_parts::IsFunctionWord(lower) || lower == "according" ||
        lower == "citing" || claim_parts::IsReportingWord(lower) || IsNumber(lower))
      continue;
    std::string key = Stem(std::move(lower));
    if (!IsVagueWord(key)) keys.push_back(std::move(key));
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

bool SameSource(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::includes(a.begin(), a.end(), b.begin(), b.end()) ||
         std::includes(b.begin(), b.end(), a.begin(), a.end());
}

std::optional<std::pair<Span, Span>> ChangedSources(std::string_view before_text,
                                                    const std::vector<Span>& before,
                                                    std::string_view after_text,
                                                    const std::vector<Span>& after) {
  std::vector<std::vector<std::string>> keys_before, keys_after;
  for (Span span : before) keys_before.push_back(SourceKeys(before_text, span));
  for (Span span : after) keys_after.push_back(SourceKeys(after_text, span));
  // The spans of `spans` whose keys no source of `others` shares, together.
  auto unmatched = [](const std::vector<Span>& spans,
                      const std::vector<std::vector<std::string>>& keys,
                      const std::vector<std::vector<std::string>>& others) -> std::optional<Span> {
    std::optional<Span> out;
    for (std::size_t k = 0; k < spans.size(); ++k) {
      if (std::any_of(others.begin(), others.end(),
                      [&](const auto& other) { return SameSource(other, keys[k]); }))
        continue;
      out = out ? Span{std::min(out->start, spans[k].start), std::max(out->end, spans[k].end)}
                : spans[k];
    }
    return out;
  };
  const std::optional<Span> gone = unmatched(before, keys_before, keys_after);
  const std::optional<Span> come = unmatched(after, keys_after, keys_before);
  if (!gone && !come) return std::nullopt;
  return std::pair{gone.value_or(Span{}), come.value_or(Span{})};
}

bool WordsWithin(std::string_view text, Span span, const std::vector<Span>& spans) {
  for (const Token& token : Tokens(text, span)) {
    if (token.word && !WithinAny(token.span, spans)) return false;
  }
  return true;
}

bool OnlyAttribution(std::string_view text, const std::vector<Token>& tokens,
                     const std::vector<Span>& quotes) {
  static const std::unordered_set<std::string> kAttributionWords = [] {
    std::unordered_set<std::string> words;
    for (const attribution::VerbFormEntry& entry : attribution::ReportingVerbForms())
      words.insert(entry.word);
    for (const char* word :
         {"reporters", "statement", "interview", "briefing", "later", "earlier", "has",
          "have",      "had",       "would",     "will",     "his",   "her",     "their",
          "its",       "who",       "when",      "asked",    "then",  "again"})
      words.insert(word);
    return words;
  }();
  int content = 0;
  for (const Token& token : tokens) {
    if (!token.word || WithinAny(token.span, quotes)) continue;
    const std::string_view word = WordOf(text, token);
    if (claim_parts::IsUpper(word)) continue;  // a name: the speaker
    const std::string lower = AsciiLower(word);
    if (claim_parts::IsFunctionWord(lower) || attribution::IsPronoun(lower) ||
        attribution::IsRoleWord(lower) || kAttributionWords.count(lower) > 0)
      continue;
    ++content;
  }
  return content < 2;
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
    if (!token.word) continue;
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

Span NameOf(std::string_view text, Span entity) {
  std::size_t start = entity.start;
  while (start < entity.end && !(text[start] >= 'A' && text[start] <= 'Z')) {
    const std::size_t space = text.find(' ', start);
    if (space == std::string_view::npos || space >= entity.end) break;
    start = space + 1;
  }
  std::size_t end = entity.end;
  const std::string_view name = text.substr(start, end - start);
  if (name.ends_with("\u2019s")) end -= 4;
  if (name.ends_with("'s")) end -= 2;
  return {start, end};
}

std::string LastName(std::string_view text, Span entity) {
  const Span name = NameOf(text, entity);
  const std::string_view words = text.substr(name.start, name.end - name.start);
  const std::size_t space = words.rfind(' ');
  return AsciiLower(
      MatchingForm(space == std::string_view::npos ? words : words.substr(space + 1)));
}

}  // namespace stet::claim_wording
