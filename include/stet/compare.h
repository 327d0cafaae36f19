// stet/compare.h: what changed between two revisions of a text, sentence by
// sentence and, inside an edited sentence, word by word.
//
// Sentences are matched exactly first (by a hash of their tokens' matching
// form, so quote style and spacing do not count), in order along a longest
// common subsequence; an identical sentence found elsewhere is moved. The
// sentences left between two matches are paired by shared words, one to one
// (edited), one to two (split) or two to one (merged); one that fits no
// neighbour but closely resembles a sentence elsewhere is moved and edited.
// What is left was removed or added.
#ifndef STET_COMPARE_H_
#define STET_COMPARE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "stet/segment.h"
#include "stet/status.h"

namespace stet {

enum class EditKind { kEdited, kAdded, kRemoved, kMoved, kSplit, kMerged };

// "edited", "added", "removed", "moved", "split", "merged".
std::string_view EditKindName(EditKind kind);

// One run of changed tokens inside an edited sentence: `before` is what was
// deleted, `after` what was inserted; one of them is empty (start == end,
// placed after the preceding unchanged token) for a pure insertion or
// deletion. Spans are byte offsets into the before and after texts.
struct WordChange {
  Span before;
  Span after;
};

struct TextEdit {
  EditKind kind = EditKind::kEdited;
  // Indexes into Comparison::before_sentences / after_sentences: one on each
  // side for edited and moved, two on the after side for split, two on the
  // before side for merged, none on the side an added or removed one lacks.
  std::vector<std::size_t> before_sentences;
  std::vector<std::size_t> after_sentences;
  // The bytes those sentences cover (start of the first to end of the
  // last); empty on a side without sentences.
  Span before;
  Span after;
  // In the order of the text; empty for added and removed sentences and for
  // a sentence moved without a change.
  std::vector<WordChange> words;
};

struct Comparison {
  std::vector<Span> before_sentences;
  std::vector<Span> after_sentences;
  // In the order of the after text; a removed sentence stands where it was.
  std::vector<TextEdit> edits;
  // Sentences that are the same (in matching form) and in place.
  std::size_t unchanged = 0;
};

// Compares two texts. REQUIRES: both valid UTF-8 (CheckText). Fails only if
// ICU's sentence rules cannot be loaded.
Result<Comparison> CompareTexts(std::string_view before, std::string_view after);

// The same over texts already segmented, so that quotes and claims reuse
// one segmentation. REQUIRES: `before` is Segment(before_text) and `after`
// Segment(after_text) or SegmentBeside(after_text, before_text, before).
Comparison CompareSegmented(std::string_view before_text, const SegmentedText& before,
                            std::string_view after_text, const SegmentedText& after);

// The word changes between two token sequences (`before` of `before_text`,
// `after` of `after_text`), along a shortest edit script.
std::vector<WordChange> DiffTokens(std::string_view before_text, TokenRange before,
                                   std::string_view after_text, TokenRange after);

// How InlineWords marks deleted and inserted words: git's word-diff
// brackets by default; a terminal uses colours instead.
struct InlineMarkers {
  std::string_view delete_open = "[-";
  std::string_view delete_close = "-]";
  std::string_view insert_open = "{+";
  std::string_view insert_close = "+}";
};

// The after side of `edit` with its word changes marked inline, as in
// "US troops [-remains-]{+was+} not \"off the table\""; a deletion keeps
// the space that stood before or after it. `before` and `after` are the
// texts the comparison was made from. An edit without word changes gives
// its after text (its before text when removed).
std::string InlineWords(std::string_view before, std::string_view after, const TextEdit& edit,
                        const InlineMarkers& markers = {});

}  // namespace stet

#endif  // STET_COMPARE_H_
