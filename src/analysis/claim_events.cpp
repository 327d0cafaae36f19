// Whether what a claim says happened changed (src/analysis/claim_events.h).
#include "analysis/claim_events.h"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "analysis/claim_parts.h"
#include "analysis/span_sets.h"
#include "analysis/synonyms.h"
#include "base/ascii.h"
#include "base/word_list.h"

namespace stet::claim_events {

using claim_wording::ContentKey;
using claim_wording::Normalised;
using claim_wording::WordOf;

namespace {

// The word before byte `at` (over spaces), lower case, or "".
std::string WordBefore(std::string_view text, std::size_t at) {
  while (at > 0 && text[at - 1] == ' ') --at;
  std::size_t start = at;
  while (start > 0 && IsAsciiAlnum(text[start - 1])) --start;
  return AsciiLower(text.substr(start, at - start));
}

// Whether `lower`, at byte `at` of the text, is used as a verb: a WordNet
// verb in a past or -ing form, after a modal or "to" ("will close"), or
// one that is nothing but a verb.
bool UsedAsVerb(std::string_view text, std::size_t at, const std::string& lower) {
  static const std::unordered_set<std::string_view> kBeforeVerbs = {
      "will",   "would", "can", "could", "may",  "might", "must",
      "should", "shall", "to",  "did",   "does", "do"};
  if (!IsVerb(lower)) return false;
  const bool inflected =
      lower.ends_with("ed") || lower.ends_with("ing") || claim_wording::IsIrregularVerbForm(lower);
  // "... to impose sanctions, and even consider military measures": a word
  // that is only ever a verb is one wherever it stands.
  return inflected || kBeforeVerbs.count(WordBefore(text, at)) > 0 || IsOnlyVerb(lower);
}

// Light verbs: they name no event of their own, only with the words after
// them ("took part", "kept ... afloat", "stood empty", "would make it"),
// so WordNet cannot tell their phrase from a verb of one word ("joined",
// "propped up", "been derelict"). A change whose only verbs on one side
// are light is read as a re-wording, never as another event. "Be" is not
// one of them: "fell" -> "were flat" states another outcome.
bool IsLightVerb(std::string_view lower) {
  static const WordSet kLight(
      "have has had having do does did done doing make makes "
      "made making take takes took taken taking give gives gave given giving get gets got "
      "gotten getting go goes went gone going come comes came coming keep keeps kept keeping "
      "hold holds held holding put puts putting set sets setting stand stands stood standing "
      "stay stays stayed staying become becomes became becoming see sees saw seen seeing let "
      "lets letting");
  return kLight.Contains(lower);
}

}  // namespace

bool IsEventSwap(std::string_view before_text, Span before, std::string_view after_text,
                 Span after) {
  // The one content word of a side used as a verb, or "".
  auto verb = [](std::string_view text, Span span) -> std::string {
    std::string found;
    int content = 0;
    if (span.end <= span.start) return "";
    for (const Token& token : Tokens(text, span)) {
      if (!token.word() || ContentKey(WordOf(text, token)).empty()) continue;
      if (++content > 1) return "";
      found = Normalised(WordOf(text, token));
      if (!UsedAsVerb(text, token.span().start, found)) return "";
    }
    return found;
  };
  const std::string verb_before = verb(before_text, before);
  const std::string verb_after = verb(after_text, after);
  if (!verb_before.empty() && !verb_after.empty()) {
    // "warned" -> "said": how it was said, not what happened (as in
    // EventVerbs); a denial that became a confirmation is the denial
    // markers' change, compared apart.
    if (claim_parts::IsReportingWord(verb_before) && claim_parts::IsReportingWord(verb_after)) {
      return false;
    }
    // One verb for another is another event only when WordNet calls them
    // opposites ("bought" -> "sold", "opened" -> "closed"). Any other
    // pair may be the same event told in other words, and WordNet cannot
    // tell which: "pushed for" -> "championed", "dropped" -> "abandoned",
    // "passed" -> "transferred" read as unrelated verbs. On revisions no
    // rule was written against, most such reports were false
    // (10 of 13; docs/quality.md), so "arrested" -> "questioned" goes unreported
    // as a claim edit; the TEXT section still shows it.
    return AreOpposites(verb_before, verb_after);
  }
  // The one word of a side, as written, when it is a proper adjective.
  auto proper = [](std::string_view text, Span span) -> std::string_view {
    std::string_view found;
    if (span.end <= span.start) return "";
    for (const Token& token : Tokens(text, span)) {
      if (!token.word() || ContentKey(WordOf(text, token)).empty()) continue;
      if (!found.empty()) return "";
      found = WordOf(text, token);
      if (!IsProperAdjective(found)) return "";
    }
    return found;
  };
  const std::string_view proper_before = proper(before_text, before);
  const std::string_view proper_after = proper(after_text, after);
  return !proper_before.empty() && !proper_after.empty() && proper_before != proper_after;
}

namespace {

// Which amounts a span's quantifiers claim: 1 all ("all", "every"), 2
// part ("some", "most", "few"), or'ed together.
int QuantifierClasses(std::string_view text, Span span) {
  static const std::unordered_set<std::string_view> kAll = {"all", "every", "each", "entire",
                                                            "whole"};
  static const std::unordered_set<std::string_view> kPart = {
      "some", "several", "many", "most", "few", "part", "majority", "minority"};
  int classes = 0;
  if (span.end <= span.start) return classes;
  for (const Token& token : Tokens(text, span)) {
    if (!token.word()) continue;
    const std::string lower = Normalised(WordOf(text, token));
    if (kAll.count(lower)) classes |= 1;
    if (kPart.count(lower)) classes |= 2;
  }
  return classes;
}

}  // namespace

bool ChangesQuantifier(std::string_view before_text, Span before, std::string_view after_text,
                       Span after) {
  const int classes_before = QuantifierClasses(before_text, before);
  const int classes_after = QuantifierClasses(after_text, after);
  return classes_before != 0 && classes_after != 0 && classes_before != classes_after;
}

std::vector<EventVerb> EventVerbs(std::string_view text, Span span,
                                  const std::vector<ContentWord>& new_words) {
  std::vector<EventVerb> verbs;
  if (span.end <= span.start) return verbs;
  for (const Token& token : Tokens(text, span)) {
    if (!token.word()) continue;
    const std::string lower = Normalised(WordOf(text, token));
    if (claim_parts::IsReportingWord(lower)) continue;  // how it was said, not what happened
    if (!UsedAsVerb(text, token.span().start, lower)) continue;
    ContentWord probe;
    probe.key = ContentKey(WordOf(text, token));
    verbs.push_back({lower, std::binary_search(new_words.begin(), new_words.end(), probe)});
  }
  return verbs;
}

std::optional<std::pair<Span, Span>> ClaimEdit(std::string_view before_text,
                                               std::string_view after_text,
                                               const std::vector<WordChange>& words,
                                               const std::vector<bool>& covered,
                                               const std::vector<ContentWord>& only_before,
                                               const std::vector<ContentWord>& only_after) {
  Span rest_before{}, rest_after{};
  std::size_t rest_words = 0;       // content words of the changes left
  std::vector<std::size_t> rest;    // those changes
  bool quantifier_changed = false;  // one of them "Some" -> "All"
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (covered[w]) continue;
    const WordChange& change = words[w];
    // "Some" -> "All" is an edit whatever else changed.
    const bool quantifier = ChangesQuantifier(before_text, change.before, after_text, change.after);
    const std::size_t count =
        quantifier ? 3
                   : claim_wording::CountKeys(before_text, change.before, only_before) +
                         claim_wording::CountKeys(after_text, change.after, only_after);
    if (count == 0) continue;
    // The same actor named another way ("He" -> "The teenager"), or in
    // synonyms ("close" -> "shut").
    if (!quantifier &&
        (claim_wording::IsCoreference(before_text, change.before, after_text, change.after) ||
         claim_wording::IsRewording(before_text, change.before, after_text, change.after)))
      continue;
    if (change.before.end > change.before.start) rest_before = Union(rest_before, change.before);
    if (change.after.end > change.after.start) rest_after = Union(rest_after, change.after);
    rest_words += count;
    rest.push_back(w);
    quantifier_changed = quantifier_changed || quantifier;
  }
  const bool one_sided = rest_before.end == rest_before.start || rest_after.end == rest_after.start;
  if (one_sided || !(rest_words >= 3 || (rest_words == 2 && IsEventSwap(before_text, rest_before,
                                                                        after_text, rest_after))))
    return std::nullopt;
  // Asked last: it reads WordNet for each change left. What happened
  // changed when a verb one side's changes add has none of its kind among
  // the other side's changed verbs ("released on bail" -> "ordered to
  // surrender"; not "began sending" -> "started delivering", where
  // "started" adds nothing as a word, a vague one, but is of the kind of
  // "began"), or a people or an amount changed.
  std::vector<EventVerb> verbs_before, verbs_after;
  for (std::size_t w : rest) {
    for (EventVerb& verb : EventVerbs(before_text, words[w].before, only_before))
      verbs_before.push_back(std::move(verb));
    for (EventVerb& verb : EventVerbs(after_text, words[w].after, only_after))
      verbs_after.push_back(std::move(verb));
  }
  auto heavy = [](const EventVerb& verb) { return !IsLightVerb(verb.word); };
  auto unmatched = [&](const std::vector<EventVerb>& verbs, const std::vector<EventVerb>& others) {
    // Against light verbs alone, any verb may be their phrase re-worded.
    if (!others.empty() && std::none_of(others.begin(), others.end(), heavy)) return false;
    return std::any_of(verbs.begin(), verbs.end(), [&](const EventVerb& verb) {
      return verb.new_word && heavy(verb) &&
             std::none_of(others.begin(), others.end(), [&](const EventVerb& other) {
               return AreKindredVerbs(verb.word, other.word);
             });
    });
  };
  const bool event_changed =
      quantifier_changed || unmatched(verbs_before, verbs_after) ||
      unmatched(verbs_after, verbs_before) ||
      std::any_of(rest.begin(), rest.end(), [&](std::size_t w) {
        return IsEventSwap(before_text, words[w].before, after_text, words[w].after);
      });
  if (!event_changed) return std::nullopt;
  return std::pair{rest_before, rest_after};
}

}  // namespace stet::claim_events
