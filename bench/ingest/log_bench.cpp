// Times Archive::Log on one article, in process, so that the cost of
// reading one history is measured without process start-up.
// Usage: stet-bench-log ARCHIVE ARTICLE [ROUNDS]
// Prints: median_us=<median microseconds per Log call> revisions=<n>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "stet/archive.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: stet-bench-log ARCHIVE ARTICLE [ROUNDS]\n");
    return 2;
  }
  const int rounds = argc > 3 ? std::atoi(argv[3]) : 200;
  stet::Result<stet::Archive> archive = stet::Archive::Open(argv[1]);
  if (!archive.ok()) {
    std::fprintf(stderr, "%s\n", archive.status().message().c_str());
    return 1;
  }
  stet::Result<std::string> id = archive->ResolveArticle(argv[2]);
  if (!id.ok()) {
    std::fprintf(stderr, "%s\n", id.status().message().c_str());
    return 1;
  }
  std::vector<double> micros;
  std::size_t revisions = 0;
  for (int i = 0; i < rounds; ++i) {
    const auto start = std::chrono::steady_clock::now();
    stet::Result<std::vector<stet::RevisionInfo>> log = archive->Log(*id);
    const auto end = std::chrono::steady_clock::now();
    if (!log.ok()) {
      std::fprintf(stderr, "%s\n", log.status().message().c_str());
      return 1;
    }
    revisions = log->size();
    micros.push_back(std::chrono::duration<double, std::micro>(end - start).count());
  }
  std::sort(micros.begin(), micros.end());
  std::printf("median_us=%.1f revisions=%zu\n", micros[micros.size() / 2], revisions);
  return 0;
}
