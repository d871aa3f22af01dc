"""Time to grade a submission, per chapter and in total (each chapter in a fresh worker).

Usage: python tests/benchmarks/bench_grader.py [--submission DIR | --book-style] [--rounds N]
--book-style grades the reference with the layers written the book's way (im2col, argmax and
col2im; the benchmarks' book-style classes, as the bug zoo uses them): a student as slow as the
book's own code. Round 1 is the first run (bytecode compiled, MNIST parsed if not cached);
later rounds are warm. Prints every round, then min and median; not a test: the figures
depend on the machine.
"""
import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from grader.cli import grade  # noqa: E402
from grader.contract import CHAPTERS  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submission", default=str(ROOT / "solutions"))
    parser.add_argument("--book-style", action="store_true",
                        help="grade the reference with the book-style Relu, Affine, Convolution and Pooling")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    if args.book_style:
        from tests.grader.mutants import ALTERNATIVES, build, load_member

        scratch = tempfile.TemporaryDirectory()
        member = load_member(ALTERNATIVES / "ch07_book_style_layers.py")
        args.submission = str(build(member, Path(scratch.name) / "book-style"))
    times = {chapter: [] for chapter in CHAPTERS}
    totals = []
    for _ in range(args.rounds):
        total = 0.0
        for chapter in CHAPTERS:
            start = time.perf_counter()
            results = grade(args.submission, chapters=(chapter,))
            elapsed = time.perf_counter() - start
            times[chapter].append(elapsed)
            total += elapsed
            score = sum(r.score for r in results)
            slow = sum(1 for r in results if r.check.slow)
            print(f"  {chapter}: {elapsed:6.1f} s  score {score:g}/100  ({len(results)} checks, {slow} on MNIST)",
                  flush=True)
        totals.append(total)
    label = "the reference with book-style layers" if args.book_style else args.submission
    print(f"\nGrading {label} ({args.rounds} round{'s' if args.rounds > 1 else ''})")
    print(f"{'chapter':<8} {'min s':>8} {'median s':>9}")
    for chapter in CHAPTERS:
        print(f"{chapter:<8} {min(times[chapter]):8.1f} {statistics.median(times[chapter]):9.1f}")
    print(f"{'total':<8} {min(totals):8.1f} {statistics.median(totals):9.1f}")


if __name__ == "__main__":
    main()
