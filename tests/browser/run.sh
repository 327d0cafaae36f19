#!/usr/bin/env bash
# The browser test: builds an archive holding the sample article's three
# revisions and an article written to attack the page, renders them, and
# has Debian's headless Chromium (driven by playwright-core from npm) check
# the pages (review_pages.mjs). Screenshots land in WORK/screenshots.
#
#   tests/browser/run.sh STET_BINARY WORK
#
# Then it starts `stet serve` on a free loopback port over the same archive
# (plus an article stored as a page whose script must never run) and has
# Chromium walk the review site.
# Installs chromium (apt-get, as root) and playwright-core (npm, into WORK)
# when missing; exits 77, which CTest counts as skipped, with a message
# saying why, only when one of them cannot be installed here.
set -euo pipefail
stet=$1
work=$2
here="$(cd "$(dirname "$0")" && pwd)"
sample="$here/../../examples/vance-ukraine"

skip() {
  echo "browser test skipped: $*" >&2
  exit 77
}

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing chromium (Debian) for the browser test" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium \
      >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium \
        >/dev/null 2>&1; } || skip "chromium could not be installed with apt-get"
  else
    skip "chromium is not installed and this user cannot install it (apt-get install chromium)"
  fi
fi
command -v node >/dev/null 2>&1 || skip "node is not installed (apt-get install nodejs npm)"

mkdir -p "$work"
if [ ! -d "$work/node_modules/playwright-core" ]; then
  (cd "$work" && npm install --no-save --no-audit --no-fund --silent playwright-core@1.65.1 \
    >/dev/null 2>&1) || skip "npm could not install playwright-core"
fi

rm -rf "$work/archive" "$work/screenshots" "$work/pages"
mkdir -p "$work/screenshots" "$work/pages"
export STET_ARCHIVE="$work/archive"
"$stet" init >/dev/null
url=https://news.example.com/vance-ukraine
times=(2025-02-13T14:05:00Z 2025-02-13T18:40:00Z 2025-02-15T09:10:00Z)
for revision in 1 2 3; do
  "$stet" add "$sample/r$revision.txt" --url "$url" --at "${times[$((revision - 1))]}" \
    --title "Vance says troops for Ukraine are on the table" >/dev/null
done
"$stet" diff "$url" --format html >"$work/pages/sample.html"

hostile_url='https://news.example.com/x?<script>alert(1)</script>"><svg/onload=alert(1)>'
printf 'The mayor said the plan is fine.\n' >"$work/pages/h1.txt"
printf '%s\n' 'The mayor said <script>alert(1)</script> <img src=x onerror=alert(1)> "><svg onload=alert(1)> javascript:alert(1) the plan is not fine.' >"$work/pages/h2.txt"
"$stet" add "$work/pages/h1.txt" --url "$hostile_url" --title '<img src=x onerror=alert(1)>' >/dev/null
"$stet" add "$work/pages/h2.txt" --url "$hostile_url" \
  --title '<script>alert(1)</script> javascript:alert(1)' >/dev/null
"$stet" diff "$hostile_url" --format html >"$work/pages/hostile.html"

cat >"$work/pages/council.html" <<'PAGE'
<html><head><title>Council votes</title></head><body><article><h1>Council votes</h1>
<p>The council voted 5-4 on Monday to approve the budget, officials said. The mayor did not
attend the meeting, which ran past midnight.</p><p>Residents asked about parking and the clerk
answered every question.</p></article>
<script>document.title = 'SCRIPT RAN'; new Image().src = '/marker';</script>
<img src="x" onerror="document.title = 'SCRIPT RAN'">
</body></html>
PAGE
"$stet" add "$work/pages/council.html" --url https://news.example.com/council >/dev/null

cp "$here/review_pages.mjs" "$work/"
cd "$work"
node review_pages.mjs diff pages/sample.html pages/hostile.html screenshots

# The review site: a server on a free port, stopped however this ends.
"$stet" serve --port 0 --window 36500d >serve.out 2>serve.err &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT
port=""
for _ in $(seq 1 100); do
  port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' serve.out)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "stet serve did not start: $(cat serve.err)" >&2; exit 1; }
node review_pages.mjs serve "http://127.0.0.1:$port" screenshots
