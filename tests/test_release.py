"""The student release (`nox -s release`): everything a student needs, no solution body and no
hidden check; and the hidden checks themselves, which instructors grade with."""
import json
import re
import shutil
import subprocess
import sys
import types
import zipfile

import pytest

from grader.api import grade
from grader.frontends.make_template import BEGIN, END
from grader.frontends.release import build_release
from grader.grading.checks import all_checks, checks_for
from grader.grading.contract import CHAPTERS
from tests.grader.mutants import ROOT, SOLUTIONS, TEMPLATE, build, run_check
from tests.test_template import solution_regions


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    return build_release(tmp_path_factory.mktemp("build"))


def files_of(folder):
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}


def run_grader(kit, *args):
    return run_check(*args, cwd=kit)


def test_the_release_holds_the_template_the_grader_the_dataset_and_the_students_tools(release):
    folder, _ = release
    files = files_of(folder)
    template = {f"student_template/{p.relative_to(TEMPLATE).as_posix()}": p for p in TEMPLATE.rglob("*.py")
                if "__pycache__" not in p.parts}
    for relative, path in template.items():
        assert files[relative].read_bytes() == path.read_bytes(), relative
    assert {"grader/frontends/cli.py", "grader/isolation/worker.py", "grader/grading/checks/ch05.py",
            "grader/frontends/notebook.py", "dataset/mnist.py",
            "dataset/train-images-idx3-ubyte.gz", "noxfile.py", "README.md", "pyproject.toml",
            ".github/classroom/autograding.json", ".github/workflows/classroom.yml"} <= set(files)
    assert not [f for f in files if f.startswith(("solutions/", "tests/", "assignments/", "docs/"))]
    assert not [f for f in files if "__pycache__" in f or f.endswith((".pyc", ".npz"))]
    for tool in ("grader/frontends/make_template.py", "grader/frontends/release.py", "grader/frontends/gradescope.py"):
        assert tool not in files


def test_the_zip_is_the_folder_and_is_reproducible(release, tmp_path):
    folder, archive = release
    with zipfile.ZipFile(archive) as zf:
        zipped = {name.removeprefix(f"{folder.name}/"): zf.read(name) for name in zf.namelist()}
    assert all(name != "" for name in zipped)
    assert zipped.keys() == files_of(folder).keys()
    assert all(zipped[name] == path.read_bytes() for name, path in files_of(folder).items())
    _, again = build_release(tmp_path)
    assert again.read_bytes() == archive.read_bytes()


def solution_bodies(text):
    """Each solution region of ``text`` as its list of stripped code lines."""
    bodies, current = [], None
    for line in text.splitlines():
        if line.strip() == BEGIN:
            current = []
        elif line.strip() == END:
            bodies.append(current)
            current = None
        elif current is not None and line.strip() and not line.strip().startswith("#"):
            current.append(line.strip())
    return bodies


def holds_in_sequence(lines, body):
    return any(lines[i : i + len(body)] == body for i in range(len(lines) - len(body) + 1))


def test_no_solution_body_is_released(release):
    folder, _ = release
    released = {relative: [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
                for relative, path in files_of(folder).items() if relative.endswith((".py", ".md", ".toml", ".json"))}
    # Code the reference gives outside its regions is no leak where it recurs (SimpleConvNet.predict
    # is given in ch07 and is the loop of TwoLayerNet.predict in ch05).
    given = [[line for line in solution_regions(p.read_text(encoding="utf-8"))[1] if line and not line.startswith("#")]
             for p in SOLUTIONS.rglob("*.py")]
    leaks = []
    for solution in sorted(SOLUTIONS.rglob("*.py")):
        text = solution.read_text(encoding="utf-8")
        inside, outside = solution_regions(text)
        # The released template file: no line of its regions (as tests/test_template.py checks).
        own = set(released[f"student_template/{solution.relative_to(SOLUTIONS).as_posix()}"])
        leaks += [f"{solution.name}: {line}" for line in inside
                  if line and not line.startswith("#") and line not in outside and line in own]
        # Every released file: no region of two lines or more, in order.
        for body in solution_bodies(text):
            if len(body) < 2 or any(holds_in_sequence(lines, body) for lines in given):
                continue
            leaks += [f"{relative}: the body of a region of {solution.name} ({body[0]} ...)"
                      for relative, lines in released.items() if holds_in_sequence(lines, body)]
    assert not leaks, "\n".join(sorted(set(leaks)))
    assert not [r for r, lines in released.items() if BEGIN in lines or END in lines]


def test_no_hidden_check_is_released(release):
    folder, _ = release
    files = files_of(folder)
    assert not [f for f in files if f.startswith("grader/grading/checks/hidden")]
    checks = {f: p.read_text(encoding="utf-8") for f, p in files.items() if f.startswith("grader/grading/checks/")}
    assert checks and not [f for f, text in checks.items() if re.search(r"\bhidden=True", text)]
    listing = subprocess.run(
        [sys.executable, "-c", "from grader.grading.checks import all_checks\n"
         "print(sum(c.hidden for c in all_checks()), len(all_checks()), sum(c.points for c in all_checks()))"],
        cwd=folder, capture_output=True, text=True, timeout=120)
    assert listing.returncode == 0, listing.stderr
    public = [c for c in all_checks() if not c.hidden]
    assert listing.stdout.split() == ["0", str(len(public)), f"{sum(c.points for c in public):g}"]


def test_classroom_autograding_gives_partial_credit_by_group_of_checks(release):
    """One test per group of public checks, generated from the checks: it cannot drift from them."""
    import shlex

    from grader.frontends.classroom import config_text
    from grader.frontends.notebook import group_points, groups
    from grader.frontends.release import _grade_requirements

    folder, _ = release
    text = (ROOT / ".github" / "classroom" / "autograding.json").read_text(encoding="utf-8")
    assert text == config_text(), "out of date: run `python -m grader classroom`"
    config = json.loads((folder / ".github" / "classroom" / "autograding.json").read_text())
    assert config == json.loads(text)
    tests = config["tests"]
    expected = [(chapter, group.key, group_points([c for c in checks if not c.hidden]))
                for chapter in CHAPTERS for group, checks in groups(chapter) if not group.hidden]
    found = [(t["run"].split("--chapter ")[1].split()[0], t["run"].split("--group ")[1].split()[0], t["points"])
             for t in tests]
    assert found == expected
    for chapter in CHAPTERS:  # a chapter's groups add up to its public points
        assert sum(p for c, _, p in found if c == chapter) == sum(c.points for c in all_checks((chapter,))
                                                                   if not c.hidden) == 100
    for test in tests:
        assert test["run"].startswith("python -m grader check ") and "--public" in test["run"]
        assert set(test) >= {"name", "setup", "run", "timeout", "points"} and 0 < test["timeout"] <= 60
        assert shlex.split(test["setup"])[5:] == _grade_requirements()
    # The untouched template fails a group's test; the reference passes it, with only its checks run.
    softmax = next(t for t in tests if "--chapter ch04 --group softmax" in t["run"])
    done = run_grader(folder, *softmax["run"].split()[4:])
    assert done.returncode == 1 and f"ch04 total: 0 / {softmax['points']:g}" in done.stdout, done.stdout + done.stderr
    done = run_grader(folder, *softmax["run"].split()[4:], "--submission", str(SOLUTIONS))
    assert done.returncode == 0 and f"ch04 total: {softmax['points']:g} / {softmax['points']:g}" in done.stdout


@pytest.mark.slow
def test_check_ch05_runs_in_the_unpacked_release(release, tmp_path):
    _, archive = release
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(tmp_path)
    kit = tmp_path / "dlfs-kit"
    nox = shutil.which("nox")
    if nox:  # as a student runs it (a venv with the `grade` group of the release's pyproject.toml)
        done = subprocess.run([nox, "-s", "check-ch05", "--", "--no-color"], cwd=kit, capture_output=True,
                              text=True, timeout=900)
    else:
        done = run_grader(kit, "--chapter", "ch05")
    assert done.returncode == 1, done.stdout[-3000:] + done.stderr[-3000:]
    assert "ch05 total: 0 / 100" in done.stdout and "not started yet" in done.stdout

    reference = shutil.copytree(SOLUTIONS, tmp_path / "reference", ignore=shutil.ignore_patterns("__pycache__"))
    done = run_grader(kit, "--chapter", "ch05", "--submission", str(reference))
    assert done.returncode == 0, done.stdout[-3000:]
    assert "TOTAL: 100 / 100" in done.stdout


# ---------------------------------------------------------------- the hidden checks

def test_hidden_checks_run_for_instructors_on_top_of_the_public_100_points():
    hidden = [c for c in all_checks() if c.hidden]
    assert hidden, "grader/grading/checks/hidden registers at least one check"
    for chapter in CHAPTERS:
        public = checks_for(chapter, include_hidden=False)
        assert sum(c.points for c in public) == 100
        assert sum(c.points for c in checks_for(chapter)) == 100 + sum(c.points for c in hidden if c.chapter == chapter)
    done = run_grader(ROOT, "--chapter", "ch05", "--public", "--submission", str(TEMPLATE))
    assert "keep their own state" not in done.stdout and "ch05 total: 0 / 100" in done.stdout


def test_the_hidden_layer_state_check_catches_a_mask_kept_on_the_class(tmp_path):
    """Relu keeping its mask on the class passes every public check of one layer, and breaks
    a network with two Relu layers (MultiLayerNet): the hidden check sees it."""
    shared = types.SimpleNamespace(__name__="relu_mask_on_the_class", PATCHES=[
        ("common/layers.py", "        self.mask = x <= 0\n        return np.maximum(x, 0)",
         "        Relu.mask = x <= 0\n        return np.maximum(x, 0)"),
        ("common/layers.py", "        return dout * ~self.mask",
         "        return dout * ~Relu.mask"),
    ])
    submission = build(shared, tmp_path / "submission")
    results = grade(submission, chapters=("ch05",), select=lambda c: c.hidden or c.name.startswith("Relu"))
    public = [r for r in results if not r.check.hidden]
    hidden = [r for r in results if r.check.hidden]
    assert public and all(r.status == "passed" for r in public), [r.reason for r in public]
    assert hidden and hidden[0].score < hidden[0].check.points
    assert "two Relu layers" in hidden[0].reason
