// stet/claims.h: the checkable parts of sentences, and how they changed
// between two revisions.
//
// A claim is a sentence that asserts something checkable. Its parts:
// quantities (in digits or words, with their unit: "78", "two days", "G-7",
// "3.5%", "$2 billion"), negations ("not", "never", "ruled out", "denied"),
// certainty markers ("might", "could", "reportedly" lower it; "will", "is
// prepared to", "confirmed" raise it), the claim's source ("according to
// X", "X reported", "citing X"), named people and organisations, and
// correction or update notices.
#ifndef STET_CLAIMS_H_
#define STET_CLAIMS_H_

#include <string>
#include <string_view>
#include <vector>

#include "stet/compare.h"
#include "stet/quotes.h"
#include "stet/segment.h"

namespace stet {

struct Quantity {
  Span span;         // the number with its modifiers and unit ("just one day")
  double value = 0;  // 1 for "one", 7 for "G-7", 3.5 for "3.5%"
  std::string unit;  // "day" (singular), "%", "$", "G-" ...
};

struct Claim {
  std::size_t sentence = 0;  // index into the text's sentences
  Span span;                 // the sentence
  std::vector<Quantity> quantities;
  std::vector<Span> negations;  // each negating word or phrase
  std::vector<Span> hedges;     // certainty lowered
  std::vector<Span> firm;       // certainty raised
  std::vector<Span> sources;    // "according to Reuters"
  std::vector<Span> entities;   // named people and organisations (roles included)
  bool correction = false;      // a correction or update notice
};

// The claim parts of every sentence of `text` (as segmented by Segment).
std::vector<Claim> FindClaims(std::string_view text, const SegmentedText& segmented);

// A checkable part of a claim: what makes a sentence worth checking.
struct ClaimPart {
  // "number", "negation", "certainty", "source", "name" or "role" (a
  // static string)
  std::string_view kind;
  Span span;
};

enum class ClaimChangeKind {
  kNumberChanged,
  kNegationChanged,
  kHedgeChanged,
  kSourceChanged,
  kEntityAdded,
  kEntityRemoved,
  kCorrectionAdded,
  kClaimEdited,
  kClaimAdded,
  kClaimRemoved,
};

// "number_changed", "negation_changed", ..., "claim_removed".
std::string_view ClaimChangeKindName(ClaimChangeKind kind);

struct ClaimChange {
  ClaimChangeKind kind = ClaimChangeKind::kClaimEdited;
  // The exact changed spans (byte offsets into the before and after texts);
  // empty on a side without one.
  Span before;
  Span after;
  // The sentences they are in: indexes into each text's sentences, -1 when
  // absent.
  int before_sentence = -1;
  int after_sentence = -1;
  // "certainty up", "certainty down", "1 -> 2 day", "negation added", ...
  std::string detail;
  // For a change inside a quote (a denial, number, hedge or source in
  // someone's words): who said it; "" outside quotes or when unknown.
  std::string speaker;
  // claim_added / claim_removed: the checkable parts of the sentence, in
  // text order (a sentence without one is no claim and is not reported).
  std::vector<ClaimPart> parts;
  // correction_added: the after sentence the notice most likely refers to
  // (an edited sentence sharing its words), or -1.
  int refers_to = -1;
  // How much a reviewer should care, 0..1 (docs/design.md says how).
  double materiality = 0;
};

// The claim changes between two revisions, from their sentence alignment
// and their quotes (a change a quote change already explains, such as a
// speaker's name, is not reported again). Most material first.
std::vector<ClaimChange> CompareClaims(std::string_view before, const SegmentedText& before_text,
                                       std::string_view after, const SegmentedText& after_text,
                                       const Comparison& comparison,
                                       const std::vector<Quote>& before_quotes,
                                       const std::vector<Quote>& after_quotes,
                                       const QuoteComparison& quote_changes);

// The materiality of a claim change (a denial reversed 0.9, a correction
// 0.8, a number or a source 0.7, certainty 0.6, a name added or removed
// 0.4, a sentence added or removed 0.5 with a number, denial, certainty or
// source in it and 0.3 without, other edits 0.2), inside a quote as
// outside. docs/design.md says why.
double ClaimMateriality(const ClaimChange& change);

// The materiality of a quote change (same scale as ClaimChange's).
double QuoteMateriality(const QuoteChange& change);

// The materiality of a whole pair of revisions from its changes: the most
// material change, raised a little by each further one, at most 1.
double RevisionMateriality(const std::vector<double>& change_materialities);

// "high" (0.7 or more), "medium" (0.4 or more), "low" (above 0) or "none".
std::string_view MaterialityLabel(double materiality);

// The lowest materiality MaterialityLabel calls `label` ("low", "medium",
// "high"), for a filter such as `--min-materiality`; 0 for anything else.
double MaterialityFloor(std::string_view label);

}  // namespace stet

#endif  // STET_CLAIMS_H_
