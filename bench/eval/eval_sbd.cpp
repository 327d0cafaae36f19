// Scores stet's sentence segmentation on pySBD's English cases.
// Usage: stet-eval-sbd DATA_DIR [--failures]
//   DATA_DIR: ../shared/data/pysbd-golden-en (holds english_sbd_cases.json)
// A case is right when the sentences, as strings with white space runs made
// one space, equal the expected list: stet keeps the original bytes (a
// sentence wrapped over two lines keeps its line break), pySBD's cleaning
// rewrites them, and only the boundaries are being scored.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "stet/segment.h"
#include "stet/text.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: stet-eval-sbd DATA_DIR [--failures]\n");
    return 2;
  }
  const bool show_failures = argc > 2 && std::strcmp(argv[2], "--failures") == 0;
  const std::string path = std::string(argv[1]) + "/english_sbd_cases.json";
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "stet-eval-sbd: %s: cannot open\n", path.c_str());
    return 1;
  }
  const nlohmann::json data = nlohmann::json::parse(in, nullptr, false);
  if (data.is_discarded() || !data.contains("sets")) {
    std::fprintf(stderr, "stet-eval-sbd: %s: not the expected JSON\n", path.c_str());
    return 1;
  }
  int all_right = 0, all_cases = 0;
  for (const auto& [name, cases] : data["sets"].items()) {
    int right = 0;
    for (const nlohmann::json& test : cases) {
      const std::string text = test["text"];
      std::vector<std::string> got;
      stet::Result<std::vector<stet::Span>> spans = stet::Sentences(text);
      if (spans.ok()) {
        for (const stet::Span& span : *spans)
          got.push_back(stet::NormalizedText(text.substr(span.start, span.end - span.start)));
      }
      std::vector<std::string> expected;
      for (const auto& sentence : test["expected"]) {
        expected.push_back(stet::NormalizedText(sentence.get<std::string>()));
      }
      if (got == expected) {
        ++right;
      } else if (show_failures) {
        std::printf("--- %s\n", text.c_str());
        for (const std::string& s : got) std::printf("  got: %s\n", s.c_str());
        for (const std::string& s : expected) std::printf("  want: %s\n", s.c_str());
      }
    }
    std::printf("%-26s %3d / %3zu  %5.1f%%\n", name.c_str(), right, cases.size(),
                100.0 * right / static_cast<double>(cases.size()));
    all_right += right;
    all_cases += static_cast<int>(cases.size());
  }
  std::printf("%-26s %3d / %3d  %5.1f%%\n", "all", all_right, all_cases,
              100.0 * all_right / all_cases);
  return 0;
}
