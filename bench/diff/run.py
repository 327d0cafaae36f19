#!/usr/bin/env python3
"""Diff benchmark: stet's comparison of two revisions against git's word
diff, Python's difflib and diff-match-patch, on the same pairs, in one run.

Builds pairs of news-like revisions of about 1k, 10k and 100k words (the
generator of bench/ingest: sentences with numbers and quotes; one edit per
~150 words: numbers corrected, words swapped, sentences inserted, removed,
moved and extended, corrections appended), then times on each pair:

  stet lib   CompareTexts in process (segmentation, tokens, alignment, word
             diffs), median of rounds, from build/stet-bench-diff; it also
             times the same with quotes found and compared over the same
             segmentation, as `stet diff` does, and prints what quotes add
  stet cli   `stet diff --files OLD NEW --format json`, the whole command
  git        `git diff --no-index --word-diff OLD NEW`
  difflib    Python's difflib.SequenceMatcher over the words, get_opcodes()
  dmp        diff-match-patch (npm) over words, with semantic cleanup, as
             diffengine uses it

It also prints the word-diff engines that were tried inside stet (dtl and
libgit2's git_diff_buffers) on the 10k pair, ICU's sentence iterator against
stet's reading of the same rules on its older text, the command's peak memory per
input byte above its start-up floor (`stet --version`'s), and how each stage
grows from one size to the next (the exponent: 1 is linear). Targets
(issue 19): the command within 2x of git's word diff at 10k words and 3x at
100k and 300k; at most 4 bytes of peak memory per input byte. Usage:

  bench/diff/run.py --stet build/stet [--rounds 11] [--sizes 1000,10000,100000,300000]
"""
import argparse
import difflib
import json
import math
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ingest"))
from run import edit, sentence  # noqa: E402  (the ingest benchmark's generator)

HERE = os.path.dirname(os.path.abspath(__file__))


def make_pair(words, seed):
    rng = random.Random(seed)
    paragraphs = []
    count = 0
    while count < words:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(1, 3)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    before = "\n\n".join(paragraphs) + "\n"
    for _ in range(max(1, words // 150)):
        edit(paragraphs, rng)
    after = "\n\n".join(paragraphs) + "\n"
    return before, after


def median_ms(fn, rounds):
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run_quiet(argv):
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


def peak_kb(argv):
    """Peak resident memory of a command, in KiB, by GNU time: a child
    forked from this process would count the memory of Python's too."""
    with tempfile.NamedTemporaryFile(mode="r") as out:
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", out.name, *argv], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        return int(out.read().split()[-1])


def difflib_words(before, after):
    matcher = difflib.SequenceMatcher(None, before.split(), after.split())
    return matcher.get_opcodes()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stet", default="build/stet")
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--sizes", default="1000,10000,100000,300000")
    args = parser.parse_args()
    stet = os.path.abspath(args.stet)
    bench = os.path.join(os.path.dirname(stet), "stet-bench-diff")
    node_ok = shutil.which("node") and os.path.isdir(os.path.join(HERE, "node_modules", "diff-match-patch"))
    if not node_ok:
        print("diff-match-patch missing: run `npm ci` in bench/diff (skipping dmp)", file=sys.stderr)
    results = {}
    engines = None
    sentence_breaks = None
    with tempfile.TemporaryDirectory() as tmp:
        for size in [int(s) for s in args.sizes.split(",")]:
            before, after = make_pair(size, seed=size)
            old_path, new_path = os.path.join(tmp, f"old-{size}.txt"), os.path.join(tmp, f"new-{size}.txt")
            with open(old_path, "w", encoding="utf-8") as f:
                f.write(before)
            with open(new_path, "w", encoding="utf-8") as f:
                f.write(after)
            # Rounds interleave the tools so that a slow moment of the
            # machine falls on all of them alike; medians are reported.
            def lib_once():
                out = subprocess.run([bench, old_path, new_path, "--rounds", "3"],
                                     capture_output=True, text=True, check=True).stdout
                return json.loads(out)

            def dmp_once():
                out = subprocess.run(["node", os.path.join(HERE, "dmp_words.js"), old_path, new_path, "3"],
                                     capture_output=True, text=True, check=True).stdout
                return json.loads(out)["ms"]

            samples = {"stet lib": [], "stet cli": [], "git": [], "difflib": [], "dmp": []}
            parts = []
            for round_number in range(args.rounds):
                lib = lib_once()
                parts.append(lib)
                samples["stet lib"].append(lib["compare_ms"])
                samples["stet cli"].append(median_ms(lambda: run_quiet([stet, "diff", "--files", old_path, new_path, "--format", "json"]), 1))
                samples["git"].append(median_ms(lambda: run_quiet(["git", "diff", "--no-index", "--word-diff", "--no-color", old_path, new_path]), 1))
                if round_number < max(3, args.rounds // 3):  # difflib takes seconds at 100k words
                    samples["difflib"].append(median_ms(lambda: difflib_words(before, after), 1))
                if node_ok:
                    samples["dmp"].append(dmp_once())
            lib = parts[len(parts) // 2]
            floor = peak_kb([stet, "--version"])
            # The command's own floor: the same diff of two one-line files
            # (its code, ICU's data, its heap's first huge page).
            one_line = os.path.join(tmp, "one-line.txt")
            with open(one_line, "w", encoding="utf-8") as f:
                f.write("One line.\n")
            diff_floor = peak_kb([stet, "diff", "--files", one_line, one_line, "--format", "json"])
            peak = peak_kb([stet, "diff", "--files", old_path, new_path, "--format", "json"])
            input_bytes = len(before.encode()) + len(after.encode())
            row = {"words": len(after.split()), "peak_kb": peak, "floor_kb": floor,
                   "bytes_per_input_byte": (peak - floor) * 1024 / input_bytes,
                   "diff_floor_kb": diff_floor,
                   "bytes_above_diff_floor": (peak - diff_floor) * 1024 / input_bytes, "stet parts": {
                key: statistics.median(p[key] for p in parts) if isinstance(lib[key], float) else lib[key]
                for key in ("sentences_ms", "tokens_ms", "edits", "word_diff_pairs", "quotes",
                            "diff_with_quotes_ms", "diff_with_quotes_and_claims_ms", "quotes_only_ms",
                            "claims_only_ms")}}
            row["stet parts"]["compare_ms"] = statistics.median(p["compare_ms"] for p in parts)
            # The quotes' share, per round (the same moment for both), then the median.
            row["quote share"] = statistics.median(p["diff_with_quotes_ms"] / p["compare_ms"] - 1 for p in parts)
            row["claim share"] = statistics.median(p["claims_only_ms"] / p["compare_ms"] for p in parts)
            for name, values in samples.items():
                if values:
                    row[name] = statistics.median(values)
            results[size] = row
            if size == 10000:
                once = lib_once()
                engines = once["engines"]
                sentence_breaks = once["sentence_breaks"]

    print(f"{'words':>8} {'stet lib':>10} {'stet cli':>10} {'git':>10} {'difflib':>10} {'dmp':>10}   cli/git  lib/git  difflib/lib  dmp/lib")
    for size, row in results.items():
        dmp = row.get("dmp", float("nan"))
        print(f"{row['words']:>8} {row['stet lib']:>9.2f}m {row['stet cli']:>9.2f}m {row['git']:>9.2f}m "
              f"{row['difflib']:>9.2f}m {dmp:>9.2f}m   {row['stet cli'] / row['git']:>6.2f}x "
              f"{row['stet lib'] / row['git']:>6.2f}x {row['difflib'] / row['stet lib']:>9.1f}x {dmp / row['stet lib']:>8.1f}x")
    for size, row in results.items():
        parts = row["stet parts"]
        print(f"  {size:>6} words: sentences {parts['sentences_ms']:.2f} ms, tokens {parts['tokens_ms']:.2f} ms, "
              f"{parts['edits']} edits, {parts['word_diff_pairs']} word diffs; "
              f"with quotes ({parts['quotes']} in the newer text) {parts['diff_with_quotes_ms']:.2f} ms: "
              f"quotes add {100 * row['quote share']:.0f}%, claims {100 * row['claim share']:.0f}%")
    sizes = sorted(results)
    if 10000 in results and 100000 in results:
        print(f"growth 10k -> 100k words: stet lib {results[100000]['stet lib'] / results[10000]['stet lib']:.1f}x, "
              f"stet cli {results[100000]['stet cli'] / results[10000]['stet cli']:.1f}x, "
              f"git {results[100000]['git'] / results[10000]['git']:.1f}x")
    if 1000 in results:
        print(f"1k words in the library: {results[1000]['stet lib']:.3f} ms (target 2 ms)")
    for size, target in ((10000, 2), (100000, 3), (300000, 3)):
        if size in results:
            ratio = results[size]["stet cli"] / results[size]["git"]
            print(f"{size // 1000}k words, stet cli / git --word-diff: {ratio:.2f}x (target {target}x)")
    for size, row in results.items():
        print(f"  {size:>6} words: peak {row['peak_kb'] / 1024:.1f} MiB, start-up floor {row['floor_kb'] / 1024:.1f} MiB: "
              f"{row['bytes_per_input_byte']:.1f} bytes per input byte above the floor (target 4); "
              f"{row['bytes_above_diff_floor']:.1f} above a diff of one-line files "
              f"({row['diff_floor_kb'] / 1024:.1f} MiB)")
    stages = ("sentences_ms", "tokens_ms", "compare_ms", "quotes_only_ms", "claims_only_ms",
              "diff_with_quotes_and_claims_ms")
    print("stage times (ms, in the library) and growth exponents between sizes (1 = linear):")
    print(f"  {'stage':<32}" + "".join(f"{size:>10}" for size in sizes) + "   exponents")
    for stage in stages:
        times = [results[size]["stet parts"][stage] for size in sizes]
        exponents = [math.log(times[i + 1] / times[i]) / math.log(sizes[i + 1] / sizes[i])
                     for i in range(len(sizes) - 1) if times[i] > 0]
        print(f"  {stage:<32}" + "".join(f"{t:>10.2f}" for t in times) + "   " +
              " ".join(f"{e:.2f}" for e in exponents))
    if 10000 in results:
        print(f"10k words, quotes and their changes add {100 * results[10000]['quote share']:.0f}% to the comparison (target 50%)")
        print(f"10k words, claims and their changes add {100 * results[10000]['claim share']:.0f}% to the comparison (target 25%, issue 17)")
    if engines:
        print("word-diff engines on the 10k pair's edited sentences (common tokens: more is a shorter script):")
        for name, engine in engines.items():
            print(f"  {name:<28} {engine['ms']:8.3f} ms  {engine['common_tokens']} common tokens")
    if sentence_breaks:
        b = sentence_breaks
        print(f"sentence boundaries of the 10k pair's older text: ICU's iterator {b['icu_ms']:.3f} ms "
              f"({b['icu_boundaries']}), stet's {b['stet_ms']:.3f} ms ({b['stet_boundaries']}): "
              f"{b['icu_ms'] / b['stet_ms']:.1f}x")


if __name__ == "__main__":
    main()
