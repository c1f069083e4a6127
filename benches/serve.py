#!/usr/bin/env python3
"""Benchmark of `nianbao serve`: edit to preview, as the page does it.

Starts the release binary on a copy of inputs/2020.yaml and, R times, changes a
figure through POST /api/edit, checks the draft (POST /api/check) and typesets
its pages (POST /api/preview): the work between the page's debounce and new
pages on screen. Prints the median and the 95th percentile. Run from the
repository root:

    cargo build --release && python3 benches/serve.py [R]

Target on the project's 2-core machine (issue 15): 95th percentile <= 300 ms.
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

BINARY = os.path.join("target", "release", "nianbao")
SEED = os.path.join("inputs", "2020.yaml")


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    if not os.path.exists(BINARY):
        sys.exit(f"{BINARY} is missing: run `cargo build --release` first")
    folder = tempfile.mkdtemp(prefix="nianbao-serve-")
    path = os.path.join(folder, "2020.yaml")
    shutil.copy(SEED, path)
    server = subprocess.Popen([BINARY, "serve", path, "--port", "0", "--no-system-fonts"],
                              stderr=subprocess.PIPE, text=True)
    try:
        line = server.stderr.readline()
        url = next(w for w in line.split() if w.startswith("http://127.0.0.1:")).rstrip("/")

        def post(endpoint, body):
            request = urllib.request.Request(url + endpoint, data=json.dumps(body).encode(),
                                             headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(request) as reply:
                return json.load(reply)

        yaml = open(path, encoding="utf-8").read()
        times = []
        for i in range(runs + 1):
            started = time.perf_counter()
            edit = {"op": "set", "path": ["counts", "birthday_visits", "value"], "value": str(400 + i)}
            yaml = post("/api/edit", {"yaml": yaml, "edit": edit})["yaml"]
            post("/api/check", {"drafts": [yaml]})
            pages = post("/api/preview", {"drafts": [yaml]})["pages"]
            if f"生日慰问{400 + i}人" not in "".join(p["text"] for p in pages):
                sys.exit("the preview does not show the new figure")
            if i > 0:  # the first one warms the caches
                times.append((time.perf_counter() - started) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
        print(f"nianbao serve {SEED}: edit + check + preview ({len(pages)} pages), {runs} runs, release build")
        print(f"  median {statistics.median(times):.0f} ms, 95th percentile {p95:.0f} ms, max {times[-1]:.0f} ms")
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
