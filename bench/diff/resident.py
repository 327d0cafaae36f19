#!/usr/bin/env python3
"""What a `stet diff` holds in memory at its peak: the resident set
split into the heap and the rest (anonymous memory) and the pages of stet's
own binary (file-backed: its code and its built-in tables), and which of the
binary's symbols those pages hold.

bench/diff/run.py prints the peak resident memory per input byte (issue 19);
this says what it is made of, so that work on it aims at the right part. A
static binary's tables (WordNet's, ICU's data) are mapped, not read: a
lookup maps the pages it touches, and the kernel maps the pages around a
fault with it (fault-around, 64 KiB), so a table searched for a few dozen
words can be resident whole.

The command runs once with a small library preloaded (compiled here with
cc; stet links libc dynamically) whose destructor, the last code the process
runs, copies /proc/self/status and the list of the binary's pages present
(/proc/self/pagemap) to a file: read from inside, at the end, with no race
against the process's exit. The heap keeps what it frees (src/cli/heap.h)
and mapped pages stay mapped, so what it holds at its end is what it held
at its peak. Usage:

  bench/diff/resident.py --stet build/stet [--words 300000]
  bench/diff/resident.py --stet build/stet --files OLD NEW
"""
import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))


def load_pair_maker():
    """bench/diff/run.py's make_pair: the same pairs as the benchmark (both
    scripts are called run.py, so it is loaded under another name)."""
    sys.path.insert(0, os.path.join(HERE, "..", "ingest"))
    spec = importlib.util.spec_from_file_location("diff_run", os.path.join(HERE, "run.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_pair


PAGE = 4096

# Runs after stet's own exit handlers (a preloaded library is finalised
# last) and writes "KEY: VALUE" lines of /proc/self/status, then one line a
# present page of the executable: its offset in the file, in hex.
AT_EXIT_SOURCE = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <unistd.h>

__attribute__((destructor)) static void stet_resident_at_exit(void) {
  const char* path = getenv("STET_RESIDENT_OUT");
  if (!path) return;
  FILE* out = fopen(path, "w");
  FILE* status = fopen("/proc/self/status", "r");
  FILE* maps = fopen("/proc/self/maps", "r");
  FILE* pagemap = fopen("/proc/self/pagemap", "rb");
  char exe[PATH_MAX] = {0}, line[PATH_MAX + 128];
  if (!out || !status || !maps || !pagemap || readlink("/proc/self/exe", exe, sizeof exe - 1) < 0) return;
  while (fgets(line, sizeof line, status)) fputs(line, out);
  while (fgets(line, sizeof line, maps)) {
    unsigned long begin, end, offset;
    char file[PATH_MAX] = {0};
    if (sscanf(line, "%lx-%lx %*s %lx %*s %*s %4095s", &begin, &end, &offset, file) < 4 ||
        strcmp(file, exe) != 0)
      continue;
    for (unsigned long page = begin; page < end; page += 4096) {
      unsigned long long entry = 0;
      if (fseek(pagemap, (long)(page / 4096 * 8), SEEK_SET) != 0 ||
          fread(&entry, sizeof entry, 1, pagemap) != 1)
        break;
      if (entry >> 63) fprintf(out, "page %lx\n", offset + (page - begin));
    }
  }
  fclose(out);
}
"""


def build_preload(work):
    source, library = os.path.join(work, "at_exit.c"), os.path.join(work, "at_exit.so")
    with open(source, "w") as f:
        f.write(AT_EXIT_SOURCE)
    subprocess.run(["cc", "-O2", "-shared", "-fPIC", "-o", library, source], check=True)
    return library


def held_at_exit(argv, preload, work):
    """Runs argv with the library preloaded; returns its status fields (KiB)
    and the set of file offsets of its binary's pages present at its end."""
    out = os.path.join(work, "at_exit.txt")
    env = dict(os.environ, LD_PRELOAD=preload, STET_RESIDENT_OUT=out)
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    status, pages = {}, set()
    with open(out) as f:
        for line in f:
            if line.startswith("page "):
                pages.add(int(line.split()[1], 16))
            elif line.startswith(("VmRSS", "VmHWM", "RssAnon", "RssFile")):
                key, _, value = line.partition(":")
                status[key] = int(value.split()[0])
    return status, pages


def symbols(binary):
    """(file offset, size, kind, name) of the binary's sized symbols, read by
    nm; file offsets from the program headers (readelf)."""
    segments = []
    for line in subprocess.run(["readelf", "-lW", binary], capture_output=True, text=True).stdout.splitlines():
        parts = line.split()
        if parts and parts[0] == "LOAD":
            segments.append((int(parts[1], 16), int(parts[2], 16), int(parts[4], 16)))
    out = subprocess.run(["nm", "-S", "-C", "--defined-only", binary], capture_output=True, text=True).stdout
    result = []
    for line in out.splitlines():
        parts = line.split(maxsplit=3)
        if len(parts) < 4:
            continue
        address, size = int(parts[0], 16), int(parts[1], 16)
        for offset, vaddr, filesz in segments:
            if vaddr <= address < vaddr + filesz:
                result.append((address - vaddr + offset, size, parts[2], parts[3]))
                break
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stet", required=True)
    parser.add_argument("--words", type=int, default=300000)
    parser.add_argument("--files", nargs=2, metavar=("OLD", "NEW"))
    parser.add_argument("--top", type=int, default=8, help="how many data symbols to list")
    args = parser.parse_args()
    binary = os.path.realpath(args.stet)
    with tempfile.TemporaryDirectory() as work:
        if args.files:
            old_path, new_path = args.files
        else:
            before, after = load_pair_maker()(args.words, seed=args.words)
            old_path, new_path = os.path.join(work, "old.txt"), os.path.join(work, "new.txt")
            for path, text in ((old_path, before), (new_path, after)):
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
        input_bytes = os.path.getsize(old_path) + os.path.getsize(new_path)
        preload = build_preload(work)
        floor, floor_pages = held_at_exit([binary, "--version"], preload, work)
        peak, pages = held_at_exit([binary, "diff", "--files", old_path, new_path, "--format", "json"],
                                   preload, work)
    print(f"input {input_bytes / 1e6:.2f} MB; peak resident {peak['VmHWM'] / 1024:.1f} MiB "
          f"(`stet --version` {floor['VmHWM'] / 1024:.1f} MiB)")
    print(f"at its end (`stet --version`'s in brackets): anonymous (heap, stacks) "
          f"{peak['RssAnon'] / 1024:.1f} MiB ({floor['RssAnon'] / 1024:.1f}), file-backed "
          f"{peak['RssFile'] / 1024:.1f} MiB ({floor['RssFile'] / 1024:.1f}), of which stet's binary "
          f"{len(pages) * PAGE / 2**20:.1f} MiB ({len(floor_pages) * PAGE / 2**20:.1f})")
    code, data = Counter(), Counter()
    for offset, size, kind, name in symbols(binary):
        if size == 0:
            continue
        first, last = offset // PAGE, (offset + size - 1) // PAGE
        held = sum(1 for page in range(first, last + 1) if page * PAGE in pages)
        if not held:
            continue
        share = held * size / (last - first + 1)  # its bytes on the pages held, in proportion
        if kind in "tTwW":
            code["stet" if name.startswith("stet::") else "std" if name.startswith("std::") else "other"] += share
        elif size >= 64 << 10:
            data[name] += held * PAGE
    print(f"  code: {sum(code.values()) / 2**20:.1f} MiB (stet:: {code['stet'] / 2**20:.1f}, "
          f"std:: {code['std'] / 2**20:.1f}, other {code['other'] / 2**20:.1f})")
    for name, held in data.most_common(args.top):
        print(f"  {held / 2**20:5.2f} MiB  {name}")


if __name__ == "__main__":
    main()
