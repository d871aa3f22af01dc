"""Grading from a notebook (Jupyter, Google Colab): ``from grader import check; check("ch05")``.

``check`` grades the work folder (the notebook's current folder, or the book's layout found
inside it) through the library API, like ``python -m grader check``, and shows in the cell:

- while grading, one line that is replaced as each check ends (an updating display; nothing
  when the notebook cannot update a display), so that no check is printed twice;
- once grading ends, the report table, printed once on standard output, then the pictures of
  the report (learning curves, maps of gradient errors) inline, when matplotlib is installed.

Nothing is written to standard error (a notebook shows it in red, and nbgrader takes it for a
failed cell): what the grader or a library would say there is shown after the table. Nothing
is raised for a problem of the submission or of the set-up: the cell says what is wrong.
Feedback is in ``lang`` (``"en"`` or ``"ko"``), by default the locale's.
"""
import contextlib
import io
import sys
import tempfile
import time
import warnings
from pathlib import Path

from grader.api import SubmissionNotFound, grade, locate_submission
from grader.feedback.messages import DEFAULT_LANGUAGE, LANGUAGES, Message, render, resolve_language, using
from grader.feedback.sanitise import visible
from grader.grading.contract import CHAPTERS

TABLE_WIDTH = 100


class _Progress:
    """One line that is replaced as grading goes on: an IPython display with an id in a kernel,
    a carriage return on a terminal, nothing elsewhere."""

    def __init__(self, stream):
        self.stream = stream
        self.handle = None
        self.terminal = False
        try:
            from IPython import get_ipython
            from IPython.display import Pretty, display

            if get_ipython() is not None and getattr(get_ipython(), "kernel", None) is not None:
                self._pretty = Pretty
                self.handle = display(Pretty(""), display_id=True)
        except ImportError:
            pass
        if self.handle is None:
            self.terminal = bool(getattr(stream, "isatty", lambda: False)())

    def show(self, text):
        if self.handle is not None:
            self.handle.update(self._pretty(text))
        elif self.terminal:
            self.stream.write("\r\033[K" + text)
            self.stream.flush()

    def close(self, text=""):
        if self.handle is not None:
            self.handle.update(self._pretty(text))
        elif self.terminal:
            self.stream.write("\r\033[K" + (text + "\n" if text else ""))
            self.stream.flush()


def _show_pictures(results, language):
    """Draw the results' pictures and show them in the notebook; the names of those shown."""
    from grader.feedback import pictures

    if not pictures.planned(results):
        return []
    try:
        from IPython.display import Image, display
    except ImportError:
        return []
    if not pictures.available():
        print(render(Message("jupyter.no_matplotlib", command="pip install matplotlib"), language))
        return []
    with tempfile.TemporaryDirectory(prefix="dlfs-pictures-") as folder:
        names = pictures.save_result_pictures(results, folder, language)
        for name in names:
            display(Image(data=(Path(folder) / name).read_bytes(), format="png"))
    return names


def check(chapter=None, submission=None, lang=None, hidden=False, pictures=True):
    """Grade ``chapter`` (``"ch05"``; a list of chapters; None for all) of ``submission`` (a
    folder; default: the current folder) and show the report in the notebook.

    lang: a code of grader.feedback.languages (``"en"``, ``"ko"``, ``"ja"``); default the locale's.
    hidden: also run the hidden checks (an instructor's kit has them; a student's has none).
    pictures: show the learning curves and maps of gradient errors when matplotlib is installed.
    Returns None: the report is what the cell shows.
    """
    language = resolve_language(lang) if lang in (None, *LANGUAGES) else DEFAULT_LANGUAGE
    out = sys.stdout
    with using(language):
        if lang not in (None, *LANGUAGES):
            print(render(Message("jupyter.unknown_language", given=visible(repr(lang)),
                                 languages=", ".join(map(repr, LANGUAGES)))))
        chapters = _chapters(chapter)
        if chapters is None:
            print(render(Message("jupyter.unknown_chapter", given=visible(repr(chapter)),
                                 chapters=", ".join(CHAPTERS))))
            return None
        try:
            folder = locate_submission(Path(submission) if submission is not None else Path.cwd())
        except SubmissionNotFound as exc:
            print(visible(render(exc.message)))
            return None
        from grader.feedback import report

        captured = io.StringIO()
        progress = _Progress(out)
        started = time.monotonic()
        done = []

        def advance(result):
            done.append(result)
            progress.show(render(Message("jupyter.progress", done=len(done), chapter=result.check.chapter,
                                         title=report.title(result.check, language))))

        results, problem = None, None
        progress.show(render(Message("cli.grading", submission=visible(str(folder)), chapters=", ".join(chapters))))
        with warnings.catch_warnings(), contextlib.redirect_stderr(captured):
            warnings.simplefilter("ignore")
            try:
                results = grade(folder, chapters, include_hidden=hidden, progress=advance)
                from grader.isolation import levels as isolation

                level = isolation.level()
            except Exception as exc:  # noqa: BLE001  (the cell says what went wrong, never a traceback)
                problem = f"{type(exc).__name__}: {exc}"
        if results is None:
            progress.close()
            print(render(Message("cli.could_not_run", detail=visible(problem))))
            return None
        progress.close(render(Message("jupyter.done", count=len(results), seconds=time.monotonic() - started)))
        print(report.table(results, colour=False, width=TABLE_WIDTH, language=language, isolation=level))
        if pictures:
            try:
                _show_pictures(results, language)
            except Exception as exc:  # noqa: BLE001  (a picture never costs the report)
                print(render(Message("cli.pictures_failed", detail=visible(f"{type(exc).__name__}: {exc}"))))
        noise = captured.getvalue().strip()
        if noise:
            print(render(Message("jupyter.messages")))
            for line in noise[-2000:].splitlines():
                print("  " + visible(line))
    return None


def _chapters(chapter):
    """The chapters to grade as a tuple, or None when ``chapter`` names none of the kit's."""
    if chapter is None:
        return CHAPTERS
    if isinstance(chapter, str):
        wanted = (chapter,)
    elif isinstance(chapter, (list, tuple)):
        wanted = tuple(chapter)
    else:
        return None
    if not wanted or not all(isinstance(c, str) and c in CHAPTERS for c in wanted):
        return None
    return wanted
