"""Grading from the notebooks of the nbgrader course (``assignments/``), and its instructor tools.

In a chapter notebook, one locked cell per group of checks::

    grade_group("ch05", "affine")

grades that group's checks on the modules beside the notebook (``common/layers.py``, ...)
through the same grader and the same isolated worker as ``python -m grader``, prints the
feedback on standard output and evaluates to the points earned as a plain ``float`` between 0
and the group's points: nbgrader's partial credit. Student code never runs in the kernel: a
submission that hangs or exits costs its checks, not the notebook.

A group is a set of checks named by the item they start with (``Affine.forward ...``); the
chapter's MNIST checks form the group ``mnist``, its hidden checks the group ``hidden``.
``GROUPS`` covers every check exactly once, so a notebook's autograded cells add up to the
grader's points for the chapter.

Instructors::

    python -m grader course build-course [--check]             # regenerate assignments/source
    python -m grader course prepare-submissions COURSE chNN    # notebook into submissions lacking it
    python -m grader course groups [chNN ...]                  # groups, points, time budgets
"""
import argparse
import contextlib
import io
import json
import re
import shutil
import sys
import textwrap
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

from grader.feedback.sanitise import visible
from grader.files import stale_paths, sync_tree
from grader.grading.contract import CHAPTERS, ITEM_CHAPTER, MODULE_CHAPTER

KIT_ROOT = Path(__file__).resolve().parents[2]
COURSE_ROOT = KIT_ROOT / "assignments"


@dataclass(frozen=True)
class Group:
    key: str
    title: str
    items: tuple = ()  # the first word of the checks' names: "Affine", "softmax", ...
    slow: bool = False  # the chapter's MNIST checks
    hidden: bool = False  # the chapter's hidden checks


GROUPS = {
    "ch04": (
        Group("activations", "Activation functions and their derivatives", ("step_function", "sigmoid_grad")),
        Group("softmax", "Softmax", ("softmax",)),
        Group("losses", "Loss functions", ("cross_entropy_error", "mean_squared_error")),
        Group("numerical_gradient", "Numerical gradient", ("numerical_gradient",)),
    ),
    "ch05": (
        Group("graph", "Computational graph: MulLayer and AddLayer", ("MulLayer", "AddLayer")),
        Group("activations", "Relu and Sigmoid layers", ("Relu", "Sigmoid")),
        Group("affine", "Affine layer", ("Affine",)),
        Group("softmax_with_loss", "Softmax-with-Loss layer", ("SoftmaxWithLoss",)),
        Group("two_layer_net", "TwoLayerNet", ("TwoLayerNet",)),
        Group("mnist", "TwoLayerNet trained on MNIST", slow=True),
    ),
    "ch06": (
        Group("optimizers", "Optimizers", ("SGD", "Momentum", "Nesterov", "AdaGrad", "RMSprop", "Adam")),
        Group("dropout", "Dropout", ("Dropout",)),
        Group("batchnorm", "Batch normalization", ("BatchNormalization",)),
        Group("networks", "MultiLayerNet and MultiLayerNetExtend", ("MultiLayerNet", "MultiLayerNetExtend")),
        Group("trainer", "Trainer", ("Trainer",)),
        Group("mnist", "Training on MNIST", slow=True),
    ),
    "ch07": (
        Group("im2col", "conv_output_size, im2col and col2im", ("conv_output_size", "im2col", "col2im")),
        Group("convolution", "Convolution layer", ("Convolution",)),
        Group("pooling", "Pooling layer", ("Pooling",)),
        Group("simple_convnet", "SimpleConvNet", ("SimpleConvNet",)),
        Group("mnist", "SimpleConvNet trained on MNIST", slow=True),
    ),
}
HIDDEN = Group("hidden", "Hidden checks", hidden=True)

# Time: a group may use the worker's start and one import time limit per module, then each
# check's own time limit once (a check whose code hangs stops at its first timeout). After
# that budget no further check of the group starts. The kernel's time limit per cell
# (nbgrader's c.Execute.timeout) leaves room for one check that overruns the budget.
KERNEL_MARGIN = 60.0


class GroupError(LookupError):
    """A check that belongs to no group or to several, or a group that does not exist."""


def first_word(name):
    match = re.match(r"[A-Za-z_][A-Za-z0-9_]*", name)
    return match.group(0) if match else ""


def group_of(check):
    """The key of the notebook group that grades ``check``."""
    if check.hidden:
        return HIDDEN.key
    candidates = GROUPS.get(check.chapter, ())
    if check.slow:
        found = [g for g in candidates if g.slow]
    else:
        found = [g for g in candidates if not g.slow and first_word(check.name) in g.items]
    if len(found) != 1:
        where = "no notebook group" if not found else f"{len(found)} notebook groups"
        raise GroupError(f"{check.chapter} check {check.name!r} belongs to {where}: give the word "
                         f"{first_word(check.name)!r} to exactly one group of GROUPS in grader/frontends/notebook.py")
    return found[0].key


def groups(chapter):
    """[(Group, [checks])] of ``chapter`` in notebook order; the hidden group last, when the
    chapter has hidden checks (they are left out of the student release)."""
    from grader.grading.checks import checks_for

    members = {g.key: [] for g in (*GROUPS[chapter], HIDDEN)}
    for check in checks_for(chapter, include_hidden=True):
        members[group_of(check)].append(check)
    out = []
    for group in GROUPS[chapter]:
        if not members[group.key]:
            raise GroupError(f"notebook group {chapter}/{group.key} has no checks: update GROUPS in "
                             "grader/frontends/notebook.py")
        out.append((group, members[group.key]))
    if members[HIDDEN.key]:
        out.append((HIDDEN, members[HIDDEN.key]))
    return out


def find_group(chapter, key):
    """(Group, checks) for ``key``; the hidden group of a kit without hidden checks has none."""
    if chapter not in GROUPS:
        raise GroupError(f"no chapter {chapter!r} (chapters: {', '.join(GROUPS)})")
    for group, checks in groups(chapter):
        if group.key == key:
            return group, checks
    if key == HIDDEN.key:
        return HIDDEN, []
    raise GroupError(f"{chapter} has no notebook group {key!r} (groups: "
                     f"{', '.join(g.key for g, _ in groups(chapter))})")


def group_points(checks):
    return round(sum(c.points for c in checks), 2)


def group_budget(checks):
    """Seconds a group may take before its remaining checks are not started."""
    from grader.isolation.runner import IMPORT_LIMIT, STARTUP_LIMIT

    return STARTUP_LIMIT + IMPORT_LIMIT * len(MODULE_CHAPTER) + sum(c.timeout for c in checks)


def kernel_timeout():
    """nbgrader's time limit per cell (c.Execute.timeout), from the grader's own budgets:
    the largest group budget plus one check's time limit and a margin."""
    from grader.grading.checks import all_checks

    budgets = [group_budget(checks) for chapter in CHAPTERS for _, checks in groups(chapter)]
    longest_check = max(c.timeout for c in all_checks())
    return int(max(budgets) + longest_check + KERNEL_MARGIN)


# ---------------------------------------------------------------- grading from a notebook cell

def grade_group(chapter, key, submission=None):
    """Grade the group ``key`` of ``chapter`` on ``submission`` (default: the current folder,
    where the notebook runs); print the feedback; return the points earned as a float.

    Nothing is written to standard error (nbgrader gives 0 to a cell that writes there) and
    nothing is raised: a problem of the submission or of the kit is reported in the feedback.
    """
    from grader.feedback.messages import Message, render, resolve_language, using

    captured = io.StringIO()
    started = time.monotonic()
    with warnings.catch_warnings(), contextlib.redirect_stderr(captured), using(resolve_language()):
        warnings.simplefilter("ignore")
        try:
            earned, text = _grade_group(chapter, key, submission)
        except Exception as exc:  # noqa: BLE001  (a cell must end with a number, whatever happened)
            earned, text = 0.0, render(Message("notebook.could_not_run", kind=type(exc).__name__, detail=str(exc)))
        elapsed = time.monotonic() - started
        print(text + "\n" + render(Message("notebook.seconds", seconds=elapsed)))
        noise = captured.getvalue().strip()
        if noise:
            print(render(Message("notebook.noise")) + "\n"
                  + textwrap.indent(visible(noise[-2000:], keep_newlines=True), "  "))
    sys.stdout.flush()
    return earned


def _autograding():
    """Whether this kernel was started by ``nbgrader autograde`` (its preprocessor sets the
    variable in the kernel's environment, see assignments/nbgrader_config.py)."""
    import os

    return os.environ.get("DLFS_AUTOGRADE") == "1"


def _grade_group(chapter, key, submission):
    from grader.api import SubmissionNotFound, grade, locate_submission
    from grader.feedback.messages import Message, render

    group, checks = find_group(chapter, key)
    if not checks:
        return 0.0, render(Message("notebook.none_here", chapter=chapter, title=group_title(chapter, group)))
    points = group_points(checks)
    try:
        folder = locate_submission(submission if submission is not None else Path.cwd())
    except SubmissionNotFound:
        # Said the notebook's way: its students were handed the modules with the notebook.
        heading = Message("notebook.heading", chapter=chapter, title=group_title(chapter, group), earned=0,
                          points=points)
        graded = ", ".join(sorted(path for path, owner in MODULE_CHAPTER.items() if owner == chapter))
        return 0.0, render(Message("notebook.not_found", heading=heading,
                                   problem=Message("notebook.no_modules", modules=graded)))
    wanted = {id(c) for c in checks}
    deadline = time.monotonic() + group_budget(checks)
    skipped = []

    def select(check):
        if id(check) not in wanted:
            return False
        if time.monotonic() > deadline:
            skipped.append(check)
            return False
        return True

    # For credit when an instructor autogrades (a student's own run is a self-check).
    results = grade(folder, chapters=(chapter,), include_hidden=True, select=select, for_credit=_autograding())
    earned = round(sum(r.score for r in results), 2)
    earned = float(min(max(earned, 0.0), points))
    return earned, feedback(chapter, group, points, earned, results, skipped)



def feedback(chapter, group, points, earned, results, skipped=()):
    """The text a student reads under the cell: one line per check, the reason for lost points
    (wrapped like the terminal report: code expressions whole)."""
    from grader.feedback.messages import Message, check_title, render
    from grader.feedback.report import display_width, pad, status_text, wrap

    width = max(display_width(status_text(s)) for s in ("passed", "partial", "failed", "error", "skipped"))
    lines = [render(Message("notebook.heading", chapter=chapter, title=group_title(chapter, group), earned=earned,
                            points=points))]
    for r in results:
        lines.append(f"  {pad(status_text(r.status), width)} {r.score:>5g}/{r.check.points:<3g} {check_title(r.check)}")
        if r.reason:
            lines.extend(wrap(r.reason, 96, initial_indent="      -> ", subsequent_indent="         "))
    for check in skipped:
        lines.append(f"  {pad(status_text('skipped'), width)} {0:>5g}/{check.points:<3g} {check_title(check)}")
        lines.append("      -> " + render(Message("notebook.out_of_budget")))
    return "\n".join(lines)


def group_title(chapter, group, language=None):
    """A group's title in ``language``: the English title of GROUPS, or its translation (the
    catalogue entry notebook.group.<chapter>.<key>, made from that very title)."""
    from grader.feedback.messages import CATALOGUE, SOURCE, render
    from grader.feedback.messages import Message as M

    key = group_id(chapter, group)
    entry = CATALOGUE.get(key)
    if entry is None or entry[SOURCE] != group.title:
        return group.title
    return render(M(key), language)


def group_id(chapter, group):
    """The catalogue id of a group's title."""
    if getattr(group, "hidden", False):
        return "notebook.group.hidden"
    return f"notebook.group.{chapter}.{getattr(group, 'key', '')}"


# ---------------------------------------------------------------- nbgrader: the course

def released_modules(chapter, template=KIT_ROOT / "student_template"):
    """The student-template modules released with ``chapter``: those the chapter grades and
    every module they import, with the package files of their folders."""
    import ast

    template = Path(template)
    wanted = {path for path, owner in MODULE_CHAPTER.items() if owner == chapter}
    wanted |= {path for (path, _), owner in ITEM_CHAPTER.items() if owner == chapter}
    todo = sorted(wanted)
    while todo:
        path = todo.pop()
        tree = ast.parse((template / path).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [node.module] if isinstance(node, ast.ImportFrom) and node.module else \
                [a.name for a in node.names] if isinstance(node, ast.Import) else []
            for name in names:
                candidate = name.replace(".", "/") + ".py"
                if (template / candidate).is_file() and candidate not in wanted:
                    wanted.add(candidate)
                    todo.append(candidate)
    for path in list(wanted):
        init = Path(path).parent / "__init__.py"
        if (template / init).is_file():
            wanted.add(init.as_posix())
    return sorted(wanted)


def is_instructor_code(cell):
    """A code cell of the instructor: locked, with a grade_id that nbgrader knows."""
    return is_instructor_cell(cell)


def remove_student_code_preprocessor():
    """An nbgrader preprocessor for autograde's sanitising pass (after OverwriteCells): removes
    every code cell that is not a locked cell of the instructor. Students write their code in
    the modules, so nothing of theirs is lost; a cell that redefines ``grade_group`` or calls
    ``os._exit`` never runs."""
    from nbgrader.preprocessors import NbGraderPreprocessor  # enabled by default, unlike nbconvert's

    class RemoveStudentCode(NbGraderPreprocessor):
        def preprocess(self, nb, resources):
            kept = [cell for cell in nb.cells if cell.cell_type != "code" or is_instructor_code(cell)]
            removed = len(nb.cells) - len(kept)
            if removed:
                self.log.warning("Removed %d code cell(s) not written by the instructor", removed)
            nb.cells = kept
            return nb, resources

    return RemoveStudentCode


HIDDEN_BEGIN, HIDDEN_END = "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"  # nbgrader's default delimiters


def released_source(source):
    """``source`` as ``nbgrader generate_assignment`` releases it: every line from one holding
    HIDDEN_BEGIN through the next holding HIDDEN_END left out."""
    kept, inside = [], False
    for line in source.split("\n"):
        if HIDDEN_BEGIN in line:
            inside = True
        elif HIDDEN_END in line:
            inside = False
        elif not inside:
            kept.append(line)
    return "\n".join(kept)


def restore_hidden_tests_preprocessor():
    """An nbgrader preprocessor for autograde's sanitising pass, before OverwriteCells: a locked
    cell handed in exactly as it was released gets its hidden tests back from the gradebook.

    nbgrader stores a cell's checksum before it strips the hidden tests from the release, so
    OverwriteCells finds every released hidden cell "changed" and warns for every student
    ("Attribute 'checksum' for cell ch05-grade-hidden has changed!"), which reads like
    tampering. It restores the cell either way; after this pass it warns only about a cell the
    student did change."""
    from nbgrader.api import Gradebook, MissingEntry
    from nbgrader.preprocessors import NbGraderPreprocessor

    class RestoreHiddenTests(NbGraderPreprocessor):
        def preprocess(self, nb, resources):
            where = resources["nbgrader"]
            with Gradebook(where["db_url"]) as gradebook:
                for cell in nb.cells:
                    if not is_instructor_cell(cell):
                        continue
                    try:
                        source = gradebook.find_source_cell(cell.metadata.nbgrader["grade_id"], where["notebook"],
                                                            where["assignment"]).source
                    except MissingEntry:
                        continue
                    if source != cell.source and cell.source == released_source(source):
                        cell.source = source
            return nb, resources

    return RestoreHiddenTests


def with_student_code_removed(preprocessors):
    """nbgrader's sanitising preprocessors with RestoreHiddenTests before OverwriteCells, and
    RemoveStudentCode and EscapeStudentMarkdown after it."""
    preprocessors = list(preprocessors)
    names = [getattr(p, "__name__", str(p)) for p in preprocessors]
    if "OverwriteCells" in names:
        at = names.index("OverwriteCells")
        before, overwrite, after = preprocessors[:at], preprocessors[at:at + 1], preprocessors[at + 1:]
    else:
        before, overwrite, after = preprocessors, [], []
    return (before + [restore_hidden_tests_preprocessor(), *overwrite, remove_student_code_preprocessor(),
                      escape_student_markdown_preprocessor()] + after)


def with_student_markdown_escaped(preprocessors):
    """generate_feedback's preprocessors with EscapeStudentMarkdown first (for notebooks
    autograded without it)."""
    return [escape_student_markdown_preprocessor(), *preprocessors]


_LINK_OPENINGS = re.compile(r"\](?=[(:\[])")


def escape_markdown_answer(text):
    """A student's markdown answer that renders as the text it is, never as HTML: no ``<``
    (so no tag, comment or autolink; ``&lt;`` shows it), no inline, reference or image link
    (a space after every ``]`` that would open one), control characters made visible.
    Applying it twice changes nothing, so autograde and generate_feedback may both apply it."""
    text = visible(text, keep_newlines=True).replace("<", "&lt;")
    return _LINK_OPENINGS.sub("] ", text)


def is_instructor_cell(cell):
    """A cell of the instructor: locked, with a grade_id that nbgrader knows."""
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return bool(meta.get("grade_id")) and bool(meta.get("locked"))


def escape_student_markdown_preprocessor():
    """An nbgrader preprocessor that escapes every markdown cell that is not a locked cell
    of the instructor (``escape_markdown_answer``): a ``<script>`` or ``<img onerror>`` in
    an answer reaches neither the autograded notebook nor the feedback HTML as markup.
    nbgrader's own sanitising does not remove them."""
    from nbgrader.preprocessors import NbGraderPreprocessor

    class EscapeStudentMarkdown(NbGraderPreprocessor):
        def preprocess(self, nb, resources):
            for cell in nb.cells:
                if cell.cell_type == "markdown" and not is_instructor_cell(cell):
                    cell.source = escape_markdown_answer(cell.source)
                    cell.pop("attachments", None)
            return nb, resources

    return EscapeStudentMarkdown


def prepare_submissions(course_root, assignment):
    """Copy the released notebook(s) of ``assignment`` into every submission that lacks them
    (nbgrader skips a submission without its notebook without a word). Returns the copies as
    (student, notebook name)."""
    course_root = Path(course_root)
    release = course_root / "release" / assignment
    notebooks = sorted(release.glob("*.ipynb"))
    if not notebooks:
        raise FileNotFoundError(f"{release} holds no notebook: run `nbgrader generate_assignment {assignment}` first")
    copied = []
    submitted = course_root / "submitted"
    for student in sorted(p for p in submitted.iterdir() if p.is_dir()) if submitted.is_dir() else []:
        folder = student / assignment
        if not folder.is_dir():
            continue
        for notebook in notebooks:
            if not (folder / notebook.name).exists():
                shutil.copyfile(notebook, folder / notebook.name)
                copied.append((student.name, notebook.name))
    return copied


def set_aside_unreleased(course_root, assignment):
    """Move every file of a submission that was not released with ``assignment`` (a module
    named like one the kernel imports, ``ipykernel_launcher.py`` say, would shadow it) to
    ``set_aside/STUDENT/ASSIGNMENT/`` beside ``submitted/``. Returns (student, relative path)
    for each, so that the instructor can tell the students."""
    course_root = Path(course_root)
    release = course_root / "release" / assignment
    released = {p.relative_to(release).as_posix() for p in release.rglob("*") if p.is_file()}
    released.add("timestamp.txt")  # nbgrader's own
    moved = []
    submitted = course_root / "submitted"
    for student in sorted(p for p in submitted.iterdir() if p.is_dir()) if submitted.is_dir() else []:
        folder = student / assignment
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*"), reverse=True):
            relative = path.relative_to(folder).as_posix()
            if path.is_dir() and not path.is_symlink():
                continue
            if relative in released and path.is_file() and not path.is_symlink():
                continue
            target = course_root / "set_aside" / student.name / assignment / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(path), str(target))
            moved.append((student.name, relative))
        for path in sorted(folder.rglob("*"), reverse=True):  # folders left empty
            if path.is_dir() and not path.is_symlink() and not any(path.iterdir()):
                path.rmdir()
    return sorted(moved)


# ---------------------------------------------------------------- building the notebooks

NB_META = {
    "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
    "language_info": {"name": "python"},
}
MARKER = re.compile(r"^<!--\s*(setup|points|grade|answer)\s*(?::\s*(\S+))?\s*(?:points=(\d+(?:\.\d+)?))?\s*-->\s*$")

SETUP_SOURCE = '''\
# Setup (locked). The grader is the kit's: the folder in $DLFS_KIT, or the first folder above
# this one that holds grader/ and dataset/. Your code is graded in the modules beside this
# notebook (common/..., chNN/...), in a separate process: never in this notebook.
import os
import sys
from pathlib import Path

HERE = Path.cwd().resolve()
KIT = os.environ.get("DLFS_KIT") or next(
    (str(p) for p in HERE.parents if (p / "grader" / "api.py").is_file()), None)
if KIT is None:
    raise RuntimeError("cannot find the grading kit: set DLFS_KIT to the folder that holds grader/ and dataset/")
sys.path[:] = [KIT] + [p for p in sys.path if Path(p or ".").resolve() != HERE]
from grader.frontends.notebook import grade_group  # noqa: E402'''


def _cell(cell_type, source, nbgrader=None, cell_id=None):
    cell = {"cell_type": cell_type, "id": cell_id, "metadata": {}, "source": source}
    if nbgrader is not None:
        cell["metadata"]["nbgrader"] = {"grade": False, "locked": False, "schema_version": 3, "solution": False,
                                        "task": False, **nbgrader}
    if cell_type == "code":
        cell.update({"execution_count": None, "outputs": []})
    return cell


def points_table(chapter):
    rows = ["| cell | checks | points |", "|---|---|---|"]
    total = 0.0
    for group, checks in groups(chapter):
        points = group_points(checks)
        total += points
        label = "hidden (graded by your instructor)" if group.hidden else group.title
        rows.append(f"| `{group.key}` | {label}: {len(checks)} check{'s' if len(checks) > 1 else ''} | {points:g} |")
    rows.append(f"| | total of the autograded cells | {total:g} |")
    return "\n".join(rows)


def build_notebook(chapter, text):
    """The notebook of ``chapter`` (a dict in nbformat 4) from its text in assignments/text/."""
    cells, chunk, seen = [], [], []

    def flush():
        body = "\n".join(chunk).strip()
        chunk.clear()
        if body:
            cells.append(_cell("markdown", body, {"locked": True, "grade_id": f"{chapter}-text-{len(cells) + 1}"}))

    for line in text.splitlines():
        match = MARKER.match(line.strip())
        if not match:
            chunk.append(line)
            continue
        flush()
        kind, key, points = match.groups()
        if kind == "setup":
            cells.append(_cell("code", SETUP_SOURCE, {"locked": True, "grade_id": f"{chapter}-setup"}))
        elif kind == "points":
            cells.append(_cell("markdown", points_table(chapter),
                               {"locked": True, "grade_id": f"{chapter}-points"}))
        elif kind == "grade":
            group, checks = find_group(chapter, key)
            if not checks:
                continue  # no hidden checks in this kit: no hidden cell
            seen.append(key)
            value = group_points(checks)
            call = f'grade_group("{chapter}", "{key}")'
            if group.hidden:
                source = (f"# Hidden checks, {value:g} points: they run when your instructor grades this notebook.\n"
                          f"### BEGIN HIDDEN TESTS\n{call}\n### END HIDDEN TESTS")
            else:
                source = (f"# Autograder (locked): {group.title}, {value:g} points. Prints what was checked and\n"
                          f"# ends with the points earned.\n{call}")
            cells.append(_cell("code", source, {"grade": True, "locked": True, "points": value,
                                                "grade_id": f"{chapter}-grade-{key}"}))
        elif kind == "answer":
            if not points:
                raise ValueError(f"{chapter}: answer {key} needs points=N")
            cells.append(_cell("markdown", "YOUR ANSWER HERE", {"grade": True, "solution": True,
                                                                "points": float(points),
                                                                "grade_id": f"{chapter}-answer-{key}"}))
    flush()
    expected = [g.key for g, _ in groups(chapter)]
    if sorted(seen) != sorted(expected):
        raise GroupError(f"assignments/text/{chapter}.md grades {sorted(seen)}; the groups are {sorted(expected)}")
    ids = [c["metadata"].get("nbgrader", {}).get("grade_id") for c in cells]
    for number, cell in enumerate(cells):
        cell["id"] = ids[number] or f"{chapter}-cell-{number + 1}"
    return {"cells": cells, "metadata": NB_META, "nbformat": 4, "nbformat_minor": 5}


def notebook_text(notebook):
    return json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def course_files(course_root=COURSE_ROOT, template=KIT_ROOT / "student_template"):
    """{path relative to the course root: text} for everything generated under source/."""
    course_root, template = Path(course_root), Path(template)
    files = {}
    for chapter in CHAPTERS:
        text = (course_root / "text" / f"{chapter}.md").read_text(encoding="utf-8")
        files[f"source/{chapter}/{chapter}.ipynb"] = notebook_text(build_notebook(chapter, text))
        for module in released_modules(chapter, template):
            files[f"source/{chapter}/{module}"] = (template / module).read_text(encoding="utf-8")
    return files


def course_differences(course_root=COURSE_ROOT, files=None):
    """Generated paths that are missing or differ, and files under source/ nobody generates."""
    course_root = Path(course_root)
    files = course_files(course_root) if files is None else files
    present = {p.relative_to(course_root).as_posix() for p in (course_root / "source").rglob("*")
               if p.is_file() and p.name != "ruff.toml"
               and not any(part.startswith(".") or part == "__pycache__" for part in p.relative_to(course_root).parts)}
    return stale_paths(files, course_root, present)


def write_course(course_root=COURSE_ROOT):
    course_root = Path(course_root)
    files = course_files(course_root)
    stale = course_differences(course_root, files)
    sync_tree(files, course_root, stale)
    return stale


# ---------------------------------------------------------------- command line

def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m grader course", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build-course", help="regenerate assignments/source from student_template/ and "
                                                "assignments/text/")
    build.add_argument("--check", action="store_true", help="only report stale files (exit 1 if any)")
    prepare = sub.add_parser("prepare-submissions", help="copy the released notebook into submissions that lack "
                                                          "it, and set aside files that were not released")
    prepare.add_argument("course", help="the nbgrader course root (holds release/ and submitted/)")
    prepare.add_argument("assignment", choices=CHAPTERS)
    show = sub.add_parser("groups", help="the notebook groups, their checks, points and time budgets")
    show.add_argument("chapter", nargs="*", help=f"chapters (default: all of {', '.join(CHAPTERS)})")
    args = parser.parse_args(argv)

    if args.command == "build-course":
        if args.check:
            stale = course_differences()
            for path in stale:
                print(f"out of date: assignments/{path}")
            return 1 if stale else 0
        stale = write_course()
        print(f"assignments/source: {len(stale)} file(s) rewritten")
        return 0
    if args.command == "prepare-submissions":
        try:
            copied = prepare_submissions(args.course, args.assignment)
        except FileNotFoundError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        for student, name in copied:
            print(f"{visible(student)}: {visible(name)} was missing; copied the released notebook")
        print(f"{len(copied)} submission(s) of {args.assignment} completed")
        moved = set_aside_unreleased(args.course, args.assignment)
        for student, name in moved:
            print(f"{student}: {name} was not released with {args.assignment}; set aside in "
                  f"set_aside/{student}/{args.assignment}/ (not graded)")
        return 0
    unknown = sorted(set(args.chapter) - set(CHAPTERS))
    if unknown:
        parser.error(f"no chapter {', '.join(unknown)} (chapters: {', '.join(CHAPTERS)})")
    for chapter in args.chapter or CHAPTERS:
        print(chapter)
        for group, checks in groups(chapter):
            print(f"  {group.key:<20} {group_points(checks):>5g} points  {len(checks):>2} checks  "
                  f"budget {group_budget(checks):g} s")
    print(f"kernel timeout per cell (c.Execute.timeout): {kernel_timeout()} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
