#include "heap.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

namespace stet::cli {
namespace {

constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
constexpr std::size_t kPage = 4096;
constexpr std::size_t kDefaultTopPad = 128 << 10;  // glibc's M_TOP_PAD
constexpr int kLargestHeapBlock = 32 << 20;        // glibc's largest M_MMAP_THRESHOLD
constexpr std::size_t kMinTrimThreshold = 64 << 20;
constexpr std::size_t kLargestRoom = std::size_t{1} << 29;  // twice it still fits an int
// Room left for glibc's headers of a block and the free top after it, so
// that they fall in the last small page below a huge one.
constexpr std::size_t kChunkHeaders = 64;

// The heap below the first huge page, held (and so reachable for a leak
// checker) for the process's life.
void* below_first_huge_page = nullptr;

std::uintptr_t RoundUp(std::uintptr_t address) {
  return (address + kHugePage - 1) & ~(kHugePage - 1);
}
std::uintptr_t RoundDown(std::uintptr_t address) {
  return address & ~(kHugePage - 1);
}

}  // namespace

void KeepFreedMemory() {
  mallopt(M_MMAP_THRESHOLD, kLargestHeapBlock);
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(kMinTrimThreshold));
}

std::size_t ReserveHugePageHeap(std::size_t bytes) {
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
  bytes = std::min(bytes, kLargestRoom);
  if (bytes < kHugePage) return 0;
  // A free() that leaves more than the trim threshold at the top gives it
  // back, and a heap grown again later has no advice: keep the room.
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(std::max(kMinTrimThreshold, 2 * bytes)));
  // glibc grows the heap by what a request lacks plus M_TOP_PAD, in one
  // brk. A request larger than the free top (mallinfo2's keepcost) makes it
  // grow now; it writes only the chunk headers by the old break.
  const std::size_t free_top = mallinfo2().keepcost;
  void* const old_break = sbrk(0);
  // A huge page more than advised: the advice starts at the first huge page
  // boundary past the old break, up to 2 MiB on.
  mallopt(M_TOP_PAD, static_cast<int>(bytes + kHugePage));
  void* const nudge = std::malloc(free_top + kPage);
  mallopt(M_TOP_PAD, static_cast<int>(kDefaultTopPad));
  void* const new_break = sbrk(0);
  if (nudge == nullptr) return 0;
  const auto top = reinterpret_cast<std::uintptr_t>(nudge);
  // Past the headers (two pages on from the old break) nothing is touched
  // yet, so a huge page can back each aligned 2 MiB of it: as many whole
  // ones as `bytes` holds. The room past them takes small pages, so that a
  // heap that ends short of its estimate does not hold a huge page it uses
  // a few kilobytes of.
  const std::uintptr_t begin = RoundUp(reinterpret_cast<std::uintptr_t>(old_break) + 2 * kPage);
  const std::uintptr_t end =
      std::min(RoundDown(reinterpret_cast<std::uintptr_t>(new_break)), begin + RoundDown(bytes));
  const bool grown = old_break != reinterpret_cast<void*>(-1) &&
                     new_break != reinterpret_cast<void*>(-1) && end > begin;
  if (!grown || madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE) != 0) {
    std::free(nudge);
    return 0;
  }
  // The next allocations take the free top from its start, where the heap
  // stood before, and up to 2 MiB of it lies below the first huge page: a
  // 10k-word diff then faulted 370 to 670 pages, by where the heap began.
  // The nudge, grown in place to the first huge page and held for the
  // process's life, takes that part (address space only: it is never
  // written), so that they start on a huge page.
  void* const held =
      begin - top > 2 * kPage ? std::realloc(nudge, begin - top - kChunkHeaders) : nullptr;
  if (held == nullptr) {
    std::free(nudge);  // back into the free top, which the next allocations use
  } else {
    below_first_huge_page = held;
  }
  return end - begin;
#else
  (void)bytes;
  return 0;
#endif
}

std::size_t AnalysisHeapBytes(std::size_t input_bytes) {
  return std::max<std::size_t>(3 * input_bytes, 2 * kHugePage);
}

}  // namespace stet::cli
