// stet/quotes.h: who said what in a text, and how quotes changed between
// two revisions.
//
// A quote is a span inside quotation marks (curly or straight double
// marks; single marks nested inside them), possibly in several parts: one
// split by its attribution ("“We want peace,” he said, “but not at any
// price.”") or running over paragraphs (no closing mark at a paragraph's
// end, an opening mark at the next). Its speaker comes from the reporting
// cue around it ("X said", "said X", "X, the ..., told", "according to X",
// "X added that ... “…”"); titles and roles are split off ("Defense
// Secretary Pete Hegseth": role "Defense Secretary"), short forms are joined
// to the full name seen in the text ("Hegseth"), and "he"/"she" are
// resolved to the person the preceding sentences are about. A quoted
// paragraph without a cue that follows someone's quote is theirs. Quoted
// words that are nobody's speech (scare quotes, titles) are kept but marked.
#ifndef STET_QUOTES_H_
#define STET_QUOTES_H_

#include <string>
#include <string_view>
#include <vector>

#include "stet/segment.h"
#include "stet/status.h"

namespace stet {

// What a quote's speaker is.
enum class SpeakerKind {
  kUnknown,       // the text does not say
  kPerson,        // a named person
  kRole,          // a person described, not named: "a Port Authority official"
  kOrganisation,  // "the ministry", "Ferreira’s campaign"
};
// "unknown", "person", "role", "organisation".
std::string_view SpeakerKindName(SpeakerKind kind);

// How the speaker was found.
enum class AttributedBy {
  kNone,          // no speaker (or no speech)
  kCue,           // a reporting verb or "according to" names the speaker
  kPronoun,       // the cue's subject is he or she, resolved to a person
  kContinuation,  // no cue: quoted words following someone's quote
  kByline,        // “…” ― Name
  kLabel,         // Name: “…”, or a transcript's SMITH:
};
// "", "cue", "pronoun", "continuation", "byline", "label".
std::string_view AttributedByName(AttributedBy by);

struct Quote {
  // The quoted words of each part, without the quotation marks.
  std::vector<Span> parts;
  // The parts' words joined by one space.
  std::string text;
  // A few words quoted inside the writer's own sentence ("remains “on the
  // table”"), not a whole quoted sentence.
  bool partial = false;
  // False for scare quotes and quoted titles: not anyone's words, and left
  // out of quote changes.
  bool speech = true;
  // The resolved full name (or organisation); empty when unknown.
  std::string speaker;
  // How the text names the speaker at the cue: "he", "Vance", "Defense
  // Secretary Pete Hegseth"; empty when there is no cue.
  std::string mention;
  // The role or title split off the speaker's name: "Defense Secretary".
  std::string role;
  // The reporting word as written: "said", "has said", "according to";
  // empty when none.
  std::string cue;
  SpeakerKind speaker_kind = SpeakerKind::kUnknown;
  AttributedBy attributed_by = AttributedBy::kNone;
  // Which rule attributed the quote, from which words (`stet quotes
  // --explain`): "cue after the quote: “Brandvold”, “answered”". Empty
  // unless asked for (QuoteOptions::explain).
  std::string explanation;

  Span Whole() const { return {parts.front().start, parts.back().end}; }
};

struct QuoteOptions {
  // Fill each quote's `explanation` (it costs a few strings per quote, which
  // a comparison of two long revisions does without).
  bool explain = false;
  // Fill each quote's `text`. AnalyzeDiff finds and compares quotes
  // without it and fills it once the comparison is done: the words of
  // every quote of both revisions, copied, were 1.9 MB at 300k words at
  // each of the comparison's peaks (docs/performance.md).
  bool text = true;
};

// A quote's `text` from the text it was found in: its parts joined by one
// space.
std::string QuoteText(std::string_view text, const Quote& quote);

// The quotes of `text` in order. REQUIRES: valid UTF-8. Fails only if
// sentence segmentation does (ICU's rules cannot be loaded).
Result<std::vector<Quote>> FindQuotes(std::string_view text, const QuoteOptions& options = {});

// The same over a text already segmented (Segment(text)).
std::vector<Quote> FindQuotes(std::string_view text, const SegmentedText& segmented,
                              const QuoteOptions& options = {});

enum class QuoteChangeKind { kAdded, kRemoved, kEdited, kReattributed };

// "quote_added", "quote_removed", "quote_edited", "quote_reattributed".
std::string_view QuoteChangeKindName(QuoteChangeKind kind);

struct QuoteChange {
  QuoteChangeKind kind = QuoteChangeKind::kEdited;
  // Indexes into the before and after quote lists; -1 on the side that has
  // no counterpart.
  int before = -1;
  int after = -1;
  // quote_edited: only punctuation, case or white space changed.
  bool minor = false;
  // quote_edited: "extended" (the before quote is a prefix or part of the
  // after one), "truncated" (the reverse), "reworded" or "punctuation".
  std::string detail;
};

struct QuoteComparison {
  std::vector<QuoteChange> changes;  // in the order of the after text
  int unchanged = 0;                 // paired, same words and speaker
};

// Pairs the speech quotes of two revisions (same words once case and
// punctuation are set aside; else similar words; else one extending the
// other) and says how each pair, and each quote without a counterpart,
// changed. Scare quotes and titles take no part.
QuoteComparison CompareQuotes(const std::vector<Quote>& before, const std::vector<Quote>& after);
// The same for quotes found without their `text` (QuoteOptions::text),
// whose words are read from the texts they were found in.
QuoteComparison CompareQuotes(std::string_view before_text, const std::vector<Quote>& before,
                              std::string_view after_text, const std::vector<Quote>& after);

}  // namespace stet

#endif  // STET_QUOTES_H_
