// Segmenting a revision beside the one it is compared with (stet/segment.h).
#include <xxhash.h>

#include <cstdint>
#include <unordered_map>

#include "analysis/keyed_tokens.h"
#include "analysis/sentence_split.h"
#include "stet/segment.h"

namespace stet {
namespace {

// Span moved by `shift` bytes (the distance between two places of one
// paragraph; unsigned arithmetic wraps back for a move towards the start).
Span Moved(Span span, std::size_t shift) {
  return {span.start + shift, span.end + shift};
}

// The paragraphs of a segmented text with the sentences each holds, found
// by their bytes.
class ParagraphIndex {
 public:
  struct Entry {
    Span paragraph;
    std::size_t first_sentence = 0;
    std::size_t end_sentence = 0;
  };

  ParagraphIndex(std::string_view text, const SegmentedText& segmented) : text_(text) {
    std::size_t sentence = 0;
    for (const Span& paragraph : Paragraphs(text)) {
      Entry entry{paragraph, sentence, sentence};
      while (entry.end_sentence < segmented.sentences.size() &&
             segmented.sentences[entry.end_sentence].start < paragraph.end) {
        ++entry.end_sentence;
      }
      sentence = entry.end_sentence;
      // The first of two equal paragraphs serves both: they segment alike.
      by_hash_.emplace(Hash(Bytes(text, paragraph)), entry);
    }
  }

  // The paragraph of the indexed text whose bytes are `bytes`, if any.
  const Entry* Find(std::string_view bytes) const {
    const auto [first, last] = by_hash_.equal_range(Hash(bytes));
    for (auto it = first; it != last; ++it) {
      if (Bytes(text_, it->second.paragraph) == bytes) return &it->second;
    }
    return nullptr;
  }

 private:
  static std::string_view Bytes(std::string_view text, Span span) {
    return text.substr(span.start, span.end - span.start);
  }
  static std::uint64_t Hash(std::string_view bytes) {
    return XXH3_64bits(bytes.data(), bytes.size());
  }

  std::string_view text_;
  std::unordered_multimap<std::uint64_t, Entry> by_hash_;
};

}  // namespace

Result<SegmentedText> SegmentBeside(std::string_view text, std::string_view base,
                                    const SegmentedText& base_segmented) {
  const SentenceBreaker& breaker = SentenceBreaker::ForThisThread();
  const ParagraphIndex index(base, base_segmented);
  SegmentedText segmented;
  for (const Span& paragraph : Paragraphs(text)) {
    const ParagraphIndex::Entry* same =
        index.Find(text.substr(paragraph.start, paragraph.end - paragraph.start));
    if (same == nullptr) {
      const std::size_t first = segmented.sentences.size();
      if (Status status = AppendSentences(breaker, text, paragraph, segmented.sentences);
          !status.ok()) {
        return status;
      }
      for (std::size_t s = first; s < segmented.sentences.size(); ++s) {
        AppendKeyedTokens(text, segmented.sentences[s], segmented);
      }
      continue;
    }
    const std::size_t shift = paragraph.start - same->paragraph.start;
    for (std::size_t s = same->first_sentence; s < same->end_sentence; ++s) {
      segmented.sentences.push_back(Moved(base_segmented.sentences[s], shift));
      segmented.tokens.AppendShared(base_segmented.tokens, s, shift);
      segmented.sentence_keys.push_back(base_segmented.sentence_keys[s]);
    }
  }
  segmented.tokens.ShrinkToFit();
  return segmented;
}

}  // namespace stet
