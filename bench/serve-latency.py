#!/usr/bin/env python3
"""Edit-to-reload latency of `nfk serve` (issue 6). A benchmark, not a test.

    cargo build --release
    bench/serve-latency.py SITE_DIR [--runs 20] [--pause 0.2] [--partner SLUG] [--nfk target/release/nfk]

Starts `nfk serve` on a free loopback port, then, RUNS times: rewrites one partner's
profile.yaml the way editors save (write a temp file, rename it over the old one) with a new
`summary:`, and polls the partner's page until it is served with the change. The time from the
rename to that response is the latency; the poll interval (1 ms) bounds the error. For scale it
also times a full `nfk build --drafts` of the same site. Prints min/median/p90/max in ms.

SITE_DIR is changed while the benchmark runs and restored afterwards: use a copy.
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request


def start_server(nfk, site):
    proc = subprocess.Popen(
        [nfk, "--lang", "en", "serve", "--root", site, "--port", "0"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 120
    for line in proc.stderr:
        m = re.match(r"serving (http://\S+?)/? ", line)
        if m:
            return proc, m.group(1)
        if time.monotonic() > deadline:
            break
    proc.kill()
    sys.exit("nfk serve did not start")


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.read().decode("utf-8")


def atomic_write(path, text):
    tmp = path + ".bench-tmp~"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def full_build(nfk, site, runs=3):
    times = []
    out = tempfile.mkdtemp(prefix="nfk-bench-")
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([nfk, "build", "--drafts", "--root", site, "--output", os.path.join(out, "public")],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("site")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--partner")
    # Seconds between two edits. Short: the server only rebuilds. Longer (a few seconds, as an
    # editor works): the search index of the last edit is being made when the next one comes.
    ap.add_argument("--pause", type=float, default=0.2)
    ap.add_argument("--nfk", default=os.path.join(os.path.dirname(__file__), "..", "target", "release", "nfk"))
    args = ap.parse_args()
    site = os.path.abspath(args.site)
    slug = args.partner or sorted(os.listdir(os.path.join(site, "partners")))[0]
    profile = os.path.join(site, "partners", slug, "profile.yaml")
    original = open(profile, encoding="utf-8").read()
    if not re.search(r"^summary: .*$", original, re.M):
        sys.exit(f"{profile} has no `summary:` line to change")

    build_ms = full_build(args.nfk, site)
    proc, base = start_server(args.nfk, site)
    page = f"{base}/partnere/{slug}/"
    latencies = []
    try:
        fetch(page)
        for run in range(args.runs):
            marker = f"Benchmerke {os.getpid()}-{run}"
            text = re.sub(r"^summary: .*$", f"summary: {marker}", original, count=1, flags=re.M)
            start = time.perf_counter()
            atomic_write(profile, text)
            while True:
                if marker in fetch(page):
                    break
                if time.perf_counter() - start > 30:
                    sys.exit(f"run {run}: change not served after 30 s")
                time.sleep(0.001)
            latencies.append((time.perf_counter() - start) * 1000)
            time.sleep(args.pause)
    finally:
        atomic_write(profile, original)
        proc.terminate()
        proc.wait(timeout=10)

    latencies.sort()
    p90 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.9))]
    print(f"site: {site} (partner {slug}), {args.runs} edits, {args.pause} s apart")
    print(f"edit-to-served latency: min {latencies[0]:.0f} ms, median {statistics.median(latencies):.0f} ms, "
          f"p90 {p90:.0f} ms, max {latencies[-1]:.0f} ms")
    print(f"full `nfk build --drafts`: median {build_ms:.0f} ms (of 3)")


if __name__ == "__main__":
    main()
