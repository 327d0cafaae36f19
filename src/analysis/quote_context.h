// What stands around a quotation besides a reporting verb and still says
// whose it is, or that it is nobody's: a byline after it (“…” ― Marisol
// Fuentes), a label or a clause before a colon (Economist Jonas Viklund:
// “…”; STAM: “…”; Mayor Ilse Brandvold put it bluntly: “…”), and a title
// quoted with its punctuation inside the marks (the film “Judith.”).
#ifndef STET_SRC_ANALYSIS_QUOTE_CONTEXT_H_
#define STET_SRC_ANALYSIS_QUOTE_CONTEXT_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/attribution.h"
#include "analysis/people.h"
#include "stet/segment.h"

namespace stet {

// The person a byline names: `after` is the text from the closing mark to
// the end of the paragraph; a dash must open it.
std::optional<std::string> BylineSpeaker(std::string_view text, Span after,
                                         const attribution::People& people);

struct ColonSpeaker {
  std::string name;
  bool label = false;  // a label ("Economist Jonas Viklund:"), not a clause
};
// The person named before a colon that opens a quote; `words` are the
// sentence's words before the quote, the colon last.
std::optional<ColonSpeaker> SpeakerBeforeColon(std::span<const attribution::Word> words,
                                               const attribution::People& people);

// "She put it simply: “…”": a pronoun opening the clause before the colon
// that opens the quote; `words` as for SpeakerBeforeColon.
std::optional<attribution::Attribution> PronounBeforeColon(
    std::span<const attribution::Word> words);

// Whether `quoted` (the words inside the marks at `whole`) is a title in
// the writer's sentence: after a noun that introduces one ("the series
// “Saltmarsh.”"), or two title-case words or more that no cue claims
// (`cued`) as someone's words.
bool IsTitleInSentence(std::string_view text, std::string_view quoted, Span whole, bool cued);

}  // namespace stet

#endif  // STET_SRC_ANALYSIS_QUOTE_CONTEXT_H_
