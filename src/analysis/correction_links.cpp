// Correction notices linked to what they correct
// (src/analysis/correction_links.h).
#include "analysis/correction_links.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>

#include "analysis/claim_parts.h"
#include "analysis/sorted_keys.h"
#include "base/ascii.h"

namespace stet {

std::vector<int> CorrectedSentences(std::string_view text, const SegmentedText& segmented,
                                    const std::vector<std::size_t>& notices,
                                    const std::vector<std::size_t>& edited) {
  std::vector<int> out(notices.size(), -1);
  if (notices.empty()) return out;
  // Content words of a sentence, hashed and sorted; each sentence once.
  std::vector<std::vector<std::uint64_t>> cache(segmented.sentences.size());
  std::vector<bool> made(segmented.sentences.size(), false);
  auto content_words = [&](std::size_t s) -> const std::vector<std::uint64_t>& {
    if (made[s]) return cache[s];
    std::vector<std::uint64_t> words;
    std::string lower;  // one buffer for every word
    for (const Token& token : segmented.tokens[s]) {
      if (!token.word()) continue;
      AssignAsciiLower(lower,
                       text.substr(token.span().start, token.span().end - token.span().start));
      const std::string_view key = claim_parts::Singular(lower);
      if (key.size() > 2 && !claim_parts::IsFunctionWord(key)) {
        words.push_back(XXH3_64bits(key.data(), key.size()));
      }
    }
    std::sort(words.begin(), words.end());
    cache[s] = std::move(words);
    made[s] = true;
    return cache[s];
  };
  // Notices are weighed against every edited sentence, so a long text with
  // many notices costs their product; notices are mostly one formula ("An
  // earlier version of this article misstated ..."), so the answer is kept
  // per set of words, and a sentence holding all of a notice's words ends
  // the search (no later one can share more).
  std::map<std::vector<std::uint64_t>, int> answers;
  for (std::size_t n = 0; n < notices.size(); ++n) {
    const std::vector<std::uint64_t>& notice = content_words(notices[n]);
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
