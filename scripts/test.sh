#!/usr/bin/env bash
# Installs dependencies, builds, checks formatting, runs every test through
# CTest, then the start-up guard: `stet log ID` and `stet --version` within
# 2.5x of git's, measured side by side in this run (bench/startup/run.py).
# The README's test command; .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/build.sh
scripts/format.sh --check
(cd build && ctest --output-on-failure -j2)
python3 bench/startup/run.py --stet build/stet --runs 120 --check
