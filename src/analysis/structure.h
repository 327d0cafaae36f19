// The lines of an article that are its structure, not its claims:
// headlines and subheads, labels ("ABSTRACT.", "FULL TEXT."), separators
// ("___."), bylines ("By Dana Whitcombe", "— Metro Reporter Dana
// Whitcombe."), print lines ("As published in the Weekend Edition."),
// timestamps ("Updated 6:30 p.m. ET") and photo credits. A reviewer of
// claims is not shown them as claims added, removed or edited; their text
// changes stay in the TEXT section.
#ifndef STET_SRC_ANALYSIS_STRUCTURE_H_
#define STET_SRC_ANALYSIS_STRUCTURE_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "stet/compare.h"
#include "stet/segment.h"

namespace stet::structure {

enum class LineKind {
  kNone,  // prose: may carry claims
  kHeadline,
  kLabel,
  kSeparator,
  kByline,
  kPrintLine,
  kTimestamp,
  kCredit,
  kSignpost,  // "Here's what we know.": points to what follows, asserts nothing
};

// Whether a sentence is a correction or update notice ("Correction:", "An
// earlier version of this article ...", "Editor's note"): a claim of its
// own kind (correction_added), not a structural line.
bool IsCorrectionNotice(std::string_view sentence);

// What sentence `s` of a segmented text is, as a line of the article.
LineKind LineKindOf(std::string_view text, const SegmentedText& segmented, std::size_t s);

// Where a sentence's closing question mark is, outside `quotes`: a
// question asks and asserts nothing ("Is crime really rising in North
// Calder?"), so it holds no claim to check. `std::string_view::npos` when
// the sentence is no question, or only quotes one.
std::size_t QuestionMark(std::string_view text, Span sentence, const std::vector<Span>& quotes);

// An edited sentence pair without the structural lines (LineKindOf) at
// its ends, when it also holds prose ("Explainer: What is ...?" aligned
// with the lede below it): their words are no claim's. The word changes
// that lay only in them go too. `&edit` itself when it has none (most
// edits: no copy is made), else `&trimmed`, filled; nullptr when both
// sides are structural lines only (a headline re-worded).
const TextEdit* WithoutStructuralEnds(const TextEdit& edit, std::string_view before,
                                      const SegmentedText& before_text, std::string_view after,
                                      const SegmentedText& after_text, TextEdit& trimmed);

// Where the time that opens a live-blog entry ends ("8:45 p.m.: The mayor
// conceded" -> after "p.m.:"), as an offset into `text`; `sentence.start`
// when the sentence opens no line with a time. Entry times are not claims.
std::size_t EntryTimeEnd(std::string_view text, Span sentence);

// Of a live blog (a text of at least two lines opening with an entry
// time), which sentences belong to entries at its ends that the other
// revision lacks: entries posted above (or, in a blog that runs forward,
// below) every entry both revisions share, and entries that fell off the
// other end. A blog goes on that way: neither is a claim added or
// withdrawn (an entry dropped or inserted between shared ones still is).
// `only_here[s]` says whether sentence s has no counterpart in the other
// revision; the result is all false for a text with no shared entry.
std::vector<bool> EntriesAtEnds(std::string_view text, const SegmentedText& segmented,
                                const std::vector<bool>& only_here);

// Where a dateline opening a sentence ends ("KELM, Norway — The council
// ..." -> after the dash): a first word in capitals and a dash within a
// few words. `sentence.start` when there is none.
std::size_t DatelineEnd(std::string_view text, Span sentence);

}  // namespace stet::structure

#endif  // STET_SRC_ANALYSIS_STRUCTURE_H_
