#!/usr/bin/env python3
"""Benchmark of many reports at once, and of one report next to typst-cli.

1. `nianbao build` of N varied inputs (md + pdf) with --jobs 1 and --jobs 2:
   whole time, reports per second, peak resident memory of that run.
2. The same with 5 N inputs and --jobs 2: peak memory must not grow with N.
3. One report (inputs/2020.yaml, pdf only), whole process, median of R runs,
   next to typst-cli compiling the same document in the same run (the Typst
   files that nianbao typesets, written by examples/typst_project.rs, with the
   same fonts). typst-cli is looked for on PATH and in ~/.cargo/bin; without
   it the comparison is skipped with a note.
4. `nianbao check inputs/2020.yaml`, median of R runs.

The inputs are made from inputs/2020.yaml: each a different organisation, its
figures changed, every third one longer (a section repeated with its points
reworded), every fifth one with a rare ideograph in a name. All are free of
errors. Run from the repository root:

    cargo build --release --examples && python3 benches/batch.py [N] [R]

Targets on the project's 2-core machine (issue 14): 200 reports with --jobs 2
in <= 5 s; peak RSS <= 150 MB and flat from N to 5 N; one report <= 0.8x
typst-cli; check <= 10 ms.
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BINARY = os.path.join("target", "release", "nianbao")
PROJECT = os.path.join("target", "release", "examples", "typst_project")
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
            block = block.replace("        - ", "        - 下半年，")
            text = text[:end] + block + text[end:]
        path = os.path.join(folder, f"u{i + 1:04}.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        paths.append(path)
    return paths


def timed(args):
    """Runs a command; its wall time in seconds and its own peak RSS in MB."""
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=stderr)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            stderr.seek(0)
            message = stderr.read().decode("utf-8", "replace")
            sys.exit(f"{' '.join(args[:3])} … failed:\n{message[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def batch(paths, jobs):
    out = tempfile.mkdtemp(prefix=f"nianbao-batch-out-{jobs}-")
    args = [BINARY, "build", *paths, "-o", out, "--jobs", str(jobs), "--no-system-fonts"]
    result = timed(args)
    shutil.rmtree(out)
    return result


def median_ms(args, runs):
    timed(args)  # warm the file cache
    return statistics.median(timed(args)[0] for _ in range(runs)) * 1000


def find_typst():
    found = shutil.which("typst")
    cargo_bin = os.path.expanduser(os.path.join("~", ".cargo", "bin", "typst"))
    return found or (cargo_bin if os.path.exists(cargo_bin) else None)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 21
    if not os.path.exists(BINARY):
        sys.exit(f"{BINARY} is missing: run `cargo build --release --examples` first")
    folder = tempfile.mkdtemp(prefix="nianbao-batch-")
    paths = make_inputs(folder, 5 * n)
    print(f"nianbao build of {n} varied inputs (md + pdf), release build, {os.cpu_count()} cores")
    for jobs in (1, 2):
        elapsed, peak = batch(paths[:n], jobs)
        print(f"  --jobs {jobs}: {elapsed:.2f} s, {n / elapsed:.1f} reports/s, peak RSS {peak:.0f} MB")
    elapsed, peak = batch(paths, 2)
    print(f"  {5 * n} inputs, --jobs 2: {elapsed:.2f} s, {5 * n / elapsed:.1f} reports/s, "
          f"peak RSS {peak:.0f} MB")
    shutil.rmtree(folder)

    out = tempfile.mkdtemp(prefix="nianbao-single-")
    ours = median_ms([BINARY, "build", SEED, "-o", out, "--format", "pdf", "--no-system-fonts"], runs)
    print(f"one report ({SEED}, pdf), whole process, median of {runs}:")
    print(f"  nianbao:   {ours:.1f} ms")
    typst = find_typst()
    if typst is None:
        print("  typst-cli: not installed, not compared "
              "(`cargo install typst-cli --locked`, about 10 minutes here)")
    elif not os.path.exists(PROJECT):
        print(f"  typst-cli: {PROJECT} is missing: run `cargo build --release --examples`")
    else:
        project = os.path.join(out, "project")
        subprocess.run([PROJECT, SEED, project], check=True, capture_output=True)
        version = subprocess.run([typst, "--version"], capture_output=True, text=True).stdout.strip()
        peer = median_ms([typst, "compile", os.path.join(project, "main.typ"),
                          os.path.join(out, "typst.pdf"), "--font-path", "fonts",
                          "--ignore-system-fonts"], runs)
        print(f"  typst-cli: {peer:.1f} ms ({version}, the same Typst files and fonts)")
        print(f"  ratio:     {ours / peer:.2f}x")
    check = median_ms([BINARY, "check", SEED], runs)
    print(f"nianbao check {SEED}: median {check:.1f} ms")
    shutil.rmtree(out)


if __name__ == "__main__":
    main()
