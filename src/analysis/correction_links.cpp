// Correction notices linked to what they correct
// (src/analysis/correction_links.h).
#include "analysis/correction_links.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <span>
#include <string>

#include "analysis/claim_parts.h"
#include "analysis/sorted_keys.h"
#include "analysis/span_sets.h"
#include "analysis/structure.h"
#include "base/ascii.h"

namespace stet {

bool InCorrectionNotice(std::string_view text, const SegmentedText& segmented, std::size_t s) {
  for (std::size_t t = s; t > 0; --t) {
    const Span previous = segmented.sentences[t - 1];
    const Span current = segmented.sentences[t];
    if (text.substr(previous.end, current.start - previous.end).find('\n') !=
        std::string_view::npos)
      return false;
    if (structure::IsCorrectionNotice(SpanText(text, previous))) return true;
  }
  return false;
}

std::vector<int> CorrectedSentences(std::string_view text, const SegmentedText& segmented,
                                    const std::vector<std::size_t>& notices,
                                    const std::vector<std::size_t>& edited) {
  std::vector<int> out(notices.size(), -1);
  if (notices.empty()) return out;
  // Content words of a sentence, hashed and sorted; each sentence once,
  // all in one pool (a list per sentence was an allocation each). A view
  // into the pool lasts until the next sentence is read.
  std::vector<std::uint64_t> pool;
  constexpr std::uint32_t kUnread = UINT32_MAX;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges(segmented.sentences.size(),
                                                              {kUnread, 0});
  auto content_words = [&](std::size_t s) -> std::span<const std::uint64_t> {
    if (ranges[s].first == kUnread) {
      const std::size_t start = pool.size();
      thread_local std::string lower;  // one buffer for every word
      for (const Token& token : segmented.tokens[s]) {
        // A word of two bytes or fewer keeps them as its key: too short.
        const std::size_t length = token.span().end - token.span().start;
        if (!token.word() || length <= 2) continue;
        if (lower.size() < length) lower.resize(length);
        LowerAsciiInto(lower.data(), text.substr(token.span().start, length));
        const std::string_view key =
            claim_parts::Singular(std::string_view(lower).substr(0, length));
        if (key.size() > 2 && !claim_parts::IsFunctionWord(key)) {
          pool.push_back(XXH3_64bits(key.data(), key.size()));
        }
      }
      std::sort(pool.begin() + static_cast<std::ptrdiff_t>(start), pool.end());
      ranges[s] = {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(pool.size())};
    }
    return std::span<const std::uint64_t>(pool).subspan(ranges[s].first,
                                                        ranges[s].second - ranges[s].first);
  };
  // Notices are weighed against every edited sentence, so a long text with
  // many notices costs their product; notices are mostly one formula ("An
  // earlier version of this article misstated ..."), so the answer is kept
  // per set of words, and a sentence holding all of a notice's words ends
  // the search (no later one can share more).
  std::map<std::vector<std::uint64_t>, int> answers;
  for (std::size_t n = 0; n < notices.size(); ++n) {
    const std::span<const std::uint64_t> words = content_words(notices[n]);
    const std::vector<std::uint64_t> notice(words.begin(), words.end());
    if (auto known = answers.find(notice); known != answers.end()) {
      out[n] = known->second;
      continue;
    }
    std::size_t best_shared = 1;
    for (std::size_t s : edited) {
      if (best_shared >= notice.size()) break;
      const std::size_t shared = SharedKeys(notice, content_words(s));
      if (shared > best_shared) {
        best_shared = shared;
        out[n] = static_cast<int>(s);
      }
    }
    answers.emplace(notice, out[n]);
  }
  return out;
}

}  // namespace stet
