#!/usr/bin/env python3
"""Review server benchmark: requests per second and p99 latency of `stet
serve` over an archive of 10,000 articles, measured by ApacheBench (`ab`,
Debian's apache2-utils) on 127.0.0.1.

    bench/serve/run.py --stet build/stet [--articles 10000] [--changed 200]
                       [--requests 300] [--concurrency 2]

The archive: ARTICLES articles first stored 30 days ago, CHANGED of them
revised an hour ago (a number corrected, a quote re-attributed, a denial
reversed: real analysis work). Pages timed:

  recent     /               the recent changes (the last 7 days: CHANGED
                             articles compared, most material first)
  compare    /a/ID/compare/1/2  one article's comparison, with its quotes'
                             histories

Each is requested once to warm the server (the first recent changes page
analyses every changed article once; later ones take the comparisons from
the server's cache), then REQUESTS times with CONCURRENCY at once. For
scale, the same page made by a fresh process: `stet report --format html`
and `stet diff --format html`, timed with hyperfine, whose every run
analyses from scratch.
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
import urllib.request

PARAGRAPHS = [
    "The council of {place} met on Monday to discuss the budget for the coming year.",
    "Officials said the plan would cost {amount} million dollars over five years.",
    "\"We will not raise taxes this year,\" said Mayor {name} after the meeting.",
    "The mayor did not rule out cuts to the library service, according to the clerk.",
    "Residents asked about parking near the station, and the clerk answered every question.",
    "A vote is expected next month, after a second public hearing at the town hall.",
]
NAMES = ["Ana Ruiz", "Tom Okafor", "Lena Brandt", "Sam Whitcombe", "Ines Barto", "Kofi Mensah"]


def article_text(k, revised):
    rng = random.Random(k)
    place, name = f"Ward {k}", rng.choice(NAMES)
    amount = rng.randint(2, 90)
    text = " ".join(p.format(place=place, amount=amount, name=name) for p in PARAGRAPHS)
    text += "\n\n" + " ".join(f"Paragraph {j} of the report on {place} adds detail number {rng.randint(1, 999)}."
                              for j in range(12))
    if revised:
        text = text.replace(f"{amount} million", f"{amount + 3} million")
        text = text.replace("did not rule out", "ruled out")
        other = NAMES[(NAMES.index(name) + 1) % len(NAMES)]
        text = text.replace(f"said Mayor {name}", f"said Deputy Mayor {other}")
    return text + "\n"


def stamp(seconds):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


def ab(url, requests, concurrency):
    """ApacheBench's requests per second and latency percentiles (ms)."""
    out = subprocess.run(["ab", "-q", "-n", str(requests), "-c", str(concurrency), url],
                         capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests per second:\s+([\d.]+)", out).group(1))
    failed = int(re.search(r"Failed requests:\s+(\d+)", out).group(1))
    percent = dict((int(p), int(ms)) for p, ms in re.findall(r"^\s+(\d+)%\s+(\d+)", out, re.M))
    return rps, percent.get(50), percent.get(99), failed


def hyperfine(command, runs):
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run(["hyperfine", "-N", "--runs", str(runs), "--warmup", "1", "--export-json", report.name,
                        command], capture_output=True, check=True)
        result = json.load(open(report.name))["results"][0]
    return result["median"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stet", default="build/stet")
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--changed", type=int, default=200)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=2)
    args = parser.parse_args()
    for tool in ("ab", "hyperfine"):
        if shutil.which(tool) is None:
            sys.exit(f"bench/serve: {tool} not found (apt-get install apache2-utils hyperfine)")
    stet = os.path.abspath(args.stet)
    work = tempfile.mkdtemp(prefix="stet-bench-serve-")
    server = None
    try:
        archive = os.path.join(work, "archive")
        subprocess.run([stet, "--archive", archive, "init"], check=True, capture_output=True)
        now = int(time.time())
        lines = os.path.join(work, "corpus.jsonl")
        with open(lines, "w") as f:
            for k in range(args.articles):
                f.write(json.dumps({"url": f"https://news.example.com/story-{k}", "fetched_at": stamp(now - 30 * 86400),
                                    "text": article_text(k, False), "title": f"Council of Ward {k} meets"}) + "\n")
            for k in range(args.changed):
                f.write(json.dumps({"url": f"https://news.example.com/story-{k}", "fetched_at": stamp(now - 3600),
                                    "text": article_text(k, True), "title": f"Council of Ward {k} meets"}) + "\n")
        started = time.time()
        subprocess.run([stet, "--archive", archive, "import", lines], check=True, capture_output=True)
        print(f"archive: {args.articles} articles, {args.changed} revised in the last 7 days "
              f"(imported in {time.time() - started:.1f} s)")
        log = json.loads(subprocess.run([stet, "--archive", archive, "log", "https://news.example.com/story-0",
                                         "--format", "json"], capture_output=True, text=True, check=True).stdout)
        article = log[0]["article"]

        server = subprocess.Popen([stet, "--archive", archive, "serve", "--port", "0"], stdout=subprocess.PIPE, text=True)
        port = re.search(r"127\.0\.0\.1:(\d+)/", server.stdout.readline()).group(1)
        base = f"http://127.0.0.1:{port}"
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        pages = [("recent changes", "/"), ("comparison", f"/a/{article}/compare/1/2")]
        print(f"{'page':16} {'first':>9} {'req/s':>8} {'p50':>6} {'p99':>6}  (ab -n {args.requests} -c {args.concurrency})")
        results = {}
        for name, path in pages:
            started = time.time()
            opener.open(base + path).read()
            first = time.time() - started
            rps, p50, p99, failed = ab(base + path, args.requests, args.concurrency)
            results[name] = (first, rps, p99)
            print(f"{name:16} {first * 1000:7.0f}ms {rps:8.1f} {p50:4d}ms {p99:4d}ms" + (f"  FAILED {failed}" if failed else ""))
        report_cli = hyperfine(f"{stet} --archive {archive} report --since 7d --format html", 3)
        diff_cli = hyperfine(f"{stet} --archive {archive} diff {article} 1 2 --format html", 10)
        print(f"fresh process:   stet report --format html {report_cli * 1000:.0f} ms, "
              f"stet diff --format html {diff_cli * 1000:.0f} ms (hyperfine medians)")
        print(f"ratio served p99 / fresh process: recent changes {results['recent changes'][2] / 1000 / report_cli:.3f}x, "
              f"comparison {results['comparison'][2] / 1000 / diff_cli:.3f}x")
    finally:
        if server is not None:
            server.terminate()
            server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
