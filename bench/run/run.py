#!/usr/bin/env python3
"""Scheduled-pass benchmark: one `stet run` over 2,000 tracked URLs, against
the two ways to do the same without it.

Serves 2,000 article pages from nginx (Debian's, started here on 127.0.0.1,
20 virtual hosts of 100 pages: half send ETags and answer 304, half send
the same body again with no validators), archives them all once, then
changes 10% of the pages and times, on the same archive copied fresh before
every run (hyperfine --prepare):

  stet run     one pass: `stet run --host-delay 0` (all 2,000 due)
  add loop     `stet add URL` once per URL, 8 at a time (xargs -P 8): how a
               cron job without `run` keeps an archive current
  stet run, nothing new   the same pass on the archive once those changes
               are stored: every answer a 304 or the same bytes
  curl         `curl --parallel` fetching the same 2,000 URLs to /dev/null:
               the network floor, no parsing, nothing stored

Prints the medians, the ratios (targets: stet run >= 10x faster than the
add loop, within 2x of curl) and stet run's peak RSS. Usage:

  bench/run/run.py --stet build/stet [--runs 5] [--urls 2000]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HOSTS = 20


def page(host, index, version):
    paragraphs = [
        f"The council of district {host} approved a budget of {10 + version} million dollars "
        f"for project {index} on Tuesday, officials said, after a long debate.",
        f"\"We will finish the work before the winter,\" said Mayor Ana Ruiz, who has led "
        f"district {host} since 2019 and spoke to reporters outside the hall.",
    ] + [
        f"Paragraph {n} of story {index} describes the background of the project, the "
        f"objections raised by residents and the answers the city gave in public meetings."
        for n in range(12)
    ]
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>Story {index}</title></head><body>"
            f"<nav><a href='/'>Home</a></nav><main><article><h1>Story {index} of host {host}"
            f"</h1>\n{body}</article></main><footer>Copyright</footer></body></html>\n")


def write_site(root, urls_per_host, version_of, only_changed=False):
    for host in range(HOSTS):
        folder = os.path.join(root, f"host{host}")
        os.makedirs(folder, exist_ok=True)
        for index in range(urls_per_host):
            version = version_of(host, index)
            if only_changed and version == 1:
                continue  # untouched: same bytes, same mtime, same ETag
            with open(os.path.join(folder, f"{index}.html"), "w") as f:
                f.write(page(host, index, version))


def start_nginx(tmp, root, urls_per_host):
    servers = []
    for host in range(HOSTS):
        validators = "etag on; if_modified_since exact;" if host % 2 == 0 else \
            "etag off; if_modified_since off;"
        servers.append(f"""
  server {{
    listen 127.0.0.1:{18100 + host};
    root {root}/host{host};
    {validators}
    access_log off;
  }}""")
    conf = os.path.join(tmp, "nginx.conf")
    with open(conf, "w") as f:
        f.write(f"""worker_processes 2;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
  default_type text/html;
  keepalive_requests 100000;
  client_body_temp_path {tmp}/body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
{''.join(servers)}
}}
""")
    subprocess.run(["nginx", "-p", tmp, "-c", conf], check=True)
    return [f"http://127.0.0.1:{18100 + host}/{index}.html"
            for host in range(HOSTS) for index in range(urls_per_host)]


def stop_nginx(tmp):
    pid_file = os.path.join(tmp, "nginx.pid")
    if os.path.exists(pid_file):
        subprocess.run(["kill", open(pid_file).read().strip()])


def hyperfine(tmp, runs, commands):
    out = os.path.join(tmp, "hyperfine.json")
    argv = ["hyperfine", "--runs", str(runs), "--export-json", out, "--style", "basic"]
    for name, prepare, command in commands:
        argv += ["--prepare", prepare or "true", "--command-name", name, command]
    subprocess.run(argv, check=True, stdout=sys.stderr)
    return {r["command"]: r for r in json.load(open(out))["results"]}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stet", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--urls", type=int, default=2000)
    args = parser.parse_args()
    stet = os.path.abspath(args.stet)
    for tool in ("nginx", "hyperfine", "curl"):
        if shutil.which(tool) is None:
            sys.exit(f"bench/run: {tool} is missing (apt-get install nginx-light hyperfine curl)")
    per_host = args.urls // HOSTS
    tmp = tempfile.mkdtemp(prefix="stet-bench-run-")
    os.chmod(tmp, 0o755)  # nginx workers run as another user
    try:
        root = os.path.join(tmp, "site")
        write_site(root, per_host, lambda h, i: 1)
        urls = start_nginx(tmp, root, per_host)
        with open(os.path.join(tmp, "urls.txt"), "w") as f:
            f.write("\n".join(urls) + "\n")
        with open(os.path.join(tmp, "urls.curl"), "w") as f:
            for url in urls:
                f.write(f'url = "{url}"\noutput = "/dev/null"\n')
        base = os.path.join(tmp, "base")
        subprocess.run([stet, "--archive", base, "init"], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([stet, "--archive", base, "track", "--from", os.path.join(tmp, "urls.txt")],
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run([stet, "--archive", base, "run", "--host-delay", "0",
                        "--now", "2026-03-01T10:00:00Z"], check=True, stdout=subprocess.DEVNULL)
        # 10% of the pages change (every tenth of each host).
        write_site(root, per_host, lambda h, i: 2 if i % 10 == 0 else 1, only_changed=True)
        archive = os.path.join(tmp, "archive")
        # sync: the copy's dirty pages must not land on the first fsync of the timed run.
        prepare = f"rm -rf {archive} && cp -a {base} {archive} && sync"
        # The same archive once the changes are stored: a pass that finds
        # nothing new (every answer a 304 or the same bytes).
        settled = os.path.join(tmp, "settled")
        subprocess.run(["cp", "-a", base, settled], check=True)
        subprocess.run([stet, "--archive", settled, "run", "--host-delay", "0",
                        "--now", "2026-03-01T11:00:00Z"], check=True, stdout=subprocess.DEVNULL)
        prepare_settled = f"rm -rf {archive} && cp -a {settled} {archive} && sync"
        env_now = "STET_NOW=2026-03-01T11:00:00Z"
        results = hyperfine(tmp, args.runs, [
            ("stet run", prepare,
             f"{stet} --archive {archive} run --host-delay 0 --now 2026-03-01T11:00:00Z"),
            ("stet run, nothing new", prepare_settled,
             f"{stet} --archive {archive} run --host-delay 0 --now 2026-03-01T12:00:00Z"),
            ("add loop", prepare,
             f"{env_now} xargs -P 8 -n 1 {stet} --archive {archive} add "
             f"< {tmp}/urls.txt > /dev/null"),
            ("curl", None, f"curl --parallel --parallel-max 50 -s --config {tmp}/urls.curl"),
        ])
        # Peak RSS and what the pass found, from one more run.
        subprocess.run(["sh", "-c", prepare], check=True)
        timed = subprocess.run(["/usr/bin/time", "-f", "%M", stet, "--archive", archive, "run",
                                "--host-delay", "0", "--now", "2026-03-01T11:00:00Z"],
                               capture_output=True, text=True, check=True)
        rss_kib = int(timed.stderr.strip().splitlines()[-1])
        summary = timed.stdout.strip().splitlines()[-1]
    finally:
        stop_nginx(tmp)
    run, settled_run, loop, curl = (results[name]["median"] for name in (
        "stet run", "stet run, nothing new", "add loop", "curl"))
    print(f"{args.urls} tracked URLs on {HOSTS} hosts, 10% changed; medians of {args.runs} runs")
    print(f"  stet run   {run:7.3f} s   ({summary})")
    print(f"  stet run   {settled_run:7.3f} s   (the same pass once the changes are stored: "
          f"nothing new)")
    print(f"  add loop   {loop:7.3f} s   (stet add per URL, xargs -P 8)")
    print(f"  curl       {curl:7.3f} s   (curl --parallel, nothing stored)")
    print(f"stet run vs add loop: {loop / run:.1f}x faster (target >= 10)")
    print(f"stet run vs curl:     {run / curl:.2f}x the time (target <= 2)")
    print(f"  nothing new vs curl: {settled_run / curl:.2f}x the time")
    print(f"stet run peak RSS:    {rss_kib / 1024:.1f} MiB")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
