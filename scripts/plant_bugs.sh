#!/usr/bin/env bash
# Plants, one at a time, the bugs issue 14 found that no test noticed, in a
# git worktree of HEAD (the working tree is never touched), builds, runs the
# whole suite, and reports the tests each one fails. Exits 1 if a bug fails
# no test, or if the code it plants into has changed (update the line here).
# Slow (a build and a suite run per bug): not part of CI.
#   scripts/plant_bugs.sh [WORK_DIR]
set -uo pipefail
cd "$(dirname "$0")/.."
work="${1:-$(mktemp -d /tmp/stet-plants-XXXXXX)}"
tree="$work/tree"
git worktree add -f --detach "$tree" HEAD >/dev/null 2>&1 || { echo "cannot make a worktree in $tree"; exit 2; }
trap 'git worktree remove --force "$tree" >/dev/null 2>&1' EXIT
cmake -S "$tree" -B "$tree/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null || exit 2
cmake --build "$tree/build" -j2 >"$work/build.log" 2>&1 || { echo "the unplanted tree does not build"; exit 2; }
status=0
plant() {  # name file old new
  local name="$1" file="$tree/$2" old="$3" new="$4"
  if ! python3 - "$file" "$old" "$new" <<'PY'
import sys
path, old, new = sys.argv[1:4]
text = open(path).read()
if text.count(old) != 1:
    sys.exit(1)
open(path, "w").write(text.replace(old, new, 1))
PY
  then
    echo "$name: the line to plant into is gone from $2"; status=1; return
  fi
  if ! cmake --build "$tree/build" -j2 >"$work/$name.build.log" 2>&1; then
    echo "$name: does not build"; status=1
  else
    (cd "$tree/build" && ctest -j2 >"$work/$name.log" 2>&1)
    local failed
    failed=$(grep '\*\*\*Failed\|\*\*\*Exception' "$work/$name.log" | sed 's/.*Test *#[0-9]*: //; s/ \.\.\..*//')
    if [ -z "$failed" ]; then
      echo "$name: NO TEST FAILS"; status=1
    else
      echo "$name: $(echo "$failed" | wc -l) failing: $(echo "$failed" | head -3 | paste -sd'|')"
    fi
  fi
  git -C "$tree" checkout -q -- "$2"
}
plant 1-validators-of-rev1 src/web/pages.cpp 'archive.ResolveRevision(*id, "-1")' 'archive.ResolveRevision(*id, "1")'
plant 2-canonical-any-scheme src/web/pages.cpp 'if (canonical_url.empty() || !IsHttpUrl(canonical_url)) return fallback;' 'if (canonical_url.empty()) return fallback;'
plant 3-unknown-speaker-reattributed src/analysis/quote_changes.cpp 'return a.empty() || b.empty() || AsciiLower(a) == AsciiLower(b);' 'return AsciiLower(a) == AsciiLower(b);'
plant 4a-only-added-negations src/analysis/claims.cpp 'if (negation_b.count != negation_a.count) {' 'if (negation_a.count > negation_b.count) {'
plant 4b-curly-nt src/analysis/claim_parts.cpp "lower.ends_with(\"n't\") || lower.ends_with(\"n\\u2019t\")" "lower.ends_with(\"n't\")"
plant 5-import-max-size src/web/import.cpp 'while (ReadBoundedLine(in, options.max_line_bytes, buffer, line, &too_long)) {' 'while (ReadBoundedLine(in, 1 << 30, buffer, line, &too_long)) {'
plant 6-utf16le-as-be src/web/charset.cpp 'name = "UTF-16LE";' 'name = "UTF-16BE";'
plant 7-list-reversed src/store/archive.cpp 'if (a.last_fetched_at != b.last_fetched_at) return a.last_fetched_at > b.last_fetched_at;' 'if (a.last_fetched_at != b.last_fetched_at) return a.last_fetched_at < b.last_fetched_at;'
plant 8-damage-exit-1 src/cli/common.cpp '      return kExitArchiveDamaged;' '      return kExitProblem;'
exit $status
