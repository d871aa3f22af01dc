"""Grading never writes into the submission: a copy graded from inside it (as a notebook grades
the folder it runs in) or by the batch grader is left byte for byte as it was, with no file or
folder of the grader's (hypothesis' ``.hypothesis/``, ``__pycache__/``) added."""
import os
import shutil
import subprocess
import sys

from grader.frontends.batch import run_batch
from tests.grader.mutants import ROOT, SOLUTIONS


def tree(folder):
    """{relative path: bytes of a file, or None for a folder}, every entry, hidden ones too."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None)
            for p in sorted(folder.rglob("*"))}


def submission_copy(folder):
    shutil.copytree(SOLUTIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    return folder


def test_grading_from_inside_the_submission_leaves_it_as_it_was(tmp_path):
    submission = submission_copy(tmp_path / "work")
    before = tree(submission)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("HYPOTHESIS_STORAGE_DIRECTORY", None)
    done = subprocess.run([sys.executable, "-m", "grader", "check", "--submission", ".", "--chapter", "ch04",
                           "--quiet", "--no-color"], cwd=submission, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "TOTAL: 100 / 100" in done.stdout
    after = tree(submission)
    assert sorted(set(after) - set(before)) == [] and after == before


def test_the_batch_grader_leaves_every_submission_as_it_was(tmp_path):
    submissions = tmp_path / "class"
    submission_copy(submissions / "ada")
    before = tree(submissions)
    summary = run_batch(submissions, tmp_path / "grades", chapters=("ch04",), jobs=1)
    assert summary["not_graded"] == {}
    after = tree(submissions)
    assert sorted(set(after) - set(before)) == [] and after == before
