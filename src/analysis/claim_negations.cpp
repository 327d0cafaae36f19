// Negations in a claim's pieces (src/analysis/claim_pieces.h): "not",
// "never", "ruled out", "failed to", "stopped collecting", "unchanged".
#include <string_view>
#include <vector>

#include "analysis/claim_pieces.h"
#include "analysis/synonyms.h"
#include "base/word_list.h"

namespace stet::claim_parts {
namespace {

const WordSet& Negators() {
  static const WordSet words(
      "not never no none nobody nothing neither nor cannot denied denies refused refuses "
      "rejected ");
  return words;
}

// Whether the negation at pieces[k] only says someone gave no comment:
// "did not respond to a request for comment", "could not be reached",
// "did not immediately return messages". It denies nothing of the claim.
bool NoComment(const std::vector<Piece>& pieces, std::size_t k) {
  static const WordSet answers(
      "respond responded reply replied return returned answer answered reached comment ");
  std::size_t next = k + 1;
  while (next < pieces.size() &&
         (pieces[next].lower == "immediately" || pieces[next].lower == "be"))
    ++next;
  if (next < pieces.size() && answers.Contains(pieces[next].lower)) return true;
  for (std::size_t j = k + 1; j < pieces.size() && j <= k + 8 && pieces[j].word; ++j) {
    if (pieces[j].lower == "comment" || pieces[j].lower == "comments") return true;
  }
  return false;
}

// Whether pieces[k] is "un-" and a verb's participle said of something:
// "has been unchanged" is "has not changed", "remained unharmed".
bool NegatedParticiple(const std::vector<Piece>& pieces, std::size_t k) {
  static const WordSet copulas("is are was were be been being remained remains stayed stays ");
  const std::string_view lower = pieces[k].lower;
  if (lower.size() < 6 || !lower.starts_with("un") || k == 0 ||
      !copulas.Contains(pieces[k - 1].lower))
    return false;
  const std::string_view rest = lower.substr(2);
  return (rest.ends_with("ed") || rest.ends_with("en")) && IsVerb(rest);
}

// Verbs that deny what follows them: "ruled out", "failed to meet", "was
// unable to meet", "declined to meet" ("did not meet"), "stopped
// collecting" ("no longer collects").
const WordSet& RulingOut() {
  static const WordSet words("ruled rule rules ruling ");
  return words;
}
const WordSet& FailingTo() {
  static const WordSet words("failed fails fail unable declined declines decline ");
  return words;
}
const WordSet& Stopping() {
  static const WordSet words("stopped stops ceased ceases ");
  return words;
}

}  // namespace

std::vector<std::string_view> NegationOpeners() {
  std::vector<std::string_view> words;
  for (const WordSet* list : {&Negators(), &RulingOut(), &FailingTo(), &Stopping()}) {
    for (std::string_view word : list->SortedWords()) words.push_back(word);
  }
  return words;
}

bool IsNumberSign(const std::vector<Piece>& pieces, std::size_t k) {
  return pieces[k].text == "No" && k + 2 < pieces.size() && pieces[k + 1].text == "." &&
         !pieces[k + 2].lower.empty() && pieces[k + 2].lower.front() >= '0' &&
         pieces[k + 2].lower.front() <= '9';
}

// Spans of negating words and phrases; "not only" is no negation, "ruled
// out" and "rule out" are (a denial).
std::vector<Span> Negations(const std::vector<Piece>& pieces) {
  std::vector<Span> found;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    const std::string_view lower = pieces[k].lower;
    if (!pieces[k].word) continue;
    // Every negation below opens with a word of NegationOpeners, a
    // contraction or "un-" (asked of every word: their last and first
    // bytes are looked at before the endings are compared).
    const bool contracted =
        lower.back() == 't' && (lower.ends_with("n't") || lower.ends_with("n\u2019t"));
    if (!contracted && !(lower.front() == 'u' && lower.starts_with("un")) &&
        !(pieces[k].classes & kOpensNegation))
      continue;
    if (lower == "not" && k + 1 < pieces.size() &&
        (pieces[k + 1].lower == "only" || pieces[k + 1].lower == "counting" ||
         pieces[k + 1].lower == "including"))
      continue;  // "not only", and "not counting" / "not including" (excluding)
    // "no bigger than", "no more than", "no later than": a bound, not a
    // denial.
    if (lower == "no" && k + 2 < pieces.size() && pieces[k + 2].lower == "than") continue;
    if (IsNumberSign(pieces, k)) continue;
    // "almost nothing", "hardly any": a small amount, not a denial.
    if (k > 0 && (pieces[k - 1].lower == "almost" || pieces[k - 1].lower == "nearly" ||
                  pieces[k - 1].lower == "virtually" || pieces[k - 1].lower == "hardly"))
      continue;
    const bool next = k + 1 < pieces.size();
    const bool denial = RulingOut().Contains(lower) && next && pieces[k + 1].lower == "out";
    const bool failed = FailingTo().Contains(lower) && next && pieces[k + 1].lower == "to";
    const bool stopped = Stopping().Contains(lower) && next && pieces[k + 1].lower.ends_with("ing");
    if (denial || (failed && !NoComment(pieces, k))) {
      found.push_back({pieces[k].span.start, pieces[k + 1].span.end});
    } else if (stopped) {
      found.push_back(pieces[k].span);
    } else if ((contracted || Negators().Contains(lower)) && !NoComment(pieces, k)) {
      found.push_back(pieces[k].span);
    } else if (NegatedParticiple(pieces, k)) {
      found.push_back(pieces[k].span);
    }
  }
  return found;
}

}  // namespace stet::claim_parts
