// The in-process time of what `stet add FILE` and `stet extract PAGE` do,
// so that bench/startup/run.py can compare a whole command's CPU with its
// work. Each figure is the median over rounds after a first, warming one.
//
//   stet-bench-startup extract PAGE [ROUNDS]
//       reading the page and its article (ReadPage), and the URL it would
//       be stored under (ArticleUrlOf): extract's work
//   stet-bench-startup add ARCHIVE FILE_A FILE_B URL [ROUNDS]
//       storing the two texts in turn as revisions of URL, each rated
//       against the one before as `stet add` does (Archive::Add)
//
// Prints JSON: {"median_ms": ..., "rounds": ...}.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "stet/archive.h"
#include "stet/clock.h"
#include "stet/pages.h"
#include "stet/revision_diff.h"

namespace {

std::string ReadAll(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Median milliseconds of `rounds` calls after one uncounted call; false
// from `work` stops with exit code 1.
int Time(int rounds, const std::function<bool(int)>& work) {
  if (!work(0)) return 1;
  std::vector<double> ms;
  for (int round = 1; round <= rounds; ++round) {
    const auto start = std::chrono::steady_clock::now();
    if (!work(round)) return 1;
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count());
  }
  std::sort(ms.begin(), ms.end());
  std::printf("{\"median_ms\": %.4f, \"rounds\": %d}\n", ms[ms.size() / 2], rounds);
  return 0;
}

int Extract(const char* path, int rounds) {
  const std::string bytes = ReadAll(path);
  return Time(rounds, [&](int) {
    stet::Result<stet::ReadPageResult> page = stet::ReadPage(bytes, "", "");
    if (!page.ok()) {
      std::fprintf(stderr, "%s\n", page.status().message().c_str());
      return false;
    }
    return !stet::ArticleUrlOf("", page->article.canonical_url).empty();
  });
}

int Add(const char* archive_path, const char* file_a, const char* file_b, const char* url,
        int rounds) {
  stet::Result<stet::Archive> archive = stet::Archive::Open(archive_path);
  if (!archive.ok()) {
    std::fprintf(stderr, "%s\n", archive.status().message().c_str());
    return 1;
  }
  archive->SetRevisionRater(stet::MaterialityRater());
  const std::string texts[2] = {ReadAll(file_a), ReadAll(file_b)};
  stet::UnixSeconds at = stet::Now();
  return Time(rounds, [&](int round) {
    stet::NewRevision revision;
    revision.url = url;
    revision.text = texts[round % 2];
    revision.fetched_at = ++at;
    stet::Result<stet::AddOutcome> added = archive->Add(revision);
    if (!added.ok()) std::fprintf(stderr, "%s\n", added.status().message().c_str());
    return added.ok();
  });
}

}  // namespace

int main(int argc, char** argv) {
  const std::string what = argc > 1 ? argv[1] : "";
  if (what == "extract" && argc >= 3) return Extract(argv[2], argc > 3 ? std::atoi(argv[3]) : 50);
  if (what == "add" && argc >= 6) {
    return Add(argv[2], argv[3], argv[4], argv[5], argc > 6 ? std::atoi(argv[6]) : 50);
  }
  std::fprintf(stderr,
               "usage: stet-bench-startup extract PAGE [ROUNDS]\n"
               "       stet-bench-startup add ARCHIVE FILE_A FILE_B URL [ROUNDS]\n");
  return 2;
}
