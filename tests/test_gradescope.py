"""The Gradescope autograder: the zip to upload, and run_autograder on a simulated /autograder
tree (DLFS_AUTOGRADER_ROOT), checked against Gradescope's documented results.json fields."""
import json
import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from grader.api import grade
from grader.frontends.gradescope import build_autograder, validate
from grader.grading.checks import checks_for
from tests.grader.mutants import BUG_ZOO, ROOT, SOLUTIONS, build, load_member

CHAPTERS = ("ch04", "ch05")


@pytest.fixture(scope="module")
def autograder(tmp_path_factory):
    return build_autograder(tmp_path_factory.mktemp("build") / "autograder.zip", CHAPTERS)


def run_autograder(autograder, root, submission_files):
    """Lay out ROOT as Gradescope does (source/, submission/, run_autograder) and run it there."""
    with zipfile.ZipFile(autograder) as zf:
        zf.extractall(root / "source")  # (zipfile drops the modes; Gradescope keeps them)
    shutil.copyfile(root / "source" / "run_autograder", root / "run_autograder")
    (root / "run_autograder").chmod(0o755)
    (root / "submission").mkdir()
    for relative, source in submission_files.items():
        target = root / "submission" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    env = {**os.environ, "DLFS_AUTOGRADER_ROOT": str(root), "DLFS_PYTHON": sys.executable}
    done = subprocess.run([str(root / "run_autograder")], cwd=root, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    data = json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))
    assert validate(data) == [], validate(data)
    return data, done.stdout


def layout(folder, prefix=""):
    return {prefix + p.relative_to(folder).as_posix(): p for p in folder.rglob("*.py") if "__pycache__" not in p.parts}


def total_points(include_hidden=True):
    return sum(c.points for chapter in CHAPTERS for c in checks_for(chapter, include_hidden))


def test_the_zip_has_the_two_scripts_at_its_root_and_no_solution(autograder):
    with zipfile.ZipFile(autograder) as zf:
        names = set(zf.namelist())
        modes = {name: zf.getinfo(name).external_attr >> 16 for name in names}
        scripts = {name: zf.read(name).decode() for name in ("setup.sh", "run_autograder")}
    assert {"setup.sh", "run_autograder", "grader/frontends/cli.py", "grader/frontends/gradescope.py",
            "dataset/mnist.py"} <= names
    assert modes["setup.sh"] & 0o111 and modes["run_autograder"] & 0o111
    hidden = [name for name in names if name.startswith("grader/grading/checks/hidden/")]
    assert hidden, "instructors grade with hidden checks"
    assert not any(name.startswith(("solutions/", "student_template/", "tests/")) for name in names)
    assert "grader/frontends/make_template.py" not in names and "dataset/mnist_cache.npz" not in names
    assert "--chapter ch04 --chapter ch05" in scripts["run_autograder"]
    for name, text in scripts.items():
        assert text.startswith("#!/usr/bin/env bash\n")
        check = subprocess.run(["bash", "-n"], input=text, capture_output=True, text=True)
        assert check.returncode == 0, f"{name}: {check.stderr}"


@pytest.mark.slow
def test_the_reference_one_folder_deep_gets_every_point(autograder, tmp_path):
    data, stdout = run_autograder(autograder, tmp_path / "autograder", layout(SOLUTIONS, "my-dlfs/"))
    assert data["score"] == data["max_score"] == total_points()
    assert len(data["tests"]) == len(checks_for("ch04")) + len(checks_for("ch05"))
    hidden = [t for t in data["tests"] if t["visibility"] == "after_published"]
    assert len(hidden) == sum(1 for c in checks_for("ch05") if c.hidden) > 0
    assert "1 further check worth 3 points" in data["output"] and "TOTAL:" in stdout  # one: singular


def test_files_uploaded_one_by_one_get_the_graders_partial_score(autograder, tmp_path):
    member = build(load_member(BUG_ZOO / "ch04_softmax_whole_batch.py"), tmp_path / "member")
    flat = {relative.rsplit("/", 1)[-1]: path for relative, path in layout(member).items()
            if relative in ("common/functions.py", "common/gradient.py")}
    data, _ = run_autograder(autograder, tmp_path / "autograder", flat)
    expected = round(sum(r.score for r in grade(member, chapters=("ch04",))), 2)
    ch04 = sum(t["score"] for t in data["tests"] if t["name"].startswith("ch04: "))
    assert ch04 == pytest.approx(expected) and 0 < expected < 100
    assert "functions.py -> common/functions.py" in data["output"]
    assert all(t["score"] == 0 for t in data["tests"] if t["name"].startswith("ch05: ")), "no ch05 files uploaded"
    failing = [t for t in data["tests"] if t["status"] == "failed" and t["name"].startswith("ch04: ")]
    assert failing and all(t["output"] for t in failing)


def test_the_template_gets_nothing(autograder, tmp_path):
    data, _ = run_autograder(autograder, tmp_path / "autograder", layout(ROOT / "student_template"))
    assert data["score"] == 0 and data["max_score"] == total_points()
    assert all("not started yet" in t["output"] or "not implemented" in t["output"] for t in data["tests"])


def test_an_autograder_built_for_japanese_speaks_japanese(tmp_path):
    japanese = build_autograder(tmp_path / "build" / "autograder.zip", ("ch04",), language="ja")
    data, _ = run_autograder(japanese, tmp_path / "autograder", layout(ROOT / "student_template"))
    assert data["score"] == 0
    assert all("まだ手が付けられていません" in t["output"] for t in data["tests"])
    assert data["tests"][0]["name"].endswith("step_function、sigmoid、relu、identity_function が正しい値を返す")
    assert "ch04: 0 / 100 点" in data["output"]


def test_a_submission_without_modules_is_reported_not_crashed(autograder, tmp_path):
    data, _ = run_autograder(autograder, tmp_path / "autograder", {"notes.txt": ROOT / "README.md"})
    assert data["score"] == 0 and data["tests"] == []
    assert data["max_score"] == total_points()
    assert data["output"].startswith("Not graded:") and "common/layers.py" in data["output"]


def test_validate_names_what_gradescope_would_reject():
    good = {"score": 3.0, "max_score": 5, "tests": [{"name": "a", "score": 3.0, "max_score": 5, "output": "",
                                                     "visibility": "visible", "status": "failed"}]}
    assert validate(good) == []
    bad = {"score": "3", "visibility": "sometimes",
           "tests": [{"name": "", "score": 6, "max_score": 5, "visibility": "later", "output": 1, "status": "ok"}]}
    problems = "\n".join(validate(bad))
    for expected in ("score is not a number", "visibility 'sometimes'", "tests[0]: no name",
                     "score 6 outside [0, 5]", "visibility 'later'", "output is not text", "status 'ok'"):
        assert expected in problems


# ---------------------------------------------------------------- uploads that attack the autograder

def simulated_root(tmp_path):
    root = tmp_path / "autograder"
    (root / "submission").mkdir(parents=True)
    return root


def read_results(root):
    data = json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))
    assert validate(data) == [], validate(data)
    return data


def test_placing_files_never_follows_a_link(tmp_path):
    from grader.frontends.gradescope import arrange

    hidden_source = ROOT / "grader" / "grading" / "checks" / "hidden" / "ch05.py"
    upload = tmp_path / "upload"
    (upload / "common").mkdir(parents=True)
    (upload / "common" / "layers.py").symlink_to(hidden_source)  # the hidden checks, as root
    (upload / "two_layer_net.py").symlink_to("/etc/passwd")
    (upload / "ch05").mkdir()
    (upload / "ch05" / "layer_naive.py").write_text("x = 1\n")
    (upload / "common_link").symlink_to(ROOT / "grader")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    folder, placed, notes = arrange(upload, scratch)
    copied = [p for p in scratch.rglob("*")]
    assert not any(p.is_symlink() for p in copied)
    assert not (folder / "common" / "layers.py").exists() and not (folder / "ch05" / "two_layer_net.py").exists()
    secret = hidden_source.read_text(encoding="utf-8")
    for path in copied:
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            assert text not in (secret, ) and "root:" not in text
    assert notes and "common/layers.py" in str(notes[0]) and "common_link" in str(notes[0])


@pytest.mark.parametrize("make", ["deep", "surrogate", "cp949", "grader_fault", "fifo"])
def test_every_failure_still_writes_a_results_json(tmp_path, monkeypatch, make):
    import grader.api
    from grader.frontends.gradescope import run

    root = simulated_root(tmp_path)
    submission = os.fsencode(root / "submission")
    if make == "deep":
        path = submission
        for _ in range(40):
            path += b"/d"
        os.makedirs(path)
    elif make == "surrogate":
        with open(submission + b"/\xed\xb3\xbf-layers.py", "wb") as f:  # a lone surrogate, as UTF-8 would spell it
            f.write(b"x = 1\n")
        with open(submission + b"/bad\xffname.py", "wb") as f:
            f.write(b"x = 1\n")
    elif make == "cp949":
        os.makedirs(submission + b"/" + "과제".encode("cp949") + b"/common")
        with open(submission + b"/" + "과제".encode("cp949") + b"/common/functions.py", "wb") as f:
            f.write(b"x = 1\n")
    elif make == "grader_fault":
        (root / "submission" / "common").mkdir()
        (root / "submission" / "common" / "functions.py").write_text("x = 1\n")

        def broken(*args, **kwargs):
            raise UnicodeEncodeError("utf-8", "\udcff", 0, 1, "surrogates not allowed")

        monkeypatch.setattr(grader.api, "grade", broken)
    elif make == "fifo":
        os.mkfifo(root / "submission" / "functions.py")
    graded = []
    if make == "cp949":
        monkeypatch.setattr(grader.api, "grade", lambda folder, *a, **k: graded.append(
            (folder / "common" / "functions.py").read_text()) or [])
    data = run(root, ("ch04",))
    written = read_results(root)
    if make == "cp949":  # graded, one folder deep, under its Korean Windows name
        assert graded == ["x = 1\n"]
        return
    assert written["max_score"] == data["max_score"] > 0 and written["output"]
    if make == "deep":
        assert "too large" in written["output"] and "nested more than 32 deep" in written["output"]
    if make == "grader_fault":
        assert "The autograder failed (UnicodeEncodeError" in written["output"]
    if make == "fifo":
        assert written["output"].startswith("Not graded:")


def test_no_hidden_points_are_visible_before_publication(tmp_path):
    from grader.frontends.gradescope import results_json

    results = grade(SOLUTIONS, ("ch05",), select=lambda c: c.hidden or c.name.startswith("MulLayer"))
    hidden = [r for r in results if r.check.hidden]
    assert hidden, "ch05 has hidden checks"
    data = results_json(results, 1.0)
    visible_tests = [t for t in data["tests"] if t["visibility"] == "visible"]
    hidden_points = sum(r.score for r in hidden)
    assert hidden_points > 0
    assert all(not t["name"].startswith(tuple(f"ch05: {r.check.name}" for r in hidden)) for t in visible_tests)
    # What a student sees before publication: the visible tests and the overall output; both
    # count only visible points. The total (hidden points in it) is after publication, like
    # the hidden checks; the others override that with "visible".
    visible_points = sum(t["score"] for t in visible_tests)
    assert f"ch05: {visible_points:g} / " in data["output"]
    assert f"{data['score']:g} / {data['max_score']:g}" not in data["output"]
    assert data["visibility"] == "after_published" and validate(data) == []
    assert len(visible_tests) == len(results) - len(hidden)


def test_the_docs_say_plainly_that_classroom_scores_are_self_reported():
    instructors = (ROOT / "docs" / "instructors.md").read_text(encoding="utf-8")
    section = instructors[instructors.index("## GitHub Classroom"):]
    assert "**Classroom scores are self-reported.**" in section and "never as credit" in section
    workflow = (ROOT / ".github" / "classroom" / "classroom.yml").read_text(encoding="utf-8")
    assert "self-reported" in workflow


def test_setup_sh_installs_each_requirement_as_written():
    """Requirements with environment markers hold quotes of their own: the shell must see each whole."""
    import shlex

    from grader.frontends.gradescope import autograder_files
    from grader.frontends.release import _grade_requirements

    setup = autograder_files(("ch05",))["setup.sh"][0]
    (line,) = [line for line in setup.splitlines() if "pip install" in line]
    assert shlex.split(line)[5:] == _grade_requirements()


def nox_gradescope(*posargs):
    """The command `nox -s gradescope -- POSARGS` runs, or None when the session stops with an error."""
    import importlib.util
    import warnings

    nox = pytest.importorskip("nox")  # noqa: F841  (the noxfile imports it)
    spec = importlib.util.spec_from_file_location("kit_noxfile", ROOT / "noxfile.py")
    noxfile = importlib.util.module_from_spec(spec)
    with warnings.catch_warnings():  # its sessions may be registered already (by another test)
        warnings.simplefilter("ignore", FutureWarning)
        spec.loader.exec_module(noxfile)

    class Session:
        def __init__(self):
            self.posargs, self.ran = list(posargs), None

        def error(self, message):
            raise LookupError(message)

        def run(self, *command, **options):
            self.ran = command

    session = Session()
    try:
        noxfile.gradescope(session)
    except LookupError as stop:
        assert "--chapter ch05" in str(stop)
        return None
    return session.ran


def test_the_autograder_is_built_for_the_chapters_named_and_graded_out_of_their_points(tmp_path):
    from grader.frontends.gradescope import main

    with pytest.raises(SystemExit):
        main(["build", "--out", str(tmp_path / "all.zip")])  # no chapter: one assignment per chapter
    assert not (tmp_path / "all.zip").exists()
    assert nox_gradescope() is None  # `nox -s gradescope` without a chapter stops and says which to give
    assert nox_gradescope("--chapter", "ch05") == ("python", "-m", "grader", "gradescope", "build", "--chapter", "ch05")
    assert main(["build", "--chapter", "ch05", "--out", str(tmp_path / "ch05.zip")]) == 0
    with zipfile.ZipFile(tmp_path / "ch05.zip") as zf:
        assert "--chapter ch05\n" in zf.read("run_autograder").decode()
        assert json.loads(zf.read("chapter_points.json")) == {"ch05": sum(c.points for c in checks_for("ch05", True))}
    instructors = (ROOT / "docs" / "instructors.md").read_text(encoding="utf-8")
    section = instructors[instructors.index("## Gradescope"):instructors.index("## GitHub Classroom")]
    assert "nox -s gradescope -- --chapter ch05" in section and "every chapter" not in section
    assert "| `nox -s gradescope -- --chapter ch05`" in instructors


def test_the_documented_simulation_grades_ch05_out_of_ch05s_points(tmp_path):
    """docs/instructors.md: build for ch05, lay out a folder as Gradescope does, run it."""
    autograder = build_autograder(tmp_path / "autograder.zip", ("ch05",))
    data, _ = run_autograder(autograder, tmp_path / "ag", {"notes.txt": ROOT / "README.md"})
    assert data["max_score"] == sum(c.points for c in checks_for("ch05", True)) == 103
    # A ch05 assignment names ch05's files as missing, never those of other chapters.
    assert "common/layers.py" in data["output"] and "ch05/two_layer_net.py" in data["output"]
    assert "common/optimizer.py" not in data["output"] and "ch07/" not in data["output"]


def test_a_python_without_numpy_ends_with_a_results_json_that_says_so(tmp_path):
    """An image whose setup.sh failed: run_autograder's Python lacks numpy (a bare venv)."""
    autograder = build_autograder(tmp_path / "autograder.zip", ("ch05",))
    bare = tmp_path / "bare"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(bare)], check=True, timeout=120)
    python = bare / "bin" / "python"
    lacks = subprocess.run([str(python), "-c", "import numpy"], capture_output=True)
    assert lacks.returncode != 0, "the bare venv must not see numpy"
    root = tmp_path / "ag"
    with zipfile.ZipFile(autograder) as zf:
        zf.extractall(root / "source")
    shutil.copytree(SOLUTIONS, root / "submission", ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "DLFS_AUTOGRADER_ROOT": str(root), "DLFS_PYTHON": str(python)}
    env.pop("PYTHONPATH", None)
    done = subprocess.run(["bash", str(root / "source" / "run_autograder")], cwd=root, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "Traceback" not in done.stdout + done.stderr, done.stdout + done.stderr
    data = json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))
    assert validate(data) == []
    assert data["score"] == 0 and data["max_score"] == sum(c.points for c in checks_for("ch05", True))
    assert "lacks numpy, hypothesis" in data["output"] and str(python) in data["output"]


def test_without_the_venv_of_setup_sh_the_images_own_python_writes_the_results(tmp_path):
    autograder = build_autograder(tmp_path / "autograder.zip", ("ch05",))
    root = tmp_path / "ag"
    with zipfile.ZipFile(autograder) as zf:
        zf.extractall(root / "source")
    (root / "submission").mkdir()
    bare = tmp_path / "bare"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(bare)], check=True, timeout=120)
    env = {**os.environ, "DLFS_AUTOGRADER_ROOT": str(root), "PATH": f"{bare / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    env.pop("DLFS_PYTHON", None)  # $ROOT/venv does not exist: python3 on the PATH (the bare one) runs it
    done = subprocess.run(["bash", str(root / "source" / "run_autograder")], cwd=root, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    data = json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))
    assert "lacks numpy" in data["output"] and data["max_score"] == 103
