// Heap room for a large command, backed by transparent huge pages.
//
// On the virtual machines stet is measured on, a page the process touches
// for the first time costs a fault of about 7 us, and a 300k-word `stet diff`
// touched 8,150 of them: a quarter of its time. A 2 MiB huge page costs one
// fault (and the same clearing), so a command that knows it will allocate
// tens of megabytes grows the heap once and asks the kernel to back that
// room with huge pages. glibc does the same with its tunable
// glibc.malloc.hugetlb=1, which only the environment can set; a linked
// allocator that does it (mimalloc) cost every command 1.1 ms of start-up
// (docs/performance.md).
#ifndef STET_SRC_CLI_HEAP_H_
#define STET_SRC_CLI_HEAP_H_

#include <cstddef>

namespace stet::cli {

// Memory a command frees is kept for its next allocations instead of going
// back to the system: glibc's default maps each block over 128 KB apart and
// unmaps it when freed, so a large comparison faulted its text, tokens and
// quotes in again and again. A long `stet watch` keeps at most the trim
// threshold (64 MiB) of free memory. Called first thing in main().
void KeepFreedMemory();

// Grows the heap's free top by about `bytes` and advises huge pages
// (madvise MADV_HUGEPAGE) for as many whole ones as `bytes` holds, from the
// room's first huge page boundary, so that the allocations that follow take
// their memory from there. Nothing is touched: the room costs address space
// only until it is used. Advice, not a promise: where the kernel or the C
// library cannot (no THP, not glibc), it does nothing, and no output depends
// on it. Returns the bytes advised (0 when none), for tests.
std::size_t ReserveHugePageHeap(std::size_t bytes);

// The heap an analysis of `input_bytes` of text is sure to fill, to be
// backed by huge pages: three bytes an input byte, about its peak (texts,
// tokens, quotes; massif at 300k words: 13.3 MB for 4.46 MB of input). Not
// more: a huge page the heap reaches only partly into holds all its 2 MiB
// (at 300k words the last one held 0.8 MiB never used), where small pages
// hold what is used. At least two huge pages, which hold a small diff's
// heap.
std::size_t AnalysisHeapBytes(std::size_t input_bytes);

}  // namespace stet::cli

#endif  // STET_SRC_CLI_HEAP_H_
