#!/usr/bin/env python3
"""What many article refs cost one command: `stet log ID` (one article's
history, found by its ref) and `git log -1` of the same ref, in archives of
1 + N article refs, loose (one file each) and packed (packed-refs), for N in
10,000, 100,000 and 1,000,000. The extra refs are written straight into
packed-refs (and, for the loose case up to 100,000, unpacked by
`git update-ref`), all naming one real revision.

Usage: bench/replicate/refs.py --stet build/stet [--runs 5]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import hyperfine  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stet", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    stet = os.path.abspath(args.stet)
    work = tempfile.mkdtemp(prefix="stet-refs-")
    try:
        archive = os.path.join(work, "archive")
        subprocess.run([stet, "--archive", archive, "init"], check=True, stdout=subprocess.DEVNULL)
        text = os.path.join(work, "a.txt")
        with open(text, "w") as f:
            f.write("The council approved the budget on Monday.\n")
        subprocess.run([stet, "--archive", archive, "add", text, "--key", "budget"], check=True,
                       stdout=subprocess.DEVNULL)
        article = json.loads(subprocess.run(
            [stet, "--archive", archive, "log", "key:budget", "--format", "json"], check=True,
            capture_output=True, text=True).stdout)[0]
        article_id, commit = article["article"], article["commit"]
        subprocess.run(["git", "--git-dir", archive, "pack-refs", "--all", "--prune"], check=True)
        with open(os.path.join(archive, "packed-refs")) as f:
            header = f.readline()
        print(f"{'refs':>10} {'layout':>7} {'stet log ID':>12} {'git log -1':>11} {'ratio':>6} "
              f"{'packed-refs':>12}")
        for extra in (10_000, 100_000, 1_000_000):
            names = sorted([f"refs/stet/articles/{i:016x}" for i in range(1, extra + 1)] +
                           [f"refs/stet/articles/{article_id}"])
            with open(os.path.join(archive, "packed-refs"), "w") as f:
                f.write(header)
                for name in names:
                    f.write(f"{commit} {name}\n")
            size = os.path.getsize(os.path.join(archive, "packed-refs"))
            layouts = ["packed"]
            if extra <= 100_000:
                layouts.append("loose")
            for layout in layouts:
                if layout == "loose":
                    # Every ref as its own file, as stet writes them.
                    refs_dir = os.path.join(archive, "refs", "stet", "articles")
                    os.makedirs(refs_dir, exist_ok=True)
                    for name in names:
                        with open(os.path.join(archive, name), "w") as f:
                            f.write(commit + "\n")
                    with open(os.path.join(archive, "packed-refs"), "w") as f:
                        f.write(header)
                stet_s, git_s = hyperfine(
                    [f"{stet} --archive {archive} log {article_id}",
                     f"git --git-dir {archive} log -1 --format=%H refs/stet/articles/{article_id}"],
                    None, args.runs, os.path.join(work, "refs.json"), warmup=1)
                print(f"{extra + 1:>10,} {layout:>7} {stet_s * 1000:>10.1f}ms {git_s * 1000:>9.1f}ms "
                      f"{stet_s / git_s:>5.2f}x {size if layout == 'packed' else 0:>12,}")
                if layout == "loose":
                    shutil.rmtree(os.path.join(archive, "refs", "stet", "articles"))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
