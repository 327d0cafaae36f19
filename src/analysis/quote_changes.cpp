// Pairing the quotes of two revisions and classifying their changes.
#include <xxhash.h>
#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/ascii.h"
#include "stet/quotes.h"
#include "stet/text.h"

namespace stet {
namespace {

// Below this share of words in common (Dice), two quotes are different
// quotes rather than one quote re-worded.
constexpr double kSimilarQuote = 0.5;

// A quote as compared: its words for matching (lower case, letters and
// digits only, so that punctuation, case, spacing and quote style do not
// count), hashed, in order.
struct QuoteWords {
  std::vector<std::uint64_t> words;  // in order
  std::uint64_t key = 0;             // of the words in order
};

// The words of the quotes left unpaired, each quote's as distinct word
// numbers with their counts: every unpaired quote before is weighed against
// every one after, and counting shared words through a table of the
// before quote's counts costs a load per distinct word, where merging two
// sorted hash lists cost a branch per word of both.
class UnpairedWords {
 public:
  // Numbers the words of `quotes` and keeps each one's counts.
  explicit UnpairedWords(const std::vector<const QuoteWords*>& quotes) {
    std::unordered_map<std::uint64_t, std::uint32_t> numbers;
    counted_.reserve(quotes.size());
    std::vector<std::uint32_t> ids;
    for (const QuoteWords* quote : quotes) {
      ids.clear();
      for (std::uint64_t word : quote->words) {
        ids.push_back(
            numbers.emplace(word, static_cast<std::uint32_t>(numbers.size())).first->second);
      }
      std::sort(ids.begin(), ids.end());
      std::vector<WordCount> counted;
      for (std::uint32_t id : ids) {
        if (!counted.empty() && counted.back().id == id) {
          ++counted.back().count;
        } else {
          counted.push_back({id, 1});
        }
      }
      counted_.push_back(std::move(counted));
    }
    table_.assign(numbers.size(), 0);
  }

  // Loads quote `q`'s counts into the table that Shared reads.
  void Load(std::size_t q) {
    for (const WordCount& word : counted_[q]) table_[word.id] = word.count;
  }
  void Unload(std::size_t q) {
    for (const WordCount& word : counted_[q]) table_[word.id] = 0;
  }
  // The multiset intersection of quote `q` and the loaded quote.
  std::size_t Shared(std::size_t q) const {
    std::size_t shared = 0;
    for (const WordCount& word : counted_[q]) shared += std::min(word.count, table_[word.id]);
    return shared;
  }

 private:
  struct WordCount {
    std::uint32_t id;
    std::uint32_t count;
  };
  std::vector<std::vector<WordCount>> counted_;
  std::vector<std::uint32_t> table_;  // counts of the loaded quote, by word number
};

// A quote's words as found, joined (Quote::text): its `text`, or, for
// quotes found without it, its parts read from the text they were found in.
class QuoteTexts {
 public:
  QuoteTexts(const std::vector<Quote>& quotes, std::optional<std::string_view> found_in)
      : quotes_(quotes), found_in_(found_in) {}

  // Valid until the next call.
  std::string_view operator[](int quote) {
    const Quote& at = quotes_[static_cast<std::size_t>(quote)];
    if (!found_in_) return at.text;
    joined_ = QuoteText(*found_in_, at);
    return joined_;
  }

 private:
  const std::vector<Quote>& quotes_;
  std::optional<std::string_view> found_in_;
  std::string joined_;
};

// Reads the words of a quote's `text` into `words`.
void ReadWords(std::string_view text, std::vector<std::uint64_t>& words) {
  // Words are read from the matching form (NFC, curly marks as straight
  // ones), which ASCII text already is: most quotes skip building it.
  std::string storage;
  std::string_view form = text;
  if (!IsAscii(form)) {
    storage = MatchingForm(form);
    form = storage;
  }
  // Lower case and without apostrophes inside words ("don't" as "dont"):
  // each byte is folded by one lookup (a letter lowered, a digit or a byte
  // beyond ASCII kept, anything else a space) into a buffer kept per
  // thread, and each word is hashed where it ends. Two passes with a test
  // per byte were a twelfth of a 300k-word comparison (its long quotes).
  static constexpr std::array<char, 256> kFolded = [] {
    std::array<char, 256> folded{};
    for (int byte = 0; byte < 256; ++byte) {
      const bool word =
          (byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9') || byte >= 0x80;
      folded[static_cast<std::size_t>(byte)] = word ? static_cast<char>(byte) : ' ';
    }
    for (int byte = 'A'; byte <= 'Z'; ++byte)
      folded[static_cast<std::size_t>(byte)] = static_cast<char>(byte - 'A' + 'a');
    return folded;
  }();
  thread_local std::string folded;
  folded.resize(form.size());
  words.clear();
  std::size_t length = 0;
  std::size_t word_start = 0;  // of the word being read, in `folded`
  for (char c : form) {
    const char byte = kFolded[static_cast<unsigned char>(c)];
    if (byte != ' ') {
      folded[length++] = byte;
    } else if (c == '\'' && length > word_start) {
      // inside a word: dropped
    } else if (length > word_start) {
      words.push_back(XXH3_64bits(folded.data() + word_start, length - word_start));
      word_start = length;
    }
  }
  if (length > word_start)
    words.push_back(XXH3_64bits(folded.data() + word_start, length - word_start));
}

std::uint64_t KeyOfWords(const std::vector<std::uint64_t>& words) {
  return XXH3_64bits(words.data(), words.size() * sizeof(std::uint64_t));
}

QuoteWords WordsOf(std::string_view text) {
  QuoteWords out;
  ReadWords(text, out.words);
  out.key = KeyOfWords(out.words);
  return out;
}

// QuoteWords's key alone. Pairing needs every quote's key but the words
// only of the quotes no key paired, which a revision has few of: the words
// of every quote of both sides were 2.2 MB at the peak of a 300k-word diff.
std::uint64_t KeyOf(std::string_view text) {
  thread_local std::vector<std::uint64_t> words;
  ReadWords(text, words);
  return KeyOfWords(words);
}

// Whether two quotes read the same once spacing, composition and the style
// of marks and dashes are set aside; the same bytes need no second look.
bool SameForm(std::string_view a, std::string_view b) {
  return a == b || MatchingForm(a) == MatchingForm(b);
}

// Dice coefficient of two quotes' words, from the count they share.
double Dice(std::size_t shared, std::size_t size_a, std::size_t size_b) {
  if (size_a == 0 && size_b == 0) return 1.0;
  return 2.0 * static_cast<double>(shared) / static_cast<double>(size_a + size_b);
}

// Whether `outer` extends `inner`: `inner`'s words start or end it and make
// up a quarter of it, or run inside it and make up a third. A few words that
// a long quote happens to hold ("off the table") are another quote.
bool ContainsRun(const QuoteWords& outer_quote, const QuoteWords& inner_quote) {
  const std::vector<std::uint64_t>& outer = outer_quote.words;
  const std::vector<std::uint64_t>& inner = inner_quote.words;
  if (inner.empty() || inner.size() > outer.size() || 4 * inner.size() < outer.size()) return false;
  if (std::equal(inner.begin(), inner.end(), outer.begin()) ||
      std::equal(inner.rbegin(), inner.rend(), outer.rbegin())) {
    return true;
  }
  return 3 * inner.size() >= outer.size() &&
         std::search(outer.begin(), outer.end(), inner.begin(), inner.end()) != outer.end();
}

bool SameSpeaker(const std::string& a, const std::string& b) {
  return a.empty() || b.empty() || AsciiLower(a) == AsciiLower(b);
}

struct Candidate {
  double score;
  int before;
  int after;
};

// Unpaired quotes scored against each other in full up to this many pairs
// (left times right): 38,000 at 100k words of bench/diff's pair, whose
// generated quotes are edited far more often than a revision's are; tens
// in a real revision.
constexpr std::size_t kAllPairs = std::size_t{1} << 16;
// Past it, the after quotes scored either side of where one is expected.
constexpr int kNearbyQuotes = 64;

// Where an unpaired before quote is expected among the after quotes: as
// far on as the paired quote nearest before it moved, and as far as the
// last five moved (their median). The first follows a run of quotes
// inserted just before it; the second is not led astray by one quote whose
// words recur elsewhere and were paired there.
struct ExpectedPlace {
  int nearest;
  int usual;
};

// The ExpectedPlace of each of `left` (in order); with no paired quote
// before it, at the same share of the text.
std::vector<ExpectedPlace> ExpectedPlaces(const std::vector<int>& partner_before,
                                          const std::vector<int>& left, int n, int m) {
  constexpr std::size_t kShifts = 5;
  std::vector<ExpectedPlace> expected;
  expected.reserve(left.size());
  std::array<int, kShifts> shifts{};  // the last ones, as a ring
  std::size_t seen = 0;
  int next = 0;
  for (int i : left) {
    for (; next < i; ++next) {
      if (partner_before[next] >= 0) shifts[seen++ % kShifts] = partner_before[next] - next;
    }
    if (seen == 0) {
      const int share = static_cast<int>(static_cast<long long>(i) * m / n);
      expected.push_back({share, share});
      continue;
    }
    const int nearest = shifts[(seen - 1) % kShifts];
    std::array<int, kShifts> sorted = shifts;
    const std::size_t count = std::min(seen, kShifts);
    std::nth_element(sorted.begin(), sorted.begin() + count / 2, sorted.begin() + count);
    expected.push_back({i + nearest, i + sorted[count / 2]});
  }
  return expected;
}

}  // namespace

std::string_view SpeakerKindName(SpeakerKind kind) {
  switch (kind) {
    case SpeakerKind::kPerson:
      return "person";
    case SpeakerKind::kRole:
      return "role";
    case SpeakerKind::kOrganisation:
      return "organisation";
    case SpeakerKind::kUnknown:
      break;
  }
  return "unknown";
}

namespace {

// Whether the text names the quote's speaker at the quote itself (a cue
// with a name, a byline, a label), not through a pronoun or the quote
// before it.
bool NamedAtQuote(const Quote& quote) {
  return quote.attributed_by == AttributedBy::kCue ||
         quote.attributed_by == AttributedBy::kByline ||
         quote.attributed_by == AttributedBy::kLabel;
}

}  // namespace

std::string_view AttributedByName(AttributedBy by) {
  switch (by) {
    case AttributedBy::kCue:
      return "cue";
    case AttributedBy::kPronoun:
      return "pronoun";
    case AttributedBy::kContinuation:
      return "continuation";
    case AttributedBy::kByline:
      return "byline";
    case AttributedBy::kLabel:
      return "label";
    case AttributedBy::kNone:
      break;
  }
  return "";
}

std::string_view QuoteChangeKindName(QuoteChangeKind kind) {
  switch (kind) {
    case QuoteChangeKind::kAdded:
      return "quote_added";
    case QuoteChangeKind::kRemoved:
      return "quote_removed";
    case QuoteChangeKind::kEdited:
      return "quote_edited";
    case QuoteChangeKind::kReattributed:
      return "quote_reattributed";
  }
  return "quote_edited";
}

namespace {

QuoteComparison Compare(QuoteTexts before_texts, const std::vector<Quote>& before,
                        QuoteTexts after_texts, const std::vector<Quote>& after) {
  const int n = static_cast<int>(before.size()), m = static_cast<int>(after.size());
  std::vector<std::uint64_t> keys_before, keys_after;
  keys_before.reserve(before.size());
  keys_after.reserve(after.size());
  for (int i = 0; i < n; ++i) keys_before.push_back(KeyOf(before_texts[i]));
  for (int j = 0; j < m; ++j) keys_after.push_back(KeyOf(after_texts[j]));
  std::vector<int> partner_before(before.size(), -1), partner_after(after.size(), -1);

  // Same words first, in order; then the best remaining pairs by score.
  std::unordered_map<std::uint64_t, std::vector<int>> by_words;
  for (int j = m - 1; j >= 0; --j) {
    if (after[j].speech) by_words[keys_after[j]].push_back(j);
  }
  for (int i = 0; i < n; ++i) {
    if (!before[i].speech) continue;
    auto found = by_words.find(keys_before[i]);
    if (found == by_words.end() || found->second.empty()) continue;
    const int j = found->second.back();
    found->second.pop_back();
    partner_before[i] = j;
    partner_after[j] = i;
  }
  // Every unpaired pair is scored: an index by rare words would miss pairs
  // that share only common words, and the unpaired are few in practice (a
  // revision edits a handful of quotes). Past kAllPairs pairs, as diff
  // tools give up the minimal script past a cost, a quote is scored only
  // against the unpaired quotes near where it is expected (ExpectedPlaces).
  // Quotes moved far and edited too are then removed and added.
  std::vector<int> left, right;  // the unpaired speech quotes of each side
  std::vector<const QuoteWords*> unpaired;
  for (int i = 0; i < n; ++i) {
    if (before[i].speech && partner_before[i] < 0) left.push_back(i);
  }
  for (int j = 0; j < m; ++j) {
    if (after[j].speech && partner_after[j] < 0) right.push_back(j);
  }
  // The words of the unpaired quotes, by quote (empty for the others).
  std::vector<QuoteWords> words_before(before.size()), words_after(after.size());
  for (int i : left) words_before[i] = WordsOf(before_texts[i]);
  for (int j : right) words_after[j] = WordsOf(after_texts[j]);
  for (int i : left) unpaired.push_back(&words_before[i]);
  for (int j : right) unpaired.push_back(&words_after[j]);
  UnpairedWords counts(unpaired);
  std::vector<Candidate> candidates;
  // Scores left quote l against the right quotes [first, last), in order.
  auto score = [&](std::size_t l, auto first, auto last) {
    const int i = left[l];
    const std::size_t size_i = words_before[i].words.size();
    for (auto at = first; at != last; ++at) {
      const int j = *at;
      const std::size_t size_j = words_after[j].words.size();
      const std::size_t shared = counts.Shared(left.size() + (at - right.begin()));
      double similarity = Dice(shared, size_i, size_j);
      // One quote runs inside the other only if all its words are shared.
      if ((shared == size_i && ContainsRun(words_after[j], words_before[i])) ||
          (shared == size_j && ContainsRun(words_before[i], words_after[j])))
        similarity = std::max(similarity, 0.9);
      if (similarity >= kSimilarQuote) candidates.push_back({similarity, i, j});
    }
  };
  const bool all_pairs = left.size() * right.size() <= kAllPairs;
  const std::vector<ExpectedPlace> expected =
      all_pairs ? std::vector<ExpectedPlace>{} : ExpectedPlaces(partner_before, left, n, m);
  for (std::size_t l = 0; l < left.size(); ++l) {
    counts.Load(l);
    if (all_pairs) {
      score(l, right.begin(), right.end());
    } else {
      // Within kNearbyQuotes of either place, the lower range first: the
      // candidates keep the after quotes' order, as when all are scored.
      const auto [low, high] = std::minmax(expected[l].nearest, expected[l].usual);
      auto first = std::lower_bound(right.begin(), right.end(), low - kNearbyQuotes);
      auto last = std::upper_bound(first, right.end(), low + kNearbyQuotes);
      score(l, first, last);
      first = std::lower_bound(last, right.end(),
                               std::max(high - kNearbyQuotes, low + kNearbyQuotes + 1));
      score(l, first, std::upper_bound(first, right.end(), high + kNearbyQuotes));
    }
    counts.Unload(l);
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& x, const Candidate& y) { return x.score > y.score; });
  for (const Candidate& candidate : candidates) {
    if (partner_before[candidate.before] >= 0 || partner_after[candidate.after] >= 0) continue;
    partner_before[candidate.before] = candidate.after;
    partner_after[candidate.after] = candidate.before;
  }

  QuoteComparison comparison;
  std::vector<std::pair<double, QuoteChange>> ordered;
  double place = -1.0;  // where in the after text a removed quote stood
  for (int i = 0; i < n; ++i) {
    if (!before[i].speech) continue;
    const int j = partner_before[i];
    if (j < 0) {
      ordered.push_back({place + 0.5, {QuoteChangeKind::kRemoved, i, -1, false, ""}});
      continue;
    }
    place = j;
    // Paired by their keys, or else both unpaired before: the words of
    // either kind compare as their keys.
    const bool same_words = keys_before[i] == keys_after[j];
    // A speaker found through "he" or a continuation follows the sentences
    // around the quote: when only those changed, the quote did not move to
    // another speaker. A re-attribution needs the named speaker to change.
    const bool same_speaker = SameSpeaker(before[i].speaker, after[j].speaker) ||
                              (!NamedAtQuote(before[i]) && !NamedAtQuote(after[j]) &&
                               before[i].mention == after[j].mention);
    QuoteChange change{QuoteChangeKind::kEdited, i, j, false, ""};
    if (same_words && !same_speaker) {
      change.kind = QuoteChangeKind::kReattributed;
    } else if (same_words) {
      if (SameForm(before_texts[i], after_texts[j])) {
        ++comparison.unchanged;
        continue;
      }
      change.minor = true;
      change.detail = "punctuation";
    } else if (ContainsRun(words_after[j], words_before[i])) {
      change.detail = "extended";
    } else if (ContainsRun(words_before[i], words_after[j])) {
      change.detail = "truncated";
    } else {
      change.detail = "reworded";
    }
    ordered.push_back({static_cast<double>(j), change});
  }
  for (int j = 0; j < m; ++j) {
    if (after[j].speech && partner_after[j] < 0) {
      ordered.push_back({static_cast<double>(j), {QuoteChangeKind::kAdded, -1, j, false, ""}});
    }
  }
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  for (auto& [key, change] : ordered) comparison.changes.push_back(std::move(change));
  return comparison;
}

}  // namespace

QuoteComparison CompareQuotes(const std::vector<Quote>& before, const std::vector<Quote>& after) {
  return Compare(QuoteTexts(before, std::nullopt), before, QuoteTexts(after, std::nullopt), after);
}

QuoteComparison CompareQuotes(std::string_view before_text, const std::vector<Quote>& before,
                              std::string_view after_text, const std::vector<Quote>& after) {
  return Compare(QuoteTexts(before, before_text), before, QuoteTexts(after, after_text), after);
}

}  // namespace stet
