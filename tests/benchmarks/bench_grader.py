"""Time to grade a submission, per chapter and in total (each chapter in a fresh worker).

Usage: python tests/benchmarks/bench_grader.py [--submission DIR | --book-style] [--rounds N] [--json PATH]
Without --submission: the reference, then the reference with its layers written the book's way
(the book-style Relu, Affine, SoftmaxWithLoss, Convolution and Pooling that the bug zoo also
uses): a student as slow as the book's own code. Round 1 is the first run (bytecode compiled,
MNIST parsed if not cached yet); later rounds are warm. Prints every round, then first-run and
warm figures; the results are also written as JSON. Not a test: the figures depend on the machine.
"""
import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import bench_results  # noqa: E402

from grader.api import grade  # noqa: E402
from grader.grading.contract import CHAPTERS  # noqa: E402
from tests.grader.mutants import ALTERNATIVES, SOLUTIONS, build, load_member  # noqa: E402


def book_style_submission(folder):
    """The reference with the book-style layers, built in folder."""
    return build(load_member(ALTERNATIVES / "ch07_book_style_layers.py"), Path(folder) / "book-style")


def time_grading(label, submission, rounds):
    """{chapter: [seconds per round]} for grading submission, printing each round."""
    times = {chapter: [] for chapter in CHAPTERS}
    for round_index in range(rounds):
        for chapter in CHAPTERS:
            start = time.perf_counter()
            results = grade(submission, chapters=(chapter,))
            elapsed = time.perf_counter() - start
            times[chapter].append(elapsed)
            score = sum(r.score for r in results)
            slow = sum(1 for r in results if r.check.slow)
            print(f"  {label} round {round_index + 1} {chapter}: {elapsed:6.1f} s  score {score:g}  "
                  f"({len(results)} checks, {slow} on MNIST)", flush=True)
    return times


def summary(times):
    """First run and warm (median of the later rounds) per chapter and in total, in seconds."""
    rows = {}
    for chapter, seconds in times.items():
        rows[chapter] = {"first_s": seconds[0], "warm_s": statistics.median(seconds[1:]) if len(seconds) > 1 else None}
    rows["total"] = {
        "first_s": sum(row["first_s"] for row in rows.values()),
        "warm_s": sum(row["warm_s"] for row in rows.values()) if all(r["warm_s"] is not None for r in rows.values())
        else None,
    }
    return rows


def print_table(label, rows):
    print(f"\nGrading {label}")
    print(f"  {'chapter':<8} {'first s':>8} {'warm s':>8}")
    for chapter, row in rows.items():
        warm = f"{row['warm_s']:8.1f}" if row["warm_s"] is not None else f"{'-':>8}"
        print(f"  {chapter:<8} {row['first_s']:8.1f} {warm}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submission", help="grade this folder only")
    parser.add_argument("--book-style", action="store_true", help="grade the book-style submission only")
    parser.add_argument("--rounds", type=int, default=2, help="rounds per submission (default 2: first run and warm)")
    parser.add_argument("--json", type=Path, default=None, help="where to write the results (default build/bench/)")
    args = parser.parse_args()
    results = {"machine": bench_results.machine_info(), "rounds": args.rounds, "grading": {}}
    with tempfile.TemporaryDirectory() as scratch:
        if args.submission:
            submissions = {args.submission: Path(args.submission)}
        elif args.book_style:
            submissions = {"book-style": book_style_submission(scratch)}
        else:
            submissions = {"reference": SOLUTIONS, "book-style": book_style_submission(scratch)}
        for label, submission in submissions.items():
            results["grading"][label] = summary(time_grading(label, submission, args.rounds))
    for label, rows in results["grading"].items():
        print_table(label, rows)
    bench_results.write_json(results, "grading", args.json)


if __name__ == "__main__":
    main()
