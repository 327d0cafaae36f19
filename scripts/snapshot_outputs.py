#!/usr/bin/env python3
"""Writes what stet prints for the sample and for every page and text of the
evaluation data, so that a refactor can prove it changed no behaviour.

    scripts/snapshot_outputs.py --out /tmp/before            # before the change
    scripts/snapshot_outputs.py --out /tmp/after --compare /tmp/before

Each input gets one file holding, for every command run on it, the command,
its exit code, its standard output and its standard error:
- the sample (examples/vance-ukraine): archived with fixed times, then
  `diff` (text, json, md) of every pair of revisions, `diff --files`,
  `quotes` (text, json) of each revision and `--history`, `log`, `show`,
  `analyze` (text, json) of each revision;
- every HTML page of the data folder (mozilla-readability, trafilatura-eval,
  newspaper-fulltext, goose3-content; gzipped pages are unpacked first):
  `extract` (text, json), `analyze --format json` of the extracted text, and
  `diff --files` (json, text, md) of the extracted text against the data set's own
  text where it has one (mozilla's expected.html extracted, newspaper's
  text/);
- every text of pysbd-golden-en and textacy-quotes: `analyze --format json`.

With --compare it exits 1 and lists the inputs whose outputs differ.
--sample-only writes the sample's alone: CTest's outputs_unchanged_sample
compares it with tests/golden/snapshot (regenerate with
`scripts/snapshot_outputs.py --sample-only --out tests/golden/snapshot`
when an output is meant to change).
"""

import argparse
import concurrent.futures
import filecmp
import gzip
import hashlib
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent


def run(stet, args, cwd):
    """stet with `args` in `cwd`: files are named relative to it, so that no
    temporary path reaches the outputs."""
    return subprocess.run([stet] + args, capture_output=True, cwd=cwd,
                          env=dict(os.environ, STET_ARCHIVE="archive"))


def record(lines, stet, args, cwd):
    completed = run(stet, args, cwd)
    lines.append(b"$ stet " + " ".join(args).encode() + b"\n")
    lines.append(b"exit " + str(completed.returncode).encode() + b"\n")
    lines.append(b"--- stdout\n" + completed.stdout + b"\n--- stderr\n" + completed.stderr + b"\n")
    return completed


def sample_outputs(stet, work):
    """The sample archived and compared as the demo and the tests use it."""
    sample = work / "sample"
    shutil.copytree(ROOT / "examples" / "vance-ukraine", sample)
    cwd = sample
    url = "https://news.example.com/world/vance-ukraine"
    lines = []
    record(lines, stet, ["init"], cwd)
    times = ["2025-02-13T14:05:00Z", "2025-02-13T18:40:00Z", "2025-02-15T09:10:00Z"]
    for number, when in enumerate(times, start=1):
        record(lines, stet, ["add", f"r{number}.txt", "--url", url, "--at", when,
                             "--title", f"Revision {number}"], cwd)
    for a, b in [("1", "2"), ("2", "3"), ("1", "3")]:
        for fmt in ["text", "json", "md"]:
            record(lines, stet, ["diff", url, a, b, "--format", fmt, "--color", "never"], cwd)
        record(lines, stet, ["diff", "--files", f"r{a}.txt", f"r{b}.txt",
                             "--format", "json"], cwd)
    for number in ["1", "2", "3"]:
        for fmt in ["text", "json"]:
            record(lines, stet, ["quotes", f"{url}@{number}", "--format", fmt], cwd)
            record(lines, stet, ["analyze", f"r{number}.txt", "--format", fmt], cwd)
        record(lines, stet, ["show", f"{url}@{number}"], cwd)
    record(lines, stet, ["quotes", url, "--history", "blinders on", "--format", "json"], cwd)
    log = record(lines, stet, ["log", url, "--format", "json"], cwd)
    # A commit records when it was written (committer time), so its id
    # differs from run to run: ids and their short forms become "<commit N>".
    output = b"".join(lines)
    if log.returncode == 0:
        for revision in json.loads(log.stdout):
            commit = revision["commit"].encode()
            placeholder = f"<commit {revision['number']}>".encode()
            # The whole id, then the 12 digits Markdown and HTML show, then 7.
            for length in (40, 12, 7):
                output = output.replace(commit[:length], placeholder)
    return output


def page_outputs(stet, page, gold, scratch):
    """extract, analyze and diff of one HTML page (gzipped or not)."""
    source = scratch / "page.html"
    data = page.read_bytes()
    if page.suffix == ".gz":
        data = gzip.decompress(data)
    source.write_bytes(data)
    cwd = scratch
    lines = []
    record(lines, stet, ["extract", "page.html"], cwd)
    extracted = record(lines, stet, ["extract", "page.html", "--format", "json"], cwd)
    if extracted.returncode != 0:
        return b"".join(lines)
    text = json.loads(extracted.stdout)["text"]
    text_file = scratch / "text.txt"
    text_file.write_text(text, encoding="utf-8")
    record(lines, stet, ["analyze", "text.txt", "--format", "json"], cwd)
    if gold is not None:
        gold_file = scratch / "gold.txt"
        if gold.name == "expected.html":
            gold_json = run(stet, ["extract", str(gold), "--format", "json"], scratch)
            if gold_json.returncode != 0:
                return b"".join(lines)
            gold_file.write_text(json.loads(gold_json.stdout)["text"], encoding="utf-8")
        else:
            shutil.copyfile(gold, gold_file)
        for fmt in ("json", "text", "md"):
            record(lines, stet, ["diff", "--files", "gold.txt", "text.txt", "--format", fmt,
                                 "--color", "never"], cwd)
    return b"".join(lines)


def text_outputs(stet, texts, scratch):
    """analyze of each of a list of short texts."""
    lines = []
    text_file = scratch / "text.txt"
    for text in texts:
        text_file.write_text(text, encoding="utf-8")
        record(lines, stet, ["analyze", "text.txt", "--format", "json"], scratch)
    return b"".join(lines)


def pages_of(data):
    """(name, page, gold text or None) for every HTML page in the data folder."""
    pages = []
    mozilla = data / "mozilla-readability" / "test-pages"
    for case in sorted(mozilla.iterdir()) if mozilla.is_dir() else []:
        expected = case / "expected.html"
        pages.append((f"mozilla/{case.name}", case / "source.html",
                      expected if expected.exists() else None))
    newspaper = data / "newspaper-fulltext"
    for page in sorted((newspaper / "html").glob("*.html*")) if newspaper.is_dir() else []:
        stem = page.name.split(".html")[0]
        gold = newspaper / "text" / f"{stem}.txt"
        pages.append((f"newspaper/{stem}", page, gold if gold.exists() else None))
    for folder, name in [("trafilatura-eval/html", "trafilatura"), ("goose3-content/cases", "goose3")]:
        for page in sorted((data / folder).glob("*.html*")) if (data / folder).is_dir() else []:
            pages.append((f"{name}/{page.name.split('.html')[0]}", page, None))
    return pages


def texts_of(data):
    """(name, [text, ...]) for the sentence and quote sets."""
    sets = []
    sbd = data / "pysbd-golden-en" / "english_sbd_cases.json"
    if sbd.exists():
        for set_name, cases in json.loads(sbd.read_text())["sets"].items():
            sets.append((f"pysbd/{set_name}", [case["text"] for case in cases]))
    quotes = data / "textacy-quotes" / "direct_quotations.json"
    if quotes.exists():
        for language, cases in json.loads(quotes.read_text())["cases"].items():
            sets.append((f"textacy/{language}", [case["text"] for case in cases]))
    return sets


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stet", default=str(ROOT / "build" / "stet"))
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--out", required=True, help="folder to write the outputs to (replaced)")
    parser.add_argument("--compare", help="a folder written before: list what differs, exit 1 if any")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--sample-only", action="store_true",
                        help="only the sample (CI compares it with tests/golden/snapshot)")
    args = parser.parse_args()

    stet = str(pathlib.Path(args.stet).resolve())
    data = pathlib.Path(args.data).resolve()
    out = pathlib.Path(args.out)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)

    def write(name, content):
        target = out / (name + ".out")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)

    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        write("sample/vance-ukraine", sample_outputs(stet, tmp))

        def one_page(job):
            index, (name, page, gold) = job
            scratch = tmp / f"page-{index}"
            scratch.mkdir()
            write(name, page_outputs(stet, page, gold, scratch))

        def one_set(job):
            index, (name, texts) = job
            scratch = tmp / f"set-{index}"
            scratch.mkdir()
            write(name, text_outputs(stet, texts, scratch))

        pages = [] if args.sample_only else pages_of(data)
        sets = [] if args.sample_only else texts_of(data)
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            list(pool.map(one_page, enumerate(pages)))
            list(pool.map(one_set, enumerate(sets)))

    files = sorted(p.relative_to(out) for p in out.rglob("*.out"))
    digest = hashlib.sha256()
    for name in files:
        digest.update(str(name).encode() + b"\0" + (out / name).read_bytes())
    print(f"snapshot: {len(files)} inputs ({len(pages)} pages, {len(sets)} text sets, the sample) "
          f"in {out}, sha256 {digest.hexdigest()[:16]}")

    if args.compare:
        before = pathlib.Path(args.compare)
        before_files = sorted(p.relative_to(before) for p in before.rglob("*.out"))
        differ = [str(n) for n in files if not (before / n).exists()
                  or not filecmp.cmp(out / n, before / n, shallow=False)]
        differ += [f"{n} (missing now)" for n in before_files if not (out / n).exists()]
        if differ:
            print(f"compare: {len(differ)} of {len(files)} differ from {before}:")
            for name in differ:
                print(f"  {name}")
            sys.exit(1)
        print(f"compare: all {len(files)} byte-identical to {before}")


if __name__ == "__main__":
    main()
