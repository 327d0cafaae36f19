// Scores stet's quote extraction and attribution.
// Usage: stet-eval-quotes [DATA_DIR] [--sample SAMPLE_DIR] [--labelled FILE]
//                         [--patterns FILE [--require-all]] [--failures]
//   DATA_DIR: ../shared/data/textacy-quotes (holds direct_quotations.json)
//   SAMPLE_DIR: examples/vance-ukraine (r2.txt and expected.json's quotes_in.r2)
//   --labelled: bench/eval/quotes-labelled.json, news-style cases written for stet
//   --patterns: bench/eval/quote-patterns.json, one attribution pattern per
//     case by class; a case is right when stet reports exactly its speech
//     quotes, each with the labelled speaker, kind and attribution.
//     --require-all exits 1 unless every case is right (CI runs it so).
// A quote is found when stet marks as speech a quote whose words equal the
// expected content (quotation marks, case and surrounding punctuation set
// aside; for the sample, when it holds the labelled fragment). Speaker
// accuracy is over found quotes: for textacy the speaker as written at the
// cue (textacy resolves no pronouns), for the sample the resolved name.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "stet/quotes.h"
#include "stet/text.h"

namespace {

// Lower case letters, digits and single spaces: what two quotes are compared on.
std::string Folded(std::string_view text) {
  const std::string form = stet::MatchingForm(text);
  std::string out;
  for (char c : form) {
    const auto byte = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || byte >= 0x80) {
      out += c;
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c == '[' || c == ']') {
      continue;  // an editor's brackets: "[W]e" is "We"
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Score {
  int gold = 0, found = 0, ours = 0, correct_found = 0, speaker_right = 0;
  void Print(const char* name) const {
    const double precision = ours ? 100.0 * correct_found / ours : 0;
    const double recall = gold ? 100.0 * found / gold : 0;
    const double speaker = found ? 100.0 * speaker_right / found : 0;
    std::printf(
        "%-22s quotes %2d labelled, %2d stet: precision %5.1f%%  recall %5.1f%%  "
        "speaker %5.1f%% (%d/%d)\n",
        name, gold, ours, precision, recall, speaker, speaker_right, found);
  }
};

std::vector<stet::Quote> Speech(const std::string& text) {
  std::vector<stet::Quote> speech;
  auto quotes = stet::FindQuotes(text);
  if (!quotes.ok()) return speech;
  for (stet::Quote& quote : *quotes) {
    if (quote.speech) speech.push_back(std::move(quote));
  }
  return speech;
}

// The quote of `ours` whose folded words are `content`, or nullptr.
const stet::Quote* WithContent(const std::vector<stet::Quote>& ours, const std::string& content) {
  for (const stet::Quote& quote : ours) {
    if (Folded(quote.text) == content) return &quote;
  }
  return nullptr;
}

std::string LastWord(const std::string& name) {
  const std::size_t space = name.rfind(' ');
  return space == std::string::npos ? name : name.substr(space + 1);
}

// A speaker as compared: folded, without a leading article ("the
// ministry" and "Ministry" are one speaker; "a Port Authority official"
// and "Port Authority official" too).
std::string SpeakerKey(const std::string& speaker) {
  std::string folded = Folded(speaker);
  for (const char* article : {"the ", "a ", "an "}) {
    if (folded.rfind(article, 0) == 0) {
      folded.erase(0, std::strlen(article));
      break;
    }
  }
  return folded;
}

// Scores the pattern suite; returns the number of cases not right.
int RunPatterns(const nlohmann::json& suite, bool show_failures) {
  std::map<std::string, std::pair<int, int>> by_class;  // right, total
  // Speaker right over the labelled speech quotes found, by how the label
  // says the speaker is known (cue, pronoun, continuation, byline, label).
  std::map<std::string, std::pair<int, int>> speaker_by_attribution;
  int labelled_speech = 0, found_speech = 0, reported_speech = 0;
  int wrong = 0;
  for (const nlohmann::json& test : suite["cases"]) {
    const std::string text = test["text"];
    const std::string kind_of_case = test.value("class", "");
    std::vector<stet::Quote> ours = Speech(text);
    std::vector<std::string> problems;
    std::vector<bool> used(ours.size(), false);
    for (const nlohmann::json& expected : test["quotes"]) {
      const std::string content = Folded(expected["content"].get<std::string>());
      const bool speech = expected.value("speech", true);
      // A quote stet joins (split by its attribution, or running over
      // paragraphs) is labelled part by part.
      const stet::Quote* match = nullptr;
      for (std::size_t k = 0; k < ours.size() && !match; ++k) {
        bool same = Folded(ours[k].text) == content;
        for (const stet::Span& part : ours[k].parts) {
          same = same ||
                 (ours[k].parts.size() > 1 && Folded(std::string_view(text).substr(
                                                  part.start, part.end - part.start)) == content);
        }
        if (same) {
          used[k] = true;
          match = &ours[k];
        }
      }
      if (!speech) {
        if (match) problems.push_back("\"" + match->text + "\" taken as speech");
        continue;
      }
      ++labelled_speech;
      if (!match) {
        problems.push_back("\"" + expected["content"].get<std::string>() + "\" not found");
        continue;
      }
      ++found_speech;
      const std::string wanted =
          expected["speaker"].is_string() ? expected["speaker"].get<std::string>() : "";
      auto& [speaker_right, speaker_total] =
          speaker_by_attribution[expected["attribution"].is_string()
                                     ? expected["attribution"].get<std::string>()
                                     : "none"];
      ++speaker_total;
      if (SpeakerKey(match->speaker) == SpeakerKey(wanted)) ++speaker_right;
      if (SpeakerKey(match->speaker) != SpeakerKey(wanted)) {
        problems.push_back("\"" + match->text + "\": speaker \"" + match->speaker +
                           "\", wanted \"" + wanted + "\"");
      }
      const std::string kind = expected.value("kind", "");
      if (!kind.empty() && std::string(stet::SpeakerKindName(match->speaker_kind)) != kind) {
        problems.push_back("\"" + match->text + "\": kind " +
                           std::string(stet::SpeakerKindName(match->speaker_kind)) + ", wanted " +
                           kind);
      }
      const std::string how =
          expected["attribution"].is_string() ? expected["attribution"].get<std::string>() : "";
      if (!how.empty() && std::string(stet::AttributedByName(match->attributed_by)) != how) {
        problems.push_back("\"" + match->text + "\": attribution " +
                           std::string(stet::AttributedByName(match->attributed_by)) + ", wanted " +
                           how);
      }
    }
    reported_speech += static_cast<int>(ours.size());
    for (std::size_t k = 0; k < ours.size(); ++k) {
      if (!used[k]) problems.push_back("\"" + ours[k].text + "\" is no labelled speech");
    }
    auto& [right, total] = by_class[kind_of_case];
    ++total;
    if (problems.empty()) {
      ++right;
      continue;
    }
    ++wrong;
    if (show_failures) {
      std::printf("--- [%s] %s\n", kind_of_case.c_str(), text.c_str());
      for (const std::string& problem : problems) std::printf("  %s\n", problem.c_str());
    }
  }
  int right_all = 0, total_all = 0;
  for (const auto& [name, counts] : by_class) {
    std::printf("patterns %-26s %3d / %3d right\n", name.c_str(), counts.first, counts.second);
    right_all += counts.first;
    total_all += counts.second;
  }
  std::printf("patterns %-26s %3d / %3d right (%.1f%%)\n", "all", right_all, total_all,
              total_all ? 100.0 * right_all / total_all : 0.0);
  std::printf("patterns speech quotes: %d labelled, %d found, %d reported by stet\n",
              labelled_speech, found_speech, reported_speech);
  for (const auto& [how, counts] : speaker_by_attribution) {
    std::printf("patterns speaker right, labelled %-13s %3d / %3d (%.1f%%)\n", how.c_str(),
                counts.first, counts.second,
                counts.second ? 100.0 * counts.first / counts.second : 0.0);
  }
  return wrong;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data_dir, sample_dir, labelled_path, patterns_path;
  bool show_failures = false, require_all = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--failures") == 0) {
      show_failures = true;
    } else if (std::strcmp(argv[i], "--require-all") == 0) {
      require_all = true;
    } else if (std::strcmp(argv[i], "--sample") == 0 && i + 1 < argc) {
      sample_dir = argv[++i];
    } else if (std::strcmp(argv[i], "--labelled") == 0 && i + 1 < argc) {
      labelled_path = argv[++i];
    } else if (std::strcmp(argv[i], "--patterns") == 0 && i + 1 < argc) {
      patterns_path = argv[++i];
    } else if (argv[i][0] != '-' && data_dir.empty()) {
      data_dir = argv[i];
    } else {
      std::fprintf(stderr,
                   "usage: stet-eval-quotes [DATA_DIR] [--sample DIR] [--labelled FILE] "
                   "[--patterns FILE [--require-all]] [--failures]\n");
      return 2;
    }
  }
  int patterns_wrong = 0;
  if (!patterns_path.empty()) {
    const nlohmann::json suite = nlohmann::json::parse(ReadAll(patterns_path), nullptr, false);
    if (suite.is_discarded() || !suite.contains("cases")) {
      std::fprintf(stderr, "stet-eval-quotes: %s: cannot read the cases\n", patterns_path.c_str());
      return 1;
    }
    patterns_wrong = RunPatterns(suite, show_failures);
  }
  if (data_dir.empty()) return require_all && patterns_wrong > 0 ? 1 : 0;
  const std::string path = data_dir + "/direct_quotations.json";
  const nlohmann::json data = nlohmann::json::parse(ReadAll(path), nullptr, false);
  if (data.is_discarded() || !data.contains("cases")) {
    std::fprintf(stderr, "stet-eval-quotes: %s: cannot read the cases\n", path.c_str());
    return 1;
  }
  Score textacy;
  int cases = 0, cases_right = 0;
  for (const nlohmann::json& test : data["cases"]["en"]) {
    const std::string text = test["text"];
    const std::vector<stet::Quote> ours = Speech(text);
    textacy.ours += static_cast<int>(ours.size());
    bool right = ours.size() == test["expected"].size();
    for (const nlohmann::json& expected : test["expected"]) {
      ++textacy.gold;
      const std::string content = Folded(expected["content"].get<std::string>());
      std::string speaker;
      for (const auto& token : expected["speaker_tokens"]) {
        speaker += (speaker.empty() ? "" : " ") + token.get<std::string>();
      }
      const stet::Quote* match = WithContent(ours, content);
      if (match == nullptr) {
        right = false;
        continue;
      }
      ++textacy.found;
      ++textacy.correct_found;
      if (Folded(match->mention) == Folded(speaker)) {
        ++textacy.speaker_right;
      } else {
        right = false;
      }
    }
    ++cases;
    cases_right += right ? 1 : 0;
    if (!right && show_failures) {
      std::printf("--- %s\n", text.c_str());
      for (const stet::Quote& quote : ours) {
        std::printf("  got: \"%s\" by %s (%s)\n", quote.text.c_str(), quote.mention.c_str(),
                    quote.speaker.c_str());
      }
    }
  }
  textacy.Print("textacy-quotes (en)");
  std::printf("%-22s cases right %d / %d\n", "", cases_right, cases);

  if (!sample_dir.empty()) {
    const std::string text = ReadAll(sample_dir + "/r2.txt");
    const nlohmann::json labels =
        nlohmann::json::parse(ReadAll(sample_dir + "/expected.json"), nullptr, false);
    if (text.empty() || labels.is_discarded()) {
      std::fprintf(stderr, "stet-eval-quotes: %s: no r2.txt and expected.json\n",
                   sample_dir.c_str());
      return 1;
    }
    Score sample;
    const std::vector<stet::Quote> ours = Speech(text);
    sample.ours = static_cast<int>(ours.size());
    std::vector<bool> used(ours.size(), false);
    for (const nlohmann::json& label : labels["quotes_in"]["r2"]) {
      ++sample.gold;
      const std::string fragment = Folded(label["fragment"].get<std::string>());
      for (std::size_t k = 0; k < ours.size(); ++k) {
        if (used[k] || Folded(ours[k].text).find(fragment) == std::string::npos) continue;
        used[k] = true;
        ++sample.found;
        ++sample.correct_found;
        // The label names Trump as "Donald Trump", a first name the text never prints.
        if (LastWord(ours[k].speaker) == LastWord(label["speaker"].get<std::string>())) {
          ++sample.speaker_right;
        }
        break;
      }
    }
    sample.Print("sample r2 (labelled)");
  }
  if (!labelled_path.empty()) {
    const nlohmann::json labelled = nlohmann::json::parse(ReadAll(labelled_path), nullptr, false);
    if (labelled.is_discarded() || !labelled.contains("cases")) {
      std::fprintf(stderr, "stet-eval-quotes: %s: cannot read the cases\n", labelled_path.c_str());
      return 1;
    }
    Score score;
    for (const nlohmann::json& test : labelled["cases"]) {
      const std::string text = test["text"];
      const std::vector<stet::Quote> ours = Speech(text);
      score.ours += static_cast<int>(ours.size());
      bool right = ours.size() == test["quotes"].size();
      for (const nlohmann::json& expected : test["quotes"]) {
        ++score.gold;
        const std::string content = Folded(expected["content"].get<std::string>());
        const stet::Quote* match = WithContent(ours, content);
        if (match == nullptr) {
          right = false;
          continue;
        }
        ++score.found;
        ++score.correct_found;
        const std::string wanted =
            expected["speaker"].is_string() ? expected["speaker"].get<std::string>() : "";
        if (match->speaker == wanted) {
          ++score.speaker_right;
        } else {
          right = false;
        }
      }
      if (!right && show_failures) {
        std::printf("--- %s\n", text.c_str());
        for (const stet::Quote& quote : ours) {
          std::printf("  got: \"%s\" by %s [%s]\n", quote.text.c_str(),
                      quote.speaker.empty() ? "(unknown)" : quote.speaker.c_str(),
                      quote.mention.c_str());
        }
      }
    }
    score.Print("stet-labelled (news)");
  }
  return require_all && patterns_wrong > 0 ? 1 : 0;
}
