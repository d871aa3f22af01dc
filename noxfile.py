"""Tasks of the kit. `nox -l` lists them.

Students:    nox -s check-ch05            (grade student_template/, your work)
             nox -s check-ch05 -- --submission PATH
Instructors: nox -s check -- --submission PATH --json results.json
Kit:         nox -s lint tests, nox -s template, nox -s bench-grader
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nox

sys.path.insert(0, str(Path(__file__).resolve().parent))  # nox does not put this folder on the path
from grader.frontends.nox_sessions import define_check_sessions  # noqa: E402

nox.needs_version = ">=2025.2.9"  # nox.project.dependency_groups
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["lint", "tests"]  # `nox` alone: what CI runs

PYPROJECT = nox.project.load_toml("pyproject.toml")


def _install(session, group):
    session.install(*nox.project.dependency_groups(PYPROJECT, group))


@nox.session
def tests(session):
    """The kit's own test suite (add `-- -m "not slow"` for the quick part)."""
    _install(session, "test")
    threads = {var: "1" for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}
    session.run("python", "-m", "pytest", "-n", "auto", *session.posargs, env=threads)


@nox.session
def template(session):
    """Regenerate student_template/ from the solution markers in solutions/."""
    session.install("numpy")
    session.run("python", "-m", "grader", "template", *session.posargs)


@nox.session
def lint(session):
    """ruff on the kit's own code, and mypy on the grading core (the files of [tool.mypy])."""
    _install(session, "lint")
    session.run("ruff", "check", ".", *session.posargs)
    session.run("mypy")


define_check_sessions(nox.project.dependency_groups(PYPROJECT, "grade"))


@nox.session(name="grade")
def grade_class(session):
    """Grade a class: `nox -s grade -- SUBMISSIONS_DIR [--out OUT_DIR] [--chapter chNN]`."""
    if not session.posargs:
        session.error("usage: nox -s grade -- SUBMISSIONS_DIR [--out OUT_DIR] [--chapter chNN ...]")
    # matplotlib draws the class report's score histograms and the students' learning curves.
    session.install(*nox.project.dependency_groups(PYPROJECT, "grade"), "matplotlib")
    session.run("python", "-m", "grader", "batch", *session.posargs)


@nox.session(name="bench-grader")
def bench_grader(session):
    """Time the grading of the reference and of a book-style submission per chapter, first run and warm."""
    session.install(*nox.project.dependency_groups(PYPROJECT, "grade"))
    session.run("python", "tests/benchmarks/bench_grader.py", *session.posargs)


@nox.session(name="bench-batch")
def bench_batch(session):
    """Submissions graded per minute for a mixed class of 20, on all cores."""
    _install(session, "test")
    session.run("python", "tests/benchmarks/bench_batch.py", *session.posargs)


@nox.session(name="bench")
def bench(session):
    """Training steps (reference vs book-style, vs PyTorch with --with-torch), then grading time
    per chapter (reference and book-style, first run and warm) and batch throughput.

    Every part writes JSON under build/bench/. `nox -s bench -- --quick` (the arguments go to the
    training-step script, tests/benchmarks/bench_speed.py; `-- --steps-only` skips grading and
    batch). With `-- --with-torch` (or BENCH_WITH_TORCH=1) the steps run under the first
    interpreter that imports numpy and torch: $BENCH_TORCH_PYTHON, else python3 or python on PATH.
    The kit never installs PyTorch. On a busy machine add `-- --threads 1 --clock cpu`.
    """
    args = [arg for arg in session.posargs if arg not in ("--with-torch", "--steps-only")]
    session.install(*nox.project.dependency_groups(PYPROJECT, "grade"), "pytest")  # pytest: the hostile corpus
    python = "python"
    if "--with-torch" in session.posargs or os.environ.get("BENCH_WITH_TORCH") == "1":
        candidates = (os.environ.get("BENCH_TORCH_PYTHON"), shutil.which("python3"), shutil.which("python"))
        with_torch = [p for p in filter(None, candidates)
                      if subprocess.run([p, "-c", "import numpy, torch"], capture_output=True).returncode == 0]
        if with_torch:
            python = with_torch[0]
        else:
            session.warn("no interpreter with numpy and torch (set BENCH_TORCH_PYTHON): PyTorch left out")
    session.run(python, "tests/benchmarks/bench_speed.py", *args, external=python != "python")
    if "--steps-only" not in session.posargs:
        session.run("python", "tests/benchmarks/bench_grader.py")
        session.run("python", "tests/benchmarks/bench_isolation.py")
        session.run("python", "tests/benchmarks/bench_batch.py")


@nox.session(name="bench-isolation")
def bench_isolation(session):
    """What isolation costs: worker start and grading time per chapter, under every level this
    machine has, side by side."""
    session.install(*nox.project.dependency_groups(PYPROJECT, "grade"), "pytest")
    session.run("python", "tests/benchmarks/bench_isolation.py", *session.posargs)


@nox.session(name="bench-mnist")
def bench_mnist(session):
    """Time the MNIST loader: first load (parse) and cached load."""
    session.install("numpy")
    session.run("python", "tests/benchmarks/bench_mnist_load.py")


@nox.session
def course(session):
    """Regenerate the nbgrader course (assignments/source) from student_template/ and the grader."""
    session.install(*nox.project.dependency_groups(PYPROJECT, "grade"))
    session.run("python", "-m", "grader", "course", "build-course", *session.posargs)


@nox.session
def release(session):
    """Build the student kit in build/: build/dlfs-kit/ and build/dlfs-kit.zip."""
    session.run("python", "-m", "grader", "release", *session.posargs)


@nox.session
def gradescope(session):
    """Build build/autograder.zip for one Gradescope assignment: `nox -s gradescope -- --chapter ch05`."""
    if "--chapter" not in session.posargs:
        session.error("which chapter? `nox -s gradescope -- --chapter ch05` (one Gradescope assignment per chapter; "
                      "repeat --chapter for an assignment that grades several)")
    session.run("python", "-m", "grader", "gradescope", "build", *session.posargs)
