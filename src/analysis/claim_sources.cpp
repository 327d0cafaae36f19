// The sources of a claim compared between two versions
// (src/analysis/claim_sources.h).
#include "analysis/claim_sources.h"

#include <algorithm>

#include "analysis/attribution.h"
#include "analysis/claim_parts.h"
#include "analysis/claim_wording.h"
#include "analysis/name_keys.h"
#include "analysis/span_sets.h"
#include "base/ascii.h"
#include "base/word_list.h"

namespace stet::claim_sources {

using claim_wording::WordOf;

namespace {

// A title of address: "Dr. Nadia Ferris" is "Nadia Ferris".
bool IsHonorific(std::string_view lower) {
  static const WordSet titles(
      "dr mr mrs ms mx miss prof rev fr sir dame sgt lt col gen capt cmdr sen rep gov supt det ");
  return titles.Contains(lower);
}

// Whether a word of a source names who speaks: not a function word, nor
// its verb, "according" or "citing".
bool IsNamingWord(std::string_view lower) {
  return !lower.empty() && !claim_parts::IsFunctionWord(lower) &&
         !claim_parts::IsReportingWord(lower) && lower != "according" && lower != "citing";
}

}  // namespace

std::vector<Span> OutsideQuotes(const Claim& claim, std::string_view text,
                                const std::vector<Span>& quotes) {
  const bool quoted = CoveredShare(claim.span, quotes) > 0;
  std::vector<Span> out;
  for (Span span : claim.sources) {
    if (InsideAny(span, quotes)) continue;
    const std::string lower = AsciiLower(text.substr(span.start, 12));
    if (quoted && !lower.starts_with("according") && !lower.starts_with("citing")) continue;
    out.push_back(span);
  }
  return out;
}

std::vector<std::string> SourceKeys(std::string_view text, Span source) {
  std::vector<std::string> keys;
  for (const Token& token : Tokens(text, source)) {
    if (!token.word()) continue;
    std::string lower = claim_wording::Normalised(WordOf(text, token));
    if (!IsNamingWord(lower) || claim_wording::IsNumber(lower) || IsHonorific(lower)) continue;
    std::string key = claim_wording::Stem(std::move(lower));
    if (!claim_wording::IsVagueWord(key)) keys.push_back(std::move(key));
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

bool SameSource(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::includes(a.begin(), a.end(), b.begin(), b.end()) ||
         std::includes(b.begin(), b.end(), a.begin(), a.end());
}

namespace {

// A source that refers back rather than names: "the agency said", "The
// chief did not say". Which agency is in the sentence or before it. With
// `role`, only a person's role ("the chief", not "the team").
bool RefersBack(std::string_view text, Span source, bool role = false) {
  const std::vector<Token> tokens = Tokens(text, source);
  std::vector<std::string_view> nouns;
  bool definite = false;
  for (const Token& token : tokens) {
    if (!token.word()) continue;
    const std::string lower = claim_wording::Normalised(WordOf(text, token));
    if (nouns.empty() && !definite && lower == "the") {
      definite = true;
    } else if (IsNamingWord(lower)) {
      if (claim_parts::IsUpper(WordOf(text, token))) return false;  // a name
      nouns.push_back(WordOf(text, token));
    }
  }
  return definite && nouns.size() == 1 &&
         (!role || attribution::IsRoleWord(claim_wording::Normalised(nouns.front())));
}

// A source named by a proper name only: "Berg", "Police Chief Tomas Berg
// said".
bool NamedOnly(std::string_view text, Span source) {
  int names = 0;
  for (const Token& token : Tokens(text, source)) {
    if (!token.word()) continue;
    if (!IsNamingWord(claim_wording::Normalised(WordOf(text, token)))) continue;
    if (!claim_parts::IsUpper(WordOf(text, token))) return false;
    ++names;
  }
  return names > 0;
}

// Whether every name of `source` (in `text`) occurs in `other_text`
// before `other_claim`: a description there ("the company") may refer back
// to it.
bool NamedEarlier(std::string_view text, Span source, std::string_view other_text,
                  Span other_claim) {
  const std::string_view earlier = other_text.substr(0, other_claim.start);
  for (const Token& token : Tokens(text, source)) {
    const std::string_view word = WordOf(text, token);
    if (token.word() && claim_parts::IsUpper(word) && earlier.find(word) == std::string_view::npos)
      return false;
  }
  return true;
}

// Whether someone speaks in `claim` through a pronoun ("He said", "she
// told reporters"): a source, but one the sentence does not name.
bool SpeaksThroughPronoun(std::string_view text, Span claim) {
  const std::vector<Token> tokens = Tokens(text, claim);
  for (std::size_t k = 0; k + 1 < tokens.size(); ++k) {
    if (!tokens[k].word() || !tokens[k + 1].word()) continue;
    const std::string subject = claim_wording::Normalised(WordOf(text, tokens[k]));
    if ((subject == "he" || subject == "she" || subject == "they") &&
        claim_parts::IsReportingWord(claim_wording::Normalised(WordOf(text, tokens[k + 1]))))
      return true;
  }
  return false;
}

// The sources of one version that the other does not name, and whether
// one of its sources is named in the other version's claim outside its
// sources (the antecedent a description there may refer back to).
struct Unmatched {
  std::vector<Span> spans;
  bool named_in_other = false;

  std::optional<Span> Joined() const {
    if (spans.empty()) return std::nullopt;
    Span joined = spans.front();
    for (Span span : spans)
      joined = {std::min(joined.start, span.start), std::max(joined.end, span.end)};
    return joined;
  }
};

// The stems of the names in a source, without the words of a role or
// title: "Chief executive Ravi Sondergaard" and "CEO Ravi Sondergaard"
// name one person.
std::vector<std::string> NameKeys(std::string_view text, Span source) {
  std::vector<std::string> keys;
  for (const Token& token : Tokens(text, source)) {
    if (!token.word() || !claim_parts::IsUpper(WordOf(text, token))) continue;
    std::string lower = claim_wording::Normalised(WordOf(text, token));
    if (!IsNamingWord(lower) || IsHonorific(lower) || attribution::IsRoleWord(lower)) continue;
    keys.push_back(claim_wording::Stem(std::move(lower)));
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

// A side's sources as they are matched: the stems of all their naming
// words, and of their names alone.
struct SourceWords {
  std::vector<std::vector<std::string>> keys, names;

  SourceWords(std::string_view text, const std::vector<Span>& sources) {
    for (Span span : sources) {
      keys.push_back(SourceKeys(text, span));
      names.push_back(NameKeys(text, span));
    }
  }

  // Whether a source of this side is source `k` of `other`: the same
  // words, or the same names (all of them: "Walt Emery of the Growers
  // Association" is not the association) called by another title.
  bool Has(const SourceWords& other, std::size_t k) const {
    for (std::size_t j = 0; j < keys.size(); ++j) {
      if (SameSource(keys[j], other.keys[k]) ||
          (names[j].size() >= 2 && SameNames(names[j], other.names[k])))
        return true;
    }
    return false;
  }

  // The same names, or the same but one spelt anew ("Margaret Harow" ->
  // "Margaret Harrow").
  static bool SameNames(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.size() != b.size()) return false;
    std::size_t respelt = 0;
    for (std::size_t k = 0; k < a.size(); ++k) {
      if (a[k] == b[k]) continue;
      if (!name_keys::IsRespelling(a[k], b[k])) return false;
      ++respelt;
    }
    return respelt <= 1;
  }
};

Unmatched UnmatchedSources(const std::vector<Span>& spans, const SourceWords& words,
                           const SourceWords& others, std::string_view other_text,
                           Span other_claim) {
  const std::vector<std::vector<std::string>>& keys = words.keys;
  Unmatched out;
  std::optional<std::vector<std::string>> claim_keys;  // read only when needed
  for (std::size_t k = 0; k < spans.size(); ++k) {
    if (others.Has(words, k)) continue;
    // "..., who said", "which said": a source that names no one stands for
    // the name before it, and cannot have changed.
    if (keys[k].empty() && words.names[k].empty()) continue;
    if (!keys[k].empty()) {
      if (!claim_keys) claim_keys = SourceKeys(other_text, other_claim);
      if (std::includes(claim_keys->begin(), claim_keys->end(), keys[k].begin(), keys[k].end())) {
        out.named_in_other = true;
        continue;
      }
    }
    out.spans.push_back(spans[k]);
  }
  return out;
}

// Whether `described` (the sources of one version, in `text`) only refer
// back to what `named` (the other version's, in `named_text`) names, as a
// second mention does:
// - "State police said they had responded" -> "State police had
//   responded, the agency said": the name is still in the claim;
// - "Berg did not say" -> "The chief did not say": a person's name for
//   their role;
// - "Veltro said" -> "The company said", Veltro named before the claim.
bool SecondMention(const Unmatched& described, std::string_view text, Span claim,
                   const Unmatched& named, std::string_view named_text) {
  auto all = [](const std::vector<Span>& spans, auto test) {
    return !spans.empty() && std::all_of(spans.begin(), spans.end(), test);
  };
  if (!all(described.spans, [&](Span span) { return RefersBack(text, span); })) return false;
  if (named.named_in_other) return true;
  if (!all(named.spans, [&](Span span) { return NamedOnly(named_text, span); })) return false;
  return std::all_of(described.spans.begin(), described.spans.end(),
                     [&](Span span) { return RefersBack(text, span, /*role=*/true); }) ||
         std::all_of(named.spans.begin(), named.spans.end(),
                     [&](Span span) { return NamedEarlier(named_text, span, text, claim); });
}

}  // namespace

std::optional<std::pair<Span, Span>> ChangedSources(std::string_view before_text,
                                                    const std::vector<Span>& before,
                                                    Span before_claim, std::string_view after_text,
                                                    const std::vector<Span>& after,
                                                    Span after_claim) {
  const SourceWords words_before(before_text, before), words_after(after_text, after);
  // Named by neither the other's sources nor the rest of its claim ("Gov.
  // Patricia Varga, who attended, said" beside "..., Gov. Patricia Varga
  // said at the opening").
  Unmatched gone = UnmatchedSources(before, words_before, words_after, after_text, after_claim);
  Unmatched come = UnmatchedSources(after, words_after, words_before, before_text, before_claim);
  if (SecondMention(come, after_text, after_claim, gone, before_text) ||
      SecondMention(gone, before_text, before_claim, come, after_text)) {
    gone.spans.clear();
    come.spans.clear();
  }
  // "He said he supported it" -> "Council President David Marsh said he
  // supported it": a pronoun may stand for any source.
  if (!come.spans.empty() && before.empty() && SpeaksThroughPronoun(before_text, before_claim))
    come.spans.clear();
  if (!gone.spans.empty() && after.empty() && SpeaksThroughPronoun(after_text, after_claim))
    gone.spans.clear();
  const std::optional<Span> gone_span = gone.Joined(), come_span = come.Joined();
  if (!gone_span && !come_span) return std::nullopt;
  return std::pair{gone_span.value_or(Span{}), come_span.value_or(Span{})};
}

std::vector<Span> NamingWords(std::string_view text, const std::vector<Span>& sources) {
  std::vector<Span> out;
  for (Span source : sources) {
    for (const Token& token : Tokens(text, source)) {
      if (!token.word() ||
          !claim_parts::IsReportingWord(claim_wording::Normalised(WordOf(text, token))))
        out.push_back(token.span());
    }
  }
  return out;
}

}  // namespace stet::claim_sources
