// Quote extraction and attribution: quotation spans, the people a text
// names, pronouns, continuations. Where quotations stand is
// src/analysis/quote_spans.h; the word-level grammar of cues, roles and
// names is src/analysis/attribution.h.
//
// Hand-written: no Debian-packaged library attributes quotes (the NLP
// libraries that do, such as textacy over spaCy, are Python and need a
// statistical parser). News attribution is formulaic enough for patterns
// over stet's own tokens: a reporting verb next to a name or a pronoun, on
// the side of the quote the punctuation points to.
#include "stet/quotes.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <optional>

#include "analysis/attribution.h"
#include "analysis/quote_spans.h"
#include "base/ascii.h"
#include "base/word_list.h"

namespace stet {
namespace {

using attribution::Attribution;
using attribution::CueAt;
using attribution::IsCue;
using attribution::IsNameWord;
using attribution::IsPronoun;
using attribution::IsRole;
using attribution::IsRoleWord;
using attribution::IsUpperStart;
using attribution::Mention;
using attribution::NameEnd;
using attribution::NameStart;
using attribution::SplitRole;
using attribution::Word;
using attribution::WordsFrom;
using attribution::WordsIn;

// People the text names with a role ("Defense Secretary Pete Hegseth") or
// as a speaker, by the last word of their name, longest name kept: the
// registry that short forms ("Hegseth") and sentence subjects resolve to.
class People {
 public:
  void Add(const std::string& name) {
    const std::size_t space = name.rfind(' ');
    const std::string last = space == std::string::npos ? name : name.substr(space + 1);
    std::string& known = by_last_[last];
    if (name.size() > known.size()) known = name;
  }

  bool Knows(const std::string& name) const { return by_last_.count(LastWord(name)) > 0; }

  // The full name for a mention of `name`.
  std::string Resolve(const std::string& name) const {
    auto found = by_last_.find(LastWord(name));
    if (found == by_last_.end()) return name;
    // "Hegseth" or "Pete Hegseth" -> the longest; a different first name
    // ("Melania Trump" against "Donald Trump") stays itself.
    const std::string& full = found->second;
    return full.size() >= name.size() && full.ends_with(name) ? full : name;
  }

 private:
  static std::string LastWord(const std::string& name) {
    const std::size_t space = name.rfind(' ');
    return space == std::string::npos ? name : name.substr(space + 1);
  }
  std::map<std::string, std::string> by_last_;
};

bool StartsLower(std::string_view text) {
  for (char c : text) {
    if (c >= 'a' && c <= 'z') return true;
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return false;
  }
  return false;
}

bool EndsSentence(std::string_view text) {
  while (!text.empty() && (text.back() == '\'' || text.back() == ' ')) text.remove_suffix(1);
  if (text.ends_with("\u2019")) text.remove_suffix(3);
  return !text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?' ||
                           text.back() == ',' || text.ends_with("\u2014"));
}

std::size_t WordCount(std::string_view text) {
  std::size_t count = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = IsAsciiSpace(c);
    if (!space && !in_word) ++count;
    in_word = !space;
  }
  return count;
}

// A quoted title: every longer word capitalised and no sentence punctuation
// ("One Hundred Years of Solitude", "Operation Freedom").
bool LooksLikeTitle(std::string_view text) {
  if (EndsSentence(text) || WordCount(text) > 12) return false;
  std::size_t start = 0;
  bool any = false;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);
    if (word.size() > 3 && !IsUpperStart(word)) return false;
    any = any || IsUpperStart(word);
    start = end + 1;
  }
  return any && IsUpperStart(text);
}

// `text` with ASCII letters in lower case, branch-free so that it
// vectorises (a whole article is lowered once per extraction).
std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    const auto byte = static_cast<unsigned char>(c);
    c = static_cast<char>(byte | (static_cast<unsigned char>(byte - 'A') < 26 ? 0x20 : 0));
  }
  return out;
}

class Extractor {
 public:
  Extractor(std::string_view text, const SegmentedText& segmented)
      : text_(text),
        lower_text_(LowerAscii(text)),
        sentences_(segmented.sentences),
        tokens_(segmented.tokens) {}

  std::vector<Quote> Run() {
    const std::vector<RawQuote> raw = FindRaw();
    // The writer's own words: what a sentence is about is never decided by
    // names inside a quotation. Quotation spans are in text order.
    for (const RawQuote& quote : raw) {
      quoted_.insert(quoted_.end(), quote.with_marks.begin(), quote.with_marks.end());
    }
    sentence_words_.resize(tokens_.size());
    built_.assign(tokens_.size(), false);
    sentence_speaker_.resize(tokens_.size());
    CollectPeople();
    std::vector<Quote> quotes;
    std::optional<std::size_t> previous_speech;  // index into quotes
    std::size_t previous_paragraph = SIZE_MAX;
    std::size_t previous_sentence = SIZE_MAX;
    for (const RawQuote& found : raw) {
      Quote quote;
      quote.parts = found.parts;
      for (const Span& part : found.parts) {
        if (!quote.text.empty()) quote.text += ' ';
        quote.text += text_.substr(part.start, part.end - part.start);
      }
      const Span whole{found.with_marks.front().start, found.with_marks.back().end};
      const std::size_t paragraph = ParagraphOf(whole.start);
      const std::size_t first_sentence = SentenceOf(whole.start);
      const std::size_t last_sentence = SentenceOf(whole.end - 1);
      if (first_sentence >= sentences_.size()) continue;
      const bool starts_sentence = whole.start <= sentences_[first_sentence].start;
      quote.partial = StartsLower(quote.text) ||
                      (!starts_sentence && WordCount(quote.text) <= 4 && !EndsSentence(quote.text));
      // A title: a book, a film, an operation ("The film, “Oppenheimer,”
      // won"; its comma belongs to the sentence, American style).
      std::string_view bare = quote.text;
      if (!starts_sentence && bare.ends_with(",")) bare.remove_suffix(1);
      if (LooksLikeTitle(bare)) {
        quote.speech = false;
        quotes.push_back(std::move(quote));
        continue;
      }
      std::optional<Attribution> attribution = CueBetweenParts(found);
      if (!attribution) {
        attribution =
            Attribute(whole, first_sentence, last_sentence, starts_sentence, quote.partial);
      }
      // A whole quoted sentence continues the last speaker's words in its
      // paragraph or opening the next; a few quoted words only in the same
      // sentence ("maintained that “any guarantee” … “must be backed”").
      const bool follows_speech =
          previous_speech &&
          (quote.partial ? first_sentence == previous_sentence
                         : (paragraph == previous_paragraph ||
                            (paragraph == previous_paragraph + 1 && starts_sentence &&
                             whole.start == paragraphs_[paragraph].start)));
      if (attribution) {
        Apply(*attribution, first_sentence, quote);
        if (!attribution->mention.pronoun && attribution->cue != "according to" &&
            attribution->mention.name.find(' ') != std::string::npos) {
          people_.Add(attribution->mention.name);  // "Keith Kellogg said" before "Kellogg said"
        }
      } else if (follows_speech) {
        // Quoted words with no cue that follow someone's quote are theirs.
        const Quote& before = quotes[*previous_speech];
        quote.speaker = before.speaker;
        quote.mention = before.mention;
        quote.role = before.role;
        quote.cue = before.cue;
        quote.speaker_kind = before.speaker_kind;
        quote.attributed_by = AttributedBy::kContinuation;
      } else if (quote.partial) {
        quote.speech = false;  // scare quotes: the writer's words, marked
      }
      if (quote.speech) {
        previous_speech = quotes.size();
        previous_paragraph = ParagraphOf(whole.end - 1);
        previous_sentence = last_sentence;
        if (!quote.speaker.empty()) {
          sentence_speaker_[first_sentence] = quote.speaker;
          sentence_speaker_[std::min(last_sentence, sentences_.size() - 1)] = quote.speaker;
        }
      }
      quotes.push_back(std::move(quote));
    }
    return quotes;
  }

 private:
  std::size_t SentenceOf(std::size_t offset) const {
    auto found = std::upper_bound(sentences_.begin(), sentences_.end(), offset,
                                  [](std::size_t value, const Span& s) { return value < s.end; });
    return static_cast<std::size_t>(found - sentences_.begin());
  }

  std::size_t ParagraphOf(std::size_t offset) const {
    auto found = std::upper_bound(paragraphs_.begin(), paragraphs_.end(), offset,
                                  [](std::size_t value, const Span& s) { return value < s.end; });
    return static_cast<std::size_t>(found - paragraphs_.begin());
  }

  // Quotations, joining a quote split by its attribution and one running
  // over paragraphs into one quote of several parts.
  std::vector<RawQuote> FindRaw() {
    paragraphs_ = Paragraphs(text_);
    std::vector<RawQuote> all;
    bool continues = false;  // the last quote was left open at its paragraph's end
    for (const Span& paragraph : paragraphs_) {
      std::vector<RawQuote> found = QuotesInParagraph(text_, paragraph);
      for (std::size_t k = 0; k < found.size(); ++k) {
        RawQuote& quote = found[k];
        const bool opens_paragraph = quote.with_marks.front().start == paragraph.start;
        if (k == 0 && continues && opens_paragraph && !all.empty()) {
          Append(all.back(), quote);
          continues = !quote.closed;
          continue;
        }
        if (!all.empty() && IsSplitContinuation(all.back(), quote)) {
          Append(all.back(), quote);
          continues = !quote.closed;
          continue;
        }
        continues = !quote.closed;
        all.push_back(std::move(quote));
      }
      if (found.empty()) continues = false;
    }
    return all;
  }

  static void Append(RawQuote& into, const RawQuote& part) {
    into.parts.insert(into.parts.end(), part.parts.begin(), part.parts.end());
    into.with_marks.insert(into.with_marks.end(), part.with_marks.begin(), part.with_marks.end());
    into.closed = part.closed;
  }

  // “We want peace,” he said, “but not at any price.”: the second part
  // opens in lower case right after a short attribution ending in a comma.
  bool IsSplitContinuation(const RawQuote& first, const RawQuote& second) const {
    const std::size_t gap_start = first.with_marks.back().end;
    const std::size_t gap_end = second.with_marks.front().start;
    if (gap_end <= gap_start || gap_end - gap_start > 80) return false;
    const std::string_view first_words =
        text_.substr(first.parts.back().start, first.parts.back().end - first.parts.back().start);
    if (!first_words.ends_with(",")) return false;
    const std::string_view gap = text_.substr(gap_start, gap_end - gap_start);
    const std::size_t last = gap.find_last_not_of(" \t");
    if (last == std::string_view::npos || (gap[last] != ',' && gap[last] != ':')) return false;
    if (gap.find('.') != std::string_view::npos) return false;
    const std::string_view second_words = text_.substr(
        second.parts.front().start, second.parts.front().end - second.parts.front().start);
    if (!StartsLower(second_words)) return false;
    const std::vector<Word> words = WordsIn(text_, lower_text_, {gap_start, gap_end});
    for (std::size_t k = 0; k < words.size(); ++k) {
      if (IsCue(words, k)) return true;
    }
    return false;
  }

  // The words of sentence `s`, made when first needed: only sentences near
  // a quote or naming someone with a role or a cue are ever made.
  const std::vector<Word>& WordsOf(std::size_t s) const {
    if (built_[s]) return sentence_words_[s];
    // Quoted words are never names, roles or cues of the writer's sentence:
    // each quotation stands in as its two marks, which is all that clause
    // boundaries need.
    std::vector<Token> outside;
    std::vector<Span> skipped;
    const std::vector<Token>& tokens = tokens_[s];
    auto next = std::lower_bound(quoted_.begin(), quoted_.end(), sentences_[s].start,
                                 [](Span span, std::size_t value) { return span.end <= value; });
    outside.reserve(tokens.size());
    for (const Token& token : tokens) {
      while (next != quoted_.end() && next->end <= token.span.start) ++next;
      const bool quoted =
          next != quoted_.end() && next->start <= token.span.start && token.span.end <= next->end;
      if (!quoted) {
        outside.push_back(token);
      } else if (skipped.empty() || skipped.back().start != next->start) {
        skipped.push_back(*next);
        outside.push_back(Token{*next, 0, false});  // a placeholder, replaced below
      }
    }
    std::vector<Word> words = WordsFrom(text_, lower_text_, outside);
    std::vector<Word> with_marks;
    with_marks.reserve(words.size() + skipped.size());
    for (Word& word : words) {
      const bool placeholder = std::any_of(skipped.begin(), skipped.end(), [&](Span span) {
        return span.start == word.span.start && span.end == word.span.end;
      });
      if (!placeholder) {
        with_marks.push_back(word);
        continue;
      }
      Word open{{word.span.start, word.span.start}, kOpenCurly, kOpenCurly, false};
      Word close{{word.span.end, word.span.end}, kCloseCurly, kCloseCurly, false};
      open.quoted = close.quoted = true;
      with_marks.push_back(open);
      with_marks.push_back(close);
    }
    sentence_words_[s] = std::move(with_marks);
    built_[s] = true;
    return sentence_words_[s];
  }

  // People named with a role anywhere in the text ("Defense Secretary Pete
  // Hegseth", "special envoy Keith Kellogg"). Roles are looked up only where
  // a capitalised word follows, and words are made only for the few tokens
  // of a match, so this pass costs little more than reading the tokens.
  void CollectPeople() {
    auto capital = [&](const Token& token) {
      return token.word && IsUpperStart(text_.substr(token.span.start, 1));
    };
    for (const std::vector<Token>& tokens : tokens_) {
      for (std::size_t k = 0; k + 1 < tokens.size(); ++k) {
        if (!tokens[k].word) continue;
        const std::size_t next = tokens[k + 1].span.start == tokens[k].span.end &&
                                         text_[tokens[k].span.end] == '.' && k + 2 < tokens.size()
                                     ? k + 2  // "Sen. Jim Risch"
                                     : k + 1;
        const bool of = std::string_view(lower_text_)
                            .substr(tokens[next].span.start,
                                    tokens[next].span.end - tokens[next].span.start) == "of";
        if (!capital(tokens[next]) && !of) continue;  // "Secretary of State Marco Rubio"
        const Span span{tokens[k].span.start, tokens[next - 1].span.end};
        const std::string_view lower =
            std::string_view(lower_text_).substr(span.start, span.end - span.start);
        if (!IsRoleWord(lower)) continue;
        const std::vector<Token> window(
            tokens.begin() + static_cast<std::ptrdiff_t>(k),
            tokens.begin() + static_cast<std::ptrdiff_t>(std::min(tokens.size(), k + 12)));
        const std::vector<Word> words = WordsFrom(text_, lower_text_, window);
        const std::size_t end = NameEnd(words, 0);
        const Mention mention = SplitRole(words, 0, end);
        if (!mention.name.empty() && !mention.role.empty()) people_.Add(mention.name);
      }
    }
  }

  // Words of sentence `s` strictly before `limit` / from `from` on, outside
  // quotation marks, stopping at the next opening mark.
  std::vector<Word> WordsBefore(std::size_t s, std::size_t limit) const {
    std::vector<Word> words;
    for (const Word& word : WordsOf(s)) {
      if (word.span.start >= limit) break;
      words.push_back(word);
    }
    // Only the words after the last closing mark belong to this clause.
    for (std::size_t k = words.size(); k > 0; --k) {
      if (IsCloseMark(words[k - 1].text)) {
        words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(k));
        break;
      }
    }
    return words;
  }

  std::vector<Word> WordsAfter(std::size_t s, std::size_t from) const {
    std::vector<Word> words;
    for (const Word& word : WordsOf(s)) {
      if (word.span.start < from) continue;
      if (IsOpenMark(word.text)) break;
      words.push_back(word);
    }
    return words;
  }

  static bool IsOpenMark(std::string_view text) {
    return text == kOpenCurly || text == kOpenLow || text == kOpenGuillemet || text == "\"";
  }
  static bool IsCloseMark(std::string_view text) {
    return text == kCloseCurly || text == kCloseGuillemet || text == "\"";
  }

  std::optional<Attribution> FirstCue(const std::vector<Word>& words) const {
    for (std::size_t k = 0; k < words.size(); ++k) {
      if (std::optional<Attribution> found = CueAt(words, k, 0)) return found;
    }
    return std::nullopt;
  }

  std::optional<Attribution> LastCue(const std::vector<Word>& words) const {
    for (std::size_t k = words.size(); k > 0; --k) {
      if (std::optional<Attribution> found = CueAt(words, k - 1, 0)) return found;
    }
    return std::nullopt;
  }

  // The attribution that splits a quote: “We want peace,” he said, “but …”.
  std::optional<Attribution> CueBetweenParts(const RawQuote& quote) const {
    for (std::size_t k = 1; k < quote.with_marks.size(); ++k) {
      const Span gap{quote.with_marks[k - 1].end, quote.with_marks[k].start};
      if (gap.end <= gap.start) continue;
      if (std::optional<Attribution> found = FirstCue(WordsIn(text_, lower_text_, gap)))
        return found;
    }
    return std::nullopt;
  }

  // The cue of the quote spanning `whole`: after it when it opens its
  // sentence (“…,” he said), else before it (Vance said, “…”; He added that
  // … “on the table”), else after it.
  std::optional<Attribution> Attribute(Span whole, std::size_t first_sentence,
                                       std::size_t last_sentence, bool starts_sentence,
                                       bool partial) const {
    if (first_sentence >= sentences_.size()) return std::nullopt;
    const std::size_t end_sentence = std::min(last_sentence, sentences_.size() - 1);
    const std::vector<Word> after = WordsAfter(end_sentence, whole.end);
    const std::vector<Word> before = WordsBefore(first_sentence, whole.start);
    if (!starts_sentence || partial) {
      if (std::optional<Attribution> found = LastCue(before)) return found;
    }
    return FirstCue(after);
  }

  // The person sentence `s` is about: the speaker of a quote in it, else
  // the named speaker of a cue in it, else the first person it names (not
  // a possessive: "Trump’s approach" is not about Trump).
  std::optional<std::string> SubjectOf(std::size_t s) const {
    if (!sentence_speaker_[s].empty()) return sentence_speaker_[s];
    const std::vector<Word>& words = WordsOf(s);
    for (std::size_t k = 0; k < words.size(); ++k) {
      if (std::optional<Attribution> found = CueAt(words, k, 0)) {
        if (!found->mention.pronoun && found->cue != "according to" &&
            !found->mention.name.empty()) {
          return people_.Resolve(found->mention.name);
        }
      }
    }
    for (std::size_t k = 0; k < words.size(); ++k) {
      if (!IsNameWord(words[k]) && !IsRole(words[k])) continue;
      const std::size_t end = NameEnd(words, k);
      const Mention mention = SplitRole(words, k, end);
      const bool possessive =
          end < words.size() && (words[end].text == "\u2019s" || words[end].text == "'s");
      if (!mention.name.empty() && !possessive && people_.Knows(mention.name)) {
        return people_.Resolve(mention.name);
      }
      k = std::max(k, end > 0 ? end - 1 : 0);
    }
    // A name nobody introduced, as the sentence's subject: "Zelensky spoke."
    // (Not a capitalised opener: "The company", "In Paris".)
    static constexpr std::array<std::string_view, 16> kOpeners = {
        "the", "a",  "an",  "this", "that", "these", "those", "in",
        "on",  "at", "for", "but",  "and",  "it",    "there", "after"};
    if (!words.empty() && IsNameWord(words[0]) && !Contains(kOpeners, words[0].lower)) {
      const std::size_t end = NameEnd(words, 0);
      if (end < words.size() && words[end].word && !IsUpperStart(words[end].text)) {
        const Mention mention = SplitRole(words, 0, end);
        if (!mention.name.empty()) return people_.Resolve(mention.name);
      }
    }
    return std::nullopt;
  }

  void Apply(const Attribution& attribution, std::size_t sentence, Quote& quote) const {
    quote.cue = attribution.cue;
    quote.mention = attribution.mention.written;
    quote.role = attribution.mention.role;
    if (!attribution.mention.pronoun) {
      quote.attributed_by = AttributedBy::kCue;
      if (attribution.mention.organisation) {
        quote.speaker = attribution.mention.written;
        quote.speaker_kind = SpeakerKind::kOrganisation;
        return;
      }
      if (attribution.mention.name.empty()) {
        // Someone the text describes but does not name.
        quote.speaker = attribution.mention.written;
        quote.speaker_kind = SpeakerKind::kRole;
        return;
      }
      quote.speaker = people_.Resolve(attribution.mention.name);
      quote.speaker_kind = SpeakerKind::kPerson;
      return;
    }
    quote.attributed_by = AttributedBy::kPronoun;
    const std::string lower = AsciiLower(attribution.mention.pronoun_text);
    if (lower != "he" && lower != "she") return;  // "I", "we", "they": left unknown
    // "Naim said …, but he warned, “…”": a speaker earlier in the sentence.
    if (!sentence_speaker_[sentence].empty()) {
      quote.speaker = sentence_speaker_[sentence];
      quote.speaker_kind = SpeakerKind::kPerson;
      return;
    }
    for (std::size_t back = 1; back <= 3 && back <= sentence; ++back) {
      if (std::optional<std::string> subject = SubjectOf(sentence - back)) {
        quote.speaker = *subject;
        quote.speaker_kind = SpeakerKind::kPerson;
        return;
      }
    }
  }

  std::string_view text_;
  const std::string lower_text_;  // text_ with ASCII letters in lower case, same offsets
  const std::vector<Span>& sentences_;
  const std::vector<std::vector<Token>>& tokens_;
  std::vector<Span> quoted_;  // every quotation with its marks, in text order
  mutable std::vector<std::vector<Word>> sentence_words_;  // see WordsOf
  mutable std::vector<bool> built_;
  std::vector<Span> paragraphs_;
  People people_;
  std::vector<std::string> sentence_speaker_;  // per sentence: a quote's speaker in it
};

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

Result<std::vector<Quote>> FindQuotes(std::string_view text) {
  Result<SegmentedText> segmented = Segment(text);
  if (!segmented.ok()) return segmented.status();
  return FindQuotes(text, *segmented);
}

std::vector<Quote> FindQuotes(std::string_view text, const SegmentedText& segmented) {
  return Extractor(text, segmented).Run();
}

}  // namespace stet
