#!/usr/bin/env python3
"""Fetch benchmark: what `stet add URL` costs per article on a schedule, against
the curl command line fetching the same page from the same local server.

Serves the sample article (scripts/sample_site.py, a real HTTP server on
127.0.0.1) and times, in interleaved rounds:

  curl        `curl -s -o /dev/null URL` (the peer: a bare fetch, no parsing)
  extract     `stet extract URL` (fetch + decode + extract, nothing stored)
  add-304     `stet add URL` when the server answers 304 to the stored ETag
  add-same    `stet add URL` when the page is re-sent with new boilerplate
              (no ETag): fetch, extract, compare, nothing stored
  add-new     `stet add URL` storing a new revision (a fresh archive each time)

Prints medians and ratios to curl. Usage:

  bench/fetch/run.py --stet build/stet [--rounds 15]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def start_site(tmp, name, no_etag):
    port_file = os.path.join(tmp, name)
    env = dict(os.environ)
    if no_etag:
        env["STET_SAMPLE_NO_ETAG"] = "1"
    process = subprocess.Popen(
        [sys.executable, os.path.join(ROOT, "scripts", "sample_site.py"),
         os.path.join(ROOT, "examples", "vance-ukraine"), port_file], env=env)
    for _ in range(200):
        if os.path.exists(port_file) and open(port_file).read().strip():
            break
        time.sleep(0.02)
    with open(port_file + ".current", "w") as f:
        f.write("3")
    port = open(port_file).read().strip()
    return process, f"http://127.0.0.1:{port}/world/vance-ukraine"


def timed(argv):
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stet", required=True)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    stet = os.path.abspath(args.stet)
    tmp = tempfile.mkdtemp(prefix="stet-bench-fetch-")
    etag_site, etag_url = start_site(tmp, "etag", False)
    plain_site, plain_url = start_site(tmp, "plain", True)
    try:
        etag_archive = os.path.join(tmp, "etag-archive")
        plain_archive = os.path.join(tmp, "plain-archive")
        for archive, url in ((etag_archive, etag_url), (plain_archive, plain_url)):
            subprocess.run([stet, "--archive", archive, "init"], check=True, stdout=subprocess.DEVNULL)
            subprocess.run([stet, "--archive", archive, "add", url], check=True,
                           stdout=subprocess.DEVNULL)
        times = {name: [] for name in ("curl", "extract", "add-304", "add-same", "add-new")}
        for round_number in range(args.rounds):
            times["curl"].append(timed(["curl", "-s", "-o", "/dev/null", etag_url]))
            times["extract"].append(timed([stet, "extract", etag_url]))
            times["add-304"].append(timed([stet, "--archive", etag_archive, "add", etag_url]))
            times["add-same"].append(timed([stet, "--archive", plain_archive, "add", plain_url]))
            fresh = os.path.join(tmp, f"fresh-{round_number}")
            subprocess.run([stet, "--archive", fresh, "init"], check=True, stdout=subprocess.DEVNULL)
            times["add-new"].append(timed([stet, "--archive", fresh, "add", etag_url]))
        base = statistics.median(times["curl"])
        print(f"{'command':<10} {'median ms':>10} {'x curl':>8}   (rounds: {args.rounds})")
        for name, values in times.items():
            median = statistics.median(values)
            print(f"{name:<10} {median:>10.2f} {median / base:>8.2f}")
    finally:
        etag_site.terminate()
        plain_site.terminate()
        etag_site.wait()
        plain_site.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
