// stet/import.h: bulk loading of revisions from JSON Lines.
//
// One JSON object a line: {"url", "fetched_at" (RFC 3339), "text" or
// "html", "title"?}; "key" may stand for "url" for a local document. A
// page ("html") is extracted and stored with its text, as `stet add
// page.html --url` does. Lines are
// stored in order, in batches written as one pack each.
//
// A bad line does not stop the import: it is skipped, reported to the sink
// with its line number, and counted. The good lines are stored. A line
// seen before its article's latest revision is a bad line unless
// `allow_earlier` (NewRevision::allow_earlier).
#ifndef STET_IMPORT_H_
#define STET_IMPORT_H_

#include <cstddef>
#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "stet/archive.h"
#include "stet/status.h"
#include "stet/text.h"

namespace stet {

struct ImportOptions {
  std::size_t max_line_bytes = kDefaultMaxInputBytes;  // a longer line is rejected
  std::size_t batch_revisions = 10000;                 // revisions per pack
  std::size_t batch_bytes = 64 * 1024 * 1024;          // text bytes per pack
  bool allow_earlier = false;  // store lines seen before their article's latest revision
};

struct ImportSummary {
  std::size_t lines = 0;           // non-blank lines read
  std::size_t stored = 0;          // new revisions
  std::size_t unchanged = 0;       // same text as the article's latest revision
  std::size_t already_stored = 0;  // the same time and text are stored: an earlier run's
  std::size_t rejected = 0;        // bad lines, each reported to the sink
  std::size_t articles = 0;        // distinct articles among the good lines
  // Every line up to this one is settled (stored, found stored, or
  // rejected); after a failure, running the same import again goes on from
  // here, the lines before counted as already stored.
  std::size_t settled_through_line = 0;
  // Why the import stopped before the end of its input (the archive could
  // not be written: a full disk, damage); ok when it read everything.
  Status error;
};

// Called after each batch is written, with the summary so far.
using ImportProgress = std::function<void(const ImportSummary&)>;

// Receives one Status per rejected line, its message in the form
// "import <source>:<line>: <cause>".
using RejectedLineSink = std::function<void(const Status&)>;

// Parses one line into a revision and checks it (Archive::Validate).
Result<NewRevision> ParseImportLine(std::string_view line);

// Reads `in` to the end, storing every good line, and returns what it did;
// `error` is set when the archive could not be written (revisions of
// batches written before stay stored, and a partial pack is removed).
// `source` names the input in messages. A line over max_line_bytes is never
// held in memory whole. Importing the same input twice stores nothing the
// second time (AddOutcome::already_stored).
ImportSummary ImportJsonLines(Archive& archive, std::istream& in, const std::string& source,
                              const ImportOptions& options, const RejectedLineSink& on_rejected,
                              const ImportProgress& on_progress = {});

}  // namespace stet

#endif  // STET_IMPORT_H_
