"""Command line: ``python -m grader check --submission DIR [--chapter chNN ...] [--json F]``,
and ``python -m grader batch SUBMISSIONS_DIR [--out OUT_DIR]`` (see grader.batch).

Exit status: 0 when every check passed, 1 when some failed, 2 when grading could not run.
"""
import argparse
import sys
from pathlib import Path

from grader.contract import CHAPTERS

EXIT_PASSED, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


def grade(submission, chapters=CHAPTERS, include_hidden=True, progress=None, select=None, time_limit=None):
    """Grade ``submission`` on ``chapters``; returns the list of results.

    select: an optional predicate on checks (only those it accepts are run).
    time_limit: seconds, to lower every check's own limit per call (tests use it).
    """
    from grader.checking import run_check
    from grader.checks import all_checks
    from grader.runner import Worker

    results = []
    with Worker(submission) as worker:
        for check in all_checks(chapters, include_hidden):
            if select is not None and not select(check):
                continue
            result = run_check(check, worker, time_limit)
            results.append(result)
            if progress:
                progress(result)
    return results


def locate_submission(path):
    """The folder that holds common/ or chNN/: ``path`` itself, or the one folder inside it
    that an unzip often adds."""
    path = Path(path)
    if not path.is_dir():
        raise SystemExit(f"error: submission folder {path} does not exist")
    markers = ("common", "ch05", "ch07")
    if any((path / m).is_dir() for m in markers):
        return path
    inner = [p for p in path.iterdir() if p.is_dir() and any((p / m).is_dir() for m in markers)]
    if len(inner) == 1:
        return inner[0]
    notebooks = sorted(p.name for p in path.rglob("*.ipynb"))[:3]
    if notebooks:
        raise SystemExit(f"error: {path} holds notebooks ({', '.join(notebooks)}) but no common/ folder: the grader "
                         "reads the modules (common/layers.py, ch05/two_layer_net.py, ...); put your code into the "
                         "files of student_template/ and hand in that folder")
    raise SystemExit(f"error: {path} holds no common/ folder: is it a submission laid out like the book's "
                     "repository (common/layers.py, ch05/two_layer_net.py, ...)?")


def main(argv=None):
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["batch"]:
        from grader.batch import main as batch_main

        return batch_main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m grader", description="Grade submissions.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="grade one submission folder")
    sub.add_parser("batch", help="grade a folder of submissions (python -m grader batch -h)")
    check.add_argument("--submission", default=str(Path(__file__).resolve().parent.parent / "student_template"),
                       help="the submission folder (default: student_template/)")
    check.add_argument("--chapter", action="append", choices=CHAPTERS,
                       help="grade only this chapter (repeatable; default: all)")
    check.add_argument("--json", metavar="PATH", help="also write Gradescope's results.json here")
    check.add_argument("--public", action="store_true", help="leave out the hidden checks")
    check.add_argument("--no-color", action="store_true", help="plain text even on a terminal")
    check.add_argument("--quiet", action="store_true", help="no line per check while grading")
    check.add_argument("--time-limit", type=float, default=None, metavar="SECONDS",
                       help="lower every check's own time limit per call to this")
    args = parser.parse_args(argv)

    try:
        submission = locate_submission(args.submission)
    except SystemExit as exc:
        print(exc, file=sys.stderr)
        return EXIT_ERROR
    from grader import report
    from grader.runner import WorkerStartError

    chapters = tuple(args.chapter) if args.chapter else CHAPTERS
    colour = report.use_colour() and not args.no_color

    def progress(result):
        if not args.quiet:
            print(f"  {result.status:<7} {result.check.chapter} {result.check.name}", file=sys.stderr, flush=True)

    print(f"Grading {submission} ({', '.join(chapters)})", file=sys.stderr)
    try:
        results = grade(submission, chapters, include_hidden=not args.public, progress=progress,
                        time_limit=args.time_limit)
    except (OSError, WorkerStartError) as exc:
        print(f"error: grading could not run: {exc}", file=sys.stderr)
        return EXIT_ERROR
    print(report.table(results, colour=colour))
    if args.json:
        report.write_json(results, args.json)
    if any(r.grader_fault for r in results):
        return EXIT_ERROR
    return EXIT_PASSED if all(r.status == "passed" for r in results) else EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
