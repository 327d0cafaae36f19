#!/usr/bin/env python3
"""Two builds of stet against each other and git's word diff, interleaved.

Times `stet diff --files OLD NEW --format json` for a build before a change
and one after it, and `git diff --no-index --word-diff` on the same pair,
in rounds that run all three in turn (so that a slow moment of the machine
falls on all of them alike), on bench/diff's generated pairs; prints the
medians and the ratios to git. Usage:

  bench/diff/builds.py --before OLD/stet --after build/stet [--rounds 15] [--sizes 10000,100000,300000]
"""
import argparse
import importlib.util
import os
import statistics
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "ingest"))
_spec = importlib.util.spec_from_file_location("diff_run", os.path.join(HERE, "run.py"))
diff_run = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(diff_run)  # the pairs run.py times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", required=True)
    parser.add_argument("--after", required=True)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--sizes", default="10000,100000,300000")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for size in [int(s) for s in args.sizes.split(",")]:
            before, after = diff_run.make_pair(size, seed=size)
            old, new = os.path.join(tmp, "old.txt"), os.path.join(tmp, "new.txt")
            with open(old, "w", encoding="utf-8") as f:
                f.write(before)
            with open(new, "w", encoding="utf-8") as f:
                f.write(after)
            commands = {
                "before": [args.before, "diff", "--files", old, new, "--format", "json"],
                "after": [args.after, "diff", "--files", old, new, "--format", "json"],
                "git": ["git", "diff", "--no-index", "--word-diff", "--no-color", old, new],
            }
            times = {name: [] for name in commands}
            for _ in range(args.rounds):
                for name, argv in commands.items():
                    times[name].append(diff_run.median_ms(lambda: diff_run.run_quiet(argv), 1))
            m = {name: statistics.median(values) for name, values in times.items()}
            print(f"{len(after.split()):>7} words: before {m['before']:.1f} ms ({m['before'] / m['git']:.2f}x git), "
                  f"after {m['after']:.1f} ms ({m['after'] / m['git']:.2f}x git), git {m['git']:.1f} ms; "
                  f"after/before {m['after'] / m['before']:.2f}")


if __name__ == "__main__":
    main()
