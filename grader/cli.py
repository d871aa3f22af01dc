"""Command line: ``python -m grader check --submission DIR [--chapter chNN ...] [--json F]
[--lang ko|en] [--report-dir DIR]``, and ``python -m grader batch SUBMISSIONS_DIR [--out OUT_DIR]``
(see grader.batch).

Feedback is in English or Korean: ``--lang``, else the locale (LC_ALL, LC_MESSAGES or LANG
starting with ``ko``). ``--report-dir`` writes the report (report.txt) and, when matplotlib is
installed, its pictures (learning curves of the MNIST checks, maps of gradient errors).

Exit status: 0 when every check passed, 1 when some failed, 2 when grading could not run.
"""
import argparse
import sys
from pathlib import Path

from grader.contract import CHAPTERS
from grader.files import atomic_write
from grader.messages import LANGUAGES, Message, render, resolve_language, set_language
from grader.sanitise import visible

EXIT_PASSED, EXIT_FAILED, EXIT_ERROR = 0, 1, 2
KIT_ROOT = Path(__file__).resolve().parent.parent
_dataset_ready = False


def prepare_dataset():
    """Load MNIST once in the grader's own process: it downloads missing files and writes the
    parsed cache, which a worker (no network, no writing to the kit) cannot do. A failure only
    warns here; the MNIST checks then say what is wrong and what to do."""
    global _dataset_ready
    if _dataset_ready:
        return
    if str(KIT_ROOT) not in sys.path:
        sys.path.insert(0, str(KIT_ROOT))
    try:
        from dataset.mnist import default_directory, load_mnist
        from grader import worker_dataset

        load_mnist()
        worker_dataset.prepare(default_directory(), load_mnist)
        _dataset_ready = True
    except Exception as exc:  # noqa: BLE001  (the MNIST checks report it per submission)
        print(render(Message("mnist.warning", detail=str(exc))), file=sys.stderr)


def grade(submission, chapters=CHAPTERS, include_hidden=True, progress=None, select=None, time_limit=None,
          for_credit=False, allow_weak=False, lenient_names=False, renamed=None):
    """Grade ``submission`` on ``chapters``; returns the list of results.

    select: an optional predicate on checks (only those it accepts are run).
    time_limit: seconds, to lower every check's own limit per call (tests use it).
    for_credit: refuse (grader.isolation.IsolationError) unless the submission's code is
    confined by the kernel, or ``allow_weak``.
    lenient_names: grade files and names that are the book's written differently (ReLU for
    Relu) under the book's names (grader.names); ``renamed``, a list, then receives what was
    graded under another name (grader.names.NearMiss).
    """
    from grader import isolation
    from grader.checking import reconcile, run_check

    if for_credit:
        isolation.require_for_credit(allow_weak)
    if lenient_names:
        import tempfile

        from grader import names

        with tempfile.TemporaryDirectory(prefix="book-names-") as tmp:
            copy = Path(tmp) / "submission"
            applied = names.book_named_copy(submission, copy)
            if renamed is not None:
                renamed.extend(applied)
            return grade(copy, chapters, include_hidden, progress, select, time_limit)
    from grader.checks import all_checks
    from grader.names import explain_near_misses
    from grader.runner import Worker

    checks = [c for c in all_checks(chapters, include_hidden) if select is None or select(c)]
    if any(c.slow for c in checks):
        prepare_dataset()
    results = []
    with Worker(submission, include_hidden) as worker:
        for check in checks:
            result = run_check(check, worker, time_limit)
            explain_near_misses(result, submission)
            results.append(result)
            if progress:
                progress(result)
    return reconcile(results)


LOCATE_DEPTH = 3  # how many folders down the book's layout may sit inside a submission


def graded_modules(folder):
    """How many of the contract's module files ``folder`` holds in the book's layout."""
    from grader.contract import MODULE_CHAPTER

    return sum((Path(folder) / relative).is_file() for relative in MODULE_CHAPTER)


def locate_submission(path):
    """The folder laid out like the book's repository inside ``path``: the one, ``path`` itself
    or up to LOCATE_DEPTH folders down, that holds the most of the graded module files
    (``common/layers.py``, ``ch05/two_layer_net.py``, ...), the shallowest on a tie. Found by
    the files it holds, never by folder names: an assignment folder named ``ch05`` around the
    layout (nbgrader's ``submitted/STUDENT/ch05/``) is not the book's ``ch05/``."""
    path = Path(path)
    if not path.is_dir():
        raise SystemExit(render(Message("cli.no_folder", path=str(path))))
    best, best_count = None, 0
    level = [path]
    for _ in range(LOCATE_DEPTH + 1):
        for folder in level:
            count = graded_modules(folder)
            if count > best_count:
                best, best_count = folder, count
        level = [child for folder in level for child in sorted(_subfolders(folder))]
    if best is not None:
        return best
    notebooks = sorted(p.name for p in path.rglob("*.ipynb"))[:3]
    if notebooks:
        raise SystemExit(render(Message("cli.notebooks", path=str(path), names=", ".join(notebooks))))
    raise SystemExit(render(Message("cli.no_common", path=str(path))))


def _subfolders(folder):
    try:
        return [p for p in folder.iterdir() if p.is_dir() and not p.is_symlink() and not p.name.startswith(".")
                and p.name != "__pycache__"]
    except OSError:
        return []


def write_report(results, folder, language, shown_as=None, isolation=None):
    """report.txt and the pictures of ``results`` in ``folder``; returns the pictures' names.
    ``shown_as``: how the report names the folder (default: as given)."""
    from grader import report

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    from grader import pictures

    if pictures.available():
        try:
            names = pictures.save_result_pictures(results, folder, language)
        except Exception as exc:  # noqa: BLE001  (a picture never costs the report)
            print(render(Message("cli.pictures_failed", detail=f"{type(exc).__name__}: {exc}")), file=sys.stderr)
    text = report.table(results, colour=False, width=100, language=language, isolation=isolation)
    if names:
        text += "\n" + pictures_line(names, shown_as or str(folder), language)
    atomic_write(folder / "report.txt", text + "\n")
    return names


def pictures_line(names, folder, language):
    return render(Message("report.pictures", folder=folder, names=", ".join(names)), language)


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
    check.add_argument("--lang", choices=LANGUAGES, default=None,
                       help="language of the feedback (default: the locale's, ko for a ko_* locale, else en)")
    check.add_argument("--report-dir", metavar="DIR", default=None,
                       help="also write report.txt and its pictures (PNG, if matplotlib is installed) here")
    check.add_argument("--lenient-names", action="store_true",
                       help="grade files and names that are the book's written differently (ReLU for Relu, "
                            "common/function.py) under the book's names, and list them")
    args = parser.parse_args(argv)
    language = resolve_language(args.lang)
    set_language(language)

    try:
        submission = locate_submission(args.submission)
    except SystemExit as exc:
        print(visible(str(exc)), file=sys.stderr)
        return EXIT_ERROR
    from grader import report
    from grader.isolation import IsolationError
    from grader.runner import WorkerStartError

    chapters = tuple(args.chapter) if args.chapter else CHAPTERS
    colour = report.use_colour() and not args.no_color

    def progress(result):
        if not args.quiet:
            print(f"  {report.pad(report.status_text(result.status), report.status_width())} {result.check.chapter} "
                  f"{report.title(result.check)}", file=sys.stderr, flush=True)

    # The output folders are made before grading, so that a bad path does not cost a whole run.
    for folder in (Path(args.json).parent if args.json else None, Path(args.report_dir) if args.report_dir else None):
        try:
            if folder is not None:
                folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            print(render(Message("cli.could_not_write", path=str(folder), detail=str(exc))), file=sys.stderr)
            return EXIT_ERROR
    print(render(Message("cli.grading", submission=visible(str(submission)), chapters=", ".join(chapters))),
          file=sys.stderr)
    renamed = []
    try:
        results = grade(submission, chapters, include_hidden=not args.public, progress=progress,
                        time_limit=args.time_limit, lenient_names=args.lenient_names, renamed=renamed)
    except (OSError, WorkerStartError, IsolationError) as exc:
        print(render(Message("cli.could_not_run", detail=visible(str(exc)))), file=sys.stderr)
        return EXIT_ERROR
    if renamed:
        print(render(Message("names.heading")))
        for near_miss in renamed:
            print("  " + visible(render(near_miss.message())))
        print()
    from grader import isolation

    level = isolation.level()
    print(report.table(results, colour=colour, isolation=level))
    try:
        names = write_report(results, args.report_dir, language, isolation=level) if args.report_dir else []
        if args.json:
            report.write_json(results, args.json, isolation=level)
    except OSError as exc:
        print(render(Message("cli.could_not_write", path=exc.filename or "", detail=str(exc))), file=sys.stderr)
        return EXIT_ERROR
    if names:
        print(pictures_line(names, args.report_dir, language))
    faults = [r for r in results if r.grader_fault]
    if faults:  # said last on stderr: a batch records the last line as the reason it could not grade
        print(render(Message("cli.grader_fault", check=faults[0].check.name, count=len(faults),
                             detail=faults[0].reason)), file=sys.stderr)
        return EXIT_ERROR
    return EXIT_PASSED if all(r.status == "passed" for r in results) else EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
