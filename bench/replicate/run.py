#!/usr/bin/env python3
"""Replication benchmark: stet push / pull against plain git push / fetch of
the same refs, over git:// to a real `git daemon` on 127.0.0.1.

Builds an archive of ARTICLES articles x 5 revisions (generated news text of
about 2.5 KB, each revision changing a sentence or two; `stet import
--no-rate`), then times with hyperfine, each run from the same state made
fresh by --prepare:

  full push         `stet push hub` into an empty bare repository, against
                    `git push hub 'refs/stet/*' 'refs/notes/*'` into another
  full pull         `stet pull hub` into an empty archive, against
                    `git fetch hub 'refs/stet/*:refs/stet/*' ...` into an empty
                    bare repository
  incremental push  100 new revisions (of 100 articles) on top of the
                    pushed archive
  incremental pull  the same 100 revisions brought into a copy of the archive

and counts the bytes each brought to the receiving side (its objects folder
before and after). Then measures the storage a day of revisions costs:
bytes per revision as stored (loose refs, undeltified packs) and after
`stet gc`, and `stet list` with loose against packed refs.

Usage: bench/replicate/run.py --stet build/stet [--articles 10000] [--runs 3]
"""
import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

SENTENCES = [
    "The council of district {a} approved a budget of {n} million dollars on Tuesday.",
    "\"We will finish the work before the winter,\" said Mayor Ana Ruiz of district {a}.",
    "Residents raised objections about noise and traffic at three public meetings.",
    "The project, first proposed in 2019, would add {m} homes near the river.",
    "Opponents said the plan ignored the flood risk, according to a letter seen by reporters.",
    "The city's planning office said it had reviewed the risk and found it acceptable.",
    "Construction is expected to begin in the spring and last about two years.",
    "A spokesman for the developer declined to comment on the cost estimate.",
]


def article_text(article, revision):
    lines = []
    for paragraph in range(6):
        for index, sentence in enumerate(SENTENCES):
            n = 10 + (revision if index == (article + paragraph) % 8 else 0)
            lines.append(sentence.format(a=article, n=n, m=100 + article % 50 + paragraph))
        lines.append("")
    return "\n".join(lines) + f"\nStory {article}, revision {revision}.\n"


def write_batch(path, articles, revisions, start_day=1):
    with open(path, "w") as out:
        for revision in revisions:
            for article in articles:
                out.write(json.dumps({
                    "url": f"https://news{article % 20}.example.com/story/{article}",
                    "fetched_at": f"2026-0{start_day}-{1 + revision:02d}T08:00:00Z",
                    "text": article_text(article, revision),
                    "title": f"Story {article}",
                }) + "\n")


def run(argv, **kwargs):
    return subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, **kwargs)


def size_of(folder):
    total = 0
    for root, _, files in os.walk(folder):
        for name in files:
            total += os.path.getsize(os.path.join(root, name))
    return total


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hyperfine(commands, prepare, runs, export, warmup=0):
    """Medians in seconds; `prepare` runs before each run (None: no shell at
    all, for commands of a few milliseconds)."""
    argv = ["hyperfine", "--style", "none", "--runs", str(runs), "--warmup", str(warmup),
            "--export-json", export]
    if prepare is None:
        argv += ["-N"] + commands
    for command in commands if prepare is not None else []:
        argv += ["--prepare", prepare, command]
    run(argv)
    with open(export) as f:
        return [r["median"] for r in json.load(f)["results"]]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stet", required=True)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    stet = os.path.abspath(args.stet)
    work = tempfile.mkdtemp(prefix="stet-replicate-")
    served = os.path.join(work, "served")
    os.makedirs(served)
    port = free_port()
    daemon = subprocess.Popen(
        ["git", "daemon", "--reuseaddr", "--listen=127.0.0.1", f"--port={port}",
         f"--base-path={served}", "--export-all", "--enable=receive-pack", served],
        stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    url = f"git://127.0.0.1:{port}"
    refspecs = "'refs/stet/*:refs/stet/*' 'refs/notes/*:refs/notes/*'"
    try:
        archive = os.path.join(work, "archive")
        run([stet, "--archive", archive, "init"])
        batch = os.path.join(work, "batch.jsonl")
        articles = list(range(args.articles))
        write_batch(batch, articles, range(5))
        started = time.time()
        run([stet, "--archive", archive, "import", batch, "--no-rate"])
        print(f"archive: {args.articles} articles x 5 revisions, imported in "
              f"{time.time() - started:.1f} s, {size_of(archive + '/objects') / 1e6:.1f} MB")
        # The 100 new revisions, in a second archive that is the first plus them.
        newer = os.path.join(work, "newer")
        shutil.copytree(archive, newer)
        write_batch(batch, articles[:100], [5])
        run([stet, "--archive", newer, "import", batch, "--no-rate"])
        run(["git", "-C", archive, "remote", "add", "hub", f"{url}/hub.git"])
        run(["git", "-C", newer, "remote", "add", "hub", f"{url}/hub.git"])
        empty = os.path.join(work, "empty.git")
        run(["git", "init", "-q", "--bare", empty])
        hub = os.path.join(served, "hub.git")
        # Receivers for the pulls: an empty archive and an empty bare repo.
        empty_archive = os.path.join(work, "empty-archive")
        run([stet, "--archive", empty_archive, "init"])
        run([stet, "--archive", empty_archive, "remote", "add", "hub", f"{url}/hub.git"])
        pulled = os.path.join(work, "pulled")
        fetched = os.path.join(work, "fetched.git")
        results = {}

        def bytes_in(folder, command):
            before = size_of(folder + "/objects")
            subprocess.run(command, shell=True, check=True, stdout=subprocess.DEVNULL)
            return size_of(folder + "/objects") - before

        def compare(name, prepare, stet_command, stet_into, git_command, git_into):
            """Times both from the state `prepare` makes, then counts the
            bytes each brings to the side it writes."""
            results[name] = hyperfine([stet_command, git_command], prepare, args.runs,
                                      os.path.join(work, "times.json"))
            subprocess.run(prepare, shell=True, check=True)
            results[name].append(bytes_in(stet_into, stet_command))
            if git_into == stet_into:  # (a pull leaves stet's side as it is now)
                subprocess.run(prepare, shell=True, check=True)
            results[name].append(bytes_in(git_into, git_command))

        fetch = f"fetch -q {url}/hub.git {refspecs}"
        compare("full push", f"rm -rf {hub} && cp -r {empty} {hub}",
                f"{stet} --archive {archive} push hub", hub,
                f"git -C {archive} push -q hub {refspecs}", hub)
        # The hub now holds the archive: the source of the full pull.
        full_hub = os.path.join(work, "full-hub.git")
        shutil.copytree(hub, full_hub)
        compare("full pull",
                f"rm -rf {pulled} {fetched} && cp -r {empty_archive} {pulled} && "
                f"cp -r {empty} {fetched}",
                f"{stet} --archive {pulled} pull hub", pulled, f"git -C {fetched} {fetch}", fetched)
        # The pulled archive and fetched repository: where the incremental pulls start.
        base_pulled = os.path.join(work, "base-pulled")
        base_fetched = os.path.join(work, "base-fetched.git")
        shutil.copytree(pulled, base_pulled)
        shutil.copytree(fetched, base_fetched)
        compare("incremental push", f"rm -rf {hub} && cp -r {full_hub} {hub}",
                f"{stet} --archive {newer} push hub", hub,
                f"git -C {newer} push -q hub {refspecs}", hub)
        # The hub now holds the newer archive.
        compare("incremental pull",
                f"rm -rf {pulled} {fetched} && cp -r {base_pulled} {pulled} && "
                f"cp -r {base_fetched} {fetched}",
                f"{stet} --archive {pulled} pull hub", pulled, f"git -C {fetched} {fetch}", fetched)

        print(f"{'':18} {'stet':>9} {'git':>9} {'ratio':>6} {'stet bytes':>12} {'git bytes':>12}")
        for name, (stet_s, git_s, stet_b, git_b) in results.items():
            print(f"{name:18} {stet_s:8.2f}s {git_s:8.2f}s {stet_s / git_s:5.2f}x "
                  f"{stet_b:12,} {git_b:12,}")

        # Storage: what a revision costs, as stored and after gc; refs loose
        # and packed.
        revisions = args.articles * 5
        stored = size_of(archive + "/objects")
        list_loose = hyperfine([f"{stet} --archive {archive} list --format json"], None,
                               args.runs, os.path.join(work, "list.json"))[0]
        started = time.time()
        run([stet, "--archive", archive, "gc"])
        gc_seconds = time.time() - started
        packed = size_of(archive + "/objects")
        list_packed = hyperfine([f"{stet} --archive {archive} list --format json"], None,
                                args.runs, os.path.join(work, "list2.json"))[0]
        print(f"storage: {stored / revisions:,.0f} bytes per revision as imported, "
              f"{packed / revisions:,.0f} after stet gc ({gc_seconds:.1f} s for "
              f"{revisions:,} revisions)")
        print(f"stet list of {args.articles:,} articles: {list_loose * 1000:.0f} ms with loose "
              f"refs, {list_packed * 1000:.0f} ms with packed refs")
    finally:
        daemon.terminate()
        daemon.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
