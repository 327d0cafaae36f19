// Times article extraction against its parser alone and against gumbo, the
// parser passed over (src/web/html_document.h says why).
// Usage: stet-bench-extract [--rounds N] PAGE.html...
//   e.g.
//   ../shared/data/mozilla-readability/test-pages/{salon-1,theverge,telegraph,aclu}/source.html
// For each page: the median of N rounds (default 20, after a few untimed
// ones) of ExtractArticle, and its fastest round; the medians of libxml2's
// HTML parse of the raw page and of gumbo's parse; MB/s of extraction; the
// ratios. Each measure has its own loop, in which a round times every page
// once. At the end, the peak resident set of the whole run.
#include <gumbo.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "stet/extract.h"
#include "web/html_document.h"

namespace {

double Median(std::vector<double> times) {
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

double ElapsedMs(const std::function<void()>& run) {
  const auto start = std::chrono::steady_clock::now();
  run();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

// One page's three measures, a list of times each.
struct PageTimes {
  std::string path;
  std::string html;
  std::vector<double> extract, parse, gumbo;
};

// The kernel's high-water mark of this program's memory (VmHWM). Not
// getrusage's ru_maxrss: that one keeps the peak of the process before it
// exec'd this program, e.g. the Python of bench/extract/run.py.
double PeakResidentKb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::atof(line.c_str() + 6);
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss);
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = 20;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) {
      rounds = std::max(1, std::atoi(argv[++i]));
    } else {
      paths.push_back(argv[i]);
    }
  }
  if (paths.empty()) {
    std::fprintf(stderr, "usage: stet-bench-extract [--rounds N] PAGE.html...\n");
    return 2;
  }
  std::vector<PageTimes> pages;
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "stet-bench-extract: %s: cannot open\n", path.c_str());
      return 1;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    pages.push_back({path, buffer.str(), {}, {}, {}});
  }
  // Each measure in its own loop, in which a round times every page once:
  // the extractor runs page after page as `stet reextract` or an import
  // does, without the other parsers' memory in between, and a moment when
  // the machine is busy slows a few rounds of every page, not all the
  // rounds of one. A few untimed rounds first (ICU's data, the heap).
  const int warmup = std::max(3, rounds / 10);
  auto time_all = [&](std::vector<double> PageTimes::*times, auto&& run) {
    for (int round = -warmup; round < rounds; ++round) {
      for (PageTimes& page : pages) {
        const double ms = ElapsedMs([&] { run(page.html); });
        if (round >= 0) (page.*times).push_back(ms);
      }
    }
  };
  time_all(&PageTimes::extract, [](const std::string& html) {
    auto result = stet::ExtractArticle(html, "https://example.com/page");
    if (!result.ok()) std::abort();  // the bench pages all have an article
  });
  time_all(&PageTimes::parse,
           [](const std::string& html) { stet::html::DocPtr doc = stet::html::Parse(html); });
  time_all(&PageTimes::gumbo, [](const std::string& html) {
    GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  });
  std::printf("%-40s %8s %9s %9s %8s %9s %9s %8s %8s\n", "page", "KB", "extract", "best", "MB/s",
              "libxml2", "gumbo", "gumbo/x", "gumbo/l");
  for (const PageTimes& page : pages) {
    const double extract = Median(page.extract), parse = Median(page.parse),
                 gumbo = Median(page.gumbo);
    // The fastest round: the cost without other work on the machine, which
    // only ever adds time.
    const double best = *std::min_element(page.extract.begin(), page.extract.end());
    std::string name = page.path;
    if (name.size() > 40) name = "..." + name.substr(name.size() - 37);
    std::printf("%-40s %8.1f %7.2fms %7.2fms %8.1f %7.2fms %7.2fms %8.2f %8.2f\n", name.c_str(),
                static_cast<double>(page.html.size()) / 1024, extract, best,
                static_cast<double>(page.html.size()) / 1e3 / extract, parse, gumbo,
                gumbo / extract, gumbo / parse);
  }
  std::printf("peak resident set: %.1f MB\n", PeakResidentKb() / 1024);
  return 0;
}
