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
#include "analysis/names.h"
#include "analysis/people.h"
#include "analysis/quote_context.h"
#include "analysis/quote_spans.h"
#include "analysis/sentence_words.h"
#include "base/ascii.h"
#include "base/word_list.h"

namespace stet {
namespace {

using attribution::Attribution;
using attribution::CueAt;
using attribution::Gender;
using attribution::GenderOfWord;
using attribution::IsPronoun;
using attribution::Mention;
using attribution::People;
using attribution::PersonMention;
using attribution::Word;
using attribution::WordsIn;

class Extractor {
 public:
  Extractor(std::string_view text, const SegmentedText& segmented, const QuoteOptions& options)
      : explain_(options.explain),
        fill_text_(options.text),
        text_(text),
        sentences_(segmented.sentences),
        tokens_(segmented.tokens),
        words_(text_, segmented, quoted_) {}

  std::vector<Quote> Run() {
    paragraphs_ = Paragraphs(text_);
    const std::vector<RawQuote> raw = FindQuotations(text_, paragraphs_);
    // The writer's own words: what a sentence is about is never decided by
    // names inside a quotation. Quotation spans are in text order.
    for (const RawQuote& quote : raw) {
      quoted_.insert(quoted_.end(), quote.with_marks.begin(), quote.with_marks.end());
    }
    sentence_speaker_.resize(tokens_.size());
    CollectPeople();
    std::vector<Quote> quotes;
    quotes.reserve(raw.size());  // one per quotation: no copy of all of them while growing
    std::optional<std::size_t> previous_speech;  // index into quotes
    std::size_t previous_paragraph = SIZE_MAX;
    std::size_t previous_sentence = SIZE_MAX;
    for (const RawQuote& found : raw) {
      Quote quote;
      quote.parts = found.parts;
      const std::string words = QuoteText(text_, quote);
      if (fill_text_) quote.text = words;
      const Span whole{found.with_marks.front().start, found.with_marks.back().end};
      const std::size_t paragraph = ParagraphOf(whole.start);
      const std::size_t first_sentence = SentenceOf(whole.start);
      const std::size_t last_sentence = SentenceOf(whole.end - 1);
      if (first_sentence >= sentences_.size()) continue;
      words_.ForgetBefore(first_sentence);
      const bool starts_sentence = whole.start <= sentences_[first_sentence].start;
      quote.partial =
          StartsLower(words) || (!starts_sentence && WordCount(words) <= 4 && !EndsSentence(words));
      // A title: a book, a film, an operation ("The film, “Oppenheimer,”
      // won"; its comma belongs to the sentence, American style).
      AttributedBy how = AttributedBy::kCue;
      std::optional<Attribution> attribution = CueBetweenParts(found);
      if (attribution) attribution->rule = "cue between the parts";
      if (!attribution) {
        attribution =
            Attribute(whole, first_sentence, last_sentence, starts_sentence, quote.partial);
      }
      std::string_view bare = words;
      if (!starts_sentence && bare.ends_with(",")) bare.remove_suffix(1);
      if (LooksLikeTitle(bare) ||
          (!starts_sentence && IsTitleInSentence(text_, words, whole, attribution.has_value()))) {
        quote.speech = false;
        if (explain_)
          quote.explanation = "not speech: a title, quoted inside the writer's sentence";
        quotes.push_back(std::move(quote));
        continue;
      }
      if (!attribution) {
        const std::optional<std::string> signed_by =
            BylineSpeaker(text_, {whole.end, paragraphs_[paragraph].end}, people_);
        if (signed_by) {
          attribution = Named(*signed_by, "byline after the quote");
          how = AttributedBy::kByline;
        }
      }
      if (!attribution) {
        attribution = PronounBeforeColon(WordsBefore(first_sentence, whole.start));
      }
      if (!attribution) {
        if (std::optional<ColonSpeaker> named =
                SpeakerBeforeColon(WordsBefore(first_sentence, whole.start), people_)) {
          attribution = Named(named->name, named->label ? "label before the colon"
                                                        : "speaker of the clause before the colon");
          how = named->label ? AttributedBy::kLabel : AttributedBy::kCue;
        }
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
      // A whole quoted sentence with no cue of its own and no speaker
      // before it: the speaker a neighbouring sentence names.
      if (!attribution && !follows_speech && starts_sentence && !quote.partial) {
        attribution = Neighbour(first_sentence, last_sentence, paragraph);
      }
      if (attribution) {
        Apply(*attribution, first_sentence, quote);
        if (quote.attributed_by == AttributedBy::kCue) quote.attributed_by = how;
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
        // In the sentence of that quote its cue governs this one too
        // ("said the hall was “late” and “over budget”").
        quote.attributed_by = first_sentence == previous_sentence ? before.attributed_by
                                                                  : AttributedBy::kContinuation;
        if (explain_)
          quote.explanation =
              first_sentence == previous_sentence
                  ? "same sentence as the quote before it: " + before.explanation
                  : "continuation: no cue, follows a quote of " +
                        (before.speaker.empty() ? "an unknown speaker" : before.speaker);
      } else if (quote.partial) {
        quote.speech = false;  // scare quotes: the writer's words, marked
        if (explain_) quote.explanation = "not speech: quoted words no one is said to say";
      } else {
        if (explain_) quote.explanation = "no speaker: no cue, byline or label names one";
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

  // The people of the text: every name of two words or more, or with a
  // title, registered (so that "Hegseth" and "Mr. Castellano" resolve to
  // the full name), then each sentence's mentions and the evidence of
  // their gender. Only sentences with a capital letter after their first
  // word can name anyone, and only theirs are made into words.
  void CollectPeople() {
    mentions_.resize(sentences_.size());
    made_mentions_.assign(sentences_.size(), false);
    for (std::size_t s = 0; s < sentences_.size(); ++s) {
      if (!attribution::MayNameSomeone(text_, tokens_[s], quoted_)) continue;
      for (const std::string& name :
           attribution::NamesToRegister(attribution::PersonCandidates(words_.Of(s)))) {
        people_.Add(name);
      }
      words_.Forget(s);  // made again if a quote is near: kept, 1.3 MB at 300k words
    }
  }

  // The person mentions of sentence `s`, made when first asked for; the
  // gender evidence of the sentences around it (four before, one after) is
  // read first: pronouns look three sentences back, and a long text is not
  // read whole for one pronoun at its end.
  const std::vector<PersonMention>& MentionsOf(std::size_t s) {
    const std::size_t upto = std::min(s + 2, sentences_.size());
    gendered_upto_ = std::max(gendered_upto_, s > 4 ? s - 4 : 0);
    for (; gendered_upto_ < upto; ++gendered_upto_) {
      const std::size_t t = gendered_upto_;
      attribution::NoteGenders(words_.Of(t), MakeMentions(t), people_);
    }
    return MakeMentions(s);
  }

  const std::vector<PersonMention>& MakeMentions(std::size_t s) {
    if (!made_mentions_[s]) {
      mentions_[s] = attribution::PersonMentions(words_.Of(s), people_);
      made_mentions_[s] = true;
    }
    return mentions_[s];
  }

  // Words of sentence `s` strictly before `limit` / from `from` on, outside
  // quotation marks, stopping at the next opening mark.
  std::span<const Word> WordsBefore(std::size_t s, std::size_t limit) const {
    const std::vector<Word>& all = words_.Of(s);
    std::size_t end = 0;
    while (end < all.size() && all[end].span.start < limit) ++end;
    // Only the words after the last closing mark belong to this clause.
    std::size_t begin = end;
    while (begin > 0 && !IsCloseMark(all[begin - 1].text)) --begin;
    return std::span<const Word>(all).subspan(begin, end - begin);
  }

  std::span<const Word> WordsAfter(std::size_t s, std::size_t from) const {
    const std::vector<Word>& all = words_.Of(s);
    std::size_t begin = 0;
    while (begin < all.size() && all[begin].span.start < from) ++begin;
    std::size_t end = begin;
    while (end < all.size() && !IsOpenMark(all[end].text)) ++end;
    return std::span<const Word>(all).subspan(begin, end - begin);
  }

  std::optional<Attribution> FirstCue(std::span<const Word> words) const {
    for (std::size_t k = 0; k < words.size(); ++k) {
      if (std::optional<Attribution> found = CueAt(words, k, 0)) return found;
    }
    return std::nullopt;
  }

  std::optional<Attribution> LastCue(std::span<const Word> words) const {
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
      if (std::optional<Attribution> found = FirstCue(WordsIn(text_, gap))) return found;
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
    const std::span<const Word> after = WordsAfter(end_sentence, whole.end);
    const std::span<const Word> before = WordsBefore(first_sentence, whole.start);
    if (!starts_sentence || partial) {
      if (std::optional<Attribution> found = LastCue(before)) {
        found->rule = "cue before the quote";
        return found;
      }
      // A quote inside the writer's sentence: a cue after it speaks for
      // it only in its own clause ("dubbed the striker “the Lighthouse”
      // after his first season, and his manager … called him" does not).
      std::vector<Word> clause;
      for (std::size_t k = 0; k < after.size(); ++k) {
        const bool boundary =
            after[k].text == ";" || (after[k].text == "," && k + 1 < after.size() &&
                                     (after[k + 1].lower == "and" || after[k + 1].lower == "but"));
        if (boundary) break;
        clause.push_back(after[k]);
      }
      std::optional<Attribution> found = FirstCue(clause);
      if (found) found->rule = "cue after the quote";
      return found;
    }
    std::optional<Attribution> found = FirstCue(after);
    if (found) found->rule = "cue after the quote";
    return found;
  }

  static Attribution Named(const std::string& name, std::string rule) {
    Attribution named;
    named.mention.name = name;
    named.mention.written = name;
    named.rule = std::move(rule);
    return named;
  }

  // The speaker of a whole quoted sentence without a cue: a cue opening
  // the next sentence (“Who approved this?” Commissioner Dalia Renko
  // asked.), else the person the sentence before names (“The last word
  // went to the head, Bronwen Pryce.”), else the one person the next names
  // ("The question came from Councillor Imogen Hale"), in its paragraph.
  std::optional<Attribution> Neighbour(std::size_t first, std::size_t last, std::size_t paragraph) {
    const Span within = paragraphs_[paragraph];
    const std::size_t next = last + 1;
    const bool has_next = next < sentences_.size() && sentences_[next].start < within.end;
    if (has_next) {
      const std::span<const Word> words = WordsAfter(next, sentences_[next].start);
      for (std::size_t k = 0; k < words.size() && k < 8; ++k) {
        if (std::optional<Attribution> found = CueAt(words, k, 0)) {
          found->rule = "cue opening the next sentence";
          return found;
        }
      }
    }
    if (first > 0 && sentences_[first - 1].start >= within.start) {
      for (const PersonMention& person : MentionsOf(first - 1)) {
        if (!person.possessive) return Named(person.name, "no cue: named in the sentence before");
      }
    }
    if (has_next) {
      const PersonMention* only = nullptr;
      for (const PersonMention& person : MentionsOf(next)) {
        if (person.possessive) continue;
        if (only && only->name != person.name) return std::nullopt;
        only = &person;
      }
      if (only) return Named(only->name, "no cue: the one person the next sentence names");
    }
    return std::nullopt;
  }

  // The person a pronoun of `gender` at byte `at` of sentence `s` stands
  // for: a person named before it in the sentence ("When Lena Vukovic
  // reached the podium, she said"), else a speaker quoted in it, else, up
  // to three sentences back, the first person each names whose gender
  // agrees (the text's own evidence: titles, role and kinship nouns,
  // pronouns after a name). A sentence that names nobody passes the
  // question on to the one before ("He conceded at midnight.").
  std::optional<std::string> ResolvePronoun(std::size_t s, std::size_t at, Gender gender,
                                            std::string* where = nullptr) {
    auto found_in = [&](std::string text) {
      if (where) *where = std::move(text);
    };
    // A person known to agree first, then one of unknown gender: "Kofi
    // Boateng and Amara Diallo founded it, and Ms. Diallo runs it. … she".
    auto pick = [&](const std::vector<PersonMention>& mentions,
                    std::size_t before) -> std::optional<std::string> {
      for (bool known : {true, false}) {
        for (const PersonMention& mention : mentions) {
          if (mention.start >= before) break;
          const Gender its = people_.GenderOf(mention.name);
          const bool agrees = known ? its == gender : its == Gender::kUnknown;
          if (!mention.possessive && agrees) return mention.name;
        }
      }
      return std::nullopt;
    };
    auto speaker_agrees = [&](const std::string& name) {
      const Gender known = people_.GenderOf(name);
      return known == Gender::kUnknown || known == gender;
    };
    if (std::optional<std::string> same = pick(MentionsOf(s), at)) {
      found_in("named before it in the sentence");
      return same;
    }
    if (!sentence_speaker_[s].empty() && speaker_agrees(sentence_speaker_[s])) {
      found_in("speaker of a quote in the sentence");
      return sentence_speaker_[s];
    }
    for (std::size_t back = 1; back <= 3 && back <= s; ++back) {
      const std::size_t t = s - back;
      const std::string ago =
          back == 1 ? "the sentence before" : std::to_string(back) + " sentences before";
      if (!sentence_speaker_[t].empty() && speaker_agrees(sentence_speaker_[t])) {
        found_in("speaker of a quote " + ago);
        return sentence_speaker_[t];
      }
      if (std::optional<std::string> found = pick(MentionsOf(t), SIZE_MAX)) {
        found_in("named " + ago);
        return found;
      }
    }
    return std::nullopt;
  }

  // The subject of the main clause of sentence `s`, for a cue at byte `at`
  // that shares it ("Harriet Lindqvist rejected the plan, saying …").
  // A person (or a pronoun) first: "When the Town Council met, Councillor
  // Harun Aksoy voted against it, calling it …"; an organisation only when
  // the sentence names no one ("the Coastal Weather Service issued a
  // warning, noting that …").
  std::optional<Mention> ClauseSubject(std::size_t s, std::size_t at) {
    const std::vector<Word>& words = words_.Of(s);
    std::optional<Mention> organisation;
    for (std::size_t k = 0; k < words.size() && words[k].span.start < at; ++k) {
      const Word& word = words[k];
      if (IsPronoun(word.lower) && !word.quoted) {
        const Gender gender = GenderOfWord(word.lower);
        if (gender == Gender::kUnknown) return std::nullopt;
        std::optional<std::string> person = ResolvePronoun(s, word.span.start, gender);
        if (!person) return std::nullopt;
        Mention named;
        named.name = named.written = *person;
        named.pronoun = true;  // found through the pronoun
        named.pronoun_text = std::string(word.text);
        return named;
      }
      for (const PersonMention& mention : MentionsOf(s)) {
        if (mention.start == word.span.start && !mention.possessive) {
          Mention named;
          named.name = named.written = mention.name;
          return named;
        }
      }
      if (!organisation) organisation = attribution::OrganisationAt(words, k);
    }
    return organisation;
  }

  void Apply(const Attribution& attribution, std::size_t sentence, Quote& quote) {
    quote.cue = attribution.cue;
    quote.mention = attribution.mention.written;
    quote.role = attribution.mention.role;
    const Mention& mention = attribution.mention;
    // What `--explain` prints: the rule, and the words it read.
    if (explain_) {
      quote.explanation =
          attribution.rule + ": \u201C" +
          (mention.clause_subject    ? attribution.cue
           : attribution.cue.empty() ? mention.written
                                     : mention.written + "\u201D, \u201C" + attribution.cue) +
          "\u201D";
    }
    if (mention.clause_subject) {
      if (std::optional<Mention> subject = ClauseSubject(sentence, mention.span.start)) {
        quote.speaker = subject->organisation ? subject->written : subject->name;
        quote.mention = subject->written;
        quote.speaker_kind =
            subject->organisation ? SpeakerKind::kOrganisation : SpeakerKind::kPerson;
        quote.attributed_by = subject->pronoun ? AttributedBy::kPronoun : AttributedBy::kCue;
        if (explain_)
          quote.explanation += " shares the subject of the sentence's main clause, " +
                               (subject->pronoun ? subject->pronoun_text + " = " : "") +
                               quote.speaker;
      }
      return;
    }
    if (!mention.pronoun) {
      quote.attributed_by = AttributedBy::kCue;
      if (mention.organisation) {
        quote.speaker = mention.written;
        quote.speaker_kind = SpeakerKind::kOrganisation;
        return;
      }
      if (mention.name.empty()) {
        // Someone the text describes but does not name.
        quote.speaker = mention.written;
        quote.speaker_kind = SpeakerKind::kRole;
        return;
      }
      quote.speaker = people_.Resolve(mention.name);
      quote.speaker_kind = SpeakerKind::kPerson;
      if (explain_ && quote.speaker != mention.name)
        quote.explanation += "; " + mention.name + " is " + quote.speaker;
      return;
    }
    quote.attributed_by = AttributedBy::kPronoun;
    const Gender gender = GenderOfWord(AsciiLower(mention.pronoun_text));
    if (gender == Gender::kUnknown) {
      if (explain_)
        quote.explanation += "; \u201C" + mention.pronoun_text + "\u201D names no one person";
      return;  // "I", "we", "they": left unknown
    }
    std::string where;
    if (std::optional<std::string> person =
            ResolvePronoun(sentence, mention.span.start, gender, explain_ ? &where : nullptr)) {
      quote.speaker = *person;
      quote.speaker_kind = SpeakerKind::kPerson;
      people_.NoteGender(*person, gender);
      if (explain_)
        quote.explanation += "; " + mention.pronoun_text + " is " + *person + ", " + where;
    } else if (explain_) {
      quote.explanation +=
          "; no one before it agrees with \u201C" + mention.pronoun_text + "\u201D";
    }
  }

  const bool explain_;    // fill Quote::explanation
  const bool fill_text_;  // fill Quote::text
  std::string_view text_;
  const std::vector<Span>& sentences_;
  const SentenceTokens& tokens_;
  std::vector<Span> quoted_;  // every quotation with its marks, in text order
  SentenceWords words_;       // of each sentence, as attribution reads them
  std::vector<Span> paragraphs_;
  People people_;
  std::vector<std::vector<PersonMention>> mentions_;  // per sentence, see MentionsOf
  std::vector<bool> made_mentions_;
  std::size_t gendered_upto_ = 0;              // sentences before it gave their gender evidence
  std::vector<std::string> sentence_speaker_;  // per sentence: a quote's speaker in it
};

}  // namespace

Result<std::vector<Quote>> FindQuotes(std::string_view text, const QuoteOptions& options) {
  Result<SegmentedText> segmented = Segment(text);
  if (!segmented.ok()) return segmented.status();
  return FindQuotes(text, *segmented, options);
}

std::vector<Quote> FindQuotes(std::string_view text, const SegmentedText& segmented,
                              const QuoteOptions& options) {
  return Extractor(text, segmented, options).Run();
}

std::string QuoteText(std::string_view text, const Quote& quote) {
  std::string joined;
  for (const Span& part : quote.parts) {
    if (!joined.empty()) joined += ' ';
    joined += text.substr(part.start, part.end - part.start);
  }
  return joined;
}

}  // namespace stet
