// Whether what a claim says happened changed, not only its words: one
// event for another ("arrested" -> "questioned", not "secured" ->
// "won"), one people for another ("German" -> "Austrian"), another
// amount ("Some" -> "All"), a verb among the words changed.
#ifndef STET_SRC_ANALYSIS_CLAIM_EVENTS_H_
#define STET_SRC_ANALYSIS_CLAIM_EVENTS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/claim_wording.h"
#include "stet/compare.h"
#include "stet/segment.h"

namespace stet::claim_events {

using claim_wording::ContentWord;

// Whether a word change makes a claim of another amount: "Some of the 40
// buses" -> "All of the 40 buses" (all, part).
bool ChangesQuantifier(std::string_view before_text, Span before, std::string_view after_text,
                       Span after);

// Whether a word change swaps one verb for another of another kind of
// event and nothing more: "arrested" -> "questioned", "will close" ->
// "will expand", "bought" -> "sold" (not "secured" -> "won", one kind),
// or one people, place or party for another: "a German man" -> "an
// Austrian man"; not "jobs" -> "positions".
bool IsEventSwap(std::string_view before_text, Span before, std::string_view after_text,
                 Span after);

// A verb of a changed span, lower case, and whether its key is among the
// words only its side has (claim_wording::KeepDifferences).
struct EventVerb {
  std::string word;
  bool new_word = false;
};

// The verbs among the words of `span`, as used (past, -ing, after a modal
// or "to", or only ever a verb), each marked new when its key is in
// `new_words` (sorted); reporting verbs say how, not what happened, and
// are left out.
std::vector<EventVerb> EventVerbs(std::string_view text, Span span,
                                  const std::vector<ContentWord>& new_words);

// The claim edit the word changes of an edited sentence make, as the
// spans of each side, or nullopt. `covered` marks the changes another
// report took (a number, a denial, a source, an entity, a clause);
// `only_before` and `only_after` are the content words only each side
// has (claim_wording::KeepDifferences). What is left must be words of one
// side that gave way to words of the other (not only added or dropped: "by
// city inspectors" is a detail), three or more, or two that are another
// event or people ("arrested" -> "questioned"); the same actor named
// another way or synonyms say nothing new; and among them what happened
// must have changed (a verb, another event, another amount), not only
// what a thing is called ("misconduct in public office" -> "any
// offence").
std::optional<std::pair<Span, Span>> ClaimEdit(std::string_view before_text,
                                               std::string_view after_text,
                                               const std::vector<WordChange>& words,
                                               const std::vector<bool>& covered,
                                               const std::vector<ContentWord>& only_before,
                                               const std::vector<ContentWord>& only_after);

}  // namespace stet::claim_events

#endif  // STET_SRC_ANALYSIS_CLAIM_EVENTS_H_
