#!/usr/bin/env python3
"""Benchmark of the limits of issue 23 ("one limit everywhere", "the server
under load"):

1. check: a draft with 60 000 warnings (30 000 points, each with a half-width
   comma between Chinese characters and no full stop, 1.2 MB) checked by
   `nianbao serve` through POST /api/check, as the page does it (the
   diagnostics with their places in the tree), next to `nianbao check` of the
   same file. Median of R requests.
2. folder: `nianbao check` of a folder input of N files of about 1 KB (a main
   file, then files of activities), for N = 1 000, 2 000 and 4 000: the time
   must grow linearly. Median of R runs.
3. previews: 200 POST /api/preview of inputs/2020.yaml sent at once to one
   server; its peak resident memory (VmHWM in /proc/PID/status, and VmRSS
   polled every 10 ms) and what it still holds once they are answered
   (VmRSS). No peer: typst-cli has no preview server to load this way.

Run from the repository root:

    cargo build --release && python3 benches/limits.py [R] [check|folder|previews ...]

NIANBAO=target/debug/nianbao measures another build (say which in a figure).
Targets on the project's 2-core machine (issue 23): the 60 000-warning check
and the 4 000-file folder each under 1 s; the 200 previews under 500 MB.
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

BINARY = os.environ.get("NIANBAO", os.path.join("target", "release", "nianbao"))
SEED = os.path.join("inputs", "2020.yaml")
HEAD = ("meta:\n  organisation: 某工会\n  year: 2020\n  date: 2020-12-20\n"
        "  signature: 某工会\nopening: 2020年，工会开展工作。\n")


def warnings_draft(points):
    """Two warnings a point: W0502 (half-width comma) and W0506 (no full stop)."""
    return (HEAD + "summary:\n  sections:\n    - title: 做好服务\n      points:\n"
            + "".join(f"        - 开展第{i}次走访,共{i % 9 + 1}人\n" for i in range(points)))


def make_folder(folder, n):
    """A main file and n - 1 files of activities, each about 1 KB."""
    os.makedirs(folder)
    with open(os.path.join(folder, "0000-report.yaml"), "w", encoding="utf-8") as f:
        f.write(HEAD + "counts:\n  visits: { unit: 人, label: 走访 }\n"
                "summary:\n  sections:\n    - id: care\n      title: 做好服务\n"
                "      points:\n        - 全年走访{visits}。\n")
    for i in range(1, n):
        activities = "".join(
            f"  - date: 2020-{(i + k) % 12 + 1:02}-{(i + k) % 28 + 1:02}\n"
            f"    title: 第{i}组第{k}次走访慰问困难职工家庭\n"
            f"    group: 第{i % 40}小组\n    section: care\n"
            f"    figures: {{ visits: {k + 1} }}\n"
            f"    text: 走访慰问困难职工家庭，送去慰问金和慰问品，了解职工生活情况。\n"
            for k in range(4))
        with open(os.path.join(folder, f"{i:04}.yaml"), "w", encoding="utf-8") as f:
            f.write(f"# 第{i}小组的活动记录\nactivities:\n{activities}")


def timed(args):
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True)
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(args)} failed with exit {done.returncode}: "
                 f"{done.stderr.decode()[-2000:]}")
    return time.perf_counter() - start, done


class Server:
    """`nianbao serve PATH` on a free port, and requests as the page sends them."""

    def __init__(self, path):
        self.process = subprocess.Popen(
            [BINARY, "serve", path, "--port", "0", "--no-system-fonts"],
            stderr=subprocess.PIPE, text=True)
        line = self.process.stderr.readline()
        self.url = next(w for w in line.split() if w.startswith("http://127.0.0.1:")).rstrip("/")
        # Keep reading its stderr so that it never blocks on a full pipe.
        threading.Thread(target=self.process.stderr.read, daemon=True).start()

    def post_bytes(self, endpoint, body):
        """The reply's bytes, all of them received."""
        request = urllib.request.Request(
            self.url + endpoint, data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json", "Origin": self.url})
        with urllib.request.urlopen(request, timeout=600) as reply:
            return reply.read()

    def post(self, endpoint, body):
        return json.loads(self.post_bytes(endpoint, body))

    def memory(self):
        """VmHWM and VmRSS in MB."""
        fields = {}
        with open(f"/proc/{self.process.pid}/status") as f:
            for line in f:
                name, _, value = line.partition(":")
                if name in ("VmHWM", "VmRSS"):
                    fields[name] = int(value.split()[0]) / 1024
        return fields["VmHWM"], fields["VmRSS"]

    def stop(self):
        self.process.terminate()
        self.process.wait()


def bench_check(folder, runs):
    path = os.path.join(folder, "warnings.yaml")
    text = warnings_draft(30000)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    cli = statistics.median(timed([BINARY, "check", path])[0] for _ in range(runs))
    server = Server(path)
    try:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            body = server.post_bytes("/api/check", {"drafts": [text]})
            times.append(time.perf_counter() - start)
        start = time.perf_counter()
        reply = json.loads(body)
        parse = time.perf_counter() - start
        found = len(reply["diagnostics"])
        placed = sum(1 for d in reply["diagnostics"] if d.get("path"))
    finally:
        server.stop()
    print(f"check of a draft with {found} warnings ({len(text.encode()) / 1e6:.1f} MB, "
          f"{placed} placed in the tree), median of {runs}:")
    print(f"  serve /api/check: {statistics.median(times):.2f} s (max {max(times):.2f} s) "
          f"to the last byte of {len(body) / 1e6:.1f} MB of JSON (which Python then parses "
          f"in {parse:.2f} s)")
    print(f"  nianbao check:    {cli:.2f} s")


def bench_folder(folder, runs):
    print(f"nianbao check of a folder of N files of about 1 KB, median of {runs}:")
    for n in (1000, 2000, 4000):
        path = os.path.join(folder, f"folder-{n}")
        make_folder(path, n)
        size = sum(os.path.getsize(os.path.join(path, name)) for name in os.listdir(path))
        times = []
        for _ in range(runs):
            elapsed, done = timed([BINARY, "check", path])
            times.append(elapsed)
        summary = (done.stderr.decode().strip().splitlines() or ["no diagnostic"])[-1]
        print(f"  {n:>5} files ({size / 1e6:.1f} MB): {statistics.median(times):.2f} s   ({summary})")


def bench_previews(folder, clients):
    path = os.path.join(folder, "2020.yaml")
    shutil.copy(SEED, path)
    text = open(path, encoding="utf-8").read()
    server = Server(path)
    try:
        server.post("/api/preview", {"drafts": [text]})  # the fonts and caches loaded
        _, idle = server.memory()
        peak, done = [0.0], threading.Event()

        def watch():
            while not done.is_set():
                peak[0] = max(peak[0], server.memory()[1])
                time.sleep(0.01)

        replies = []

        def client():
            replies.append(server.post("/api/preview", {"drafts": [text]}))

        watcher = threading.Thread(target=watch)
        watcher.start()
        start = time.perf_counter()
        threads = [threading.Thread(target=client) for _ in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - start
        done.set()
        watcher.join()
        hwm, after = server.memory()
    finally:
        server.stop()
    typeset = sum(1 for r in replies if r.get("pages"))
    dropped = sum(1 for r in replies if r.get("superseded"))
    print(f"{clients} concurrent previews of {SEED}: {elapsed:.1f} s, {typeset} typeset, "
          f"{dropped} superseded")
    print(f"  server RSS: {idle:.0f} MB before, peak {max(hwm, peak[0]):.0f} MB (VmHWM), "
          f"{after:.0f} MB after")
    print("  peer: none (typst-cli, the peer of benches/batch.py, has no preview server "
          "to send these requests to)")


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    if not os.path.exists(BINARY):
        sys.exit(f"{BINARY} is missing: run `cargo build --release` first")
    folder = tempfile.mkdtemp(prefix="nianbao-limits-")
    try:
        print(f"{BINARY}, {os.cpu_count()} cores")
        chosen = sys.argv[2:] or ["check", "folder", "previews"]
        if "check" in chosen:
            bench_check(folder, runs)
        if "folder" in chosen:
            bench_folder(folder, runs)
        if "previews" in chosen:
            bench_previews(folder, 200)
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
