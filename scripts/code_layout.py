#!/usr/bin/env python3
"""Writes cmake/code_layout.ld: the functions stet's common commands run,
gathered at the start of its code.

The kernel maps a binary's code 64 KiB at a time around each page a process
first runs (fault-around), and the linker lays functions out in the order of
their object files, so a `stet diff` that ran 0.8 MiB of functions had
3.2 MiB of code resident, spread over 52 such windows: memory every command
pays, a fifth of a 300k-word diff's peak above start-up (docs/performance.md).
Compiled with -ffunction-sections (CMakeLists.txt), each function is a
section of its own; this lists the sections the commands below ran, in
the order they first ran them, and the link puts them first in `.text`.

It relinks build/stet in the default order with a link map, runs each
command under valgrind's callgrind, which records every instruction run,
and names the input section each instruction lies in. A function renamed or added since the
script last ran is only laid out as before, with the rest of the code:
nothing breaks, a command maps a little more. Run it again after large
changes (needs valgrind):

  scripts/code_layout.py [--build build] [--out cmake/code_layout.ld]
"""
import argparse
import bisect
import importlib.util
import os
import re
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "examples", "vance-ukraine")
URL = "https://news.example.com/world/vance-ukraine"

# Sections that hold more than one function (objects built without
# -ffunction-sections, as Debian's static libraries are): named with their
# file, or the pattern would take every object's.
SHARED_SECTION_NAMES = {".text", ".text.unlikely", ".text.hot", ".text.startup", ".text.exit"}


def load_module(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def relink_with_map(build, out_dir):
    """build/stet linked again, the same way, with a link map beside it."""
    with open(os.path.join(build, "CMakeFiles", "stet.dir", "link.txt"), encoding="utf-8") as f:
        argv = shlex.split(f.read().strip())
    # Without the layout: the linker's default order, whatever the list
    # holds now.
    argv = [arg for arg in argv if not (arg.startswith("-Wl,-T,") and arg.endswith("stet.ld"))]
    output = argv.index("-o")
    binary, link_map = os.path.join(out_dir, "stet"), os.path.join(out_dir, "stet.map")
    argv[output + 1:output + 2] = [binary, f"-Wl,-Map={link_map}"]
    subprocess.run(argv, cwd=build, check=True)
    return binary, link_map


def text_sections(link_map):
    """The input sections of the output section .text: (address, size,
    name, file), by address. A long name puts the rest on the next line."""
    sections, pending, in_text = [], None, False
    with open(link_map, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if re.match(r"^\.\S", line):  # an output section
                in_text = re.match(r"^\.text(\s|$)", line) is not None
                continue
            if not in_text:
                continue
            whole = re.match(r"^ (\.\S+)\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(.*)$", line)
            if whole:
                sections.append((int(whole[2], 16), int(whole[3], 16), whole[1], whole[4]))
                pending = None
                continue
            name_only = re.match(r"^ (\.\S+)$", line)
            if name_only:
                pending = name_only[1]
                continue
            rest = re.match(r"^\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S.*)$", line)
            if rest and pending:
                sections.append((int(rest[1], 16), int(rest[2], 16), pending, rest[3]))
                pending = None
    return sorted(s for s in sections if s[1] > 0)


def instructions_run(callgrind_out, binary):
    """The addresses of the instructions of `binary` that callgrind saw run
    (its output with --dump-instr=yes: positions absolute, or relative to
    the previous one)."""
    objects, current, last, seen = {}, None, 0, set()
    with open(callgrind_out, encoding="utf-8", errors="replace") as f:
        for line in f:
            named = re.match(r"^(c?ob)=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
            if named:
                if named[3]:
                    objects[named[2]] = named[3]
                if named[1] == "ob":
                    current = objects.get(named[2])
                continue
            if not line or line[0] not in "0123456789+-*":
                continue
            position = line.split()[0]
            if position.startswith("0x"):
                last = int(position, 16)
            elif position[0] in "+-":
                last += int(position, 0)
            if current is not None and os.path.realpath(current) == binary:
                seen.add(last)
    return seen


def training_commands(tmp):
    """The commands whose code is gathered, in the order it is laid out:
    start-up, then comparing (the sample's real news, then a long generated
    pair, which takes paths the sample does not), then the archive's
    commands and extraction."""
    diff_run = load_module("diff_run", os.path.join(ROOT, "bench", "diff", "run.py"))
    startup_run = load_module("startup_run", os.path.join(ROOT, "bench", "startup", "run.py"))
    old, new = os.path.join(tmp, "old.txt"), os.path.join(tmp, "new.txt")
    before, after = diff_run.make_pair(100000, seed=100000)
    for path, text in ((old, before), (new, after)):
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    page = os.path.join(tmp, "page.html")
    with open(page, "w", encoding="utf-8") as f:
        f.write(startup_run.page_of(os.path.join(SAMPLE, "r2.txt")))
    archive = ["--archive", os.path.join(tmp, "archive")]
    revisions = [os.path.join(SAMPLE, f"r{n}.txt") for n in (1, 2, 3)]
    commands = [["--version"]]
    for pair in ((revisions[0], revisions[1]), (revisions[1], revisions[2]), (old, new)):
        commands += [["diff", "--files", *pair], ["diff", "--files", *pair, "--format", "json"]]
    commands += [["analyze", revisions[2]], [*archive, "init"]]
    commands += [[*archive, "add", r, "--url", URL, "--at", f"2025-02-14T1{n}:00:00Z"]
                 for n, r in enumerate(revisions)]
    commands += [[*archive, "log", URL], [*archive, "diff", URL], ["extract", page]]
    return commands


def file_pattern(file):
    """A linker script pattern for one input file: archive:member, or the
    object's path."""
    member = re.match(r"^(.*?)([^/]+\.a)\((.+)\)$", file)
    if member:
        return f"*{member[2]}:{member[3]}"
    return f"*{file}" if not file.startswith("/") else None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--out", default=os.path.join(ROOT, "cmake", "code_layout.ld"))
    args = parser.parse_args()
    build = os.path.abspath(args.build)

    with tempfile.TemporaryDirectory() as tmp:
        binary, link_map = relink_with_map(build, tmp)
        binary = os.path.realpath(binary)
        sections = text_sections(link_map)
        starts = [s[0] for s in sections]
        first_run_by = {}  # section index -> index of the first command that ran it
        for number, command in enumerate(training_commands(tmp)):
            out = os.path.join(tmp, f"callgrind.{number}")
            subprocess.run(["valgrind", "--tool=callgrind", "--dump-instr=yes", f"--callgrind-out-file={out}",
                            binary, *command], cwd=tmp, check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            for address in instructions_run(out, binary):
                at = bisect.bisect_right(starts, address) - 1
                if at >= 0 and address < sections[at][0] + sections[at][1]:
                    first_run_by.setdefault(at, number)

    patterns, seen, size = [], set(), 0
    for at in sorted(first_run_by, key=lambda at: (first_run_by[at], at)):
        _, section_size, name, file = sections[at]
        if name in SHARED_SECTION_NAMES:
            files = file_pattern(file)
            if files is None:
                continue  # the C runtime's start files: left where the default script puts them
            pattern = f"{files}({name})"
        else:
            pattern = f"*({name})"
        if pattern not in seen:
            seen.add(pattern)
            patterns.append(pattern)
            size += section_size

    with open(args.out, "w", encoding="utf-8") as f:
        f.write("/* Generated by scripts/code_layout.py: the code stet's common commands run\n"
                f"   ({len(patterns)} sections, {size / 1024:.0f} KiB), in the order they first run it.\n"
                "   CMakeLists.txt includes it first in the .text statement of the linker's\n"
                "   default script. */\n")
        for pattern in patterns:
            f.write(f"{pattern}\n")
    print(f"{args.out}: {len(patterns)} sections, {size / 1024:.0f} KiB", file=sys.stderr)


if __name__ == "__main__":
    main()
