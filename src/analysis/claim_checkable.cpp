// The checkable parts of a claim (src/analysis/claim_checkable.h).
#include "analysis/claim_checkable.h"

#include <algorithm>
#include <string>

#include "analysis/attribution.h"
#include "analysis/claim_wording.h"
#include "analysis/span_sets.h"
#include "analysis/structure.h"
#include "base/ascii.h"

namespace stet::claim_parts {

std::vector<ClaimPart> CheckableParts(const Claim& claim, std::string_view text,
                                      const std::vector<Token>& tokens,
                                      const std::vector<Span>& quotes) {
  if (std::any_of(quotes.begin(), quotes.end(),
                  [&](Span quote) { return Overlaps(claim.span, quote); }) &&
      claim_wording::OnlyAttribution(text, tokens, quotes))
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
  for (const Token& token : tokens) {
    if (!token.word() || WithinAny(token.span(), claim.entities)) continue;
    const std::string lower =
        AsciiLower(text.substr(token.span().start, token.span().end - token.span().start));
    if (attribution::IsRoleWord(lower)) add("role", token.span());
  }
  std::sort(parts.begin(), parts.end(),
            [](const ClaimPart& x, const ClaimPart& y) { return x.span.start < y.span.start; });
  return parts;
}

}  // namespace stet::claim_parts
