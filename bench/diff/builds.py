#!/usr/bin/env python3
"""Two builds of stet against each other and git's word diff, interleaved.

Times `stet diff --files OLD NEW --format json` for a build before a change
and one after it, and `git diff --no-index --word-diff` on the same pair,
in rounds that run all three in turn (so that a slow moment of the machine
falls on all of them alike), on bench/diff's generated pairs; prints the
medians and the ratios to git. Usage:

  bench/diff/builds.py --before OLD/stet --after build/stet [--rounds 15] [--sizes 10000,100000,300000]

With --claims it times instead, in turn, each build's `stet-bench-diff
OLD NEW --rounds 5` (beside its `stet`) and prints per build the medians
of the claims alone, of the comparison alone and of their ratio per run,
with the ratio's range (issue 17: claims add at most 25% at 10k words).
"""
import argparse
import importlib.util
import json
import os
import statistics
import subprocess
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
    parser.add_argument("--claims", action="store_true",
                        help="the claims' share of the comparison, in the library")
    args = parser.parse_args()
    if args.claims and args.sizes == parser.get_default("sizes"):
        args.sizes = "10000"
    with tempfile.TemporaryDirectory() as tmp:
        for size in [int(s) for s in args.sizes.split(",")]:
            before, after = diff_run.make_pair(size, seed=size)
            old, new = os.path.join(tmp, "old.txt"), os.path.join(tmp, "new.txt")
            with open(old, "w", encoding="utf-8") as f:
                f.write(before)
            with open(new, "w", encoding="utf-8") as f:
                f.write(after)
            if args.claims:
                claims_share(args, old, new)
                continue
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


def claims_share(args, old, new):
    benches = {name: os.path.join(os.path.dirname(os.path.abspath(stet)), "stet-bench-diff")
               for name, stet in (("before", args.before), ("after", args.after))}
    runs = {name: [] for name in benches}
    for _ in range(args.rounds):
        for name, bench in benches.items():
            out = subprocess.run([bench, old, new, "--rounds", "5"], capture_output=True, text=True,
                                 check=True).stdout
            result = json.loads(out)
            runs[name].append((result["claims_only_ms"], result["compare_ms"]))
    for name, samples in runs.items():
        shares = sorted(claims / compare for claims, compare in samples)
        print(f"{name:<7} claims {statistics.median(c for c, _ in samples):.3f} ms, "
              f"compare {statistics.median(m for _, m in samples):.3f} ms, "
              f"share {100 * statistics.median(shares):.1f}% "
              f"(range {100 * shares[0]:.1f}-{100 * shares[-1]:.1f}%)")


if __name__ == "__main__":
    main()
