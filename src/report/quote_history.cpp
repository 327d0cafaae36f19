// One quote through every revision (stet/quote_history.h).
#include "stet/quote_history.h"

#include <algorithm>
#include <cctype>

#include "stet/text.h"

namespace stet {
namespace {

// Matching form in lower case: what words are looked up in.
std::string Folded(std::string_view text) {
  std::string folded = MatchingForm(text);
  for (char& c : folded) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return folded;
}

// The words of folded text, sorted, one of each.
std::vector<std::string> WordSet(std::string_view folded) {
  std::vector<std::string> words;
  std::string word;
  for (std::size_t k = 0; k <= folded.size(); ++k) {
    const unsigned char c = k < folded.size() ? static_cast<unsigned char>(folded[k]) : ' ';
    if (std::isalnum(c) || c >= 0x80 || c == '\'') {
      word += static_cast<char>(c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

}  // namespace

bool QuoteHolds(const Quote& quote, std::string_view words, double min_similarity) {
  const std::string wanted = Folded(words);
  const std::string have = Folded(quote.text);
  if (have.find(wanted) != std::string::npos) return true;
  if (min_similarity <= 0) return false;
  const std::vector<std::string> a = WordSet(have), b = WordSet(wanted);
  if (a.empty() || b.empty()) return false;
  std::vector<std::string> shared;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(shared));
  return 2.0 * static_cast<double>(shared.size()) / static_cast<double>(a.size() + b.size()) >=
         min_similarity;
}

Result<std::vector<std::vector<QuoteSighting>>> FollowQuotes(
    Archive& archive, const std::string& article_id, const std::vector<std::string>& followed,
    double min_similarity, const QuoteOptions& options) {
  std::vector<std::vector<QuoteSighting>> histories(followed.size());
  if (followed.empty()) return histories;
  Result<std::vector<RevisionInfo>> log = archive.Log(article_id);
  if (!log.ok()) return log.status();
  for (const RevisionInfo& revision : *log) {
    Result<std::string> text = archive.ReadText(revision);
    if (!text.ok()) return text.status();
    Result<std::vector<Quote>> quotes = FindQuotes(*text, options);
    if (!quotes.ok()) return quotes.status();
    for (std::size_t k = 0; k < followed.size(); ++k) {
      QuoteSighting sighting{revision, {}};
      for (const Quote& quote : *quotes) {
        if (QuoteHolds(quote, followed[k], min_similarity)) sighting.quotes.push_back(quote);
      }
      histories[k].push_back(std::move(sighting));
    }
  }
  return histories;
}

Result<std::vector<std::vector<QuoteSighting>>> FollowChangedQuotes(Archive& archive,
                                                                    const RevisionDiff& diff) {
  if (!diff.to.revision || diff.quotes.changes.empty()) {
    return std::vector<std::vector<QuoteSighting>>();
  }
  std::vector<std::string> followed;
  for (const QuoteChange& change : diff.quotes.changes) {
    followed.push_back(change.after >= 0
                           ? diff.quotes_after[static_cast<std::size_t>(change.after)].text
                           : diff.quotes_before[static_cast<std::size_t>(change.before)].text);
  }
  return FollowQuotes(archive, diff.to.revision->article_id, followed, 0.5);
}

}  // namespace stet
