// The sources of a claim compared between two versions
// (src/analysis/claim_sources.h).
#include "analysis/claim_sources.h"

#include <algorithm>

#include "analysis/claim_parts.h"
#include "analysis/claim_wording.h"
#include "analysis/span_sets.h"

namespace stet::claim_sources {

using claim_wording::WordOf;

std::vector<std::string> SourceKeys(std::string_view text, Span source) {
  std::vector<std::string> keys;
  for (const Token& token : Tokens(text, source)) {
    if (!token.word) continue;
    std::string lower = claim_wording::Normalised(WordOf(text, token));
    if (lower.empty() || claim_parts::IsFunctionWord(lower) || lower == "according" ||
        lower == "citing" || claim_parts::IsReportingWord(lower) || claim_wording::IsNumber(lower))
      continue;
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

std::optional<std::pair<Span, Span>> ChangedSources(std::string_view before_text,
                                                    const std::vector<Span>& before,
                                                    Span before_claim, std::string_view after_text,
                                                    const std::vector<Span>& after,
                                                    Span after_claim) {
  std::vector<std::vector<std::string>> keys_before, keys_after;
  for (Span span : before) keys_before.push_back(SourceKeys(before_text, span));
  for (Span span : after) keys_after.push_back(SourceKeys(after_text, span));
  // The spans of `spans` whose keys no source of `others` shares, nor the
  // other version's claim names otherwise ("Gov. Patricia Varga, who
  // attended, said" beside "..., Gov. Patricia Varga said at the
  // opening"), together. The claim's keys are read only when needed.
  auto unmatched = [](const std::vector<Span>& spans,
                      const std::vector<std::vector<std::string>>& keys,
                      const std::vector<std::vector<std::string>>& others,
                      std::string_view other_text, Span other_claim) -> std::optional<Span> {
    std::optional<Span> out;
    std::optional<std::vector<std::string>> claim_keys;
    for (std::size_t k = 0; k < spans.size(); ++k) {
      if (std::any_of(others.begin(), others.end(),
                      [&](const auto& other) { return SameSource(other, keys[k]); }))
        continue;
      if (!keys[k].empty()) {
        if (!claim_keys) claim_keys = SourceKeys(other_text, other_claim);
        if (std::includes(claim_keys->begin(), claim_keys->end(), keys[k].begin(), keys[k].end()))
          continue;
      }
      out = out ? Span{std::min(out->start, spans[k].start), std::max(out->end, spans[k].end)}
                : spans[k];
    }
    return out;
  };
  const std::optional<Span> gone =
      unmatched(before, keys_before, keys_after, after_text, after_claim);
  const std::optional<Span> come =
      unmatched(after, keys_after, keys_before, before_text, before_claim);
  if (!gone && !come) return std::nullopt;
  return std::pair{gone.value_or(Span{}), come.value_or(Span{})};
}

std::vector<Span> NamingWords(std::string_view text, const std::vector<Span>& sources) {
  std::vector<Span> out;
  for (Span source : sources) {
    for (const Token& token : Tokens(text, source)) {
      if (!token.word ||
          !claim_parts::IsReportingWord(claim_wording::Normalised(WordOf(text, token))))
        out.push_back(token.span);
    }
  }
  return out;
}

}  // namespace stet::claim_sources
