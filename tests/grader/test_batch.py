"""Batch grading: resumable after a kill, byte-identical on re-runs, safe with zips."""
import csv
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from grader.frontends.batch import BadSubmission, find_students, run_batch, survey_students, unpack
from tests.grader.mutants import BUG_ZOO, ROOT, SOLUTIONS, TEMPLATE, build, load_member


def make_class(folder):
    """A small class: the reference, the template, two bug-zoo members, a zip and a broken zip."""
    folder.mkdir()
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(SOLUTIONS, folder / "ada", ignore=ignore)
    shutil.copytree(TEMPLATE, folder / "ben", ignore=ignore)
    build(load_member(BUG_ZOO / "ch04_softmax_whole_batch.py"), folder / "cho")
    build(load_member(BUG_ZOO / "ch04_loss_not_averaged.py"), folder / "dan")
    with zipfile.ZipFile(folder / "eun.zip", "w") as archive:
        for path in SOLUTIONS.rglob("*.py"):
            archive.write(path, Path("eun-dlfs") / path.relative_to(SOLUTIONS))
    (folder / "fay.zip").write_bytes(b"not a zip at all")
    return folder


def grades(out_dir):
    """grades.csv as {student: (chapter score, total, status)} (ch04 only)."""
    rows = list(csv.DictReader((out_dir / "grades.csv").open(encoding="utf-8", newline="")))
    return {row["student"]: (row["ch04"], row["total"], row["status"]) for row in rows}


def snapshot(out_dir):
    return {p.relative_to(out_dir).as_posix(): p.read_bytes() for p in sorted(out_dir.rglob("*")) if p.is_file()}


def batch_command(class_dir, out_dir):
    return [sys.executable, "-m", "grader", "batch", str(class_dir), "--out", str(out_dir), "--chapter", "ch04",
            "--jobs", "1"]


@pytest.mark.slow
def test_a_killed_batch_resumes_to_the_same_grades(tmp_path):
    class_dir = make_class(tmp_path / "class")
    straight = tmp_path / "straight"
    run_batch(class_dir, straight, chapters=("ch04",), jobs=2)
    expected = snapshot(straight)
    table = grades(straight)
    assert table["ada"] == ("100", "100", "graded") and table["ben"] == ("0", "0", "graded")
    assert table["eun"] == ("100", "100", "graded") and table["fay"] == ("0", "0", "not graded")

    interrupted = tmp_path / "interrupted"
    process = subprocess.Popen(batch_command(class_dir, interrupted), cwd=ROOT, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not list((interrupted / "students").glob("*/results.json")) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    done_before = {p.parent.name for p in (interrupted / "students").glob("*/results.json")}
    assert 1 <= len(done_before) < 6, "the kill came too late to test resuming"
    assert not (interrupted / "grades.csv").exists() or \
        (interrupted / "grades.csv").read_bytes().count(b"\n") == 7  # never half-written

    summary = run_batch(class_dir, interrupted, chapters=("ch04",), jobs=2)
    assert summary["graded_now"] == 6 - len(done_before)
    assert snapshot(interrupted) == expected

    again = run_batch(class_dir, interrupted, chapters=("ch04",), jobs=2)
    assert again["graded_now"] == 0
    assert snapshot(interrupted) == expected, "a re-run on unchanged input must write the same bytes"


def test_a_changed_submission_is_graded_again(tmp_path):
    class_dir = tmp_path / "class"
    class_dir.mkdir()
    shutil.copytree(TEMPLATE, class_dir / "ben", ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path / "out"
    first = run_batch(class_dir, out, chapters=("ch04",), jobs=1, check_time_limit=5)
    assert first["graded_now"] == 1
    assert run_batch(class_dir, out, chapters=("ch04",), jobs=1)["graded_now"] == 0
    shutil.copy(SOLUTIONS / "common" / "functions.py", class_dir / "ben" / "common" / "functions.py")
    assert run_batch(class_dir, out, chapters=("ch04",), jobs=1)["graded_now"] == 1
    assert grades(out)["ben"] == ("80", "80", "graded")


def test_zip_paths_outside_the_folder_are_refused(tmp_path):
    bad = tmp_path / "evil.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("../../escaped.py", "x = 1")
    with pytest.raises(BadSubmission, match="outside"):
        unpack(bad, tmp_path / "target")
    assert not (tmp_path.parent / "escaped.py").exists()


def test_students_are_subfolders_and_zips(tmp_path):
    (tmp_path / "kim").mkdir()
    (tmp_path / "lee.zip").write_bytes(b"")
    (tmp_path / "notes.txt").write_text("")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "_park").mkdir()
    students, skipped = survey_students(tmp_path)
    assert [(s.name, s.is_zip) for s in students] == [("_park", False), ("kim", False), ("lee", True)]
    assert [(name, reason.id) for name, reason in skipped] == [
        (".hidden", "batch.skipped_hidden"), ("notes.txt", "batch.skipped_other")]
    assert find_students(tmp_path) == students


def test_counts_agree_and_a_student_not_graded_is_worth_the_chapters_points(tmp_path):
    class_dir = tmp_path / "class"
    class_dir.mkdir()
    shutil.copytree(SOLUTIONS, class_dir / "ada", ignore=shutil.ignore_patterns("__pycache__"))
    (class_dir / "fay.zip").write_bytes(b"not a zip at all")
    out = tmp_path / "out"
    done = subprocess.run(batch_command(class_dir, out), cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "2/2 done: 1 graded, 1 not graded" in done.stderr
    assert "2 students: 1 graded, 1 not graded" in done.stdout
    assert "1 of 2 students graded" in (out / "class_report.md").read_text(encoding="utf-8")
    rows = {row["student"]: row for row in csv.DictReader((out / "grades.csv").open(encoding="utf-8", newline=""))}
    assert rows["ada"]["max_score"] == rows["fay"]["max_score"] == "100"
    assert (rows["ada"]["status"], rows["fay"]["status"]) == ("graded", "not graded")


def test_a_student_not_graded_gets_the_max_score_of_the_others_hidden_checks_included(tmp_path):
    """ch05 is worth 103 with its hidden checks: so is a submission that could not be graded."""
    import json

    from grader.grading.checks import checks_for

    class_dir = tmp_path / "class"
    class_dir.mkdir()
    (class_dir / "fay.zip").write_bytes(b"not a zip at all")
    out = tmp_path / "out"
    run_batch(class_dir, out, chapters=("ch05",), jobs=1)
    (results,) = [json.loads(p.read_text(encoding="utf-8")) for p in (out / "students").glob("*/results.json")]
    worth = sum(c.points for c in checks_for("ch05", include_hidden=True))
    assert results["status"] == "not graded" and results["max_score"] == worth == 103
    (row,) = csv.DictReader((out / "grades.csv").open(encoding="utf-8", newline=""))
    assert row["max_score"] == "103"
