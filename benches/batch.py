#!/usr/bin/env python3
"""Benchmark of a batch: `nianbao build` of N varied inputs with --jobs 1 and
--jobs 2 (reports per second, whole time, peak resident memory), release build.

The inputs are made from inputs/2020.yaml: each a different organisation, its
figures changed, every third one longer (its sections repeated), every fifth
one with a rare ideograph in a name. Run from the repository root:

    cargo build --release && python3 benches/batch.py [N]

Targets on the project's 2-core machine: 200 reports with --jobs 2 in <= 5 s,
peak RSS <= 150 MB and flat as N grows.
"""
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

BINARY = os.path.join("target", "release", "nianbao")
SEED = os.path.join("inputs", "2020.yaml")
RARE = ["堃", "喆", "玥", "昇", "珺"]


def make_inputs(folder, n):
    seed = open(SEED, encoding="utf-8").read().replace("（统计具体数字）", "")
    paths = []
    for i in range(n):
        text = seed.replace("广东邮电职业技术学院学院工会", f"第{i + 1}基层工会")
        text = re.sub(r"value: (\d+)", lambda m: f"value: {int(m.group(1)) + i % 7}", text)
        if i % 5 == 0:
            text = text.replace("学校工会办", f"工会办{RARE[i % len(RARE)]}")
        if i % 3 == 0:
            start = text.index("    - title: 积极发挥民主管理监督作用")
            end = text.index("    - title: 强化自身建设")
            block = text[start:end].replace("积极发挥民主管理监督作用", "积极发挥民主管理监督作用（续）")
            text = text[:end] + block + text[end:]
        path = os.path.join(folder, f"u{i + 1:04}.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        paths.append(path)
    return paths


def run(paths, jobs, out):
    args = [BINARY, "build", *paths, "-o", out, "--jobs", str(jobs), "--no-system-fonts"]
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(done.stderr[-2000:])
    return elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    if not os.path.exists(BINARY):
        sys.exit(f"{BINARY} is missing: run `cargo build --release` first")
    folder = tempfile.mkdtemp(prefix="nianbao-batch-")
    paths = make_inputs(folder, n)
    print(f"nianbao build of {n} varied inputs (md + pdf), release build, {os.cpu_count()} cores")
    for jobs in (1, 2):
        out = tempfile.mkdtemp(prefix=f"nianbao-batch-out-{jobs}-")
        elapsed, peak_kb = run(paths, jobs, out)
        print(f"  --jobs {jobs}: {elapsed:.2f} s, {n / elapsed:.1f} reports/s, "
              f"peak RSS so far {peak_kb / 1024:.1f} MB")


if __name__ == "__main__":
    main()
