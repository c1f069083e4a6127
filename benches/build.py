#!/usr/bin/env python3
"""Benchmark of `nianbao build inputs/2020.yaml` (Markdown, PDF and DOCX), release build.

Prints the median whole-process time of N runs, the median time of each stage
(as `build --timings` reports them) and the peak resident memory. Run from the
repository root:

    cargo build --release && python3 benches/build.py [N]

Targets on the project's 2-core machine: median <= 150 ms, peak RSS <= 150 MB;
the DOCX stage <= 10 ms (pandoc takes about 67 ms for the same document from
Markdown on this machine).
"""
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time

BINARY = os.path.join("target", "release", "nianbao")
INPUT = os.path.join("inputs", "2020.yaml")


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    if not os.path.exists(BINARY):
        sys.exit(f"{BINARY} is missing: run `cargo build --release` first")
    out = tempfile.mkdtemp(prefix="nianbao-bench-")
    args = [BINARY, "build", INPUT, "-o", out, "--timings", "--no-system-fonts",
            "--format", "md,pdf,docx"]
    subprocess.run(args, check=True, capture_output=True)  # warm the file cache
    walls, stages = [], {}
    peak_kb = 0
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        done = subprocess.run(args, check=True, capture_output=True, text=True)
        walls.append((time.perf_counter() - start) * 1000)
        peak_kb = max(peak_kb, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
        for name, ms in re.findall(r"([a-z+ ]+) ([0-9.]+) ms", done.stderr):
            stages.setdefault(name.strip(), []).append(float(ms))
    print(f"nianbao build {INPUT} (md + pdf + docx), {runs} runs, release build")
    print(f"  whole process: median {statistics.median(walls):.1f} ms "
          f"(min {min(walls):.1f}, max {max(walls):.1f})")
    for name, values in stages.items():
        print(f"  {name:<16} median {statistics.median(values):.1f} ms")
    print(f"  peak RSS: {peak_kb / 1024:.1f} MB")
    pdf = os.path.join(out, "2020.pdf")
    docx = os.path.join(out, "2020.docx")
    print(f"  output: {os.path.getsize(pdf) / 1024:.0f} KiB PDF, "
          f"{os.path.getsize(docx) / 1024:.0f} KiB DOCX")


if __name__ == "__main__":
    main()
