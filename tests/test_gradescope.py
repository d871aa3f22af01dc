"""The Gradescope autograder: the zip to upload, and run_autograder on a simulated /autograder
tree (DLFS_AUTOGRADER_ROOT), checked against Gradescope's documented results.json fields."""
import json
import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from grader.checks import checks_for
from grader.cli import grade
from grader.gradescope import build_autograder, validate
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
    assert {"setup.sh", "run_autograder", "grader/cli.py", "grader/gradescope.py", "dataset/mnist.py"} <= names
    assert modes["setup.sh"] & 0o111 and modes["run_autograder"] & 0o111
    assert any(name.startswith("grader/checks/hidden/") for name in names), "instructors grade with hidden checks"
    assert not any(name.startswith(("solutions/", "student_template/", "tests/")) for name in names)
    assert "grader/make_template.py" not in names and "dataset/mnist_cache.npz" not in names
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
    assert "further check(s)" in data["output"] and "TOTAL:" in stdout


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
