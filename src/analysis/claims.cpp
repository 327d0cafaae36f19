// Claim changes between revisions. The claim parts of a sentence are
// src/analysis/claim_parts.h; how much each change matters,
// src/analysis/materiality.cpp.
//
// Hand-written over stet's tokens, for the same reason as quotes: the
// markers of news claims (numbers and their units, "not" and "ruled out",
// "might" and "is prepared to", "according to") are closed lists and short
// patterns, and no Debian-packaged C++ library offers them.
#include "stet/claims.h"

#include <algorithm>
#include <optional>

#include "analysis/attribution.h"
#include "analysis/claim_checkable.h"
#include "analysis/claim_entities.h"
#include "analysis/claim_events.h"
#include "analysis/claim_numbers.h"
#include "analysis/claim_parts.h"
#include "analysis/claim_replacements.h"
#include "analysis/claim_sources.h"
#include "analysis/claim_wording.h"
#include "analysis/correction_links.h"
#include "analysis/name_keys.h"
#include "analysis/span_sets.h"
#include "analysis/structure.h"
#include "base/ascii.h"
#include "stet/text.h"

namespace stet {
namespace {

// Each quote as a whole, in order (its speaker is read from the quote).
SpanIndex WholeQuotes(const std::vector<Quote>& quotes) {
  std::vector<Span> spans;
  spans.reserve(quotes.size());
  for (const Quote& quote : quotes) spans.push_back(quote.Whole());
  return SpanIndex(std::move(spans));
}

class ClaimComparer {
 public:
  ClaimComparer(std::string_view before, const SegmentedText& before_text, std::string_view after,
                const SegmentedText& after_text, const std::vector<Quote>& before_quotes,
                const std::vector<Quote>& after_quotes, const QuoteComparison& quote_changes)
      : before_(before),
        after_(after),
        before_claims_(before, before_text),
        after_claims_(after, after_text),
        before_names_(before, before_text),
        after_names_(after, after_text),
        before_quote_list_(before_quotes),
        after_quote_list_(after_quotes),
        before_text_(before_text),
        after_text_(after_text) {
    before_quotes_ = WholeQuotes(before_quotes);
    after_quotes_ = WholeQuotes(after_quotes);
    // Names a quote change explains (a speaker swapped) are not claim edits.
    for (const QuoteChange& change : quote_changes.changes) {
      if (change.before >= 0) Explain(before_quotes[change.before], true);
      if (change.after >= 0) Explain(after_quotes[change.after], false);
    }
  }

  // Of `candidates` (sentence indexes into `sentences`), the one holding
  // `span`; `fallback` when none does or the span is empty and unplaced.
  static int Holding(const std::vector<std::size_t>& candidates, const std::vector<Span>& sentences,
                     Span span, int fallback) {
    for (std::size_t index : candidates) {
      const Span sentence = sentences[index];
      if (span.start >= sentence.start && span.start < sentence.end) return static_cast<int>(index);
    }
    return fallback;
  }

  std::vector<ClaimChange> Run(const Comparison& comparison) {
    FindEntriesAtEnds(comparison);
    const std::vector<claim_replacements::Replacement> replacements =
        claim_replacements::Replacements(comparison, before_, before_text_, after_, after_text_);
    // Which replacement each edit opens (its first sentence), or closes.
    constexpr int kNone = -1, kClosed = -2;
    std::vector<int> replaced(comparison.edits.size(), kNone);
    for (std::size_t r = 0; r < replacements.size(); ++r) {
      // A headline, byline or label replaced is no claim's change, nor a
      // live entry that fell off the end (paired with a new one).
      if (Structural(before_text_, before_, replacements[r].before_sentence) ||
          Structural(after_text_, after_, replacements[r].after_sentence) ||
          before_at_ends_[replacements[r].before_sentence])
        continue;
      replaced[replacements[r].first] = static_cast<int>(r);
      replaced[replacements[r].second] = kClosed;
    }
    for (std::size_t e = 0; e < comparison.edits.size(); ++e) {
      if (replaced[e] == kClosed) continue;
      if (replaced[e] != kNone) {
        Replaced(replacements[static_cast<std::size_t>(replaced[e])]);
        continue;
      }
      const TextEdit& edit = comparison.edits[e];
      switch (edit.kind) {
        case EditKind::kAdded:
          Added(edit);
          break;
        case EditKind::kRemoved:
          Removed(edit);
          break;
        default:
          if (!edit.words.empty()) Edited(edit);
          break;
      }
    }
    LinkCorrections();
    for (ClaimChange& change : changes_) {
      change.materiality = ClaimMateriality(change);
    }
    std::stable_sort(
        changes_.begin(), changes_.end(),
        [](const ClaimChange& x, const ClaimChange& y) { return x.materiality > y.materiality; });
    return std::move(changes_);
  }

 private:
  void Explain(const Quote& quote, bool before_side) {
    if (quote.mention.empty()) return;
    (before_side ? explained_before_ : explained_after_).push_back(AsciiLower(quote.mention));
  }

  // The speaker of the quote that holds `span` on the after side (else the
  // before side); "" when no quote holds it.
  std::string SpeakerOf(Span before, Span after) const {
    if (after.end > after.start) {
      const std::size_t q = after_quotes_.FirstHolding(after);
      if (q < after_quote_list_.size()) return after_quote_list_[q].speaker;
    }
    if (before.end > before.start) {
      const std::size_t q = before_quotes_.FirstHolding(before);
      if (q < before_quote_list_.size()) return before_quote_list_[q].speaker;
    }
    return "";
  }

  bool Structural(const SegmentedText& text, std::string_view bytes, std::size_t s) const {
    return structure::LineKindOf(bytes, text, s) != structure::LineKind::kNone;
  }

  void Added(const TextEdit& edit) {
    const std::size_t s = edit.after_sentences.front();
    if (Structural(after_text_, after_, s)) return;  // a headline, byline, timestamp ...
    const Claim& claim = after_claims_[s];
    ClaimChange change;
    change.after = claim.span;
    change.after_sentence = static_cast<int>(s);
    if (claim.correction) {
      change.kind = ClaimChangeKind::kCorrectionAdded;
      pending_corrections_.push_back(changes_.size());
    } else {
      if (InCorrectionNotice(after_, after_text_, s)) return;
      change.parts = claim_parts::CheckableParts(claim, after_, after_text_.tokens[s],
                                                 after_quotes_.Meeting(claim.span));
      if (change.parts.empty()) return;  // nothing to check: the TEXT section shows it
      change.kind = ClaimChangeKind::kClaimAdded;
    }
    changes_.push_back(change);
  }

  void Replaced(const claim_replacements::Replacement& replacement) {
    const Claim& before = before_claims_[replacement.before_sentence];
    const Claim& after = after_claims_[replacement.after_sentence];
    const std::vector<Span> quotes_before = before_quotes_.Meeting(before.span);
    const std::vector<Span> quotes_after = after_quotes_.Meeting(after.span);
    for (ClaimChange& change : claim_replacements::CompareReplaced(
             {before_, before, before_text_.tokens[replacement.before_sentence], quotes_before,
              claim_sources::OutsideQuotes(before, before_, quotes_before)},
             {after_, after, after_text_.tokens[replacement.after_sentence], quotes_after,
              claim_sources::OutsideQuotes(after, after_, quotes_after)})) {
      changes_.push_back(std::move(change));
    }
    edited_after_.push_back(replacement.after_sentence);
  }

  // The live entries the older revision has alone at its blog's ends:
  // fallen off. (New entries the newer one posts are claims added: the
  // reviewer checks what a blog newly says.)
  void FindEntriesAtEnds(const Comparison& comparison) {
    std::vector<bool> removed(before_text_.sentences.size(), false);
    for (const TextEdit& edit : comparison.edits) {
      if (edit.kind == EditKind::kRemoved)
        for (std::size_t s : edit.before_sentences) removed[s] = true;
    }
    before_at_ends_ = structure::EntriesAtEnds(before_, before_text_, removed);
  }

  void Removed(const TextEdit& edit) {
    const std::size_t s = edit.before_sentences.front();
    if (Structural(before_text_, before_, s)) return;
    if (before_at_ends_[s]) return;  // a live blog's oldest entry, fallen off
    const Claim& claim = before_claims_[s];
    ClaimChange change;
    change.kind = ClaimChangeKind::kClaimRemoved;
    change.before = claim.span;
    change.before_sentence = static_cast<int>(s);
    change.parts = claim_parts::CheckableParts(claim, before_, before_text_.tokens[s],
                                               before_quotes_.Meeting(claim.span));
    if (change.parts.empty()) return;
    changes_.push_back(change);
  }

  // The markers of one kind (negations, hedges, ...) that a side of a word
  // change touches: how many, and the span they cover.
  struct Hits {
    Span span{};
    int count = 0;
  };

  static Hits Hit(const std::vector<Span>& markers, Span change) {
    Hits hits;
    for (Span marker : markers) {
      if (!Overlaps(marker, change)) continue;
      hits.span = hits.count++ == 0 ? marker : Union(hits.span, marker);
    }
    return hits;
  }

  // What a changed-marker report covers on one side: the changed words, or,
  // for a pure insertion or deletion, the markers it touched.
  static Span Reported(Span change, Span markers) {
    return change.end > change.start ? change : markers;
  }

  void Edited(const TextEdit& aligned) {
    // A headline, byline or timestamp re-worded is no claim's change.
    TextEdit trimmed;
    const TextEdit* prose = structure::WithoutStructuralEnds(aligned, before_, before_text_, after_,
                                                             after_text_, trimmed);
    if (prose == nullptr) return;
    const TextEdit& edit = *prose;
    // A correction notice re-worded or dated ("Correction, Oct. 2:") says
    // nothing new.
    if (before_claims_[edit.before_sentences.front()].correction &&
        after_claims_[edit.after_sentences.front()].correction)
      return;
    // A split or merged sentence's parts on each side, as one: a change in
    // the second half is read against that half's numbers and markers.
    Claim joined_before, joined_after;
    const Claim& before =
        claim_parts::OneClaim(before_claims_, edit.before_sentences, joined_before);
    const Claim& after = claim_parts::OneClaim(after_claims_, edit.after_sentences, joined_after);
    // The quotations in these sentences (a text has hundreds, these few).
    const std::vector<Span> quotes_before = before_quotes_.Meeting(before.span);
    const std::vector<Span> quotes_after = after_quotes_.Meeting(after.span);
    const int before_sentence = static_cast<int>(edit.before_sentences.front());
    const int after_sentence = static_cast<int>(edit.after_sentences.front());
    auto make = [&](ClaimChangeKind kind, Span b, Span a, std::string detail) {
      ClaimChange change;
      change.kind = kind;
      change.before = b;
      change.after = a;
      // After a split (or before a merge) the sentence that holds the span.
      // The segmentations' sentences, which the comparison's indexes name
      // (AnalyzeDiff moves them into the comparison only after this).
      change.before_sentence =
          Holding(edit.before_sentences, before_text_.sentences, b, before_sentence);
      change.after_sentence =
          Holding(edit.after_sentences, after_text_.sentences, a, after_sentence);
      change.detail = std::move(detail);
      change.speaker = SpeakerOf(b, a);
      changes_.push_back(change);
    };
    std::vector<bool> covered(edit.words.size(), false);
    // Accumulated over the sentence's word changes: one report per kind.
    Span negation_before{}, negation_after{}, hedge_span_before{}, hedge_span_after{};
    int negations_before = 0, negations_after = 0, certainty_before = 0, certainty_after = 0;
    bool negation_changed = false, certainty_touched = false;
    // The time opening a live entry ("8:45 p.m.:") is no claim's number,
    // and a dateline ("KELM, Norway —") no claim's words.
    const std::size_t before_entry_time = structure::EntryTimeEnd(before_, before.span);
    const std::size_t after_entry_time = structure::EntryTimeEnd(after_, after.span);
    const std::size_t before_dateline = structure::DatelineEnd(before_, before.span);
    const std::size_t after_dateline = structure::DatelineEnd(after_, after.span);
    // A dateline's date ("ARLSBERG, Oct 28 (Continental Press) -") is when
    // it was filed, not a claim's number.
    const std::optional<claim_numbers::ValueChange> values = claim_numbers::ChangedValues(
        before_, before.quantities, std::max(before_entry_time, before_dateline), after_,
        after.quantities, std::max(after_entry_time, after_dateline));
    const Span numbers_before = values ? values->before : Span{};
    const Span numbers_after = values ? values->after : Span{};
    for (std::size_t w = 0; w < edit.words.size(); ++w) {
      const WordChange& change = edit.words[w];
      // Inside a quote the quote change reports the wording; a number,
      // negation, hedge or source changed in someone's words is a claim
      // change all the same (with the speaker), checked below.
      if ((change.before.end == change.before.start || InsideAny(change.before, quotes_before)) &&
          (change.after.end == change.after.start || InsideAny(change.after, quotes_after))) {
        covered[w] = true;
      }
      // A speaker's name that a quote change already reports.
      if (Explained(SpanText(before_, change.before), explained_before_) ||
          Explained(SpanText(after_, change.after), explained_after_)) {
        covered[w] = true;
      }
      if (change.before.end <= before_dateline && change.after.end <= after_dateline) {
        covered[w] = true;
      }
      // A word change on a number (or on an entry's time) is the numbers'
      // to report, below, never a claim edit of its own.
      if (change.before.end > change.before.start &&
          (TouchesQuantity(before.quantities, change.before) ||
           change.before.start < before_entry_time)) {
        covered[w] = true;
      }
      if (change.after.end > change.after.start &&
          (TouchesQuantity(after.quantities, change.after) ||
           change.after.start < after_entry_time)) {
        covered[w] = true;
      }
      // Negation and certainty, on short changes only: a new clause is new
      // content, not a turned statement.
      const auto [words_before, words_after] =
          claim_wording::ChangedWordCounts(before_, change.before, after_, change.after);
      const bool short_change = words_before > 0 && words_after > 0
                                    ? words_before <= 6 && words_after <= 6
                                    : words_before + words_after <= 3;
      if (short_change) {
        const Hits negation_b = Hit(before.negations, change.before);
        const Hits negation_a = Hit(after.negations, change.after);
        if (negation_b.count != negation_a.count) {
          negation_before = Union(negation_before, Reported(change.before, negation_b.span));
          negation_after = Union(negation_after, Reported(change.after, negation_a.span));
          negations_before += negation_b.count;
          negations_after += negation_a.count;
          negation_changed = true;
          covered[w] = true;
        }
        const Hits hedges_b = Hit(before.hedges, change.before);
        const Hits hedges_a = Hit(after.hedges, change.after);
        const Hits firm_b = Hit(before.firm, change.before);
        const Hits firm_a = Hit(after.firm, change.after);
        if (hedges_b.count + hedges_a.count + firm_b.count + firm_a.count > 0 &&
            !claim_wording::MarkersInOtherForm(before_, change.before, before, after_, change.after,
                                               after)) {
          certainty_before += firm_b.count - hedges_b.count;
          certainty_after += firm_a.count - hedges_a.count;
          const Span markers_before = hedges_b.count == 0 ? firm_b.span
                                      : firm_b.count == 0 ? hedges_b.span
                                                          : Union(hedges_b.span, firm_b.span);
          const Span markers_after = hedges_a.count == 0 ? firm_a.span
                                     : firm_a.count == 0 ? hedges_a.span
                                                         : Union(hedges_a.span, firm_a.span);
          hedge_span_before = Union(hedge_span_before, Reported(change.before, markers_before));
          hedge_span_after = Union(hedge_span_after, Reported(change.after, markers_after));
          certainty_touched = true;
          covered[w] = true;
        }
      }
    }
    if (values) {
      make(ClaimChangeKind::kNumberChanged, values->before, values->after, values->detail);
    }
    if (negation_changed) {
      make(ClaimChangeKind::kNegationChanged, negation_before, negation_after,
           negations_after > negations_before ? "negation added" : "negation removed");
    }
    // The word changes say whether certainty changed; the whole sentences
    // (their quotations too, as the word changes) say which way ("would likely pass" -> "it was
    // unclear whether it had the votes to pass" is down, though the words changed beside "likely"
    // hold no marker).
    auto sureness = [](const Claim& claim) {
      return static_cast<int>(claim.firm.size()) - static_cast<int>(claim.hedges.size());
    };
    const int whole = sureness(after) - sureness(before);
    // Sources: who the claim is attributed to, compared by their words
    // ("Police said" -> "Witnesses said"; "according to the ministry"
    // dropped). In a sentence with a quotation, who speaks is the quote's
    // attribution: only "according to" and "citing" count there.
    const std::vector<Span> sources_before =
        claim_sources::OutsideQuotes(before, before_, quotes_before);
    const std::vector<Span> sources_after =
        claim_sources::OutsideQuotes(after, after_, quotes_after);
    const std::optional<std::pair<Span, Span>> sources_changed = claim_sources::ChangedSources(
        before_, sources_before, before.span, after_, sources_after, after.span);
    // A marker only in a source swapped for another ("a spokesperson
    // confirmed" -> "according to the Herald") is the source's change.
    auto within = [](Span marker, Span source) {
      return marker.end <= marker.start || WithinAny(marker, {source});
    };
    const bool source_verb_only = sources_changed &&
                                  within(hedge_span_before, sources_changed->first) &&
                                  within(hedge_span_after, sources_changed->second);
    if (certainty_touched && certainty_before != certainty_after && whole != 0 &&
        !source_verb_only) {
      make(ClaimChangeKind::kHedgeChanged, hedge_span_before, hedge_span_after,
           whole > 0 ? "certainty up" : "certainty down");
    }
    if (sources_changed) {
      make(ClaimChangeKind::kSourceChanged, sources_changed->first, sources_changed->second, "");
    }
    for (std::size_t w = 0; w < edit.words.size(); ++w) {
      const WordChange& change = edit.words[w];
      // A change within changed sources is theirs to report (a verb
      // changed beside the same source, "said" -> "announced", is not).
      if (sources_changed && claim_wording::WordsWithin(before_, change.before, sources_before) &&
          claim_wording::WordsWithin(after_, change.after, sources_after)) {
        covered[w] = true;
      }
    }
    // The words that say something the other version does not (a word
    // moved, a hyphen, a first name or title added to a person named
    // before, say nothing new).
    std::vector<Token> joined_before_tokens, joined_after_tokens;
    TokenRange before_tokens =
        claim_parts::JoinedTokens(before_text_, edit.before_sentences, joined_before_tokens);
    TokenRange after_tokens =
        claim_parts::JoinedTokens(after_text_, edit.after_sentences, joined_after_tokens);
    std::vector<claim_wording::ContentWord> only_before =
        ContentKeys(before, before_, before_tokens, quotes_before, sources_before, after_names_);
    std::vector<claim_wording::ContentWord> only_after =
        ContentKeys(after, after_, after_tokens, quotes_after, sources_after, before_names_);
    claim_wording::KeepDifferences(only_before, only_after);
    // A clause of its own added or dropped ("..., who now runs the port
    // authority"): a claim added or removed, names and all; unless its
    // words are all the other version's, moved ("Residents pay ... and
    // share a kitchen" -> "Residents, who share a kitchen, pay ...").
    std::vector<Span> clauses_before, clauses_after;
    for (std::size_t w = 0; w < edit.words.size(); ++w) {
      const WordChange& change = edit.words[w];
      if (covered[w]) continue;
      if (change.after.end == change.after.start &&
          claim_wording::IsRelativeClause(before_, change.before) &&
          claim_wording::CountKeys(before_, change.before, only_before) > 0) {
        make(ClaimChangeKind::kClaimRemoved, change.before, {}, "");
        clauses_before.push_back(change.before);
        covered[w] = true;
      } else if (change.before.end == change.before.start &&
                 claim_wording::IsRelativeClause(after_, change.after) &&
                 claim_wording::CountKeys(after_, change.after, only_after) > 0) {
        make(ClaimChangeKind::kClaimAdded, {}, change.after, "");
        clauses_after.push_back(change.after);
        covered[w] = true;
      }
    }
    // Entities that join or leave the claim as its actors.
    {
      claim_entities::Side side_before{before_, before.span, before.entities, {}, {}, {}};
      claim_entities::Side side_after{after_, after.span, after.entities, {}, {}, {}};
      for (const WordChange& change : edit.words) {
        side_before.changed.push_back(change.before);
        side_after.changed.push_back(change.after);
      }
      // Sources, quotations, numbers and clauses of their own are never
      // actors here.
      auto left_out = [](std::vector<Span> out, const std::vector<Span>& quotes, Span numbers,
                         const std::vector<Span>& clauses) {
        out.insert(out.end(), quotes.begin(), quotes.end());
        out.push_back(numbers);
        out.insert(out.end(), clauses.begin(), clauses.end());
        return out;
      };
      side_before.left_out =
          left_out(sources_before, quotes_before, numbers_before, clauses_before);
      side_after.left_out = left_out(sources_after, quotes_after, numbers_after, clauses_after);
      side_before.named_in_other = [&](const std::string& name) { return after_names_.Has(name); };
      side_after.named_in_other = [&](const std::string& name) { return before_names_.Has(name); };
      std::vector<std::size_t> settled;
      std::vector<claim_entities::Entity> removed =
          claim_entities::NewEntities(side_before, side_after, settled);
      std::vector<claim_entities::Entity> added =
          claim_entities::NewEntities(side_after, side_before, settled);
      claim_entities::DropRespellings(before_, removed, after_, added, settled);
      for (std::size_t w : settled) covered[w] = true;
      // A name put in another's place changes who the claim is about (or
      // who says so): one change, not a name added and another removed.
      for (const claim_entities::Swap& swap :
           claim_entities::Swaps(side_before, removed, side_after, added, edit.words.size())) {
        if (swap.source && sources_changed) continue;  // reported with its source
        make(swap.source ? ClaimChangeKind::kSourceChanged : ClaimChangeKind::kClaimEdited,
             swap.before, swap.after,
             Slice(before_, swap.before) + " -> " + Slice(after_, swap.after));
        covered[swap.change] = true;
      }
      for (const claim_entities::Entity& entity : added) {
        make(ClaimChangeKind::kEntityAdded, {}, entity.span, "");
        covered[entity.change] = true;
      }
      for (const claim_entities::Entity& entity : removed) {
        make(ClaimChangeKind::kEntityRemoved, entity.span, {}, "");
        covered[entity.change] = true;
      }
    }
    // What is left: a claim edit, when what happened changed.
    if (const std::optional<std::pair<Span, Span>> edited =
            claim_events::ClaimEdit(before_, after_, edit.words, covered, only_before, only_after))
      make(ClaimChangeKind::kClaimEdited, edited->first, edited->second, "");
    // A correction notice refers to the edited sentence sharing most words.
    edited_after_.push_back(edit.after_sentences.front());
  }

  static bool TouchesQuantity(const std::vector<Quantity>& quantities, Span change) {
    return std::any_of(quantities.begin(), quantities.end(),
                       [&](const Quantity& q) { return Overlaps(q.span, change); });
  }

  // Whether `text` is one of `names` (in lower case), case aside.
  static bool Explained(std::string_view text, const std::vector<std::string>& names) {
    if (text.empty()) return false;
    return std::any_of(names.begin(), names.end(),
                       [&](const std::string& name) { return AsciiCaseEqual(text, name); });
  }

  // The content keys of a claim outside quotation marks (a quote's words
  // are the quote change's) and the words naming its sources (compared as
  // sources), without the given names and titles of a person the other
  // version names too ("Governor Mara Okafor" beside "Okafor").
  std::vector<claim_wording::ContentWord> ContentKeys(const Claim& claim, std::string_view text,
                                                      TokenRange tokens,
                                                      const std::vector<Span>& quotes,
                                                      const std::vector<Span>& sources,
                                                      claim_entities::NameIndex& other_names) {
    std::vector<Span> left_out;
    for (Span entity : claim.entities) {
      const Span name = name_keys::NameOf(text, entity);
      if (name.end <= name.start) continue;
      const std::size_t last = text.rfind(' ', name.end - 1);  // before the last name
      if (last == std::string_view::npos || last < entity.start) continue;
      if (other_names.Has(name_keys::LastName(text, entity))) {
        left_out.push_back({entity.start, last});
      }
    }
    left_out.insert(left_out.end(), quotes.begin(), quotes.end());
    for (Span words : claim_sources::NamingWords(text, sources)) left_out.push_back(words);
    // Denials and certainty are compared as such ("no longer collects" is
    // "has stopped collecting"), never as words.
    for (const std::vector<Span>* markers : {&claim.negations, &claim.hedges, &claim.firm})
      left_out.insert(left_out.end(), markers->begin(), markers->end());
    return claim_wording::ContentKeys(text, tokens, left_out);
  }

  // Links each correction notice to the edited sentence it most likely
  // refers to: the one sharing most content words with it.
  void LinkCorrections() {
    std::vector<std::size_t> notices;
    for (std::size_t index : pending_corrections_) {
      notices.push_back(static_cast<std::size_t>(changes_[index].after_sentence));
    }
    const std::vector<int> corrected =
        CorrectedSentences(after_, after_text_, notices, edited_after_);
    for (std::size_t n = 0; n < notices.size(); ++n) {
      changes_[pending_corrections_[n]].refers_to = corrected[n];
    }
  }

  std::string_view before_;
  std::string_view after_;
  claim_parts::LazyClaims before_claims_;
  claim_parts::LazyClaims after_claims_;
  // The capitalised words of each text: whether a name occurs anywhere in
  // the other revision.
  claim_entities::NameIndex before_names_;
  claim_entities::NameIndex after_names_;
  SpanIndex before_quotes_{{}};  // of each quote, as a whole
  SpanIndex after_quotes_{{}};
  // The quotes, whose speakers ("" when unknown) the changes name.
  const std::vector<Quote>& before_quote_list_;
  const std::vector<Quote>& after_quote_list_;
  std::vector<std::string> explained_before_;
  std::vector<std::string> explained_after_;
  std::vector<std::size_t> pending_corrections_;
  std::vector<std::size_t> edited_after_;
  std::vector<bool> before_at_ends_;  // of each sentence: EntriesAtEnds
  const SegmentedText& before_text_;
  const SegmentedText& after_text_;
  std::vector<ClaimChange> changes_;
};

}  // namespace

std::vector<ClaimChange> CompareClaims(std::string_view before, const SegmentedText& before_text,
                                       std::string_view after, const SegmentedText& after_text,
                                       const Comparison& comparison,
                                       const std::vector<Quote>& before_quotes,
                                       const std::vector<Quote>& after_quotes,
                                       const QuoteComparison& quote_changes) {
  ClaimComparer comparer(before, before_text, after, after_text, before_quotes, after_quotes,
                         quote_changes);
  return comparer.Run(comparison);
}

}  // namespace stet
