// The heap room a large command reserves, read back from the kernel's own
// account of this process's memory (/proc/self/smaps, /proc/vmstat).
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/heap.h"

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The smaps entry (its header line and fields) of the mapping holding
// `address`; empty if none does.
std::string MappingOf(const void* address) {
  const auto wanted = reinterpret_cast<std::uintptr_t>(address);
  std::istringstream smaps(ReadFile("/proc/self/smaps"));
  std::string line, entry;
  bool inside = false;
  while (std::getline(smaps, line)) {
    std::uintptr_t start = 0, end = 0;
    char dash = 0;
    std::istringstream header(line);
    // A mapping's header starts "start-end " in hex; its fields "Name: ...".
    if (line.find(':') > line.find(' ') && (header >> std::hex >> start >> dash >> end) &&
        dash == '-') {
      if (inside) return entry;
      inside = start <= wanted && wanted < end;
      entry.clear();
    }
    if (inside) entry += line + "\n";
  }
  return inside ? entry : "";
}

std::size_t FieldKb(const std::string& entry, const std::string& name) {
  const std::size_t at = entry.find("\n" + name + ":");
  if (at == std::string::npos) return 0;
  return std::strtoull(entry.c_str() + at + name.size() + 2, nullptr, 10);
}

std::size_t VmStat(const std::string& name) {
  const std::string text = "\n" + ReadFile("/proc/vmstat");
  const std::size_t at = text.find("\n" + name + " ");
  return at == std::string::npos ? 0
                                 : std::strtoull(text.c_str() + at + name.size() + 2, nullptr, 10);
}

bool HugePagesOnAdvice() {
  const std::string enabled = ReadFile("/sys/kernel/mm/transparent_hugepage/enabled");
  return enabled.find("[always]") != std::string::npos ||
         enabled.find("[madvise]") != std::string::npos;
}

}  // namespace

TEST_CASE("A large command's heap room is advised for huge pages and used next", "[cli]") {
#if defined(__SANITIZE_ADDRESS__)
  WARN("not checked: ASan's allocator keeps no glibc heap");
  return;
#endif
  if (!HugePagesOnAdvice()) {
    WARN("not checked: transparent huge pages are off on this machine");
    return;
  }
  stet::cli::KeepFreedMemory();
  // Whole, aligned huge pages, as many as the bytes asked for hold (the
  // room grows by what aligning them takes), and none past them: asked for
  // a page short of 34 MiB, 16 of them.
  const std::size_t advised = stet::cli::ReserveHugePageHeap((std::size_t{34} << 20) - 4096);
  REQUIRE(advised == std::size_t{32} << 20);

  // The next large block comes from that room, from its first huge page
  // on: what lies below it is held. Its first bytes (and glibc's header)
  // share the last small page below the room.
  constexpr std::size_t kBlock = std::size_t{8} << 20;
  char* const block = static_cast<char*>(std::malloc(kBlock));
  REQUIRE(block != nullptr);
  const std::string mapping = MappingOf(block + 4096);
  INFO(mapping);
  CHECK(mapping.find("VmFlags:") != std::string::npos);
  CHECK(mapping.find(" hg") != std::string::npos);  // MADV_HUGEPAGE
  // The room's mapping starts at the first huge page, at most a page after
  // the block: the heap below it was not left for the block to start in.
  const std::uintptr_t room = std::strtoull(mapping.c_str(), nullptr, 16);
  CHECK(room > reinterpret_cast<std::uintptr_t>(block));
  CHECK(room - reinterpret_cast<std::uintptr_t>(block) < 4096);

  // Written, it is backed by huge pages, unless the kernel found no free
  // 2 MiB of memory (it says so in /proc/vmstat; not this code's doing).
  const std::size_t fallbacks = VmStat("thp_fault_fallback");
  std::memset(block, 1, kBlock);
  const std::size_t huge_kb = FieldKb(MappingOf(block + 4096), "AnonHugePages");
  if (VmStat("thp_fault_fallback") == fallbacks) CHECK(huge_kb >= 2048);
  std::free(block);
}

TEST_CASE("A small command reserves no heap room", "[cli]") {
  CHECK(stet::cli::ReserveHugePageHeap(std::size_t{1} << 20) == 0);
  CHECK(stet::cli::AnalysisHeapBytes(1000) == std::size_t{4} << 20);
  CHECK(stet::cli::AnalysisHeapBytes(std::size_t{4} << 20) == std::size_t{12} << 20);
}
