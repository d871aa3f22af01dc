"""Command line: ``python -m grader check [chNN ...] [--submission DIR] [--chapter chNN ...] [--json F]
[--lang en|ko|ja] [--report-dir DIR]``, and ``python -m grader batch SUBMISSIONS_DIR [--out OUT_DIR]``
(see grader.frontends.batch).

Feedback is in any language of grader.feedback.languages that has a PO file: ``--lang``, else
the locale (LC_ALL, LC_MESSAGES or LANG starting with ``ko``, ``ja``, ...). ``--report-dir``
writes the report (report.txt) and, when matplotlib is installed, its pictures (learning
curves of the MNIST checks, maps of gradient errors).

Installed (``pip install .``), the same commands are ``dlfs check ...``, ``dlfs batch ...``.

Exit status: 0 when every check passed, 1 when some failed, 2 when grading could not run.
"""
import argparse
import sys
from pathlib import Path

from grader.api import KIT_ROOT, SubmissionNotFound, grade, locate_submission, undrawn_pictures, write_report
from grader.feedback.messages import LANGUAGES, Message, render, resolve_language, set_language
from grader.feedback.sanitise import visible
from grader.grading.contract import CHAPTERS

EXIT_PASSED, EXIT_FAILED, EXIT_ERROR = 0, 1, 2
# Commands with their own parsers: name -> (module, help)
DELEGATED = {
    "batch": ("grader.frontends.batch", "grade a folder of submissions (batch -h)"),
    "gradescope": ("grader.frontends.gradescope", "build or run the Gradescope autograder (gradescope -h)"),
    "course": ("grader.frontends.notebook", "the nbgrader course: build-course, prepare-submissions, groups"),
    "release": ("grader.frontends.release", "build the student kit (release -h)"),
    "classroom": ("grader.frontends.classroom", "regenerate GitHub Classroom's autograding.json from the checks"),
    "template": ("grader.frontends.make_template", "regenerate student_template/ from the reference (solutions/)"),
}


def _is_terminal(stream):
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class TransientLine:
    """One line of a terminal that each ``show`` overwrites (carriage return, then the text
    padded over the previous one, cut to the terminal's width so that it never wraps) and
    ``clear`` blanks."""

    def __init__(self, stream):
        self.stream, self.shown = stream, 0

    def show(self, text):
        import shutil

        from grader.feedback.report import display_width

        room = max(10, shutil.get_terminal_size((80, 24)).columns - 1)
        text = visible(text)
        while display_width(text) > room:
            text = text[:-1]
        width = display_width(text)
        self.stream.write("\r" + text + " " * max(0, self.shown - width))
        self.stream.flush()
        self.shown = width

    def clear(self):
        if self.shown:
            self.stream.write("\r" + " " * self.shown + "\r")
            self.stream.flush()
            self.shown = 0


def default_submission():
    """The kit's student_template/ when running from the kit's folder; the current folder when
    the kit is installed (``dlfs check`` in the student's work folder)."""
    template = KIT_ROOT / "student_template"
    return template if template.is_dir() else Path.cwd()


def main(argv=None):
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] and argv[0] in DELEGATED:
        import importlib

        return importlib.import_module(DELEGATED[argv[0]][0]).main(argv[1:])
    prog = "dlfs" if Path(sys.argv[0]).name == "dlfs" else "python -m grader"
    parser = argparse.ArgumentParser(prog=prog, description="Grade submissions.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="grade one submission folder")
    for name, (_, help_text) in DELEGATED.items():
        sub.add_parser(name, help=help_text)
    check.add_argument("--submission", default=str(default_submission()),
                       help="the submission folder (default: the kit's student_template/ or, when the kit "
                            "is installed, the current folder)")
    check.add_argument("chapters", nargs="*", metavar="CHAPTER", help=f"chapters to grade ({', '.join(CHAPTERS)}; "
                       "the same as --chapter)")
    check.add_argument("--chapter", action="append", choices=CHAPTERS,
                       help="grade only this chapter (repeatable; default: all)")
    check.add_argument("--json", metavar="PATH", help="also write Gradescope's results.json here")
    check.add_argument("--group", metavar="KEY", default=None,
                       help="grade only this group of checks of the chapter (the notebook's groups: "
                            "`python -m grader course groups`); needs one --chapter")
    check.add_argument("--public", action="store_true", help="leave out the hidden checks")
    check.add_argument("--no-color", action="store_true", help="plain text even on a terminal")
    check.add_argument("--quiet", action="store_true",
                       help="no progress line while grading (there is none when standard error is not a terminal)")
    check.add_argument("--time-limit", type=float, default=None, metavar="SECONDS",
                       help="lower every check's own time limit per call to this")
    check.add_argument("--lang", choices=LANGUAGES, default=None,
                       help="language of the feedback (default: the locale's, e.g. ko for a ko_* locale; else en)")
    check.add_argument("--report-dir", metavar="DIR", default=None,
                       help="also write report.txt and its pictures (PNG, if matplotlib is installed) here")
    check.add_argument("--lenient-names", action="store_true",
                       help="grade files and names that are the book's written differently (ReLU for Relu, "
                            "common/function.py) under the book's names, and list them")
    args = parser.parse_args(argv)
    unknown = [c for c in args.chapters if c not in CHAPTERS]
    if unknown:
        parser.error(f"no chapter {', '.join(unknown)} (chapters: {', '.join(CHAPTERS)})")
    args.chapter = (args.chapter or []) + [c for c in args.chapters if c not in (args.chapter or [])]
    language = resolve_language(args.lang)
    set_language(language)
    select = None
    if args.group is not None:
        from grader.frontends.notebook import GroupError, find_group

        if not args.chapter or len(args.chapter) != 1:
            parser.error("--group needs exactly one --chapter")
        try:
            members = {id(c) for c in find_group(args.chapter[0], args.group)[1]}
        except GroupError as exc:
            parser.error(str(exc))

        def select(check):
            return id(check) in members

    try:
        submission = locate_submission(args.submission)
    except SubmissionNotFound as exc:
        print(visible(str(exc)), file=sys.stderr)
        return EXIT_ERROR
    from grader.feedback import report
    from grader.grading.errors import WorkerStartError
    from grader.isolation.levels import IsolationError

    chapters = tuple(args.chapter) if args.chapter else CHAPTERS
    colour = report.use_colour() and not args.no_color

    line = TransientLine(sys.stderr) if not args.quiet and _is_terminal(sys.stderr) else None

    def progress(result):
        # The table after grading shows every check: while grading, one line on a terminal,
        # overwritten by the next check and cleared at the end; nothing elsewhere.
        if line is not None:
            line.show(f"  {report.status_text(result.status)} {result.check.chapter} {report.title(result.check)}")

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
        results = grade(submission, chapters, include_hidden=not args.public, progress=progress, select=select,
                        time_limit=args.time_limit, lenient_names=args.lenient_names, renamed=renamed)
    except (OSError, WorkerStartError, IsolationError) as exc:
        print(render(Message("cli.could_not_run", detail=visible(str(exc)))), file=sys.stderr)
        return EXIT_ERROR
    finally:
        if line is not None:
            line.clear()
    if renamed:
        print(render(Message("names.heading")))
        for near_miss in renamed:
            print("  " + visible(render(near_miss.message())))
        print()
    from grader.isolation import levels as isolation

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
        print(report.pictures_line(names, args.report_dir, language))
    undrawn = undrawn_pictures(results) if args.report_dir else None
    if undrawn is not None:
        print(render(undrawn))
    faults = [r for r in results if r.grader_fault]
    if faults:  # said last on stderr: a batch records the last line as the reason it could not grade
        print(render(Message("cli.grader_fault", check=faults[0].check.name, count=len(faults),
                             detail=faults[0].reason)), file=sys.stderr)
        return EXIT_ERROR
    return EXIT_PASSED if all(r.status == "passed" for r in results) else EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
