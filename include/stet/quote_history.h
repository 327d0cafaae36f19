// stet/quote_history.h: one quote followed through every revision of its
// article (`stet quotes --history`, and a changed quote's history in the
// HTML outputs).
#ifndef STET_QUOTE_HISTORY_H_
#define STET_QUOTE_HISTORY_H_

#include <string>
#include <string_view>
#include <vector>

#include "stet/archive.h"
#include "stet/quotes.h"
#include "stet/revision_diff.h"
#include "stet/status.h"

namespace stet {

// The quotes of one revision that hold the words followed; none when the
// revision does not have them.
struct QuoteSighting {
  RevisionInfo revision;
  std::vector<Quote> quotes;
};

// Whether `quote` holds `words`: its words contain them, case, quote style
// and spacing set aside; or, with `min_similarity` above 0, the two share
// at least that part of their words (Dice coefficient), as a quote
// re-worded between revisions does.
bool QuoteHolds(const Quote& quote, std::string_view words, double min_similarity = 0);

// For each of `followed`, every revision of `article_id`, oldest first,
// with its quotes that hold those words (QuoteHolds). Each revision is read
// and its quotes found once, however many are followed. Fails when a
// revision cannot be read.
Result<std::vector<std::vector<QuoteSighting>>> FollowQuotes(
    Archive& archive, const std::string& article_id, const std::vector<std::string>& followed,
    double min_similarity = 0, const QuoteOptions& options = {});

// Each changed quote of `diff` (two stored revisions of one article)
// through every revision, in the order of diff.quotes.changes: the newer
// side's words, or the removed quote's, followed with half their words
// shared (the same quote re-worded, not another one). Empty when the diff
// is not of stored revisions.
Result<std::vector<std::vector<QuoteSighting>>> FollowChangedQuotes(Archive& archive,
                                                                    const RevisionDiff& diff);

}  // namespace stet

#endif  // STET_QUOTE_HISTORY_H_
