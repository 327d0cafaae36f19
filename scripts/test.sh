#!/usr/bin/env bash
# Installs dependencies, builds, checks formatting and runs every test
# through CTest. The README's test command; .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/build.sh
scripts/format.sh --check
cd build
ctest --output-on-failure -j2
