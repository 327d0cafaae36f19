// libFuzzer target over everything that reads untrusted bytes before they
// reach the archive: import lines, URLs, text checks and normalisation,
// timestamps, and stored commit messages read back.
// Build: CC=clang CXX=clang++ cmake -B build-fuzz -DSTET_FUZZ=ON && cmake --build build-fuzz -j2
// --target stet-fuzz Run:   build-fuzz/stet-fuzz -max_total_time=60 tests/fuzz/corpus
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "revision_format.h"
#include "stet/identity.h"
#include "stet/import.h"
#include "stet/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  (void)stet::ParseImportLine(input);
  (void)stet::CanonicalUrl(input);
  (void)stet::ParseTimestamp(input);
  (void)stet::LooksLikeHtml(input);
  (void)stet::DecodeRevisionMessage(input, "0000000000000000000000000000000000000000");
  if (stet::CheckText(input).ok()) {
    const std::string stored = stet::StorableText(input);
    // Normalising is idempotent and the hash depends only on the normal form.
    const std::string normal = stet::NormalizedText(stored);
    if (stet::NormalizedText(normal) != normal) __builtin_trap();
    if (stet::ContentHash(stored) != stet::ContentHash(normal)) __builtin_trap();
  }
  return 0;
}
