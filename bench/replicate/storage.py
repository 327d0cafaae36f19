#!/usr/bin/env python3
"""What a day of revisions costs on disk, measured on generated pages:
ARTICLES article pages (about 30 KB of HTML each: site chrome, scripts and
the article) x REVISIONS revisions, each revision changing a sentence, stored
through `stet import` (each page extracted and kept with its text, as `stet
run` keeps them), then packed by `stet gc`. Prints objects and bytes per
revision as stored and after gc, and the time gc took.

Usage: bench/replicate/storage.py --stet build/stet [--articles 1000] [--revisions 5]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import article_text, size_of  # noqa: E402

CHROME = "".join(
    f"<li><a href='/section/{i}'>Section {i}</a> <span class='teaser'>Read the latest from "
    f"section {i}: reports, analysis and opinion from our correspondents.</span></li>\n"
    for i in range(60))
SCRIPT = "<script>" + "".join(
    f"window.cfg{i} = {{slot: 'ad-{i}', sizes: [[300, 250], [728, 90]], lazy: true}};\n"
    for i in range(80)) + "</script>"


def page(article, revision):
    paragraphs = "".join(f"<p>{line}</p>\n" for line in article_text(article, revision).split("\n")
                         if line)
    return (f"<!DOCTYPE html><html><head><title>Story {article}</title>{SCRIPT}</head><body>"
            f"<nav><ul>{CHROME}</ul></nav><main><article><h1>Story {article}</h1>\n"
            f"<p class='byline'>By Dana Whitcombe</p>\n{paragraphs}</article></main>"
            f"<footer><ul>{CHROME}</ul><p>Revision served at build {revision * 7919}</p></footer>"
            f"</body></html>\n")


def count_objects(archive):
    out = subprocess.run(["git", "--git-dir", archive, "count-objects", "-v"], check=True,
                         capture_output=True, text=True).stdout
    fields = dict(line.split(": ") for line in out.strip().split("\n"))
    return int(fields["count"]) + int(fields["in-pack"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stet", required=True)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--revisions", type=int, default=5)
    args = parser.parse_args()
    stet = os.path.abspath(args.stet)
    work = tempfile.mkdtemp(prefix="stet-storage-")
    try:
        archive = os.path.join(work, "archive")
        subprocess.run([stet, "--archive", archive, "init"], check=True, stdout=subprocess.DEVNULL)
        batch = os.path.join(work, "pages.jsonl")
        html_bytes = 0
        with open(batch, "w") as out:
            for revision in range(args.revisions):
                for article in range(args.articles):
                    html = page(article, revision)
                    html_bytes += len(html)
                    out.write(json.dumps({
                        "url": f"https://news{article % 20}.example.com/story/{article}",
                        "fetched_at": f"2026-03-{1 + revision:02d}T08:00:00Z",
                        "html": html}) + "\n")
        started = time.time()
        subprocess.run([stet, "--archive", archive, "import", batch], check=True,
                       stdout=subprocess.DEVNULL)
        imported = time.time() - started
        revisions = args.articles * args.revisions
        stored, objects = size_of(archive + "/objects"), count_objects(archive)
        started = time.time()
        subprocess.run([stet, "--archive", archive, "gc"], check=True, stdout=subprocess.DEVNULL)
        gc_seconds = time.time() - started
        packed = size_of(archive + "/objects")
        print(f"{revisions:,} page revisions ({html_bytes / revisions / 1000:.1f} KB of HTML each), "
              f"imported in {imported:.1f} s")
        print(f"objects per revision: {objects / revisions:.1f}")
        print(f"bytes per revision: {stored / revisions:,.0f} as stored, "
              f"{packed / revisions:,.0f} after stet gc ({gc_seconds:.1f} s)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
