#!/usr/bin/env python3
"""Serves the sample article as a news site on 127.0.0.1, for the demo.

    scripts/sample_site.py SAMPLE_DIR PORT_FILE

Writes the port it listens on to PORT_FILE, then serves
/world/vance-ukraine: revision N of the sample (rN.txt) as an HTML page with
the boilerplate of a real site (navigation, share bar, an "Updated N minutes
ago" line and a view counter that change on every request, related links,
a footer). The revision shown is the number in PORT_FILE.current, or in
the file named by $STET_SAMPLE_CURRENT; 1 when absent. Each revision has a
strong ETag and honours If-None-Match with a 304, unless $STET_SAMPLE_NO_ETAG
is set (then every fetch is a 200 whose boilerplate differs).
"""
import hashlib
import html
import http.server
import itertools
import os
import sys

SAMPLE, PORT_FILE = sys.argv[1], sys.argv[2]
CURRENT = os.environ.get("STET_SAMPLE_CURRENT", PORT_FILE + ".current")
TITLES = {
    1: "Vance says US could use sanctions if Putin stalls",
    2: "Vance: US could use sanctions, military pressure if Putin stalls on peace",
    3: "Vance: US could use sanctions, military pressure if Putin stalls on peace",
}
hits = itertools.count(1)


def revision():
    try:
        with open(CURRENT) as f:
            return int(f.read().strip() or 1)
    except (OSError, ValueError):
        return 1


def page(number, hit):
    with open(os.path.join(SAMPLE, f"r{number}.txt"), encoding="utf-8") as f:
        paragraphs = [p.strip() for p in f.read().split("\n\n") if p.strip()]
    body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    title = html.escape(TITLES[number])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Example News</title>
<link rel="canonical" href="/world/vance-ukraine">
<meta property="og:title" content="{title}">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<main><article>
<h1>{title}</h1>
<div class="byline">By Example Staff</div>
<p class="timestamp">Updated {hit * 3} minutes ago</p>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
{body}
<div class="article-meta"><span>{1200 + hit * 17} views</span></div>
</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/a">Zelensky meets allies in Munich</a></li>
<li><a href="/b">What a ceasefire could look like</a></li></ul></aside></main>
<footer><p>Copyright 2025 Example News. All rights reserved.</p></footer>
</body></html>
"""


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.split("?")[0] != "/world/vance-ukraine":
            self.send_error(404)
            return
        number = revision()
        etag = '"r%d"' % number
        use_etag = not os.environ.get("STET_SAMPLE_NO_ETAG")
        if use_etag and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        data = page(number, next(hits)).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if use_etag:
            self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(PORT_FILE + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.replace(PORT_FILE + ".tmp", PORT_FILE)
server.serve_forever()
