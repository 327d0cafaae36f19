// What the words of a claim say, for comparing two versions of it: the
// content words a sentence asserts with (stemmed, spelling and hyphens set
// aside), those only one version holds, the kind of a word change (an
// event, an amount, a clause), and whether the words around a quotation
// only say who spoke. Sources are compared in claim_sources.h.
#ifndef STET_SRC_ANALYSIS_CLAIM_WORDING_H_
#define STET_SRC_ANALYSIS_CLAIM_WORDING_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "stet/claims.h"
#include "stet/segment.h"

namespace stet::claim_wording {

// Whether `lower` is a past form the suffix rules cannot reach ("said",
// "took", "won").
bool IsIrregularVerbForm(std::string_view lower);

// A lower-case word's stem: irregular past tenses as their verb ("said" as
// "say"), British spelling the American way, then Snowball's English
// stemmer ("organisations" and "organized" alike).
std::string Stem(std::string word);

// The bytes of a token.
std::string_view WordOf(std::string_view text, const Token& token);

// A word lower case, without a possessive, hyphens or apostrophes
// ("Non-profit's" -> "nonprofit").
std::string Normalised(std::string_view word);

// Whether a normalised word is a number in digits ("212", "3.5").
bool IsNumber(std::string_view lower);

// Relative times ("yesterday", "week") and vague amounts ("nearly",
// "most"): what a claim's date or number says, not its content. REQUIRES:
// a stem (Stem).
bool IsVagueWord(std::string_view stem);

// A word as two versions of a claim are compared on, or "" when it says
// nothing of its own about what the claim asserts. Lower case, without a
// possessive, hyphens or apostrophes ("non-profit" as "nonprofit"), spelt
// the American way and cut to its stem ("organisations" and "organized"
// alike; "said" as "say"). Function words, pronouns, roles and titles,
// initials and numbers (compared apart) say nothing of their own, nor
// relative times ("yesterday", "this week": when is the date's to say) and
// vague amounts ("nearly", "most", "a handful").
std::string ContentKey(std::string_view word);

// A content word: its key (ContentKey) and where it came from, for the
// lower-case form WordNet is asked about (it knows "approved", not
// "approv"), which is made only for the few words compared by meaning.
struct ContentWord {
  std::string key;
  std::string_view text;
  TokenRange tokens;  // the sentence's; outlive the word
  std::size_t token = 0;
  friend bool operator<(const ContentWord& a, const ContentWord& b) { return a.key < b.key; }
};

// The content words of a sentence (`tokens`, as Segment made them, which
// must outlive them), sorted by key, but for the words inside `left_out`
// (quotations, the given names of a person named elsewhere).
std::vector<ContentWord> ContentKeys(std::string_view text, TokenRange tokens,
                                     const std::vector<Span>& left_out);

// Leaves in each sorted list the words whose keys the other does not hold
// (as many times as it holds them more often), and then neither a
// compound nor the two words it joins ("well-known" beside "well known"),
// nor a word and its WordNet synonym on the other side ("construction",
// "building").
void KeepDifferences(std::vector<ContentWord>& a, std::vector<ContentWord>& b);

// Whether a word change only re-words: each content word of either side
// pairs with one of the other that has its stem or is its WordNet synonym
// ("close" -> "shut", "the nation’s" -> "the country’s").
bool IsRewording(std::string_view before_text, Span before, std::string_view after_text,
                 Span after);
// The same over tokens already made (a sentence's, as Segment made them).
bool IsRewording(std::string_view before_text, TokenRange before_tokens,
                 std::string_view after_text, TokenRange after_tokens);

// Whether `span` holds a relative clause about a person: "who" or
// "whose" and the words after it ("who now runs the port authority"). A
// thing's ("which is owned by ...") is most often a detail.
bool IsRelativeClause(std::string_view text, Span span);

// How many words of `span` have a key of `words` (sorted).
std::size_t CountKeys(std::string_view text, Span span, const std::vector<ContentWord>& words);

// Whether every word of `span` lies within `spans` (punctuation around
// them aside: ", police said").
bool WordsWithin(std::string_view text, Span span, const std::vector<Span>& spans);

// Whether one side of a word change is a pronoun (with no other content)
// and the other a short noun phrase: the same actor named another way
// ("He" -> "The teenager", "The service" -> "It", "Its" -> "The").
bool IsCoreference(std::string_view before_text, Span before, std::string_view after_text,
                   Span after);

// The words of each side of a word change, less the words at its ends that
// differ only in case: "No one was hurt, but three" -> "Three" drops a
// clause of four words whole (and turns no statement), where "not" -> ""
// is one word.
std::pair<std::size_t, std::size_t> ChangedWordCounts(std::string_view before_text, Span before,
                                                      std::string_view after_text, Span after);

// Whether every certainty marker (hedge or firm word of the claim) in
// either side of a word change is a word of the other side in another form
// ("lead" -> "are leading", "leading" -> "who led"): the same verb, said as
// sure as before. False when the change holds no marker.
bool MarkersInOtherForm(std::string_view before_text, Span before, const Claim& before_claim,
                        std::string_view after_text, Span after, const Claim& after_claim);

}  // namespace stet::claim_wording

#endif  // STET_SRC_ANALYSIS_CLAIM_WORDING_H_
