#!/usr/bin/env python3
"""Runs stet-bench-extract (built beforehand) on pages and prints its table.

Usage: bench/extract/run.py [--bench build/stet-bench-extract] [--rounds N] [PAGE.html ...]
Without pages, it takes the four ~200 KB pages of the mozilla-readability
set in ../shared/data (salon-1, theverge, telegraph, aclu). Builds nothing.
"""
import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_PAGES = [
    os.path.join(HERE, "../../../shared/data/mozilla-readability/test-pages", name, "source.html")
    for name in ("salon-1", "theverge", "telegraph", "aclu")
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", default=os.path.join(HERE, "../../build/stet-bench-extract"))
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("pages", nargs="*")
    args = parser.parse_args()
    pages = [os.path.normpath(p) for p in (args.pages or DEFAULT_PAGES)]
    missing = [p for p in pages if not os.path.exists(p)]
    if missing:
        sys.exit("run.py: no such page: " + ", ".join(missing))
    if not os.path.exists(args.bench):
        sys.exit("run.py: %s: not built (cmake --build BUILD --target stet-bench-extract)" % args.bench)
    result = subprocess.run([args.bench, "--rounds", str(args.rounds)] + pages,
                            capture_output=True, text=True)
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
