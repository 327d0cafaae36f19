#!/usr/bin/env python3
"""Validates the real --format json outputs of stet against docs/schema/.

    validate_outputs.py STET_BINARY SCHEMA_DIR SAMPLE_DIR WORK_DIR

Archives the sample article's three revisions, a saved page and a hostile
title, then checks `diff` (revisions and --files), `analyze`, `log`, `list`,
`extract`, `report` and the review server's mirrors of them where it has
one, each against its schema (python3-jsonschema). A schema that accepts
anything proves nothing: each is also shown an output with a required field
taken away, which it must refuse. Exits 1 naming every failure.
"""

import copy
import json
import os
import pathlib
import shutil
import subprocess
import sys

import jsonschema

stet, schema_dir, sample, work = sys.argv[1:5]
schema_dir, sample, work = pathlib.Path(schema_dir), pathlib.Path(sample), pathlib.Path(work)
shutil.rmtree(work, ignore_errors=True)
work.mkdir(parents=True)
archive = work / "archive"
failures = []


def run(*args):
    done = subprocess.run([stet, "--archive", str(archive), *args], capture_output=True, text=True)
    if done.returncode != 0:
        failures.append(f"stet {' '.join(args)}: exit {done.returncode}: {done.stderr.strip()}")
        return None
    return json.loads(done.stdout)


def validator(name):
    schema = json.loads((schema_dir / f"{name}.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def check(name, output, what):
    if output is None:
        return
    errors = sorted(validator(name).iter_errors(output), key=lambda e: list(e.path))
    for error in errors[:5]:
        failures.append(f"{what}: {'/'.join(map(str, error.path))}: {error.message[:200]}")
    print(f"{'ok  ' if not errors else 'FAIL'} {what} against docs/schema/{name}.json")


def refuses_without(name, output, path, what):
    """The schema must refuse `output` with the field at `path` removed."""
    broken = copy.deepcopy(output)
    holder = broken
    for key in path[:-1]:
        holder = holder[key]
    del holder[path[-1]]
    if validator(name).is_valid(broken):
        failures.append(f"docs/schema/{name}.json accepts {what} without {'/'.join(map(str, path))}")
    else:
        print(f"ok   docs/schema/{name}.json refuses {what} without {'/'.join(map(str, path))}")


subprocess.run([stet, "--archive", str(archive), "init"], check=True, capture_output=True)
url = "https://news.example.com/vance-ukraine"
for number, when in ((1, "2025-02-13T14:05:00Z"), (2, "2025-02-13T18:40:00Z"), (3, "2025-02-15T09:10:00Z")):
    run("add", str(sample / f"r{number}.txt"), "--url", url, "--at", when, "--title",
        "Vance <b>says</b> \"troops\" & more", "--format", "json")
page = work / "page.html"
page.write_text("<html><head><title>Council votes</title><meta name=\"author\" content=\"Dana Whitcombe\">"
                "</head><body><article><h1>Council votes</h1><p>The council voted 5-4 on Monday to approve "
                "the budget, officials said. The mayor did not attend the meeting.</p><p>Residents asked "
                "about parking and the clerk answered every question.</p></article></body></html>")

diff = run("diff", url, "1", "3", "--format", "json")
check("diff", diff, "diff of revisions 1 and 3")
check("diff", run("diff", url, "--format", "json"), "diff of the last two revisions")
files = run("diff", "--files", str(sample / "r2.txt"), str(sample / "r3.txt"), "--format", "json")
check("diff", files, "diff --files")
check("analyze", run("analyze", str(sample / "r3.txt"), "--format", "json"), "analyze")
check("log", run("log", url, "--format", "json"), "log")
listing = run("list", "--format", "json")
check("list", listing, "list")
extracted = run("extract", str(page), "--format", "json")
check("extract", extracted, "extract of a saved page")
report = run("report", "--since", "2025-01-01", "--format", "json")
check("report", report, "report")

if diff:
    refuses_without("diff", diff, ["summary", "materiality"], "a diff")
    refuses_without("diff", diff, ["changes", 0, "kind"], "a diff")
    refuses_without("diff", diff, ["schema_version"], "a diff")
if listing:
    refuses_without("list", listing, [0, "last_commit"], "a listing")
if report:
    refuses_without("report", report, ["articles", 0, "materiality"], "a report")
if extracted:
    refuses_without("extract", extracted, ["text"], "an extraction")

if failures:
    print("\n".join("FAIL " + failure for failure in failures))
    sys.exit(1)
