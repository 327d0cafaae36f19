// The claim parts of a sentence: quantities, negations, certainty markers,
// sources, names and correction notices (src/analysis/claim_parts.h).
//
// Hand-written over stet's tokens, for the same reason as quotes: the
// markers of news claims (numbers and their units, "not" and "ruled out",
// "might" and "is prepared to", "according to") are closed lists and short
// patterns, and no Debian-packaged C++ library offers them.
#include "analysis/claim_parts.h"

#include "analysis/claim_pieces.h"
#include "analysis/span_sets.h"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "analysis/structure.h"
#include "analysis/synonyms.h"
#include "base/ascii.h"
#include "base/word_list.h"

namespace stet {
namespace claim_parts {
namespace {

// Certainty lowered: modals, reported or expected outcomes ("was
// projected as the winner", "is believed to have", "early returns showed
// her leading").
const WordSet& Hedges() {
  static const WordSet words(
      "might may could possibly reportedly allegedly apparently likely perhaps "
      "hinted suggested unlikely projected forecast predicted anticipated "
      "believed understood thought appeared appears seemed seems leading "
      "probably presumably purportedly suspect suspects suspected believe "
      "believes showed shows indicated indicates possible expects hoped hopes "
      "hoping considering considers weighing whether unclear preliminary "
      "unconfirmed should leads expected ");
  return words;
}
// Prepositions of place and occasion: "appeared in court", "on television".
bool IsPlacePreposition(std::string_view lower) {
  static const WordSet words("in on at before alongside with for outside inside ");
  return words.Contains(lower);
}
// Auxiliaries and modals: a verb phrase, not a noun phrase, follows.
bool IsAuxiliary(std::string_view lower) {
  static const WordSet words(
      "would will could should can may might must is are was were has have had do does did "
      "won't wouldn't can't couldn't ");
  return words.Contains(lower);
}

// Certainty raised. "will" is not among them: "will cut 300 jobs" and
// "has cut 300 jobs" differ in tense, not in how sure the writer is.
const WordSet& Firm() {
  static const WordSet words("confirmed must definitely certainly vowed ");
  return words;
}
// Capitalised words that are no names (days of the week: IsCalendarWord).
// Capitalised words that open no name; role words a name takes in front.
// Asked of every capitalised word: tables, not lists read in turn.
const WordSet& NotNames() {
  static const WordSet words("The A An In On At But I He She It They ");
  return words;
}
const WordSet& RoleWords() {
  static const WordSet words(
      "president vice secretary minister prime envoy special senator governor mayor general "
      "chancellor spokesman spokeswoman ambassador director chief defense ");
  return words;
}

}  // namespace

// A month, a day of the week, a time zone, as written: also in the plural
// ("on Sundays") and as a range ("July-September").
bool IsCalendarWord(std::string_view word) {
  // One lookup a part: the calendar's words, the days and their plurals in
  // one set (entities ask about every capitalised word).
  static const WordSet words = [] {
    static const std::vector<std::string> plurals = [] {  // the set's views into them
      std::vector<std::string> out;
      for (std::string_view day : kWeekdays) out.push_back(std::string(day) + "s");
      return out;
    }();
    std::vector<std::string_view> all = CalendarWords().SortedWords();
    all.insert(all.end(), kWeekdays.begin(), kWeekdays.end());
    all.insert(all.end(), plurals.begin(), plurals.end());
    return WordSet(all);
  }();
  auto one = [](std::string_view part) { return words.Contains(part); };
  const std::size_t dash = word.find('-');
  if (dash == std::string_view::npos) return one(word);
  return one(word.substr(0, dash)) && one(word.substr(dash + 1));
}

bool IsUpper(std::string_view word) {
  return !word.empty() && word.front() >= 'A' && word.front() <= 'Z';
}

namespace {

// A determiner or a possessive: what comes after it is a noun phrase.
bool IsDeterminer(const Piece& piece) {
  static const WordSet determiners("the a an its their his her our your this that these those ");
  return determiners.Contains(piece.lower) || piece.lower.ends_with("'s") ||
         piece.lower.ends_with("\u2019s");
}

// Whether pieces[k] follows a determiner or a possessive, perhaps across
// adjectives: "the forecast", "its full-year forecast", "the bank's
// estimate".
bool AfterDeterminer(const std::vector<Piece>& pieces, std::size_t k) {
  for (std::size_t j = k; j > 0 && k - j < 4; --j) {
    const Piece& previous = pieces[j - 1];
    if (IsDeterminer(previous)) return true;
    if (!previous.word && previous.text != "-") return false;
    if (previous.word && (previous.lower == "to" || IsAuxiliary(previous.lower))) return false;
  }
  return false;
}

void Certainty(const std::vector<Piece>& pieces, std::vector<Span>& hedges,
               std::vector<Span>& firm) {
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    const std::string_view lower = pieces[k].lower;
    if (!pieces[k].word || !(pieces[k].classes & kOpensCertainty)) continue;
    // "is expected to", "is prepared to", "is set to"
    if ((lower == "expected" || lower == "prepared" || lower == "set" || lower == "poised") &&
        k > 0 && k + 1 < pieces.size() && pieces[k + 1].lower == "to" &&
        (pieces[k - 1].lower == "is" || pieces[k - 1].lower == "are" ||
         pieces[k - 1].lower == "was" || pieces[k - 1].lower == "were")) {
      const Span span{pieces[k - 1].span.start, pieces[k + 1].span.end};
      (lower == "expected" ? hedges : firm).push_back(span);
      continue;
    }
    // "in talks to", "close to signing": an outcome not yet reached.
    if (k + 1 < pieces.size() &&
        ((lower == "in" && pieces[k + 1].lower == "talks") ||
         (lower == "close" && pieces[k + 1].lower == "to" && k + 2 < pieces.size() &&
          pieces[k + 2].lower.ends_with("ing")))) {
      hedges.push_back({pieces[k].span.start, pieces[k + 1].span.end});
      continue;
    }
    // "the forecast", "its full-year forecast", "the bank's estimate": a
    // noun after a determiner, no hedge.
    if ((lower == "forecast" || lower == "estimate" || lower == "estimates") &&
        AfterDeterminer(pieces, k))
      continue;
    // "May" inside a sentence, capitalised, is the month.
    const bool month = lower == "may" && k > 0 && IsUpper(pieces[k].text);
    // "appeared in court", "appears on the ballot": a place, not a
    // seeming; "appeared to", "appears likely" stay hedges ("seems" always
    // seems).
    const bool place = lower.starts_with("appear") && k + 1 < pieces.size() &&
                       IsPlacePreposition(pieces[k + 1].lower);
    if (Hedges().Contains(lower) && !month && !place) hedges.push_back(pieces[k].span);
    // "must" is sure of a fact only as "must have" ("must have known"); as
    // "must register" it is a duty, which "will have to" says as well.
    const bool duty = lower == "must" && !(k + 1 < pieces.size() && pieces[k + 1].lower == "have");
    if (Firm().Contains(lower) && !duty) firm.push_back(pieces[k].span);
  }
}

// Where a source's noun phrase from pieces[k] ends: at punctuation, a
// quotation mark, "that", or after eight words ("according to the
// transport ministry", "citing two officials familiar with the talks").
// Whether pieces[k] is the full stop of an initial or a title inside a
// name: "Curtis W. Webb", "Dr. Amara Osei", "Sgt. Ray Cole".
bool StopInsideName(const std::vector<Piece>& pieces, std::size_t k) {
  return k > 0 && k + 1 < pieces.size() && pieces[k].text == "." && pieces[k - 1].word &&
         pieces[k - 1].text.size() <= 3 && IsUpper(pieces[k - 1].text) &&
         pieces[k].span.start == pieces[k - 1].span.end && pieces[k + 1].word &&
         IsUpper(pieces[k + 1].text);
}

std::size_t PhraseEnd(const std::vector<Piece>& pieces, std::size_t k) {
  std::size_t end = k;
  while (end < pieces.size() && end - k < 8 &&
         (StopInsideName(pieces, end) ||
          (pieces[end].word && pieces[end].lower != "that" && pieces[end].lower != "on" &&
           pieces[end].lower != "in" && pieces[end].lower != "after" &&
           pieces[end].lower != "before"))) {
    ++end;
  }
  return end;
}

// Past a name in apposition after a source's phrase ending at
// pieces[end]: "according to the township manager, Keisha Branford."; else
// `end`.
std::size_t AppositiveEnd(const std::vector<Piece>& pieces, std::size_t end) {
  if (end + 1 >= pieces.size() || pieces[end].text != "," || !pieces[end + 1].word ||
      !IsUpper(pieces[end + 1].text))
    return end;
  std::size_t name = end + 1;
  while (name < pieces.size() &&
         ((pieces[name].word && IsUpper(pieces[name].text)) || StopInsideName(pieces, name)))
    ++name;
  // The name closes the sentence or its clause.
  const bool closes = name >= pieces.size() || pieces[name].text == "." ||
                      pieces[name].text == "," || pieces[name].text == ";";
  return closes ? name : end;
}

bool IsSubjectPronoun(std::string_view lower) {
  return lower == "he" || lower == "she" || lower == "they" || lower == "it" || lower == "we" ||
         lower == "i" || lower == "you";
}

// The verbs a source speaks through ("Police said", "officials told
// Radio Kelm", "the ministry announced"), in their finite forms. Fewer than
// the reporting verbs of quotes: "hinted" and "suggested" say how sure the
// writer is, and "terms" or "notes" are nouns as often as verbs.
const WordSet& SourceVerbs() {
  static const WordSet words(
      "said says say told tells reported reports report announced announces "
      "confirmed confirms confirm stated claimed claim estimated estimates "
      "estimate wrote testified testifies alleged alleges insisted insists "
      "acknowledged acknowledges disclosed discloses revealed reveals declared "
      "declares suspect suspects suspected believe believes maintains "
      "concluded ");
  return words;
}

bool IsSourceVerb(std::string_view lower) {
  return SourceVerbs().Contains(lower);
}

// A clause boundary before pieces[k]: the sentence's start, punctuation
// other than a full stop in an abbreviation, a quotation mark, "that".
bool BoundaryBefore(const std::vector<Piece>& pieces, std::size_t k) {
  if (k == 0) return true;
  const Piece& before = pieces[k - 1];
  return (!before.word && before.text != "." && before.text != "\u2019" && before.text != "'" &&
          before.text != "-") ||
         before.lower == "that";
}

// Whether a source verb's form is a noun or an adjective here: after a
// determiner or a possessive ("an estimated 4.2 million", "after the
// report", "the bank's estimate"), perhaps over a month or a modifier of
// when or whose ("its July estimate", "the latest report").
bool ReadAsNoun(const std::vector<Piece>& pieces, std::size_t k) {
  static const WordSet modifiers(
      "new latest final initial official earlier first last annual monthly quarterly weekly "
      "daily preliminary previous recent original separate internal independent draft ");
  if (k == 0) return false;
  if (IsDeterminer(pieces[k - 1])) return true;
  return k >= 2 && IsDeterminer(pieces[k - 2]) &&
         (modifiers.Contains(pieces[k - 1].lower) || CalendarWords().Contains(pieces[k - 1].text));
}

// Whether "claimed" takes something rather than says it: "claimed
// responsibility", "claimed the lives of", "claimed victory".
bool TakesSomething(const std::vector<Piece>& pieces, std::size_t k) {
  static const WordSet taken(
      "responsibility credit victory lives life seat title the a an his her their its ");
  const std::string_view lower = pieces[k].lower;
  return (lower == "claimed" || lower == "claims" || lower == "claim") && k + 1 < pieces.size() &&
         taken.Contains(pieces[k + 1].lower);
}

// Words of a finding made by someone: "a report by", "surveyed by".
const WordSet& FindingWords() {
  static const WordSet words(
      "report study survey poll analysis review audit investigation reports studies surveys "
      "polls analyses reviews audits investigations surveyed polled commissioned conducted "
      "compiled published reviewed obtained analysed analyzed ");
  return words;
}

bool IsFindingWord(std::string_view lower) {
  return FindingWords().Contains(lower);
}

// Who the claim is attributed to, into `found`: "according to ...",
// "citing ...", "a report by ...", "Police said", "..., said the ministry".
void Sources(const std::vector<Piece>& pieces, std::vector<Span>& found) {
  found.clear();
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    const std::string_view lower = pieces[k].lower;
    if (!(pieces[k].classes & kOpensSource)) continue;
    std::size_t name = SIZE_MAX;
    if (lower == "according" && k + 1 < pieces.size() && pieces[k + 1].lower == "to") {
      name = k + 2;
    } else if (lower == "citing") {
      name = k + 1;
    } else if (lower == "reported" && k + 1 < pieces.size() && pieces[k + 1].lower == "by") {
      name = k + 2;
    } else if (k + 1 < pieces.size() && pieces[k + 1].lower == "by" && IsFindingWord(lower)) {
      // "a report by the Tarrow Valley Trust", "surveyed by the Review":
      // to the name's end.
      std::size_t end = k + 2;
      if (end < pieces.size() && (pieces[end].lower == "the" || pieces[end].lower == "a")) ++end;
      const std::size_t first = end;
      while (end < pieces.size() &&
             ((pieces[end].word && IsUpper(pieces[end].text)) || StopInsideName(pieces, end)))
        ++end;
      if (end == first) end = PhraseEnd(pieces, first);
      if (end > first) found.push_back({pieces[k].span.start, pieces[end - 1].span.end});
      continue;
    }
    if (name != SIZE_MAX) {
      const std::size_t end = AppositiveEnd(pieces, PhraseEnd(pieces, name));
      if (end > name) found.push_back({pieces[k].span.start, pieces[end - 1].span.end});
      continue;
    }
    // A source calling an outcome: "with Channel 9 calling it at 9 p.m.",
    // "with the Associated Press projecting her the winner".
    if (lower == "with") {
      for (std::size_t v = k + 2; v < pieces.size() && v <= k + 5 && pieces[v].word; ++v) {
        if (pieces[v].lower == "calling" || pieces[v].lower == "projecting" ||
            pieces[v].lower == "declaring" || pieces[v].lower == "reporting") {
          found.push_back({pieces[k + 1].span.start, pieces[v].span.end});
          break;
        }
      }
    }
    // A subject speaking through a reporting verb: "Police said", "the
    // ministry announced", "officials told Radio Kelm"; or after it at the
    // end of a clause: "…, said the ministry."
    if (!pieces[k].word || IsUpper(pieces[k].text) || !IsSourceVerb(lower) ||
        ReadAsNoun(pieces, k) || TakesSomething(pieces, k))
      continue;
    // Back to the clause's start, over an abbreviation's or an initial's
    // full stop ("Mr. Fairweather said", "Julian R. Fairweather said").
    std::size_t start = k;
    while (start > 0 && k - start < 8) {
      const Piece& previous = pieces[start - 1];
      // A verb of saying before it ends its subject: "The company said it
      // had told regulators" has two sources, not one.
      // (A source verb opens a source: most words are turned away by their
      // class before the list is asked.)
      auto saying = [&] {
        return (previous.classes & kOpensSource) && IsSourceVerb(previous.lower) &&
               !ReadAsNoun(pieces, start - 1);
      };
      if (previous.word && !BoundaryBefore(pieces, start) && !saying()) {
        --start;
      } else if (previous.text == "." && start >= 2 && pieces[start - 2].word &&
                 pieces[start - 2].text.size() <= 3 && IsUpper(pieces[start - 2].text)) {
        start -= 2;
      } else {
        break;
      }
    }
    // "No deaths had been confirmed", "it was reported": a passive names no
    // source.
    const std::string_view auxiliary = k > 0 ? pieces[k - 1].lower : std::string_view();
    const bool passive = auxiliary == "been" || auxiliary == "be" || auxiliary == "was" ||
                         auxiliary == "were" || auxiliary == "is" || auxiliary == "are";
    const bool subject = start < k && !passive && BoundaryBefore(pieces, start) &&
                         !IsSubjectPronoun(pieces[start].lower);
    std::size_t end = k + 1;
    if (lower == "told") end = PhraseEnd(pieces, k + 1);  // the outlet told
    if (subject) {
      found.push_back({pieces[start].span.start, pieces[end - 1].span.end});
    } else if (start == k && k + 1 < pieces.size() && pieces[k + 1].word) {
      // "…, said the ministry." — to the clause's end.
      const std::size_t after = PhraseEnd(pieces, k + 1);
      const bool clause_end = after >= pieces.size() || !pieces[after].word;
      // A verb of its own makes it what was said: "..., said the company
      // would appeal."
      const bool has_verb =
          std::any_of(pieces.begin() + static_cast<std::ptrdiff_t>(k + 1),
                      pieces.begin() + static_cast<std::ptrdiff_t>(after),
                      [](const Piece& piece) { return IsAuxiliary(piece.lower); });
      if (after > k + 1 && clause_end && !has_verb && !IsSubjectPronoun(pieces[k + 1].lower)) {
        found.push_back({pieces[k].span.start, pieces[AppositiveEnd(pieces, after) - 1].span.end});
      }
    }
  }
}

// Named people and organisations, into `found`: runs of capitalised words
// (with the lower-case role words before them: "special envoy Keith
// Kellogg").
void Entities(const std::vector<Piece>& pieces, std::vector<Span>& found) {
  found.clear();
  // The sentence's first word: a capitalised word at or before it opens
  // the sentence.
  std::size_t first_word = 0;
  while (first_word < pieces.size() && !pieces[first_word].word) ++first_word;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    // A capitalised word with a digit is a quantity's ("EF-2", "G-7").
    if (!pieces[k].word || !IsUpper(pieces[k].text) || NotNames().Contains(pieces[k].text) ||
        IsCalendarWord(pieces[k].text) || IsNumberSign(pieces, k) ||
        (pieces[k].classes & kHasDigit))
      continue;
    std::size_t end = k + 1;
    while (end < pieces.size()) {
      const bool next_upper = end + 1 < pieces.size() && IsUpper(pieces[end + 1].text);
      // A plural possessive inside the name: "Harbour Workers' Union".
      const bool apostrophe = (pieces[end].text == "'" || pieces[end].text == "\u2019") &&
                              pieces[end].span.start == pieces[end - 1].span.end && next_upper;
      if (apostrophe || StopInsideName(pieces, end)) {
        ++end;
      } else if (pieces[end].word &&
                 (IsUpper(pieces[end].text) || (pieces[end].lower == "of" && next_upper))) {
        ++end;
      } else {
        break;
      }
    }
    // A lone capitalised word opening the sentence (perhaps after a quote
    // mark, or after a dateline's dash: "BRAXTON (Wire) — Members of the
    // union") is no name by itself.
    // Nor after a live entry's time: "20:50 - Councillors voted".
    auto in_time = [](const Piece& piece) {
      return !piece.word || (piece.classes & kHasDigit) || piece.lower == "am" ||
             piece.lower == "pm" || piece.lower == "a" || piece.lower == "p" || piece.lower == "m";
    };
    const bool after_dash = k > 0 && (pieces[k - 1].text == "\u2014" ||
                                      pieces[k - 1].text == "\u2013" || pieces[k - 1].text == "--");
    const bool after_time =
        k > 0 && (pieces[k - 1].text == "-" || pieces[k - 1].text == ":" || after_dash) &&
        std::all_of(pieces.begin(), pieces.begin() + static_cast<std::ptrdiff_t>(k), in_time);
    const bool opens = k <= first_word || after_dash || after_time;
    if (opens && end == k + 1) continue;
    // Nor is a capitalised number or function word ("Five people", "No
    // deaths" after a dateline).
    if (end == k + 1 &&
        ((pieces[k].classes & kNumberWord) || FunctionWords().Contains(pieces[k].lower)))
      continue;
    // An adjective of a people, place or party before a noun ("a
    // 34-year-old Austrian man") or a day of the calendar ("Election
    // Day", "Christmas Eve") names no one.
    if (end == k + 1 && end < pieces.size() && pieces[end].word && !IsUpper(pieces[end].text) &&
        IsProperAdjective(pieces[k].text))
      continue;
    if (end > k + 1 && (pieces[end - 1].text == "Day" || pieces[end - 1].text == "Eve")) {
      k = end - 1;
      continue;
    }
    std::size_t start = k;
    while (start > 0 && RoleWords().Contains(pieces[start - 1].lower)) --start;
    found.push_back({pieces[start].span.start, pieces[end - 1].span.end});
    k = end - 1;
  }
}

}  // namespace

// Every certainty marker Certainty finds opens with one of these words.
std::vector<std::string_view> CertaintyOpeners() {
  std::vector<std::string_view> words = {"expected", "prepared", "set", "poised", "in", "close"};
  for (const WordSet* list : {&Hedges(), &Firm()}) {
    for (std::string_view word : list->SortedWords()) words.push_back(word);
  }
  return words;
}

// Every source Sources finds opens with one of these words.
std::vector<std::string_view> SourceOpeners() {
  std::vector<std::string_view> words = {"according", "citing", "reported", "with"};
  for (const WordSet* list : {&SourceVerbs(), &FindingWords()}) {
    for (std::string_view word : list->SortedWords()) words.push_back(word);
  }
  return words;
}

bool IsFunctionWord(std::string_view lower) {
  static const WordSet& words = FunctionWords();  // asked of every word: no call to find it
  return words.Contains(lower);
}

bool IsReportingWord(std::string_view lower) {
  return IsSourceVerb(lower);
}

namespace {

// Whether QuantityAt may find a quantity at `piece`: a word with a digit,
// a capital (a day or a month) or a number word in it. False for most
// words, which are then not asked.
bool MayOpenQuantity(const Piece& piece) {
  return piece.word &&
         ((piece.classes & (kHasDigit | kHasHyphen | kNumberWord)) != 0 || IsUpper(piece.text));
}

}  // namespace

Claim ClaimOf(std::string_view text, const SegmentedText& segmented, std::size_t s) {
  Claim claim;
  claim.sentence = s;
  claim.span = segmented.sentences[s];
  // The lower-case sentence and its pieces in buffers kept per thread: a
  // comparison makes a claim for every sentence it adds, removes or edits.
  thread_local std::string lower;
  thread_local std::vector<Piece> pieces;
  AssignAsciiLower(lower, text.substr(claim.span.start, claim.span.end - claim.span.start));
  Pieces(text, lower, claim.span.start, segmented.tokens[s], pieces);
  // Gathered, then copied once: a claim's list grown a quantity at a time
  // was reallocated as often as it had quantities.
  thread_local std::vector<Quantity> quantities;
  quantities.clear();
  for (std::size_t k = 0; k < pieces.size();) {
    std::size_t end = k + 1;
    if (!MayOpenQuantity(pieces[k])) {
      ++k;
    } else if (std::optional<Quantity> quantity = QuantityAt(pieces, k, end)) {
      quantities.push_back(std::move(*quantity));
      k = end;
    } else {
      ++k;
    }
  }
  claim.quantities.assign(quantities.begin(), quantities.end());
  claim.negations = Negations(pieces);
  Certainty(pieces, claim.hedges, claim.firm);
  // Found in a list kept per thread, then copied once (see quantities).
  thread_local std::vector<Span> found;
  Sources(pieces, found);
  claim.sources.assign(found.begin(), found.end());
  // "according to a preliminary report": how sure the source is of its
  // own report, not the claim's certainty; the source is compared as one.
  std::erase_if(claim.hedges, [&](Span hedge) {
    const std::string_view word =
        std::string_view(lower).substr(hedge.start - claim.span.start, hedge.end - hedge.start);
    return WithinAny(hedge, claim.sources) && !IsSourceVerb(word) && !IsAuxiliary(word);
  });
  Entities(pieces, found);
  claim.entities.assign(found.begin(), found.end());
  claim.correction = structure::IsCorrectionNotice(
      text.substr(claim.span.start, claim.span.end - claim.span.start));
  return claim;
}

Claim Joined(LazyClaims& claims, const std::vector<std::size_t>& sentences) {
  Claim joined = claims[sentences.front()];
  for (std::size_t k = 1; k < sentences.size(); ++k) {
    const Claim& part = claims[sentences[k]];
    joined.span = Union(joined.span, part.span);
    auto append = [](auto& into, const auto& from) {
      into.insert(into.end(), from.begin(), from.end());
    };
    append(joined.quantities, part.quantities);
    append(joined.negations, part.negations);
    append(joined.hedges, part.hedges);
    append(joined.firm, part.firm);
    append(joined.sources, part.sources);
    append(joined.entities, part.entities);
    joined.correction = joined.correction || part.correction;
  }
  return joined;
}

const Claim& OneClaim(LazyClaims& claims, const std::vector<std::size_t>& sentences,
                      Claim& joined) {
  if (sentences.size() == 1) return claims[sentences.front()];
  joined = Joined(claims, sentences);
  return joined;
}

TokenRange JoinedTokens(const SegmentedText& text, const std::vector<std::size_t>& sentences,
                        std::vector<Token>& joined) {
  if (sentences.size() == 1) return text.tokens[sentences.front()];
  for (std::size_t s : sentences)
    joined.insert(joined.end(), text.tokens[s].begin(), text.tokens[s].end());
  return joined;
}

}  // namespace claim_parts

std::vector<Claim> FindClaims(std::string_view text, const SegmentedText& segmented) {
  std::vector<Claim> claims;
  claims.reserve(segmented.sentences.size());
  for (std::size_t s = 0; s < segmented.sentences.size(); ++s) {
    claims.push_back(claim_parts::ClaimOf(text, segmented, s));
  }
  return claims;
}

}  // namespace stet
