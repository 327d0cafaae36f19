// Times article extraction against its parser alone and against gumbo, the
// parser passed over (src/html_document.h says why).
// Usage: stet-bench-extract [--rounds N] PAGE.html...
//   e.g.
//   ../shared/data/mozilla-readability/test-pages/{salon-1,theverge,telegraph,aclu}/source.html
// For each page: median milliseconds over N rounds (default 20, after a few
// untimed ones) of
// ExtractArticle, of libxml2's HTML parse of the raw page, and of gumbo's
// parse; MB/s of extraction; the ratios. At the end, the peak resident set
// of the whole run.
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

#include "html_document.h"
#include "stet/extract.h"

namespace {

// After a few untimed rounds, so that the first page does not also pay for
// loading ICU's data and growing the heap.
double MedianMs(int rounds, const std::function<void()>& run) {
  for (int i = 0; i < std::max(3, rounds / 10); ++i) run();
  std::vector<double> times;
  for (int i = 0; i < rounds; ++i) {
    const auto start = std::chrono::steady_clock::now();
    run();
    times.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

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
  std::printf("%-40s %8s %9s %8s %9s %9s %8s %8s\n", "page", "KB", "extract", "MB/s", "libxml2",
              "gumbo", "gumbo/x", "gumbo/l");
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "stet-bench-extract: %s: cannot open\n", path.c_str());
      return 1;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string html = buffer.str();
    std::size_t text_size = 0;
    const double extract = MedianMs(rounds, [&] {
      auto result = stet::ExtractArticle(html, "https://example.com/page");
      text_size = result.ok() ? result->text.size() : 0;
    });
    const double parse =
        MedianMs(rounds, [&] { stet::html::DocPtr doc = stet::html::Parse(html); });
    const double gumbo = MedianMs(rounds, [&] {
      GumboOutput* output =
          gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
      gumbo_destroy_output(&kGumboDefaultOptions, output);
    });
    std::string name = path;
    if (name.size() > 40) name = "..." + name.substr(name.size() - 37);
    std::printf("%-40s %8.1f %7.2fms %8.1f %7.2fms %7.2fms %8.2f %8.2f\n", name.c_str(),
                static_cast<double>(html.size()) / 1024, extract,
                static_cast<double>(html.size()) / 1e3 / extract, parse, gumbo, gumbo / extract,
                gumbo / parse);
    (void)text_size;
  }
  std::printf("peak resident set: %.1f MB\n", PeakResidentKb() / 1024);
  return 0;
}
