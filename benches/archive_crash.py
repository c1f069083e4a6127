#!/usr/bin/env python3
"""Crash and concurrency runs against the archive (issue 16's "done when").

1. `kill -9` at a random moment during `archive --replace`, RUNS times (100 by
   default), each followed by `nianbao archive verify` and ocfl-py's validator
   (tests/tools/ocfl_validate.py); prints how many verified, and how many
   versions the kills let through.
2. Two writers at once (`archive --replace` of two different organisations
   and of the same one), PAIRS times (50 by default), each pair followed by the
   same checks and a count of the versions (none may be lost).

Run from the repository root (needs ocfl-py: python3 -m pip install ocfl-py):

    cargo build --release && python3 benches/archive_crash.py [RUNS] [PAIRS]
"""
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

BINARY = os.path.join("target", "release", "nianbao")
VALIDATOR = os.path.join("tests", "tools", "ocfl_validate.py")


def final_input(folder, organisation):
    with open("inputs/2020.yaml", encoding="utf-8") as f:
        text = f.read().replace("（统计具体数字）", "")
    text = text.replace("广东邮电职业技术学院学院工会", organisation)
    path = os.path.join(folder, organisation + ".yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def archive(path, root):
    return [BINARY, "archive", path, "--dir", root, "--replace", "--no-system-fonts"]


def checks(root):
    """nianbao's verify and ocfl-py's validator: (both passed, report)."""
    verify = subprocess.run([BINARY, "archive", "verify", "--dir", root],
                            capture_output=True, text=True)
    ocfl = subprocess.run([sys.executable, VALIDATOR, root],
                          capture_output=True, text=True)
    ok = verify.returncode == 0 and ocfl.returncode == 0
    return ok, verify.stdout + verify.stderr + ocfl.stdout


def versions(root):
    listed = subprocess.run([BINARY, "archive", "list", "--dir", root],
                            capture_output=True, text=True, check=True)
    return len(listed.stdout.splitlines()) - 1


def kills(runs, folder):
    root = os.path.join(folder, "killed")
    path = final_input(folder, "甲工会")
    subprocess.run(archive(path, root), capture_output=True, check=True)
    # How long a whole run takes, to kill within it.
    start = time.perf_counter()
    subprocess.run(archive(path, root), capture_output=True, check=True)
    whole = time.perf_counter() - start
    passed, committed = 0, 0
    for run in range(runs):
        before = versions(root)
        child = subprocess.Popen(archive(path, root), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
        time.sleep(random.uniform(0, whole * 1.1))
        child.send_signal(signal.SIGKILL)
        child.wait()
        ok, report = checks(root)
        after = versions(root)
        if ok and after in (before, before + 1):
            passed += 1
        else:
            print(f"kill run {run}: FAILED ({before} → {after} versions)\n{report}")
        committed += after - before
    print(f"kill -9 at random moments (0–{whole * 1100:.0f} ms into a {whole * 1000:.0f} ms run):"
          f" {passed}/{runs} runs left an archive that verifies (nianbao and ocfl-py);"
          f" {committed} of the killed runs had committed their version")
    return passed == runs


def pairs(count, folder):
    root = os.path.join(folder, "concurrent")
    a = final_input(folder, "乙工会")
    b = final_input(folder, "丙工会")
    passed = 0
    for run in range(count):
        before = versions(root) if os.path.exists(root) else 0
        same = run % 2 == 1
        writers = [subprocess.Popen(archive(p, root), stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
                   for p in ([a, a] if same else [a, b])]
        codes = [w.wait() for w in writers]
        ok, report = checks(root)
        after = versions(root)
        if ok and codes == [0, 0] and after == before + 2:
            passed += 1
        else:
            print(f"pair {run}: FAILED (exit {codes}, {before} → {after} versions)\n{report}")
    print(f"two writers at once (different documents, and the same one): {passed}/{count} pairs"
          " verified with both versions recorded")
    return passed == count


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    with tempfile.TemporaryDirectory() as folder:
        ok = kills(runs, folder) & pairs(count, folder)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
