// Two sides of an article and what stet finds between them
// (stet/revision_diff.h).
#include "stet/revision_diff.h"

#include <string_view>

#include "stet/clock.h"
#include "stet/segment.h"

namespace stet {

std::vector<MetadataChange> MetadataChanges(const DiffSide& from, const DiffSide& to) {
  std::vector<MetadataChange> changes;
  const std::pair<const char*, const std::string DiffSide::*> fields[] = {
      {"headline", &DiffSide::title},
      {"byline", &DiffSide::byline},
      {"published", &DiffSide::published}};
  for (const auto& [name, field] : fields) {
    const std::string& before = from.*field;
    const std::string& after = to.*field;
    // A side that does not know the field (empty) says nothing of it, but
    // for a headline: pages and titled revisions always know theirs.
    const bool known = std::string_view(name) == "headline" ? !(before.empty() && after.empty())
                                                            : !before.empty() && !after.empty();
    // Two spellings of one instant are no change of the publication time.
    const bool same =
        std::string_view(name) == "published" ? SamePublishedTime(before, after) : before == after;
    if (known && !same) changes.push_back({name, before, after});
  }
  return changes;
}

Result<std::pair<DiffSide, DiffSide>> ReadArchiveSides(Archive& archive,
                                                       const std::string& article_id,
                                                       const std::string& rev_a,
                                                       const std::string& rev_b) {
  std::pair<DiffSide, DiffSide> sides;
  for (auto [rev, side] : {std::pair{&rev_a, &sides.first}, std::pair{&rev_b, &sides.second}}) {
    Result<RevisionInfo> revision = archive.ResolveRevision(article_id, *rev);
    if (!revision.ok()) return revision.status();
    Result<std::string> text = archive.ReadText(*revision);
    if (!text.ok()) return text.status();
    side->revision = *revision;
    side->text = std::move(*text);
    side->title = revision->title;
    if (revision->has_page) {
      Result<PageInfo> page = archive.ReadPageInfo(*revision);
      if (!page.ok()) return page.status();
      side->byline = page->byline;
      side->published = page->published;
    }
  }
  return sides;
}

double RevisionDiff::Materiality() const {
  std::vector<double> all;
  // A new headline changes what every reader sees first, as a re-worded
  // quote does; a byline or a date less so.
  for (const MetadataChange& change : metadata)
    all.push_back(change.field == "headline" ? 0.5 : 0.3);
  for (const QuoteChange& change : quotes.changes) all.push_back(QuoteMateriality(change));
  for (const ClaimChange& change : claims) all.push_back(change.materiality);
  return RevisionMateriality(all);
}

Result<RevisionDiff> AnalyzeDiff(DiffSide from, DiffSide to) {
  RevisionDiff diff;
  {
    // One segmentation of each text serves the comparison and the quotes;
    // the after text's unchanged paragraphs take the before text's.
    Result<SegmentedText> segmented_before = Segment(from.text);
    if (!segmented_before.ok()) return segmented_before.status();
    Result<SegmentedText> segmented_after = SegmentBeside(to.text, from.text, *segmented_before);
    if (!segmented_after.ok()) return segmented_after.status();
    diff.metadata = MetadataChanges(from, to);
    diff.text = CompareSegmented(from.text, *segmented_before, to.text, *segmented_after);
    // The comparison's sentence lists are copies of the segmentations':
    // dropped here and the segmentations' own moved in once the claims are
    // done, so that the quotes and the claims hold one list a text (0.4 MB
    // at 300k words, at each of their peaks).
    diff.text.before_sentences = std::vector<Span>();
    diff.text.after_sentences = std::vector<Span>();
    // Quotes without their words copied until the segmentations are gone:
    // the comparison's peak is here (QuoteOptions::text).
    const QuoteOptions without_text{.text = false};
    diff.quotes_before = FindQuotes(from.text, *segmented_before, without_text);
    diff.quotes_after = FindQuotes(to.text, *segmented_after, without_text);
    diff.quotes = CompareQuotes(from.text, diff.quotes_before, to.text, diff.quotes_after);
    diff.claims = CompareClaims(from.text, *segmented_before, to.text, *segmented_after, diff.text,
                                diff.quotes_before, diff.quotes_after, diff.quotes);
    diff.text.before_sentences = std::move(segmented_before->sentences);
    diff.text.after_sentences = std::move(segmented_after->sentences);
  }
  for (Quote& quote : diff.quotes_before) quote.text = QuoteText(from.text, quote);
  for (Quote& quote : diff.quotes_after) quote.text = QuoteText(to.text, quote);
  diff.from = std::move(from);
  diff.to = std::move(to);
  return diff;
}

RevisionRater MaterialityRater() {
  return [](const RatedRevision& before, const RatedRevision& after) -> std::optional<double> {
    DiffSide from, to;
    for (auto [side, rated] : {std::pair{&from, &before}, std::pair{&to, &after}}) {
      side->text = rated->text;
      side->title = rated->title;
      side->byline = rated->byline;
      side->published = rated->published;
    }
    Result<RevisionDiff> diff = AnalyzeDiff(std::move(from), std::move(to));
    if (!diff.ok()) return std::nullopt;
    return diff->Materiality();
  };
}

}  // namespace stet
