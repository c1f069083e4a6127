#!/usr/bin/env python3
"""Benchmark of growth: time and peak memory of `import`, `check` and `build` for
inputs from about 10 KB to their limits, to see that they grow linearly.

- import: a document of N numbered paragraphs, each with figures ("参加人数达到
  411人，…慰问困难职工17名"), so that thousands of counts share a name's base, up
  to the input it makes reaching the 10 MB input limit (past it, refused);
- wrapped: N hard-wrapped lines that make one paragraph (the joins);
- run-on: one clause of N figures without punctuation (the labels);
- check: an input with N points, each with a warning (no end punctuation), so
  that every diagnostic is located and rendered, up to the 2 MB document limit
  (50 000 points);
- check (log): an input whose activities log N events (each with its figures,
  added up to the counts), up to the 10 MB input limit;
- build: the check's inputs made into Markdown and PDF, up to the 2 MB document
  limit (about 1 000 pages);
- docx, pdf: `import` of nianbao's own .docx and PDF of an input of N paragraphs
  of body text (550 make about 50 pages; target: under a second).

Prints, for each size, the seconds, the seconds per MB and the peak RSS. Run
from the repository root:

    cargo build --release && python3 benches/scale.py
"""
import os
import subprocess
import sys
import tempfile
import time

BINARY = os.path.join("target", "release", "nianbao")
PARAGRAPH = "开展了职工文体活动，参加人数达到411人，全年慰问困难职工17名。"


def document(n):
    lines = ["关于2020年工作总结", "一、2020年工作"]
    lines += [f"（{i % 9 + 1}）" + PARAGRAPH * 5 for i in range(n)]
    return "\n".join(lines) + "\n"


def wrapped(n):
    """N lines hard-wrapped at one width that end no sentence: one paragraph
    joined from all of them (6.4 MB at 100 000 lines)."""
    lines = ["关于2020年工作总结", "一、2020年工作"]
    lines += ["开展了职工文体活动和各类培训工作共计若干次"] * n
    return "\n".join(lines) + "\n"


def run_on(n):
    """One clause of N figures and no punctuation: each figure's label is read
    back from it."""
    return "关于2020年工作总结\n一、2020年工作\n" + "参加活动411人" * n + "\n"


def input_yaml(n):
    head = ("meta:\n  organisation: 某工会\n  year: 2020\n  date: 2020-12-20\n"
            "  signature: 某工会\nopening: 2020年，工会开展工作。\nsummary:\n  sections:\n"
            "    - title: 做好服务\n      points:\n")
    return head + "".join(f"        - 开展第{i}次走访活动\n" for i in range(n))


def input_log(n):
    head = ("meta:\n  organisation: 某工会\n  year: 2020\n  date: 2020-12-20\n"
            "  signature: 某工会\ncounts:\n  visits: { unit: 人 }\n  days: { unit: 天 }\n"
            "summary:\n  sections:\n    - id: care\n      title: 做好服务\n      points:\n"
            "        - 全年走访{visits}，开展活动{days}。\nactivities:\n")
    return head + "".join(
        f"  - {{ date: 2020-{i % 12 + 1:02}-{i % 28 + 1:02}, title: 第{i}次走访慰问困难职工家庭,"
        f" section: care, figures: {{ visits: {i % 7 + 1}, days: 1 }} }}\n"
        for i in range(n))


def prose(n):
    """An input of N paragraphs of body text, two lines each."""
    head = ("meta:\n  organisation: 某工会\n  year: 2020\n  date: 2020-12-20\n"
            "  signature: 某工会\nopening: 2020年，工会开展工作。\nsummary:\n  sections:\n"
            "    - title: 做好服务\n      body:\n")
    return head + "".join(
        f"        - paragraph: 第{i}次走访慰问困难职工家庭，听取意见建议，帮助解决实际困难，落实各项帮扶措施。\n"
        for i in range(n))


def timed(args):
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{' '.join(args)} failed with exit {code}")
    return elapsed, usage.ru_maxrss / 1024


def main():
    if not os.path.exists(BINARY):
        sys.exit(f"{BINARY} is missing: run `cargo build --release` first")
    folder = tempfile.mkdtemp(prefix="nianbao-scale-")
    print(f"{'':8}{'size':>10}{'seconds':>10}{'s/MB':>8}{'peak RSS':>11}")
    for name, make, sizes in (
        # 7 000 paragraphs (3.2 MB) make an input near the 10 MB limit (each figure
        # a count): the largest document imported; 20 000 are refused.
        ("import", document, (30, 300, 3000, 7000, 20000)),
        ("wrapped", wrapped, (1000, 10000, 100000, 150000)),
        ("run-on", run_on, (1000, 10000, 40000)),
        ("check", input_yaml, (300, 3000, 30000, 50000)),
        ("log", input_log, (100, 1000, 10000, 80000)),
        ("build", input_yaml, (300, 3000, 30000, 50000)),
        ("docx", prose, (110, 550)),
        ("pdf", prose, (110, 550)),
    ):
        for n in sizes:
            text = make(n)
            imported = name in ("import", "wrapped", "run-on")
            path = os.path.join(folder, f"{name}-{n}.{'txt' if imported else 'yaml'}")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            megabytes = len(text.encode()) / 1e6
            if name in ("docx", "pdf"):
                # The document nianbao makes of the input is what is imported.
                out = path + ".out"
                subprocess.run([BINARY, "build", path, "-o", out, "--format", name,
                                "--no-system-fonts"], check=True, capture_output=True)
                path = os.path.join(out, f"{name}-{n}.{name}")
                megabytes = os.path.getsize(path) / 1e6
                args = [BINARY, "import", path, "-o", path + ".yaml", "--force"]
            elif imported:
                args = [BINARY, "import", path, "-o", path + ".yaml", "--force"]
            elif name == "build":
                args = [BINARY, "build", path, "-o", path + ".out", "--no-system-fonts"]
            else:
                args = [BINARY, "check", path]
            elapsed, peak = timed(args)
            print(f"{name:8}{megabytes:>8.2f}MB{elapsed:>10.2f}{elapsed / megabytes:>8.2f}{peak:>9.0f}MB")


if __name__ == "__main__":
    main()
