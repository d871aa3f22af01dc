"""End to end: the course of assignments/ driven through nbgrader's own command line (no Jupyter
server), in a temporary copy: generate_assignment, autograde of a small class, generate_feedback
and export to CSV, with the scores that ``python -m grader`` gives.

The fake class of ch04: ada hands in the reference (full marks), ben the untouched template
(nothing), cho a mistake of the bug zoo (the grader's partial score), dan code that hangs in one
function and calls os._exit in another, without the notebook (graded, not stuck), and eve the
template with a notebook cell that fakes full marks (removed, nothing). In ch05, fay hands in
the reference (full marks, hidden checks included) and gus a bug-zoo mistake (the grader's
partial score, hidden checks and MNIST included).
"""
import csv
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser

import pytest

from grader.frontends.notebook import COURSE_ROOT, groups, kernel_timeout, released_modules
from grader.grading.checks import checks_for
from tests.grader.mutants import BUG_ZOO, ROOT, SOLUTIONS, build, load_member

HAVE_NBGRADER = importlib.util.find_spec("nbgrader") is not None
needs_nbgrader = pytest.mark.skipif(not HAVE_NBGRADER, reason="nbgrader is not installed in this environment "
                                    "(it is in the `test` dependency group: run `nox -s tests`)")
ANSWER_POINTS = 10  # two written questions of 5 points per notebook, graded by hand
TIMINGS = {}


class Course:
    """A temporary copy of the course and nbgrader's command line in it."""

    def __init__(self, tmp_path):
        self.root = tmp_path / "course"
        shutil.copytree(COURSE_ROOT, self.root, ignore=shutil.ignore_patterns(
            "release", "submitted", "autograded", "feedback", "gradebook.db", "*.csv", "__pycache__", ".*"))
        home = tmp_path / "jupyter"
        self.env = {
            **os.environ,
            "DLFS_KIT": str(ROOT),
            "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""),
            "JUPYTER_CONFIG_DIR": str(home / "config"),
            "JUPYTER_DATA_DIR": str(home / "data"),
            "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
            "IPYTHONDIR": str(home / "ipython"),
            "PYTHONDONTWRITEBYTECODE": "1",
        }

    def nbgrader(self, *args, timeout=900):
        done = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=self.root, env=self.env,
                              capture_output=True, text=True, timeout=timeout)
        log = done.stdout + done.stderr
        assert done.returncode == 0, log[-4000:]
        assert "Exception while loading config file" not in log, log[-4000:]
        return log

    def submit(self, student, chapter, modules_from=None, notebook=True):
        """A submission as nbgrader collects it: the released folder with the student's modules."""
        folder = self.root / "submitted" / student / chapter
        shutil.copytree(self.root / "release" / chapter, folder)
        if not notebook:
            (folder / f"{chapter}.ipynb").unlink()
        for relative in released_modules(chapter) if modules_from else ():
            shutil.copyfile(modules_from / relative, folder / relative)
        return folder

    def autograde(self, chapter, student):
        start = time.monotonic()
        log = self.nbgrader("autograde", chapter, "--student", student)
        TIMINGS[f"{chapter}/{student}"] = round(time.monotonic() - start, 1)
        return log

    def autograded_cells(self, chapter, student):
        """{grade_id: (points of the cell, value of its last expression, stdout, stderr outputs)}."""
        notebook = json.loads((self.root / "autograded" / student / chapter / f"{chapter}.ipynb").read_text())
        cells = {}
        for cell in notebook["cells"]:
            meta = cell["metadata"].get("nbgrader", {})
            if cell["cell_type"] != "code" or not meta.get("grade"):
                continue
            results = [o for o in cell["outputs"] if o["output_type"] == "execute_result"]
            value = "".join(results[0]["data"]["text/plain"]) if results else None
            stdout = "".join("".join(o["text"]) for o in cell["outputs"] if o.get("name") == "stdout")
            errors = [o for o in cell["outputs"] if o["output_type"] == "error" or o.get("name") == "stderr"]
            cells[meta["grade_id"]] = (meta["points"], value, stdout, errors)
        return cells

    def export(self):
        target = self.root / "grades.csv"
        self.nbgrader("export", "--to", str(target))
        with open(target, newline="") as f:
            return {(row["assignment"], row["student_id"]): row for row in csv.DictReader(f)}


def grader_score(folder, chapter, tmp_path):
    """What `python -m grader check` gives the same folder (hidden checks included)."""
    with_json = tmp_path / f"{folder.parent.name}-{chapter}.json"
    done = subprocess.run([sys.executable, "-m", "grader", "check", "--submission", str(folder), "--chapter", chapter,
                           "--json", str(with_json), "--quiet", "--no-color"], cwd=ROOT, capture_output=True,
                          text=True, timeout=900)
    assert done.returncode in (0, 1), done.stdout + done.stderr
    return json.loads(with_json.read_text())["score"]


def mutant_modules(tmp_path, member):
    return build(load_member(BUG_ZOO / member), tmp_path / member.removesuffix(".py"))


def check_points(chapter, word):
    return sum(c.points for c in checks_for(chapter) if c.name.startswith(word))


def assert_nothing_of_the_graders(course, chapter, student):
    """The autograded copy and the feedback hold the student's files and nbgrader's own, nothing
    the grader wrote (hypothesis' .hypothesis/ was handed back with the feedback)."""
    submitted = {p.relative_to(course.root / "submitted" / student / chapter).as_posix()
                 for p in (course.root / "submitted" / student / chapter).rglob("*") if p.is_file()}
    for stage, own in (("autograded", {"timestamp.txt"}), ("feedback", {f"{chapter}.html", "timestamp.txt"})):
        folder = course.root / stage / student / chapter
        found = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
        assert found - submitted - own == set(), (stage, student, sorted(found - submitted - own))


def assert_plain_partial_credit(cells):
    """Every autograded cell evaluated to a plain float within [0, points], without stderr."""
    for grade_id, (points, value, stdout, errors) in cells.items():
        assert not errors, f"{grade_id}: {errors}"
        assert value is not None and re.fullmatch(r"\d+(\.\d+)?", value), f"{grade_id}: {value!r}"
        assert 0 <= float(value) <= points, f"{grade_id}: {value} of {points}"
        assert "points" in stdout, f"{grade_id}: no feedback printed"


@needs_nbgrader
def test_nbgrader_reads_the_course_configuration(tmp_path, monkeypatch):
    """The configuration sets the traps' answers (and loads: nbgrader ignores a failing config)."""
    from traitlets.config.loader import PyFileConfigLoader

    course = Course(tmp_path)
    monkeypatch.setenv("DLFS_KIT", str(ROOT))
    config = PyFileConfigLoader("nbgrader_config.py", path=str(course.root)).load_config()
    for chapter in ("ch04", "ch05", "ch06", "ch07"):
        assert sorted(config.Autograde.exclude_overwriting[chapter]) == released_modules(chapter)
    assert config.Execute.timeout == kernel_timeout() > 30
    names = [p.__name__ for p in config.Autograde.sanitize_preprocessors]
    assert names.index("RemoveStudentCode") == names.index("OverwriteCells") + 1
    assert names.index("RestoreHiddenTests") == names.index("OverwriteCells") - 1
    assert names.index("EscapeStudentMarkdown") > names.index("OverwriteCells")
    assert [p.__name__ for p in config.GenerateFeedback.preprocessors][0] == "EscapeStudentMarkdown"


class TagsAndAttributes(HTMLParser):
    """The tags of an HTML fragment, its event-handler attributes and javascript: links."""

    def __init__(self):
        super().__init__()
        self.found, self.handlers, self.javascript = set(), [], []

    def handle_starttag(self, tag, attrs):
        self.found.add(tag)
        self.handlers += [name for name, _ in attrs if name.startswith("on")]
        self.javascript += [value for _, value in attrs if value and "javascript" in value.replace(" ", "").lower()]


HOSTILE_ANSWERS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)></svg>",
    "[click](javascript:alert(1))",
    "[click][r]\n\n[r]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "\\<script>alert(1)</script>",
    "```\n</code><script>alert(1)</script>\n```",
]


@needs_nbgrader
@pytest.mark.parametrize("answer", HOSTILE_ANSWERS)
def test_student_markdown_reaches_the_feedback_html_as_text(answer):
    import nbformat
    from nbconvert import HTMLExporter

    from grader.frontends.notebook import escape_student_markdown_preprocessor

    nb = nbformat.v4.new_notebook()
    instructions = nbformat.v4.new_markdown_cell("Explain <b>why</b>.")
    instructions.metadata["nbgrader"] = {"grade_id": "q1-text", "locked": True}
    student = nbformat.v4.new_markdown_cell(f"My answer: {answer} and $a < b$")
    student.metadata["nbgrader"] = {"grade_id": "q1-answer", "solution": True, "grade": True, "points": 2,
                                    "locked": False}
    nb.cells = [instructions, student]
    escape = escape_student_markdown_preprocessor()()
    once, _ = escape(nb, {})
    twice, _ = escape(nbformat.from_dict(once), {})
    assert twice.cells[1].source == once.cells[1].source, "escaping twice (autograde, feedback) changes nothing"
    assert once.cells[0].source == "Explain <b>why</b>."  # the instructor's own cells keep their HTML
    html, _ = HTMLExporter().from_notebook_node(once)
    start = html.index("My answer")
    tags = TagsAndAttributes()
    tags.feed(html[start:html.index("</div>", start)])
    assert tags.found <= {"p", "code", "pre", "em", "strong", "a", "br"}, tags.found
    assert not tags.handlers and not tags.javascript
    assert 'href="javascript' not in html and "<script>alert" not in html and "<img src=x" not in html


@needs_nbgrader
def test_student_code_cells_are_removed_before_grading():
    import nbformat

    from grader.frontends.notebook import remove_student_code_preprocessor

    nb = nbformat.v4.new_notebook()
    locked = nbformat.v4.new_code_cell("grade_group('ch04', 'softmax')")
    locked.metadata["nbgrader"] = {"grade_id": "ch04-grade-softmax", "locked": True, "grade": True, "points": 28}
    forged = nbformat.v4.new_code_cell("import os; os._exit(1)")
    forged.metadata["nbgrader"] = {"locked": False, "grade_id": "mine"}
    nb.cells = [nbformat.v4.new_markdown_cell("text"), locked, nbformat.v4.new_code_cell("grade_group = None"),
                forged]
    out, _ = remove_student_code_preprocessor()()(nb, {})  # as nbconvert calls it (only when enabled)
    assert [c.source for c in out.cells] == ["text", "grade_group('ch04', 'softmax')"]


@pytest.mark.slow
@needs_nbgrader
def test_a_class_of_ch04_through_nbgrader(tmp_path):
    course = Course(tmp_path)
    course.nbgrader("generate_assignment", "ch04")
    release = course.root / "release" / "ch04"
    assert sorted(p.relative_to(release).as_posix() for p in release.rglob("*.py")) == released_modules("ch04")

    course.submit("ada", "ch04", modules_from=SOLUTIONS)
    ben = course.submit("ben", "ch04")
    # A module beside the notebook that the kernel would import first: it would report full marks.
    shadow = course.root / "shadow-ran"
    (ben / "ipykernel_launcher.py").write_text(
        f"open({str(shadow)!r}, 'w').close()\n"
        "import sys, runpy\nsys.path.pop(0)\ndel sys.modules['ipykernel_launcher']\n"
        "runpy.run_module('ipykernel_launcher', run_name='__main__')\n")
    cho = course.submit("cho", "ch04", modules_from=mutant_modules(tmp_path, "ch04_softmax_whole_batch.py"))
    dan = course.submit("dan", "ch04", modules_from=SOLUTIONS, notebook=False)
    functions = (dan / "common" / "functions.py").read_text()
    functions = functions.replace("def mean_squared_error(y, t):\n",
                                  "def mean_squared_error(y, t):\n    while True:\n        pass\n")
    (dan / "common" / "functions.py").write_text(functions)
    gradient = (dan / "common" / "gradient.py").read_text()
    gradient = gradient.replace("def numerical_gradient(f, x):\n",
                                "def numerical_gradient(f, x):\n    import os\n    os._exit(3)\n")
    (dan / "common" / "gradient.py").write_text(gradient)
    eve = course.submit("eve", "ch04")
    notebook = json.loads((eve / "ch04.ipynb").read_text())
    forged = ("def grade_group(chapter, key):\n    from grader.frontends.notebook import find_group, group_points\n"
              "    return float(group_points(find_group(chapter, key)[1]))\n")
    setup = next(i for i, c in enumerate(notebook["cells"]) if c["cell_type"] == "code")
    notebook["cells"].insert(setup + 1, {"cell_type": "code", "execution_count": None, "id": "mine", "metadata": {},
                                         "outputs": [], "source": forged})
    (eve / "ch04.ipynb").write_text(json.dumps(notebook))

    # A submission without its notebook is skipped by nbgrader: the instructors' helper adds it.
    prepared = subprocess.run([sys.executable, "-m", "grader", "course", "prepare-submissions", str(course.root),
                               "ch04"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert prepared.returncode == 0, prepared.stderr
    assert "dan: ch04.ipynb was missing" in prepared.stdout and "1 submission(s)" in prepared.stdout

    expected = {"ada": 100.0, "ben": 0.0, "cho": grader_score(cho, "ch04", tmp_path), "eve": 0.0,
                "dan": 100.0 - check_points("ch04", "mean_squared_error") - check_points("ch04", "numerical_gradient")}
    assert 0 < expected["cho"] < 100
    for student in expected:
        course.autograde("ch04", student)

    # autograde kept every student's modules (c.Autograde.exclude_overwriting)
    for student in expected:
        for relative in released_modules("ch04"):
            submitted = course.root / "submitted" / student / "ch04" / relative
            graded = course.root / "autograded" / student / "ch04" / relative
            assert graded.read_text() == submitted.read_text(), f"{student}: {relative} was overwritten"

    assert not shadow.exists(), "a module handed in beside the notebook ran in the kernel"
    assert "ben: ipykernel_launcher.py was not released" in prepared.stdout
    cells = {student: course.autograded_cells("ch04", student) for student in expected}
    for student, graded in cells.items():
        assert_plain_partial_credit(graded)
        assert sum(float(value) for _, value, _, _ in graded.values()) == pytest.approx(expected[student], abs=1e-9)
    dan_output = "".join(stdout for _, _, stdout, _ in cells["dan"].values())
    assert "did not finish within 20 s" in dan_output and "ended the grading process" in dan_output
    assert "not started yet" in "".join(stdout for _, _, stdout, _ in cells["eve"].values())

    course.nbgrader("generate_feedback", "ch04")
    for student in expected:
        html = (course.root / "feedback" / student / "ch04" / "ch04.html").read_text()
        assert "ch04 Softmax:" in html
        assert_nothing_of_the_graders(course, "ch04", student)
    assert "did not finish within" in (course.root / "feedback" / "dan" / "ch04" / "ch04.html").read_text()

    grades = course.export()
    for student, score in expected.items():
        row = grades[("ch04", student)]
        assert float(row["raw_score"]) == pytest.approx(score, abs=1e-9), (student, row)
        assert float(row["max_score"]) == 100 + ANSWER_POINTS
    print("\nch04 autograde seconds per student:", {k: v for k, v in TIMINGS.items() if k.startswith("ch04")})
    print((course.root / "grades.csv").read_text())


@pytest.mark.slow
@needs_nbgrader
def test_ch05_through_nbgrader_gives_the_graders_scores_hidden_checks_and_mnist_included(tmp_path):
    course = Course(tmp_path)
    course.nbgrader("generate_assignment", "ch05")
    release_notebook = (course.root / "release" / "ch05" / "ch05.ipynb").read_text()
    assert "### BEGIN HIDDEN TESTS" not in release_notebook and 'grade_group("ch05", "hidden")' not in release_notebook

    hidden_points = sum(c.points for c in checks_for("ch05") if c.hidden)
    assert hidden_points > 0
    course.submit("fay", "ch05", modules_from=SOLUTIONS)
    # Two mistakes: one the public checks see, and one only the hidden check sees (a layer's state
    # shared between instances; the hidden check does not count the layers' own mistakes again).
    gus_modules = mutant_modules(tmp_path, "ch05_relu_mask_on_the_class.py")
    for relative, before, after in load_member(BUG_ZOO / "ch05_sigmoid_forward_sign.py").PATCHES:
        path = gus_modules / relative
        path.write_text(path.read_text(encoding="utf-8").replace(before, after), encoding="utf-8")
    gus = course.submit("gus", "ch05", modules_from=gus_modules)
    expected = {"fay": 100.0 + hidden_points, "gus": grader_score(gus, "ch05", tmp_path)}
    assert 0 < expected["gus"] < 100
    for student in expected:
        log = course.autograde("ch05", student)
        # nbgrader strips the hidden tests from the release after storing the cell's checksum:
        # without the course's RestoreHiddenTests, every student's hidden cell reads as changed.
        assert "has changed" not in log, log[-4000:]
    for student in expected:
        graded = course.autograded_cells("ch05", student)
        assert_plain_partial_credit(graded)
        assert set(graded) == {f"ch05-grade-{group.key}" for group, _ in groups("ch05")}
    gus_cells = course.autograded_cells("ch05", "gus")
    assert float(gus_cells["ch05-grade-hidden"][1]) < hidden_points, "the hidden check sees this mistake"

    course.nbgrader("generate_feedback", "ch05")
    for student in expected:
        assert_nothing_of_the_graders(course, "ch05", student)

    grades = course.export()
    for student, score in expected.items():
        row = grades[("ch05", student)]
        assert float(row["raw_score"]) == pytest.approx(score, abs=1e-9), (student, row)
        assert float(row["max_score"]) == 100 + hidden_points + ANSWER_POINTS
    print("\nch05 autograde seconds per student:", {k: v for k, v in TIMINGS.items() if k.startswith("ch05")})
    print((course.root / "grades.csv").read_text())


@pytest.mark.slow
@needs_nbgrader
def test_ch06_and_ch07_are_generated_with_the_template_and_without_hidden_content(tmp_path):
    """(ch04 and ch05 are generated and graded above.)"""
    import nbformat

    course = Course(tmp_path)
    for chapter in ("ch06", "ch07"):
        course.nbgrader("generate_assignment", chapter)
        release = course.root / "release" / chapter
        modules = sorted(p.relative_to(release).as_posix() for p in release.rglob("*.py"))
        assert modules == released_modules(chapter)
        assert all((release / m).read_text() == (ROOT / "student_template" / m).read_text() for m in modules)
        notebook = nbformat.read(release / f"{chapter}.ipynb", as_version=4)
        nbformat.validate(notebook)
        sources = [cell.source for cell in notebook.cells]
        assert not [s for s in sources if "HIDDEN TESTS" in s or 'grade_group("' + chapter + '", "hidden")' in s]
        graded = [c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade")]
        points = sum(c.metadata.nbgrader.points for c in graded)
        assert points == sum(c.points for c in checks_for(chapter)) + ANSWER_POINTS
