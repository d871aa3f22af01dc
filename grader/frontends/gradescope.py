"""Gradescope: build the autograder, and the program it runs for every submission.

``python -m grader gradescope build --chapter chNN [--chapter ...] [--out build/autograder.zip]``
(``nox -s gradescope -- --chapter ch05``) writes the zip to upload: ``setup.sh`` and
``run_autograder`` at its root, with the grader (hidden checks included), ``dataset/`` and
``chapter_points.json`` (each chapter's points, for a results.json written without numpy); no
reference solution. The chapter is required: a Gradescope assignment is graded out of the
points of the chapters it builds, one chapter per assignment as a rule.

``python -m grader gradescope run [--root /autograder] [--chapter chNN ...]`` is what
``run_autograder`` starts: it grades ``ROOT/submission`` and writes ``ROOT/results/results.json``
in Gradescope's format. The root is ``/autograder`` on Gradescope; the environment variable
``DLFS_AUTOGRADER_ROOT`` (read by ``run_autograder``) replaces it, so that the autograder can be
run on a simulated tree anywhere.

A submission is the book's layout (``common/layers.py``, ...), possibly one folder deep, or the
module files uploaded one by one (``layers.py``, ``two_layer_net.py``, ...), which are put in
their places by name.
"""
import argparse
import json
import os
import shlex
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from grader.feedback.messages import LANGUAGES, Message, render
from grader.files import atomic_write
from grader.grading.contract import CHAPTERS, MODULE_CHAPTER

KIT_ROOT = Path(__file__).resolve().parents[2]
# Shipped in the autograder: the grader (hidden checks included) and the dataset; not the tools
# that need the reference (make_template) or build student releases.
LEFT_OUT = ("grader/frontends/make_template.py", "grader/frontends/release.py")
VISIBILITY = ("hidden", "after_due_date", "after_published", "visible")
CHAPTER_POINTS = "chapter_points.json"  # in the zip: {chapter: points, hidden checks included}
NEEDED = ("numpy", "hypothesis")  # what grading imports beyond the standard library

SETUP_SH = """\
#!/usr/bin/env bash
# Gradescope runs this once, as root, while it builds the autograder's image; the zip is
# unpacked in /autograder/source. Python 3.10 or newer, numpy and hypothesis in a venv, and the
# MNIST cache built once.
set -euo pipefail
ROOT="${{DLFS_AUTOGRADER_ROOT:-/autograder}}"
cd "$ROOT/source"
apt-get install -y python3 python3-venv python3-pip
python3 -c 'import sys; sys.exit(sys.version_info < (3, 10))' || {{
    echo "The grader needs Python 3.10 or newer: choose the Ubuntu 22.04 (or newer) base image" >&2; exit 1; }}
python3 -m venv "$ROOT/venv"
"$ROOT/venv/bin/python" -m pip install --quiet {requirements}
"$ROOT/venv/bin/python" -c "from dataset.mnist import load_mnist; load_mnist()"
"""

RUN_AUTOGRADER = """\
#!/usr/bin/env bash
# Gradescope runs this for every submission. It grades $ROOT/submission and writes
# $ROOT/results/results.json; ROOT is /autograder unless DLFS_AUTOGRADER_ROOT says otherwise,
# and the Python is the venv of setup.sh unless DLFS_PYTHON says otherwise.
set -uo pipefail
ROOT="${{DLFS_AUTOGRADER_ROOT:-/autograder}}"
PYTHON="${{DLFS_PYTHON:-$ROOT/venv/bin/python}}"
# No venv (setup.sh stopped early): the image's own Python says what is missing in results.json.
[ -x "$PYTHON" ] || PYTHON="$(command -v python3 || echo python3)"
cd "$ROOT/source"
exec "$PYTHON" -m grader gradescope run --root "$ROOT"{chapter_args}
"""


# ---------------------------------------------------------------- the autograder zip

def autograder_files(chapters=CHAPTERS, root=KIT_ROOT, language=None):
    """{path in the zip: (source path or text, executable)}."""
    from grader.frontends.release import _grade_requirements

    root = Path(root)
    files = {}
    for path in sorted((root / "grader").rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        if "__pycache__" not in relative and relative not in LEFT_OUT:
            files[relative] = (path, False)
    for path in sorted((root / "grader" / "feedback" / "locale").glob("*.po*")):  # the catalogue
        files[path.relative_to(root).as_posix()] = (path, False)
    for name in ("__init__.py", "mnist.py"):
        files[f"dataset/{name}"] = (root / "dataset" / name, False)
    for path in sorted((root / "dataset").glob("*.gz")):
        files[f"dataset/{path.name}"] = (path, False)
    requirements = " ".join(shlex.quote(r) for r in _grade_requirements())  # markers hold quotes
    chapter_args = "".join(f" --chapter {c}" for c in chapters)
    files[CHAPTER_POINTS] = (json.dumps(chapter_points(chapters), indent=1, sort_keys=True) + "\n", False)
    if language:
        chapter_args += f" --lang {shlex.quote(language)}"
    files["setup.sh"] = (SETUP_SH.format(requirements=requirements), True)
    files["run_autograder"] = (RUN_AUTOGRADER.format(chapter_args=chapter_args), True)
    return files


def chapter_points(chapters):
    """{chapter: its points, hidden checks included}."""
    from grader.grading.checks import checks_for

    return {chapter: round(sum(c.points for c in checks_for(chapter, include_hidden=True)), 2) for chapter in chapters}


def build_autograder(out=KIT_ROOT / "build" / "autograder.zip", chapters=CHAPTERS, language=None):
    """Write the zip to upload to Gradescope (byte-identical for identical inputs)."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    with zipfile.ZipFile(tmp, "w") as zf:
        for relative, (content, executable) in sorted(autograder_files(chapters, language=language).items()):
            data = content.read_bytes() if isinstance(content, Path) else content.encode()
            info = zipfile.ZipInfo(relative, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = (0o755 if executable else 0o644) << 16
            info.compress_type = zipfile.ZIP_STORED if relative.endswith(".gz") else zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    tmp.replace(out)
    return out


# ---------------------------------------------------------------- grading one submission

MODULE_BY_NAME = {Path(path).name: path for path in MODULE_CHAPTER}


# What a Gradescope upload may hold (the book's repository with MNIST is about 60 MB).
UPLOAD_LIMITS = {"depth": 32, "files": 5000, "bytes": 200 * 1024**2}


def copy_upload(submission, target, limits=UPLOAD_LIMITS):
    """Copy the regular files of ``submission`` into ``target``; never follow a symbolic link
    (the autograder runs as root: a link to its own hidden checks or to a host file must copy
    nothing). Returns the notes (links and special files not copied). Raises
    grader.files.TooLarge past ``limits``."""
    from grader.feedback.sanitise import visible
    from grader.files import regular_files

    files, special = regular_files(submission, limits)
    target = os.fsencode(target)
    for relative, path, _ in files:
        destination = os.path.join(target, relative)
        os.makedirs(os.path.dirname(destination), exist_ok=True)
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        with os.fdopen(fd, "rb") as source, open(destination, "wb") as copy:
            shutil.copyfileobj(source, copy, 1 << 20)
    if not special:
        return []

    names = ", ".join(visible(os.fsdecode(p)) for p in special[:5]) + (" ..." if len(special) > 5 else "")
    return [Message("gradescope.not_copied", names=names)]


def arrange(submission, scratch, chapters=CHAPTERS):
    """The folder to grade, always a copy in ``scratch`` of the upload's regular files: the
    copy itself when it has the book's layout (possibly one folder deep), else a folder with
    every uploaded module put at its place by file name. Raises ValueError when no module of
    the contract is there, grader.files.TooLarge when the upload is too large.

    Returns (folder, placed, notes)."""
    from grader.api import SubmissionNotFound, locate_submission
    from grader.feedback.sanitise import visible

    upload = Path(scratch) / "upload"
    upload.mkdir()
    notes = copy_upload(submission, upload)
    try:
        return locate_submission(upload), [], notes
    except SubmissionNotFound:
        pass
    placed = []
    arranged = Path(scratch) / "arranged"
    for name, relative in sorted(MODULE_BY_NAME.items()):
        found = sorted(p for p in upload.rglob(name) if p.is_file() and not p.is_symlink())
        if len(found) == 1:
            target = arranged / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(found[0], target, follow_symlinks=False)
            placed.append(f"{visible(found[0].relative_to(upload).as_posix())} -> {relative}")
    if not placed:
        expected = ", ".join(sorted(path for path, chapter in MODULE_CHAPTER.items() if chapter in chapters))
        raise ValueError(f"the submission holds none of the graded modules ({expected}): upload your folder laid "
                         "out like the book's repository, or the module files themselves")
    return arranged, placed, notes


def results_json(results, elapsed, notes=()):
    """Gradescope's results.json for ``results``: score, max_score, execution_time, an output
    for the whole submission, and one test per check (hidden checks, and then the total,
    after publication). In the language of the moment (grader.feedback.messages)."""
    from grader.feedback import report
    from grader.feedback.messages import render

    data = report.gradescope(results)
    lines = [render(note) for note in notes]
    for chapter, rows in report.by_chapter(results).items():
        earned, possible = report.totals([r for r in rows if not r.check.hidden])
        lines.append(render(Message("gradescope.chapter_points", chapter=chapter, earned=earned, possible=possible)))
        hidden = [r for r in rows if r.check.hidden]
        if hidden:
            lines.append(render(Message("gradescope.hidden_pending", chapter=chapter, count=len(hidden),
                                        points=sum(r.check.points for r in hidden))))
    data.update({"execution_time": round(elapsed), "output": "\n".join(lines), "stdout_visibility": "hidden"})
    if any(r.check.hidden for r in results):
        # The total counts the hidden checks: it is shown, like them, only once grades are
        # published; every other test says "visible" itself and stays in view.
        data["visibility"] = "after_published"
    return data


def possible_points(chapters, root=KIT_ROOT):
    """The points ``chapters`` are worth, hidden checks included: from the checks, else (where
    they cannot be imported: no numpy) from the zip's CHAPTER_POINTS; None when neither says."""
    try:
        points = chapter_points(chapters)
    except ImportError:
        try:
            points = json.loads((Path(root) / CHAPTER_POINTS).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
    if not all(isinstance(points.get(chapter), (int, float)) for chapter in chapters):
        return None
    return round(sum(points[chapter] for chapter in chapters), 2)


def failed_json(message, chapters, elapsed):
    """results.json for an upload that could not be graded: ``message`` (a Message) says why."""
    data = {"score": 0, "execution_time": round(elapsed), "output": render(message), "stdout_visibility": "hidden",
            "tests": []}
    possible = possible_points(chapters)
    if possible is not None:
        data["max_score"] = possible
    return data


def missing_modules(needed=NEEDED):
    """The modules of ``needed`` this Python cannot import (found without importing them)."""
    import importlib.util

    return [name for name in needed if importlib.util.find_spec(name) is None]


def run(root, chapters=CHAPTERS, allow_weak=False, language=None):
    """Grade ROOT/submission and write ROOT/results/results.json; returns the data written.
    Whatever happens (an upload too large or too deep, undecodable names, a fault of the
    grader), a results.json that says what happened is written. Grading is for credit: it is
    refused, with a results.json that says why, when the machine cannot confine the
    submission's code by the kernel, unless ``allow_weak``. Feedback is in ``language`` (default:
    the locale's)."""
    from grader.feedback.messages import resolve_language, set_language

    set_language(resolve_language(language))
    started = time.monotonic()
    results_dir = Path(root) / "results"
    missing = missing_modules()
    try:
        if missing:
            message = Message("gradescope.missing_modules", python=sys.executable, modules=", ".join(missing))
            data = failed_json(message, chapters, time.monotonic() - started)
        else:
            data = _grade_upload(Path(root), chapters, started, allow_weak)
    except Exception as exc:  # noqa: BLE001  (a fault of the grader: still a results.json that says so)
        data = failed_json(Message("gradescope.failed", kind=type(exc).__name__, detail=str(exc)),
                           chapters, time.monotonic() - started)
    results_dir.mkdir(parents=True, exist_ok=True)
    atomic_write(results_dir / "results.json", results_text(data))
    return data


def results_text(data):
    """results.json's text: every string made visible (grader.feedback.sanitise), so that no
    undecodable name or escape of a submission can stop it being written or shown."""
    from grader.feedback.sanitise import visible

    def clean(value):
        if isinstance(value, str):
            return visible(value, keep_newlines=True)
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {clean(k): clean(v) for k, v in value.items()}
        return value

    return json.dumps(clean(data), indent=2, ensure_ascii=False) + "\n"


def _grade_upload(root, chapters, started, allow_weak=False):
    from grader.api import grade
    from grader.feedback import report
    from grader.feedback.sanitise import visible
    from grader.files import TooLarge
    from grader.grading.errors import WorkerStartError
    from grader.isolation import levels as isolation

    with tempfile.TemporaryDirectory(prefix="submission-") as scratch:
        try:
            folder, placed, notes = arrange(root / "submission", scratch, chapters)
        except ValueError as exc:
            return failed_json(Message("gradescope.not_graded", detail=exc), chapters, time.monotonic() - started)
        except TooLarge as exc:
            found = Message("batch.too_large", found=exc.found, limit=Message(
                "batch.limits", depth=UPLOAD_LIMITS["depth"], count=UPLOAD_LIMITS["files"],
                size=UPLOAD_LIMITS["bytes"] // 1024**2))
            return failed_json(found, chapters, time.monotonic() - started)
        except OSError as exc:
            return failed_json(Message("gradescope.unreadable", detail=visible(str(exc))), chapters,
                               time.monotonic() - started)
        if placed:
            notes = [Message("gradescope.placed", placed="; ".join(placed)), *notes]
        try:
            results = grade(folder, chapters, include_hidden=True, for_credit=True, allow_weak=allow_weak,
                            progress=lambda r: print(f"  {r.status:<7} {r.check.chapter} {r.check.name}", flush=True))
        except isolation.IsolationError as exc:
            return failed_json(Message("gradescope.not_graded", detail=exc), chapters, time.monotonic() - started)
        except (OSError, WorkerStartError) as exc:
            return failed_json(Message("gradescope.could_not_run", detail=visible(str(exc))),
                               chapters, time.monotonic() - started)
        print(report.table(results, isolation=isolation.level()))
        data = results_json(results, time.monotonic() - started, notes)
        data["extra_data"] = {"isolation": isolation.level()}
        return data


def validate(data):
    """Problems of ``data`` against Gradescope's documented results.json fields (empty: none)."""
    problems = []

    def number(value):
        return isinstance(value, (int, float)) and not isinstance(value, bool)

    if "score" not in data and not all("score" in t for t in data.get("tests", [])):
        problems.append("no score, neither overall nor on every test")
    for key in ("score", "max_score", "execution_time"):
        if key in data and not number(data[key]):
            problems.append(f"{key} is not a number")
    for key in ("visibility", "stdout_visibility"):
        if key in data and data[key] not in VISIBILITY:
            problems.append(f"{key} {data[key]!r} is not one of {VISIBILITY}")
    if "output" in data and not isinstance(data["output"], str):
        problems.append("output is not text")
    if not isinstance(data.get("tests", []), list):
        problems.append("tests is not a list")
        return problems
    for index, test in enumerate(data.get("tests", [])):
        where = f"tests[{index}]"
        if not isinstance(test.get("name"), str) or not test["name"]:
            problems.append(f"{where}: no name")
        for key in ("score", "max_score"):
            if key in test and not number(test[key]):
                problems.append(f"{where}: {key} is not a number")
        if number(test.get("score")) and number(test.get("max_score")) and not 0 <= test["score"] <= test["max_score"]:
            problems.append(f"{where}: score {test['score']} outside [0, {test['max_score']}]")
        if "output" in test and not isinstance(test["output"], str):
            problems.append(f"{where}: output is not text")
        if test.get("visibility", "visible") not in VISIBILITY:
            problems.append(f"{where}: visibility {test['visibility']!r} is not one of {VISIBILITY}")
        if test.get("status", "passed") not in ("passed", "failed"):
            problems.append(f"{where}: status {test['status']!r} is neither passed nor failed")
    if number(data.get("score")) and data.get("tests") and all(number(t.get("score")) for t in data["tests"]):
        if abs(data["score"] - sum(t["score"] for t in data["tests"])) > 0.01 * len(data["tests"]):
            problems.append("score is not the sum of the tests' scores")
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m grader gradescope", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="write the autograder zip to upload to Gradescope")
    build.add_argument("--out", default=str(KIT_ROOT / "build" / "autograder.zip"))
    build.add_argument("--chapter", action="append", choices=CHAPTERS, required=True,
                       help="the chapter the assignment grades (repeatable; the assignment is worth their points)")
    build.add_argument("--lang", choices=LANGUAGES, default=None,
                       help="language of the students' feedback (default: the locale of Gradescope's machine)")
    grade_one = sub.add_parser("run", help="grade ROOT/submission into ROOT/results/results.json")
    grade_one.add_argument("--root", default=os.environ.get("DLFS_AUTOGRADER_ROOT", "/autograder"))
    grade_one.add_argument("--chapter", action="append", choices=CHAPTERS, help="grade only this chapter (repeatable)")
    grade_one.add_argument("--allow-weak-isolation", action="store_true",
                           help="grade even where the kernel cannot confine the submission's code (docs/isolation.md)")
    grade_one.add_argument("--lang", choices=LANGUAGES, default=None,
                           help="language of the feedback (default: the locale's)")
    args = parser.parse_args(argv)
    chapters = tuple(args.chapter) if args.chapter else CHAPTERS
    if args.command == "build":
        out = build_autograder(args.out, chapters, args.lang)
        points = possible_points(chapters)
        print(f"Gradescope autograder for {', '.join(chapters)}, worth {points:g} points (set the assignment's "
              f"points to that): {out} ({out.stat().st_size / 1e6:.1f} MB)")
        return 0
    data = run(args.root, chapters, allow_weak=args.allow_weak_isolation, language=args.lang)
    print(f"score {data['score']:g} / {data.get('max_score', '?')}; results in "
          f"{Path(args.root) / 'results' / 'results.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
