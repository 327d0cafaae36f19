#!/usr/bin/env python3
"""Start-up benchmark: whole stet commands against git's, timed by hyperfine
in the same run on the same machine, printed as ratios with their targets
(issue 19; docs/performance.md).

On an archive of the bundled sample (two revisions):

  stet --version          vs  git --version                    target 1.5x (wall)
  stet log ID             vs  git log -1 on the article's ref  target 2x   (wall)
  stet log URL            vs  stet log ID                      target 1.1x (wall)
  stet add FILE           CPU vs the same add in process       target 2x
                          (stet-bench-startup) + git log -1's CPU
  stet extract PAGE       CPU vs the same extraction in        target 2x
                          process + git log -1's CPU

Each pair is timed by hyperfine (-N: no shell between) in three rounds
with the commands' order rotated, so both sides see the same moments of
the machine; each figure is the median of its rounds' medians. `stet add`
alternates two texts, so that every run stores a revision.

  bench/startup/run.py --stet build/stet [--runs 120] [--check]

--check exits 1 when `stet log ID` takes more than 2.5x `git log -1` or
`stet --version` more than 2.5x `git --version`, in two measurements one
after the other (the CI guard: a ratio measured in the same run, not an
absolute time).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(ROOT, "examples", "vance-ukraine")
URL = "https://news.example.com/world/vance-ukraine"
GUARD = 2.5


def hyperfine(commands, runs, prepare=None, rounds=3):
    """Median wall and mean CPU (user + system) seconds of each command.

    hyperfine runs all of one command's runs before the next command's, so
    a change of the machine's load in between (in CI, the tail of the test
    run) lands on one side of a ratio. The runs are split into rounds with
    the commands' order rotated each round, and each command's figure is
    the median of its rounds' medians."""
    per_round = max(10, runs // rounds)
    walls = [[] for _ in commands]
    cpus = [[] for _ in commands]
    for r in range(rounds):
        order = [(i + r) % len(commands) for i in range(len(commands))]
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            argv = ["hyperfine", "-N", "--warmup", "5", "--runs", str(per_round), "--export-json", out.name]
            if prepare:
                argv += ["--prepare", prepare]
            subprocess.run(argv + [commands[i] for i in order], check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            results = json.load(open(out.name))["results"]
        for i, result in zip(order, results):
            walls[i].append(result["median"])
            cpus[i].append(result["user"] + result["system"])
    return [{"wall": statistics.median(w), "cpu": statistics.fmean(c)} for w, c in zip(walls, cpus)]


def page_of(text_path):
    """The sample revision as a news page with an absolute canonical link."""
    with open(text_path, encoding="utf-8") as f:
        paragraphs = [p.strip() for p in f.read().split("\n\n") if p.strip()]
    body = "\n".join(f"<p>{p.replace('&', '&amp;').replace('<', '&lt;')}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Vance: US could use sanctions | Example News</title>
<link rel="canonical" href="{URL}"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav><main><article>
<h1>Vance: US could use sanctions</h1><div class="byline">By Example Staff</div>
{body}</article></main><footer>Copyright Example News</footer></body></html>
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stet", default=os.path.join(ROOT, "build", "stet"))
    parser.add_argument("--runs", type=int, default=120)
    parser.add_argument("--check", action="store_true", help="exit 1 past the CI guard")
    args = parser.parse_args()
    stet = os.path.abspath(args.stet)
    in_process = os.path.join(os.path.dirname(stet), "stet-bench-startup")
    if not shutil.which("hyperfine"):
        sys.exit("hyperfine is missing: scripts/bootstrap.sh installs it")

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        archive = os.path.join(tmp, "archive")
        env_archive = ["--archive", archive]
        subprocess.run([stet, *env_archive, "init"], check=True, stdout=subprocess.DEVNULL)
        for number, at in ((1, "2025-02-14T10:00:00Z"), (2, "2025-02-14T18:00:00Z")):
            subprocess.run([stet, *env_archive, "add", os.path.join(SAMPLE, f"r{number}.txt"), "--url", URL,
                            "--at", at], check=True, stdout=subprocess.DEVNULL)
        log = json.loads(subprocess.run([stet, *env_archive, "log", URL, "--format", "json"], check=True,
                                        capture_output=True, text=True).stdout)
        article = log[0]["article"]
        ref = f"refs/stet/articles/{article}"

        # The two ratios the CI guard holds, by the commands they compare.
        guarded_commands = {
            "stet --version / git --version": [f"{stet} --version", "git --version"],
            "stet log ID / git log -1": [f"{stet} --archive {archive} log {article}",
                                         f"git -C {archive} log -1 {ref}"],
        }
        stet_version, git_version = hyperfine(guarded_commands["stet --version / git --version"], args.runs)
        rows.append(("stet --version / git --version", stet_version["wall"], git_version["wall"], 1.5))
        log_id, git_log, log_url = hyperfine(
            [*guarded_commands["stet log ID / git log -1"], f"{stet} --archive {archive} log {URL}"], args.runs)
        rows.append(("stet log ID / git log -1", log_id["wall"], git_log["wall"], 2.0))
        rows.append(("stet log URL / stet log ID", log_url["wall"], log_id["wall"], 1.1))

        # add: two texts swapped before every run, so that each run stores one.
        first, second = os.path.join(tmp, "first.txt"), os.path.join(tmp, "second.txt")
        shutil.copy(os.path.join(SAMPLE, "r2.txt"), first)
        shutil.copy(os.path.join(SAMPLE, "r3.txt"), second)
        swap = f"mv {first} {first}.t", f"mv {second} {first}", f"mv {first}.t {second}"
        add_archive = os.path.join(tmp, "add-archive")
        subprocess.run([stet, "--archive", add_archive, "init"], check=True, stdout=subprocess.DEVNULL)
        (add,) = hyperfine([f"{stet} --archive {add_archive} add {first} --url {URL}"], args.runs,
                           prepare=f"sh -c '{'; '.join(swap)}'")
        work_archive = os.path.join(tmp, "work-archive")
        subprocess.run([stet, "--archive", work_archive, "init"], check=True, stdout=subprocess.DEVNULL)
        add_work = json.loads(subprocess.run([in_process, "add", work_archive, first, second, URL, "40"],
                                             check=True, capture_output=True, text=True).stdout)["median_ms"] / 1000
        rows.append(("stet add FILE CPU / (in process + git log -1 CPU)", add["cpu"], add_work + git_log["cpu"], 2.0))

        page = os.path.join(tmp, "page.html")
        with open(page, "w", encoding="utf-8") as f:
            f.write(page_of(os.path.join(SAMPLE, "r2.txt")))
        (extract,) = hyperfine([f"{stet} extract {page}"], args.runs)
        extract_work = json.loads(subprocess.run([in_process, "extract", page, "40"], check=True,
                                                 capture_output=True, text=True).stdout)["median_ms"] / 1000
        rows.append(("stet extract PAGE CPU / (in process + git log -1 CPU)", extract["cpu"],
                     extract_work + git_log["cpu"], 2.0))
        in_process_rows = {"add in process": add_work, "extract in process": extract_work,
                           "git log -1 CPU": git_log["cpu"]}

        # The guard fails on a ratio past it twice, measured again at once:
        # a slow moment of the machine does not repeat, a regression does (a
        # CI run once measured `log ID` at 14.6 ms where three runs of the
        # bench right after it took 8.4-9.5 ms).
        past_guard = []
        for name, ours, theirs, _ in rows:
            if name in guarded_commands and ours / theirs > GUARD:
                ours_again, theirs_again = hyperfine(guarded_commands[name], args.runs)
                again = ours_again["wall"] / theirs_again["wall"]
                print(f"start-up guard: {name} is {ours / theirs:.2f}x, past {GUARD}x; "
                      f"measured again: {again:.2f}x", file=sys.stderr)
                if again > GUARD:
                    past_guard.append(name)

    print(f"{'comparison':<55} {'stet':>9} {'against':>9} {'ratio':>7} {'target':>7}")
    for name, ours, theirs, target in rows:
        ratio = ours / theirs
        print(f"{name:<55} {ours * 1000:>7.2f}ms {theirs * 1000:>7.2f}ms {ratio:>6.2f}x {target:>6.1f}x"
              f"{'' if ratio <= target else '  (over target)'}")
    for name, seconds in in_process_rows.items():
        print(f"  {name}: {seconds * 1000:.2f} ms")
    for name in past_guard:
        print(f"start-up guard: {name} is past {GUARD}x twice", file=sys.stderr)
    if args.check and past_guard:
        sys.exit(1)


if __name__ == "__main__":
    main()
