// The checkable parts of a claim (src/analysis/claim_checkable.h).
#include "analysis/claim_checkable.h"

#include <algorithm>
#include <array>
#include <string>

#include "analysis/attribution.h"
#include "analysis/claim_parts.h"
#include "analysis/claim_wording.h"
#include "analysis/reporting_verbs.h"
#include "analysis/span_sets.h"
#include "analysis/structure.h"
#include "base/ascii.h"
#include "base/word_list.h"

namespace stet::claim_parts {

namespace {

// Whether a sentence's words (`tokens`) outside `quotes` only say who
// spoke: names, pronouns, roles, reporting verbs and function words.
bool OnlyAttribution(std::string_view text, TokenRange tokens, const std::vector<Span>& quotes) {
  static const WordSet kAttributionWords = [] {
    std::vector<std::string_view> words;  // views into ReportingVerbForms(), kept for good
    for (const attribution::VerbFormEntry& entry : attribution::ReportingVerbForms())
      words.push_back(entry.word);
    for (std::string_view word :
         {"reporters", "statement", "interview", "briefing", "later", "earlier", "has",
          "have",      "had",       "would",     "will",     "his",   "her",     "their",
          "its",       "who",       "when",      "asked",    "then",  "again"})
      words.push_back(word);
    return WordSet(words);
  }();
  thread_local std::string lower;  // one buffer for every word
  int content = 0;
  for (const Token& token : tokens) {
    if (!token.word() || WithinAny(token.span(), quotes)) continue;
    const std::string_view word = claim_wording::WordOf(text, token);
    if (IsUpper(word)) continue;  // a name: the speaker
    AssignAsciiLower(lower, word);
    if (IsFunctionWord(lower) || attribution::IsPronoun(lower) || attribution::IsRoleWord(lower) ||
        kAttributionWords.Contains(lower))
      continue;
    if (++content == 2) return false;  // the rest need not be read
  }
  return true;
}

}  // namespace

std::vector<ClaimPart> CheckableParts(const Claim& claim, std::string_view text, TokenRange tokens,
                                      const std::vector<Span>& quotes) {
  if (std::any_of(quotes.begin(), quotes.end(),
                  [&](Span quote) { return Overlaps(claim.span, quote); }) &&
      OnlyAttribution(text, tokens, quotes))
    return {};
  if (structure::QuestionMark(text, claim.span, quotes) != std::string_view::npos) return {};
  std::vector<ClaimPart> parts;
  auto add = [&](std::string_view kind, Span span) {
    if (!WithinAny(span, quotes)) parts.push_back({kind, span});
  };
  const std::size_t entry_time = structure::EntryTimeEnd(text, claim.span);
  for (const Quantity& q : claim.quantities) {
    if (q.span.start >= entry_time) add("number", q.span);
  }
  for (Span span : claim.negations) add("negation", span);
  for (Span span : claim.hedges) add("certainty", span);
  for (Span span : claim.firm) add("certainty", span);
  for (Span span : claim.sources) add("source", span);
  for (Span span : claim.entities) {
    const bool number = std::any_of(claim.quantities.begin(), claim.quantities.end(),
                                    [&](const Quantity& q) { return Overlaps(span, q.span); });
    if (span.start >= entry_time && !WithinAny(span, claim.sources) && !number) add("name", span);
  }
  // An actor named by a role: "The mayor resigned."
  // Role words are short: a word is lowered on the stack, and one longer
  // than the buffer is none.
  std::array<char, 32> lower;
  for (const Token& token : tokens) {
    const std::size_t length = token.span().end - token.span().start;
    if (!token.word() || length > lower.size() || WithinAny(token.span(), claim.entities)) continue;
    LowerAsciiInto(lower.data(), text.substr(token.span().start, length));
    if (attribution::IsRoleWord(std::string_view(lower.data(), length))) add("role", token.span());
  }
  std::sort(parts.begin(), parts.end(),
            [](const ClaimPart& x, const ClaimPart& y) { return x.span.start < y.span.start; });
  return parts;
}

}  // namespace stet::claim_parts
