"""The library API: every front end (command line, batch, notebook, Gradescope, nox sessions,
tests) grades through these functions and nothing else.

    from grader.api import grade, locate_submission
    results = grade(locate_submission("my_work"), chapters=("ch05",))

``grade`` returns one ``grader.grading.checking.Result`` per check; rendering them is the
feedback layer's concern (``grader.feedback.report``).
"""
import sys
from pathlib import Path

from grader.feedback.messages import Message, render
from grader.files import atomic_write
from grader.grading.contract import CHAPTERS

KIT_ROOT = Path(__file__).resolve().parent.parent
LOCATE_DEPTH = 3  # how many folders down the book's layout may sit inside a submission
_dataset_ready = False


class SubmissionNotFound(Exception):
    """No folder laid out like the book's repository: ``message`` (a Message) says what was found;
    ``notebooks``, the names of the notebooks found instead (a route may say it its own way)."""

    def __init__(self, message, notebooks=()):
        super().__init__(render(message))
        self.message = message
        self.notebooks = list(notebooks)


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
        from grader.isolation import worker_dataset

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
    for_credit: refuse (grader.isolation.levels.IsolationError) unless the submission's code is
    confined by the kernel, or ``allow_weak``.
    lenient_names: grade files and names that are the book's written differently (ReLU for
    Relu) under the book's names (grader.grading.names); ``renamed``, a list, then receives what
    was graded under another name (grader.grading.names.NearMiss).
    """
    from grader.grading.causes import link
    from grader.grading.checking import reconcile, run_check
    from grader.isolation import levels as isolation

    if for_credit:
        isolation.require_for_credit(allow_weak)
    if lenient_names:
        import tempfile

        from grader.grading import names

        with tempfile.TemporaryDirectory(prefix="book-names-") as tmp:
            copy = Path(tmp) / "submission"
            applied = names.book_named_copy(submission, copy)
            if renamed is not None:
                renamed.extend(applied)
            return grade(copy, chapters, include_hidden, progress, select, time_limit)
    from grader.grading.checks import all_checks
    from grader.grading.names import explain_near_misses
    from grader.isolation.runner import Worker

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
    return link(reconcile(results))


def graded_modules(folder):
    """How many of the contract's module files ``folder`` holds in the book's layout."""
    from grader.grading.contract import MODULE_CHAPTER

    return sum((Path(folder) / relative).is_file() for relative in MODULE_CHAPTER)


def locate_submission(path):
    """The folder laid out like the book's repository inside ``path``: the one, ``path`` itself
    or up to LOCATE_DEPTH folders down, that holds the most of the graded module files
    (``common/layers.py``, ``ch05/two_layer_net.py``, ...), the shallowest on a tie. Found by
    the files it holds, never by folder names: an assignment folder named ``ch05`` around the
    layout (nbgrader's ``submitted/STUDENT/ch05/``) is not the book's ``ch05/``.

    Raises SubmissionNotFound, whose message says what was found instead."""
    path = Path(path)
    if path.is_file():
        raise SubmissionNotFound(Message("locate.a_file", path=str(path), folder=str(path.parent)))
    if not path.is_dir():
        raise SubmissionNotFound(Message("cli.no_folder", path=str(path)))
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
        raise SubmissionNotFound(Message("locate.notebooks", path=str(path), names=", ".join(notebooks)), notebooks)
    raise SubmissionNotFound(Message("cli.no_common", path=str(path)))


def _subfolders(folder):
    try:
        return [p for p in folder.iterdir() if p.is_dir() and not p.is_symlink() and not p.name.startswith(".")
                and p.name != "__pycache__"]
    except OSError:
        return []


def write_report(results, folder, language, shown_as=None, isolation=None):
    """report.txt and the pictures of ``results`` in ``folder``; returns the pictures' names.
    ``shown_as``: how the report names the folder (default: as given)."""
    from grader.feedback import pictures, report

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    if pictures.available():
        try:
            names = pictures.save_result_pictures(results, folder, language)
        except Exception as exc:  # noqa: BLE001  (a picture never costs the report)
            print(render(Message("cli.pictures_failed", detail=f"{type(exc).__name__}: {exc}")), file=sys.stderr)
    text = report.table(results, colour=False, width=100, language=language, isolation=isolation)
    if names:
        text += "\n" + report.pictures_line(names, shown_as or str(folder), language)
    undrawn = undrawn_pictures(results)
    if undrawn is not None:
        text += "\n" + render(undrawn, language)
    atomic_write(folder / "report.txt", text + "\n")
    return names


def undrawn_pictures(results):
    """A Message that says which pictures of ``results`` are not drawn and why (matplotlib is
    not installed), or None when there are none to draw or they can be drawn."""
    from grader.feedback import pictures

    planned = pictures.planned(results)
    if not planned or pictures.available():
        return None
    return Message("pictures.not_drawn", count=len(planned), names=", ".join(name for name, _, _ in planned),
                   module="matplotlib", command="python -m pip install matplotlib")
