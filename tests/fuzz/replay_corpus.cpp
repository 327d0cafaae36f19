// Replays the fuzz corpus through the fuzz target with the normal compiler,
// as a CTest test: every input the fuzzer was seeded with or found (crashes
// among them, once fixed, are added to tests/fuzz/corpus/) keeps running on
// every build, not only in the clang fuzz build. The target's own checks
// trap on a broken invariant; this driver reports which file it was on.
//
// Usage: stet-fuzz-replay DIR|FILE...
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
  std::vector<std::filesystem::path> inputs;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path path = argv[i];
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
      for (const auto& entry : std::filesystem::directory_iterator(path))
        if (entry.is_regular_file()) inputs.push_back(entry.path());
    } else {
      inputs.push_back(path);
    }
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "stet-fuzz-replay: no inputs (give corpus folders or files)\n");
    return 2;
  }
  std::sort(inputs.begin(), inputs.end());  // the same order on every run
  for (const std::filesystem::path& path : inputs) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
      std::fprintf(stderr, "stet-fuzz-replay: %s: cannot read\n", path.c_str());
      return 1;
    }
    const std::string bytes((std::istreambuf_iterator<char>(file)),
                            std::istreambuf_iterator<char>());
    // Named before it runs: a trap ends the process, and CTest shows this
    // line with the failure.
    std::fprintf(stderr, "replaying %s (%zu bytes)\n", path.c_str(), bytes.size());
    std::fflush(stderr);
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  std::printf("replayed %zu input(s), all clean\n", inputs.size());
  return 0;
}
