"""Batch throughput: submissions graded per minute for a mixed class of 20.

The class: 3 copies of the reference, 3 untouched templates, 8 bug-zoo members and 6 hostile
submissions, graded on every chapter with all cores. Not a test: figures depend on the machine.
Usage: python tests/benchmarks/bench_batch.py [--jobs N] [--chapter chNN ...] [--json PATH]
The results are also written as JSON (default: build/bench/batch-<date>-<time>.json).
"""
import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import bench_results  # noqa: E402

from grader.frontends.batch import run_batch  # noqa: E402
from grader.grading.contract import CHAPTERS  # noqa: E402
from tests.grader.mutants import BUG_ZOO, SOLUTIONS, build, load_member, members  # noqa: E402
from tests.grader.test_hostile import HOSTILE, build_member  # noqa: E402


def make_class(folder):
    ignore = shutil.ignore_patterns("__pycache__")
    for i in range(3):
        shutil.copytree(SOLUTIONS, folder / f"reference-{i}", ignore=ignore)
        shutil.copytree(ROOT / "student_template", folder / f"template-{i}", ignore=ignore)
    zoo = members(BUG_ZOO)
    for path in zoo[:: max(1, len(zoo) // 8)][:8]:
        build(load_member(path), folder / f"zoo-{path.stem}")
    hostile = sorted(HOSTILE.glob("ch*.py"))
    for path in hostile[:: max(1, len(hostile) // 6)][:6]:
        build_member(load_member(path), folder / f"hostile-{path.stem}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--chapter", action="append", choices=CHAPTERS)
    parser.add_argument("--json", type=Path, default=None, help="where to write the results (default build/bench/)")
    args = parser.parse_args()
    machine = bench_results.machine_info()
    chapters = tuple(args.chapter) if args.chapter else CHAPTERS
    with tempfile.TemporaryDirectory() as tmp:
        class_dir = Path(tmp) / "class"
        class_dir.mkdir()
        make_class(class_dir)
        count = len(list(class_dir.iterdir()))
        start = time.perf_counter()
        summary = run_batch(class_dir, Path(tmp) / "out", chapters, jobs=args.jobs, stream=open(os.devnull, "w"))
        elapsed = time.perf_counter() - start
    print(f"class of {count} mixed submissions, chapters {', '.join(chapters)}, {args.jobs} jobs")
    print(f"  wall time        {elapsed:8.1f} s")
    print(f"  per submission   {elapsed / count:8.1f} s")
    print(f"  graded per min   {count / elapsed * 60:8.1f}")
    print(f"  not graded       {len(summary['not_graded']):8d}")
    bench_results.write_json({"machine": machine, "submissions": count, "chapters": list(chapters),
                              "jobs": args.jobs, "wall_s": elapsed, "per_submission_s": elapsed / count,
                              "graded_per_minute": count / elapsed * 60,
                              "not_graded": len(summary["not_graded"])}, "batch", args.json)


if __name__ == "__main__":
    main()
