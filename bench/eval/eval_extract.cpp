// Scores stet's article extractor on the public extraction benchmarks.
// Usage: stet-eval-extract DATA_DIR [--worst N] [--set NAME] [--snippets 1]
//   DATA_DIR: ../shared/data, holding trafilatura-eval/, mozilla-readability/
//             and newspaper-fulltext/ (a missing set is skipped).
//   --worst N: also list the N worst pages of each set.
//   --set NAME: score only that set.
//   --snippets 1: print the trafilatura-eval snippets scored wrong ("fn": a
//     "with" snippet missing; "fp": a "without" snippet found).
// Metrics, as DATA_DIR/README.md defines them:
//   trafilatura-eval: each "with" snippet found in the white-space-normalised
//     output is a true positive, each "without" snippet found a false
//     positive; precision, recall and F1 over the corpus.
//   mozilla-readability: tags stripped from expected.html; 4-token shingles
//     (tokens are Unicode \w+ runs) of gold and output as multisets; per page
//     precision and recall, averaged; F1 of the averages. Real pages and the
//     small one-behaviour fixtures (source.html under 5,000 bytes: 36 of
//     130) are reported apart, with exact title and byline matches against
//     expected-metadata.json.
//   newspaper-fulltext: the same 4-shingle score, on the pages index.json
//     marks expected_is_gold.
// Pages that are valid UTF-8 are read as UTF-8; others are decoded with
// HtmlToUtf8 (meta charset, else windows-1252), as the real pipeline does.
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "stet/charset.h"
#include "stet/extract.h"
#include "web/html_document.h"

namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  if (path.extension() == ".gz") {
    gzFile file = gzopen(path.c_str(), "rb");
    if (!file) return {};
    std::string out;
    char buffer[1 << 16];
    int n;
    while ((n = gzread(file, buffer, sizeof buffer)) > 0)
      out.append(buffer, static_cast<std::size_t>(n));
    gzclose(file);
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Bytes that are valid UTF-8 are taken as UTF-8 whatever the page declares:
// some fixtures were saved as UTF-8 with their old <meta charset="gb2312">
// kept. Other pages go through HtmlToUtf8 as in the real pipeline.
bool IsUtf8(const std::string& bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::string ToUtf8(const std::string& bytes) {
  if (IsUtf8(bytes)) return bytes;
  auto decoded = stet::HtmlToUtf8(bytes);
  return decoded.ok() ? decoded->utf8 : bytes;
}

std::vector<std::string> Tokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::string token;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0 && (u_isalnum(c) || c == '_' || u_charType(c) == U_NON_SPACING_MARK)) {
      token.append(text.substr(start, i - start));
    } else if (!token.empty()) {
      tokens.push_back(std::move(token));
      token.clear();
    }
  }
  if (!token.empty()) tokens.push_back(std::move(token));
  return tokens;
}

std::unordered_map<std::string, int> Shingles(std::string_view text) {
  const std::vector<std::string> tokens = Tokens(text);
  std::unordered_map<std::string, int> shingles;
  if (tokens.empty()) return shingles;
  if (tokens.size() < 4) {
    std::string all;
    for (const std::string& t : tokens) all += t + ' ';
    ++shingles[all];
    return shingles;
  }
  for (std::size_t i = 0; i + 4 <= tokens.size(); ++i) {
    ++shingles[tokens[i] + ' ' + tokens[i + 1] + ' ' + tokens[i + 2] + ' ' + tokens[i + 3]];
  }
  return shingles;
}

struct PrecisionRecall {
  double precision = 0, recall = 0;
};

PrecisionRecall ShingleScore(std::string_view gold, std::string_view output) {
  const auto g = Shingles(gold), o = Shingles(output);
  long tp = 0, gold_total = 0, out_total = 0;
  for (const auto& [shingle, count] : g) {
    gold_total += count;
    auto found = o.find(shingle);
    if (found != o.end()) tp += std::min(count, found->second);
  }
  for (const auto& [shingle, count] : o) out_total += count;
  PrecisionRecall pr;
  pr.precision = out_total ? static_cast<double>(tp) / static_cast<double>(out_total) : 0;
  pr.recall = gold_total ? static_cast<double>(tp) / static_cast<double>(gold_total) : 0;
  return pr;
}

double F1(double p, double r) {
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

// The text of an HTML fragment, with a space at every element boundary.
std::string StripTags(const std::string& html) {
  stet::html::DocPtr doc = stet::html::Parse(html);
  std::string out;
  if (!doc) return out;
  xmlNode* root = xmlDocGetRootElement(doc.get());
  for (xmlNode* at = root; at; at = stet::html::NextInTree(at, root)) {
    if (stet::html::IsText(at) && at->content) {
      out += reinterpret_cast<const char*>(at->content);
    } else {
      out += ' ';
    }
  }
  return out;
}

std::string Normalize(std::string_view text) {
  return stet::html::CollapseSpaces(text);
}

struct Page {
  std::string name;
  double f1;
  PrecisionRecall pr;
};

void PrintWorst(std::vector<Page> pages, int worst) {
  std::sort(pages.begin(), pages.end(), [](const Page& a, const Page& b) { return a.f1 < b.f1; });
  for (int i = 0; i < worst && i < static_cast<int>(pages.size()); ++i) {
    std::printf("    %-50s F1 %.3f  P %.3f  R %.3f\n", pages[i].name.c_str(), pages[i].f1,
                pages[i].pr.precision, pages[i].pr.recall);
  }
}

double total_ms = 0;
long total_bytes = 0;

std::string Extract(const std::string& html, const std::string& url, stet::ExtractedArticle* meta) {
  const auto start = std::chrono::steady_clock::now();
  auto result = stet::ExtractArticle(html, url);
  total_ms +=
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  total_bytes += static_cast<long>(html.size());
  if (!result.ok()) return {};
  if (meta) *meta = *result;
  return result->text;
}

bool show_snippets = false;

void EvalTrafilatura(const fs::path& dir, int worst) {
  std::ifstream in(dir / "evaldata.json");
  if (!in) return;
  const nlohmann::json data = nlohmann::json::parse(in, nullptr, false);
  long tp = 0, fn = 0, fp = 0, tn = 0;
  std::vector<Page> pages;
  for (const auto& [url, item] : data.items()) {
    const std::string html =
        ToUtf8(ReadFile(dir / "html" / (item["file"].get<std::string>() + ".gz")));
    const std::string text = Normalize(Extract(html, url, nullptr));
    int page_tp = 0, page_fn = 0, page_fp = 0, page_tn = 0;
    for (const auto& snippet : item["with"]) {
      const bool found = text.find(Normalize(snippet.get<std::string>())) != std::string::npos;
      (found ? page_tp : page_fn)++;
      if (!found && show_snippets)
        std::printf("  fn %s: %s\n", url.c_str(), snippet.get<std::string>().c_str());
    }
    for (const auto& snippet : item["without"]) {
      const bool found = text.find(Normalize(snippet.get<std::string>())) != std::string::npos;
      (found ? page_fp : page_tn)++;
      if (found && show_snippets)
        std::printf("  fp %s: %s\n", url.c_str(), snippet.get<std::string>().c_str());
    }
    tp += page_tp, fn += page_fn, fp += page_fp, tn += page_tn;
    Page page{item["file"].get<std::string>(), 0, {}};
    page.pr.precision = page_tp + page_fp ? double(page_tp) / (page_tp + page_fp) : 1;
    page.pr.recall = page_tp + page_fn ? double(page_tp) / (page_tp + page_fn) : 1;
    page.f1 = F1(page.pr.precision, page.pr.recall);
    pages.push_back(page);
  }
  const double p = tp + fp ? double(tp) / double(tp + fp) : 0;
  const double r = tp + fn ? double(tp) / double(tp + fn) : 0;
  std::printf("%-28s %5zu  P %.3f  R %.3f  F1 %.3f  (snippets: tp %ld fn %ld fp %ld tn %ld)\n",
              "trafilatura-eval", pages.size(), p, r, F1(p, r), tp, fn, fp, tn);
  PrintWorst(pages, worst);
}

void EvalMozilla(const fs::path& dir, int worst) {
  if (!fs::exists(dir / "test-pages")) return;
  struct Group {
    std::vector<Page> pages;
    double p = 0, r = 0;
    int titles = 0, bylines = 0;
  } real, fixtures;
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(dir / "test-pages"))
    cases.push_back(entry.path());
  std::sort(cases.begin(), cases.end());
  for (const fs::path& path : cases) {
    const std::string source = ReadFile(path / "source.html");
    Group& group = source.size() < 5000 ? fixtures : real;
    stet::ExtractedArticle article;
    const std::string text = Extract(ToUtf8(source), "http://fakehost/test/page.html", &article);
    const std::string gold = StripTags(ReadFile(path / "expected.html"));
    Page page{path.filename().string(), 0, ShingleScore(gold, text)};
    page.f1 = F1(page.pr.precision, page.pr.recall);
    group.p += page.pr.precision;
    group.r += page.pr.recall;
    std::ifstream meta_in(path / "expected-metadata.json");
    const nlohmann::json meta = nlohmann::json::parse(meta_in, nullptr, false);
    auto field = [&](const char* key) {
      return meta.is_object() && meta.contains(key) && meta[key].is_string()
                 ? Normalize(meta[key].get<std::string>())
                 : std::string();
    };
    group.titles += Normalize(article.title) == field("title");
    group.bylines += Normalize(article.byline) == field("byline");
    group.pages.push_back(page);
  }
  for (auto [name, group] : {std::pair{"mozilla-readability real", &real},
                             std::pair{"mozilla-readability fixtures", &fixtures}}) {
    const double n = static_cast<double>(group->pages.size());
    if (n == 0) continue;
    const double p = group->p / n, r = group->r / n;
    std::printf("%-28s %5zu  P %.3f  R %.3f  F1 %.3f  title %d/%zu  byline %d/%zu\n", name,
                group->pages.size(), p, r, F1(p, r), group->titles, group->pages.size(),
                group->bylines, group->pages.size());
    PrintWorst(group->pages, worst);
  }
}

void EvalNewspaper(const fs::path& dir, int worst) {
  std::ifstream in(dir / "index.json");
  if (!in) return;
  const nlohmann::json index = nlohmann::json::parse(in, nullptr, false);
  std::vector<Page> pages;
  double sum_p = 0, sum_r = 0;
  for (const auto& item : index["cases"]) {
    if (!item.value("expected_is_gold", false)) continue;
    const std::string id = item["id"];
    const std::string html = ToUtf8(ReadFile(dir / "html" / (id + ".html.gz")));
    const std::string gold = ReadFile(dir / "text" / (id + ".txt"));
    const std::string text = Extract(html, item.value("url", ""), nullptr);
    Page page{id, 0, ShingleScore(gold, text)};
    page.f1 = F1(page.pr.precision, page.pr.recall);
    sum_p += page.pr.precision;
    sum_r += page.pr.recall;
    pages.push_back(page);
  }
  const double n = static_cast<double>(pages.size());
  if (n == 0) return;
  std::printf("%-28s %5zu  P %.3f  R %.3f  F1 %.3f\n", "newspaper-fulltext", pages.size(),
              sum_p / n, sum_r / n, F1(sum_p / n, sum_r / n));
  PrintWorst(pages, worst);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: stet-eval-extract DATA_DIR [--worst N] [--set NAME]\n");
    return 2;
  }
  const fs::path data = argv[1];
  int worst = 0;
  std::string only;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--worst") == 0) worst = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--set") == 0) only = argv[i + 1];
    if (std::strcmp(argv[i], "--snippets") == 0) show_snippets = std::atoi(argv[i + 1]) != 0;
  }
  std::printf("%-28s %5s  scores\n", "set", "pages");
  if (only.empty() || only == "mozilla-readability")
    EvalMozilla(data / "mozilla-readability", worst);
  if (only.empty() || only == "trafilatura-eval") EvalTrafilatura(data / "trafilatura-eval", worst);
  if (only.empty() || only == "newspaper-fulltext")
    EvalNewspaper(data / "newspaper-fulltext", worst);
  std::printf("extraction: %.1f MB in %.0f ms (%.1f MB/s)\n",
              static_cast<double>(total_bytes) / 1e6, total_ms,
              static_cast<double>(total_bytes) / 1e3 / std::max(total_ms, 1e-9));
  return 0;
}
