#!/usr/bin/env python3
"""Ingest benchmark: stet import against git fast-import and a NewsDiffs-style
`git add && git commit` loop, on the same corpus, in one run.

Builds a corpus of ARTICLES x REVISIONS news-like texts with realistic edits
(numbers corrected, words swapped, sentences inserted, removed and moved,
correction notices appended), then times:

  stet      `stet import corpus.jsonl` into a fresh archive
  fast      `git fast-import` of the same revisions, one commit each, one
            branch per article (the same shape as stet's archive)
  loop      one `git add FILE && git commit` per revision in one repository,
            as NewsDiffs stores articles

and the cost of listing one article's history (`Archive::Log`, in process,
and `stet log`, as a command) in an archive of 10 articles and in one of
10,000. Prints the times and ratios. Usage:

  bench/ingest/run.py --stet build/stet [--articles 200] [--revisions 10]
"""
import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

WORDS = ("the government said on Thursday that officials would review the proposal after "
         "a meeting with allies in Brussels where ministers discussed sanctions energy prices "
         "troops aid budget election court ruling police investigation hospital school council "
         "company shares market inflation report spokesman minister president senator mayor").split()
NAMES = ["Vance", "Hegseth", "Rubio", "Zelensky", "Kellogg", "Putin", "Merkel", "Macron", "Scholz", "Sunak"]
PLACES = ["Brussels", "Munich", "Kyiv", "Moscow", "Washington", "Berlin", "Paris", "London"]


def sentence(rng):
    n = rng.randint(12, 30)
    words = [rng.choice(WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    pos = rng.randrange(1, n)
    words.insert(pos, str(rng.randint(2, 950)))
    if rng.random() < 0.5:
        return f"\u201c{' '.join(words)},\u201d {rng.choice(NAMES)} told reporters in {rng.choice(PLACES)}."
    return " ".join(words) + "."


def edit(paragraphs, rng):
    """One realistic edit of an article held as a list of paragraphs."""
    kind = rng.choice(["number", "word", "insert", "remove", "move", "correction", "extend"])
    i = rng.randrange(len(paragraphs))
    if kind == "number":
        words = paragraphs[i].split(" ")
        digits = [k for k, w in enumerate(words) if w.isdigit()]
        k = rng.choice(digits) if digits else rng.randrange(len(words))
        words[k] = str(rng.randint(2, 950))
        paragraphs[i] = " ".join(words)
    elif kind == "word":
        words = paragraphs[i].split(" ")
        words[rng.randrange(len(words))] = rng.choice(WORDS)
        paragraphs[i] = " ".join(words)
    elif kind == "insert":
        paragraphs.insert(i, sentence(rng) + " " + sentence(rng))
    elif kind == "remove" and len(paragraphs) > 3:
        del paragraphs[i]
    elif kind == "move" and len(paragraphs) > 3:
        paragraphs.insert(rng.randrange(len(paragraphs)), paragraphs.pop(i))
    elif kind == "correction":
        paragraphs.append(f"Correction: An earlier version of this article misstated the number of {rng.choice(WORDS)}.")
    else:
        paragraphs[i] += " " + sentence(rng)


def build_corpus(articles, revisions, seed):
    """Returns revisions in fetch order: round r holds revision r of every article."""
    rng = random.Random(seed)
    texts = []
    for a in range(articles):
        paragraphs = [" ".join(sentence(rng) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(8, 16))]
        history = []
        for r in range(revisions):
            if r:
                for _ in range(rng.randint(1, 3)):
                    edit(paragraphs, rng)
            history.append("\n\n".join(paragraphs) + "\n")
        texts.append(history)
    base = 1739455200  # 2025-02-13T14:00:00Z
    out = []
    for r in range(revisions):
        for a in range(articles):
            when = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(base + r * 3600 + a))
            out.append({"url": f"https://news.example.com/world/story-{a:05d}", "fetched_at": when,
                        "title": f"Story {a}", "text": texts[a][r], "article": a, "epoch": base + r * 3600 + a})
    return out


def write_jsonl(path, corpus):
    with open(path, "w", encoding="utf-8") as f:
        for rev in corpus:
            f.write(json.dumps({k: rev[k] for k in ("url", "fetched_at", "title", "text")}, ensure_ascii=False) + "\n")


def write_fast_import(path, corpus):
    with open(path, "wb") as f:
        for mark, rev in enumerate(corpus, 1):
            text = rev["text"].encode()
            msg = f"{rev['title']}\n\nStet-Url: {rev['url']}\n".encode()
            f.write(f"commit refs/heads/a{rev['article']:05d}\nmark :{mark}\n".encode())
            f.write(f"author stet <stet@localhost> {rev['epoch']} +0000\n".encode())
            f.write(f"committer stet <stet@localhost> {rev['epoch']} +0000\n".encode())
            f.write(b"data %d\n%s\n" % (len(msg), msg))
            f.write(b"M 100644 inline text.txt\ndata %d\n%s\n" % (len(text), text))


def timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def run(cmd, **kw):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, **kw)


def median_command_seconds(cmd, rounds):
    samples = []
    for _ in range(rounds):
        samples.append(timed(lambda: run(cmd)))
    return statistics.median(samples)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stet", default="build/stet")
    parser.add_argument("--bench-log", default=None, help="stet-bench-log binary (default: beside --stet)")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--revisions", type=int, default=10)
    parser.add_argument("--big", type=int, default=10000, help="articles in the large archive for the log test")
    parser.add_argument("--loop-revisions", type=int, default=0,
                        help="time the commit loop on this many revisions only and scale (0: all)")
    parser.add_argument("--rounds", type=int, default=5, help="runs of stet and fast-import; medians are compared")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    stet = os.path.abspath(args.stet)
    bench_log = os.path.abspath(args.bench_log or os.path.join(os.path.dirname(stet), "stet-bench-log"))
    work = tempfile.mkdtemp(prefix="stet-bench-ingest-")
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", HOME=work, GIT_AUTHOR_NAME="stet",
               GIT_AUTHOR_EMAIL="stet@localhost", GIT_COMMITTER_NAME="stet", GIT_COMMITTER_EMAIL="stet@localhost")
    try:
        corpus = build_corpus(args.articles, args.revisions, args.seed)
        megabytes = sum(len(r["text"].encode()) for r in corpus) / 1e6
        print(f"corpus: {args.articles} articles x {args.revisions} revisions = {len(corpus)} texts, {megabytes:.1f} MB")
        jsonl = os.path.join(work, "corpus.jsonl")
        stream = os.path.join(work, "corpus.fi")
        write_jsonl(jsonl, corpus)
        write_fast_import(stream, corpus)

        # stet and fast-import alternate, each round into a fresh repository;
        # the file system's state moves both, so medians are compared.
        # `stet import --no-rate` stores what fast-import stores; plain `stet
        # import` also rates each revision against the one before (the
        # materiality log, list and report show), work fast-import does not do.
        stet_times, fast_times, rated_times = [], [], []
        for round_number in range(args.rounds):
            archive = os.path.join(work, "archive")
            fast = os.path.join(work, "fast.git")
            shutil.rmtree(archive, ignore_errors=True)
            shutil.rmtree(fast, ignore_errors=True)
            run([stet, "--archive", archive, "init"])
            rated_times.append(timed(lambda: run([stet, "--archive", archive, "import", jsonl])))
            shutil.rmtree(archive, ignore_errors=True)
            run([stet, "--archive", archive, "init"])
            stet_times.append(timed(lambda: run([stet, "--archive", archive, "import", "--no-rate", jsonl])))
            run(["git", "init", "-q", "--bare", fast], env=env)
            with open(stream, "rb") as f:
                fast_times.append(timed(lambda: run(["git", "--git-dir", fast, "fast-import", "--quiet"], stdin=f, env=env)))
        t_stet, t_fast = statistics.median(stet_times), statistics.median(fast_times)

        loop = os.path.join(work, "loop")
        run(["git", "init", "-q", loop], env=env)
        subset = corpus[: args.loop_revisions] if args.loop_revisions else corpus

        def commit_loop():
            for rev in subset:
                name = f"story-{rev['article']:05d}.txt"
                with open(os.path.join(loop, name), "w", encoding="utf-8") as f:
                    f.write(rev["text"])
                run(["git", "-C", loop, "add", name], env=env)
                # Exits 1 when the text did not change: nothing to commit, as stet stores nothing.
                subprocess.run(["git", "-C", loop, "commit", "-q", "-m", rev["title"], "--date", str(rev["epoch"])],
                               env=env, stdout=subprocess.DEVNULL)

        t_loop = timed(commit_loop) * len(corpus) / len(subset)

        sizes = {}
        for name, path in (("stet", archive), ("fast-import", fast), ("commit loop", os.path.join(loop, ".git"))):
            out = subprocess.run(["du", "-sk", path], capture_output=True, text=True).stdout.split()[0]
            sizes[name] = int(out) / 1024
        fsck = subprocess.run(["git", "--git-dir", archive, "fsck", "--strict", "--no-progress"],
                              capture_output=True, text=True)
        print(f"median of {args.rounds} runs (stet: {min(stet_times):.3f}-{max(stet_times):.3f} s, "
              f"fast-import: {min(fast_times):.3f}-{max(fast_times):.3f} s)")
        t_rated = statistics.median(rated_times)
        print(f"stet import (rated): {t_rated:7.3f} s   {len(corpus) / t_rated:8.0f} revisions/s  (each revision's materiality computed and stored)")
        print(f"stet import --no-rate: {t_stet:5.3f} s   {len(corpus) / t_stet:8.0f} revisions/s  {sizes['stet']:6.1f} MiB"
              f"  (git fsck --strict: {'ok' if fsck.returncode == 0 else 'FAILED'})")
        print(f"git fast-import:    {t_fast:8.3f} s   {len(corpus) / t_fast:8.0f} revisions/s  {sizes['fast-import']:6.1f} MiB")
        scaled = " (scaled from %d)" % len(subset) if len(subset) != len(corpus) else ""
        print(f"git add+commit loop:{t_loop:8.3f} s   {len(corpus) / t_loop:8.0f} revisions/s  "
              f"{sizes['commit loop']:6.1f} MiB{scaled}")
        print(f"ratio stet / fast-import:  {t_stet / t_fast:.2f}x the time (target <= 1.0); "
              f"per round: {', '.join(f'{a / b:.2f}' for a, b in zip(stet_times, fast_times))}")
        print(f"ratio commit loop / stet:  {t_loop / t_stet:.1f}x faster (target >= 30)")

        # History listing: the same 10-revision article in a small and a large archive.
        target = "https://news.example.com/world/story-00000"
        results = {}
        for label, count in (("small", 10), ("large", args.big)):
            path = os.path.join(work, f"log-{label}")
            run([stet, "--archive", path, "init"])
            lines = os.path.join(work, f"log-{label}.jsonl")
            with open(lines, "w", encoding="utf-8") as f:
                for rev in corpus:
                    if rev["article"] == 0:
                        f.write(json.dumps({"url": target, "fetched_at": rev["fetched_at"], "text": rev["text"]}) + "\n")
                for a in range(1, count):
                    f.write(json.dumps({"url": f"https://news.example.com/other/{a:06d}",
                                        "fetched_at": "2025-02-13T14:00:00Z",
                                        "text": f"Article {a}. " + corpus[a % len(corpus)]["text"][:400]}) + "\n")
            run([stet, "--archive", path, "import", lines])
            inproc = subprocess.run([bench_log, path, target, "500"], capture_output=True, text=True, check=True)
            micros = float(inproc.stdout.split()[0].split("=")[1])
            command = median_command_seconds([stet, "--archive", path, "log", target], 30)
            results[label] = (count, micros, command)
        (small_n, small_us, small_cmd), (large_n, large_us, large_cmd) = results["small"], results["large"]
        print(f"log of one 10-revision article, archive of {small_n} articles:  {small_us:8.1f} us in process, "
              f"{small_cmd * 1000:6.2f} ms as `stet log`")
        print(f"log of one 10-revision article, archive of {large_n} articles: {large_us:8.1f} us in process, "
              f"{large_cmd * 1000:6.2f} ms as `stet log`")
        print(f"ratio large / small archive: {large_us / small_us:.2f}x in process, {large_cmd / small_cmd:.2f}x as a command"
              " (target <= 2)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
