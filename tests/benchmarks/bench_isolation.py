"""What isolation costs: a worker's start, and grading the reference per chapter, under every
level this machine has, measured side by side in one run (the levels take turns in each round).

Usage: python tests/benchmarks/bench_isolation.py [--rounds N] [--starts N] [--json PATH]
Prints the median per level and the difference to the audit-hook level (no kernel isolation),
and writes JSON under build/bench/. Not a test: the figures depend on the machine and its load.
"""
import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import bench_results  # noqa: E402

from grader.api import grade, prepare_dataset  # noqa: E402
from grader.grading.contract import CHAPTERS  # noqa: E402
from grader.grading.probes import import_module  # noqa: E402
from grader.isolation import levels as isolation  # noqa: E402
from grader.isolation.runner import Worker  # noqa: E402
from tests.grader.mutants import SOLUTIONS  # noqa: E402


def use(level):
    os.environ[isolation.ENV_VAR] = level
    isolation.level.cache_clear()


def worker_start(level):
    """Seconds from nothing to a worker that has answered one request."""
    use(level)
    start = time.perf_counter()
    with Worker(SOLUTIONS) as worker:
        worker.call(import_module, {"module": "common.functions"}, 0, 60)
    return time.perf_counter() - start


def chapter_time(level, chapter):
    use(level)
    start = time.perf_counter()
    grade(SOLUTIONS, chapters=(chapter,))
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds of grading every chapter (default 3)")
    parser.add_argument("--starts", type=int, default=10, help="worker starts per level (default 10)")
    parser.add_argument("--json", type=Path, default=None, help="where to write the results (default build/bench/)")
    args = parser.parse_args()
    levels = isolation.available()
    prepare_dataset()
    starts = {level: [] for level in levels}
    for _ in range(args.starts):
        for level in levels:
            starts[level].append(worker_start(level))
    chapters = {level: {chapter: [] for chapter in CHAPTERS} for level in levels}
    for round_index in range(args.rounds):
        for chapter in CHAPTERS:
            for level in levels:
                seconds = chapter_time(level, chapter)
                chapters[level][chapter].append(seconds)
                print(f"  round {round_index + 1} {chapter} {level:<11} {seconds:6.2f} s", flush=True)
    base = isolation.AUDIT_HOOK
    results = {"machine": bench_results.machine_info(), "levels": levels, "worker_start_s": {},
               "chapter_s": {}}
    print(f"\n{'level':<12} {'start s':>8} {'+ vs ' + base:>16}")
    for level in levels:
        median = statistics.median(starts[level])
        results["worker_start_s"][level] = median
        print(f"{level:<12} {median:8.3f} {median - statistics.median(starts[base]):+16.3f}")
    print(f"\n{'level':<12} " + " ".join(f"{c:>8}" for c in CHAPTERS) + f" {'+ max vs ' + base:>20}")
    for level in levels:
        medians = {c: statistics.median(chapters[level][c]) for c in CHAPTERS}
        results["chapter_s"][level] = medians
        extra = max(medians[c] - statistics.median(chapters[base][c]) for c in CHAPTERS)
        print(f"{level:<12} " + " ".join(f"{medians[c]:8.2f}" for c in CHAPTERS) + f" {extra:+20.2f}")
    bench_results.write_json(results, "isolation", args.json)


if __name__ == "__main__":
    main()
