#!/usr/bin/env bash
# The main job on the bundled sample: installs, builds, archives the three
# revisions of examples/vance-ukraine/ with the times they were fetched,
# then shows the article's log and what changed between the last two.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/build.sh >/dev/null

stet=build/stet
archive=build/demo-archive
url="https://news.example.com/world/vance-ukraine"
sample=examples/vance-ukraine
rm -rf "$archive"
export STET_ARCHIVE="$archive"

$stet init
$stet add "$sample/r1.txt" --url "$url" --at 2025-02-13T14:05:00Z \
  --title "Vance says US could use sanctions if Putin stalls"
$stet add "$sample/r2.txt" --url "$url" --at 2025-02-13T18:40:00Z \
  --title "Vance: US could use sanctions, military pressure if Putin stalls on peace"
$stet add "$sample/r3.txt" --url "$url" --at 2025-02-15T09:10:00Z \
  --title "Vance: US could use sanctions, military pressure if Putin stalls on peace"
# Fetching the same text again stores nothing.
$stet add "$sample/r3.txt" --url "$url" --at 2025-02-15T10:10:00Z

echo
$stet list
echo
$stet log "$url"
echo
echo "What changed from revision 2 to 3: quotes, then sentence by sentence (stet diff):"
$stet diff "$url" --color never
echo
echo "Everything that changed since 2025-02-13, most material first (stet report):"
$stet report --since 2025-02-13
$stet diff "$url" --format html > build/demo-diff.html
$stet report --since 2025-02-13 --format atom -o build/demo-changes.atom
echo "The same diff as one HTML page: build/demo-diff.html; the changes as an Atom feed: build/demo-changes.atom"
echo "A review site over the archive: STET_ARCHIVE=$STET_ARCHIVE $stet serve   (http://127.0.0.1:8080/)"

echo
echo "The same article from the web: a local news site serves its revisions (scripts/sample_site.py)"
site=build/demo-site
rm -rf "$site" && mkdir -p "$site"
python3 scripts/sample_site.py "$sample" "$site/port" &
site_pid=$!
trap 'kill $site_pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$site/port" ] && break; sleep 0.05; done
page="http://127.0.0.1:$(cat "$site/port")/world/vance-ukraine?utm_source=demo"
export STET_ARCHIVE=build/demo-web-archive
rm -rf "$STET_ARCHIVE"
$stet init
for revision in 1 2 3; do
  echo "$revision" > "$site/port.current"
  $stet add "$page"
done
echo "Fetched again: the server answers 304 to the stored ETag"
$stet add "$page"
# Written to files first: `stet ... | head` would end stet with SIGPIPE
# once head has read enough, which pipefail turns into the demo's failure.
$stet extract "$page" --format json > "$site/extract.json"
head -c 400 "$site/extract.json"; echo " ..."
$stet diff "${page%%\?*}" 2 3 --color never > "$site/diff.txt"
head -n 12 "$site/diff.txt"

echo
echo "The archive is a plain git repository: git --git-dir=$archive log --oneline --glob=refs/stet/articles"
git --no-pager --git-dir="$archive" fsck --strict --no-progress 2>/dev/null && echo "git fsck --strict: ok"
