#!/usr/bin/env python3
"""Mutation testing for stet: would the test suite notice a small bug?

Copies the tracked tree to a scratch folder, builds it once, then for a
sample of mutation sites in src/ applies one small change at a time (flip a
comparison, swap && and ||, flip true and false, drop a !, shift a +/- 1),
rebuilds incrementally, runs the tests and records whether any failed
(killed) or all passed (survived). A mutant that does not compile is
stillborn and left out of the score. The working tree is never touched.

    scripts/mutate.py --sample 60                # 60 sites of src/, seed 1
    scripts/mutate.py --sample 20 --only src/analysis --seed 7
    scripts/mutate.py --list --only src/base     # the sites, nothing built
    scripts/mutate.py --retry results.json       # the survivors of a run, again

Standard library only. Slow by nature (a rebuild and a test run per mutant,
about a minute each on two cores): not part of CI; its score and its
survivors are kept in docs/quality.md.
"""

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Binary operators are written with a space on each side (clang-format's
# rule for this project), which tells a comparison from a template bracket,
# a shift or an arrow, and && from an rvalue reference.
OPERATORS = [
    ("flip comparison", re.compile(r"(?<= )==(?= )"), "!="),
    ("flip comparison", re.compile(r"(?<= )!=(?= )"), "=="),
    ("flip comparison", re.compile(r"(?<= )<=(?= )"), "<"),
    ("flip comparison", re.compile(r"(?<= )>=(?= )"), ">"),
    ("flip comparison", re.compile(r"(?<= )<(?= )"), "<="),
    ("flip comparison", re.compile(r"(?<= )>(?= )"), ">="),
    ("swap logical", re.compile(r"(?<= )&&(?= )"), "||"),
    ("swap logical", re.compile(r"(?<= )\|\|(?= )"), "&&"),
    ("flip boolean", re.compile(r"\btrue\b"), "false"),
    ("flip boolean", re.compile(r"\bfalse\b"), "true"),
    # A logical not: not part of != and not after a name or a bracket.
    ("drop not", re.compile(r"(?<![\w)\]!])!(?!=)"), ""),
    ("shift one", re.compile(r"(?<= )\+ 1\b(?!\.)"), "+ 2"),
    ("shift one", re.compile(r"(?<= )- 1\b(?!\.)"), "- 2"),
]


@dataclass
class Site:
    file: str  # relative to the tree
    line: int
    column: int
    offset: int
    operator: str
    original: str
    replacement: str
    source_line: str


def code_mask(text):
    """`text` with comments, string and character literals and preprocessor
    lines blanked out (same length), so only code is searched."""
    out = list(text)
    i, n = 0, len(text)
    line_start = True
    while i < n:
        c = text[i]
        if line_start and c in " \t":
            i += 1
            continue
        if line_start and c == "#":  # a preprocessor line, with continuations
            while i < n and text[i] != "\n":
                if text[i] == "\\" and i + 1 < n and text[i + 1] == "\n":
                    out[i] = " "
                    i += 2
                    continue
                out[i] = " "
                i += 1
            continue
        line_start = c == "\n"
        if text.startswith("//", i):
            while i < n and text[i] != "\n":
                out[i] = " "
                i += 1
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            for k in range(i, end):
                if out[k] != "\n":
                    out[k] = " "
            i = end
            continue
        raw = re.match(r'R"([^(\s]*)\(', text[i:i + 20])
        if raw and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            close = ")" + raw.group(1) + '"'
            end = text.find(close, i + raw.end())
            end = n if end < 0 else end + len(close)
            for k in range(i, end):
                if out[k] != "\n":
                    out[k] = " "
            i = end
            continue
        if c in "\"'":
            # A digit separator (1'000) is not a character literal.
            if c == "'" and i > 0 and text[i - 1].isalnum() and i + 1 < n and text[i + 1].isalnum():
                i += 1
                continue
            k = i + 1
            while k < n and text[k] != c and text[k] != "\n":
                k += 2 if text[k] == "\\" else 1
            for m in range(i, min(k + 1, n)):
                out[m] = " "
            i = k + 1
            continue
        i += 1
    return "".join(out)


def find_sites(tree, only):
    sites = []
    base = tree / only
    for path in sorted(base.rglob("*")):
        if path.suffix not in (".cpp", ".h") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        masked = code_mask(text)
        rel = str(path.relative_to(tree))
        line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        for name, pattern, replacement in OPERATORS:
            for match in pattern.finditer(masked):
                offset = match.start()
                line = next(k for k in range(len(line_starts) - 1, -1, -1)
                            if line_starts[k] <= offset)
                line_text = text[line_starts[line]:text.find("\n", offset)]
                # static_assert and constexpr tables hold no behaviour worth a build.
                if "static_assert" in line_text:
                    continue
                sites.append(Site(rel, line + 1, offset - line_starts[line] + 1, offset, name,
                                  match.group(0), replacement, line_text.strip()))
    sites.sort(key=lambda s: (s.file, s.offset, s.operator))
    return sites


def run(command, cwd, timeout=None, log=None):
    result = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, timeout=timeout)
    if log is not None:
        log.write(f"$ {' '.join(command)}\n{result.stdout}\n")
    return result


def copy_tree(destination):
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True,
                           stdout=subprocess.PIPE).stdout.decode().split("\0")
    for name in files:
        if not name:
            continue
        source = ROOT / name
        if source.is_symlink() or not source.exists():
            continue
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


BUILD_TARGETS = ["stet", "stet_tests", "stet-fuzz-replay"]


def build(tree, log):
    command = ["cmake", "--build", "build", "-j2"]
    for target in BUILD_TARGETS:
        command += ["--target", target]
    return run(command, tree, log=log).returncode == 0


def test(tree, timeout, log):
    """True when every test passed. Stops at the first failure."""
    command = ["ctest", "-j2", "--stop-on-failure", "--timeout", str(timeout),
               "-E", "^layering_"]
    try:
        result = run(command, tree / "build", timeout=timeout * 4, log=log)
    except subprocess.TimeoutExpired:
        return False, "the test run timed out"
    failed = re.findall(r"\d+ - (.+?) \(", result.stdout)
    return result.returncode == 0, failed[0] if failed else ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=60, help="mutants to try (default 60)")
    parser.add_argument("--only", default="src", help="folder to mutate (default src)")
    parser.add_argument("--seed", type=int, default=1, help="sampling seed (default 1)")
    parser.add_argument("--timeout", type=int, default=300, help="seconds per test (default 300)")
    parser.add_argument("--work", help="scratch folder (default: a new one under /tmp)")
    parser.add_argument("--json", help="write the results to this file as JSON")
    parser.add_argument("--list", action="store_true", help="list the sampled sites and stop")
    parser.add_argument("--retry", help="try again the survivors recorded in this --json file "
                        "(found by file, line text and column, so edits elsewhere do not matter)")
    args = parser.parse_args()

    if not (ROOT / args.only).is_dir():
        parser.error(f"--only {args.only}: no such folder in {ROOT}")
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="stet-mutate-"))
    tree = work / "tree"
    if tree.exists():
        shutil.rmtree(tree)
    tree.mkdir(parents=True)
    copy_tree(tree)
    sites = find_sites(tree, args.only)
    if args.retry:
        survivors = [r for r in json.loads(Path(args.retry).read_text(encoding="utf-8"))
                     if r["outcome"] == "survived"]
        sample = []
        for old in survivors:
            same = [s for s in sites if s.file == old["file"] and s.source_line == old["source_line"]
                    and s.column == old["column"] and s.operator == old["operator"]
                    and s.original == old["original"]]
            if not same:
                print(f"mutate: {old['file']}:{old['line']}: the line has changed; not retried")
            sample += same[:1]
        print(f"mutate: retrying {len(sample)} survivor(s) of {args.retry}", flush=True)
    else:
        sample = random.Random(args.seed).sample(sites, min(args.sample, len(sites)))
        print(f"mutate: {len(sites)} sites in {args.only}; sampling {len(sample)} "
              f"(seed {args.seed})", flush=True)
    sample.sort(key=lambda s: (s.file, s.offset))
    if args.list:
        for site in sample:
            print(f"  {site.file}:{site.line}:{site.column}  {site.operator}: "
                  f"{site.original!r} -> {site.replacement!r}   {site.source_line}")
        return 0

    log = open(work / "mutate.log", "w")
    print(f"mutate: building a clean copy in {tree}", flush=True)
    run(["cmake", "-S", ".", "-B", "build", "-DCMAKE_BUILD_TYPE=Release"], tree, log=log)
    if not build(tree, log):
        print("mutate: the unmutated tree does not build; see " + str(work / "mutate.log"))
        return 1
    passed, failed = test(tree, args.timeout, log)
    if not passed:
        print(f"mutate: the unmutated tree fails a test ({failed}); nothing to measure")
        return 1

    results = []
    started = time.monotonic()
    for index, site in enumerate(sample, 1):
        path = tree / site.file
        original = path.read_text(encoding="utf-8")
        mutated = (original[:site.offset] + site.replacement +
                   original[site.offset + len(site.original):])
        path.write_text(mutated, encoding="utf-8")
        log.write(f"\n=== mutant {index}: {site.file}:{site.line} {site.operator}\n")
        if not build(tree, log):
            outcome, killer = "stillborn", ""
        else:
            passed, killer = test(tree, args.timeout, log)
            outcome = "survived" if passed else "killed"
        path.write_text(original, encoding="utf-8")
        # Restore the timestamp order so the next build recompiles this file.
        os.utime(path, None)
        results.append({**asdict(site), "outcome": outcome, "killed_by": killer})
        print(f"[{index}/{len(sample)}] {outcome:9} {site.file}:{site.line}  {site.operator}: "
              f"{site.original!r} -> {site.replacement!r}" +
              (f"  (by: {killer})" if killer else ""), flush=True)
        if args.json:  # after each mutant, so a run cut short keeps what it found
            Path(args.json).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    build(tree, log)  # leave the copy as it was

    killed = sum(r["outcome"] == "killed" for r in results)
    survived = [r for r in results if r["outcome"] == "survived"]
    stillborn = sum(r["outcome"] == "stillborn" for r in results)
    viable = killed + len(survived)
    print(f"\nmutate: {killed} killed, {len(survived)} survived, {stillborn} stillborn "
          f"(did not compile) of {len(results)}; score {killed}/{viable} = "
          f"{100.0 * killed / max(viable, 1):.1f}% in {time.monotonic() - started:.0f} s")
    for r in survived:
        print(f"  survived: {r['file']}:{r['line']}  {r['operator']}: {r['original']!r} -> "
              f"{r['replacement']!r}   {r['source_line']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
