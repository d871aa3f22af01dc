"""A class always gets its grades, whatever its students named their folders and put in them.

The grading of one student (a child process) is replaced by a stand-in here, so that these
tests run in seconds; test_batch.py grades real submissions.
"""
import csv
import os
import subprocess
import sys
import zipfile

import pytest

import grader.frontends.batch as batch
from grader.feedback.sanitise import csv_cell, visible
from grader.frontends.batch import WALK_LIMITS, TooLarge, content_hash, hash_file, run_batch, survey_students

HOSTILE_NAMES = [
    '=HYPERLINK("evil.example","click")',
    "+cmd|' -C calc'!A0",
    "@SUM(1+1)",
    "alice\rmallory",
    "carol\r\nmallory,100,100,graded",
    "\x1b]0;owned\x07",
    "\x1b]52;c;ZWNobyBoaQ==\x07",
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)<\\script>",
    "eve\u202egnp.exe",
]


def fake_child(score=42.0):
    """A stand-in for grading in a child process: every graded student gets ``score`` in ch04."""
    def grade(student, tmp, report_dir, chapters, time_limit, check_time_limit, language, lenient_names=False):
        if student.is_zip:
            batch.unpack(student.source, os.path.join(tmp, "unzipped"))
        results = {"score": score, "max_score": 100, "tests": [
            {"name": "ch04: a check", "score": score, "max_score": 100, "output": "", "extra_data": {}}]}
        return results, "feedback\n", ""
    return grade


@pytest.fixture
def quick(monkeypatch):
    monkeypatch.setattr(batch, "_grade_in_child", fake_child())
    monkeypatch.setattr(batch, "prepare_dataset", lambda: None)


def read_grades(out):
    with open(out / "grades.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_hostile_names_reach_no_spreadsheet_terminal_or_page_raw(tmp_path, quick, capsys):
    class_dir = tmp_path / "class"
    class_dir.mkdir()
    for name in HOSTILE_NAMES:
        (class_dir / name).mkdir()
    out = tmp_path / "out"
    for _ in range(2):  # a second run must not add rows nor mix students up
        summary = run_batch(class_dir, out, chapters=("ch04",), jobs=2, class_report=True)
    rows = read_grades(out)
    assert len(rows) == len(HOSTILE_NAMES) and summary["students"] == len(HOSTILE_NAMES)
    assert sorted(row["student"] for row in rows) == sorted(csv_cell(n) for n in HOSTILE_NAMES)
    raw_csv = (out / "grades.csv").read_text(encoding="utf-8")
    assert raw_csv.count("\n") == len(HOSTILE_NAMES) + 1 and "\r" not in raw_csv and "\x1b" not in raw_csv
    for row in rows:
        assert row["total"] == "42" and row["status"] == "graded"
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    for line in raw_csv.splitlines():
        assert line.startswith('"') and line.endswith('"')  # every cell quoted
    report = (out / "class_report.md").read_text(encoding="utf-8")
    assert "<img" not in report and "<script" not in report and "\x1b" not in report
    for folder in (out / "students").iterdir():
        assert visible(folder.name) == folder.name and not folder.name.startswith(".")
    assert "\x1b" not in capsys.readouterr().err


def test_every_entry_is_graded_or_listed_and_look_alikes_are_flagged(tmp_path, quick):
    class_dir = tmp_path / "class"
    class_dir.mkdir()
    for name in ("a", "_lee", "Ada", "ａｄａ", "kim"):
        (class_dir / name).mkdir()
    (class_dir / "a.txt").write_text("notes")
    (class_dir / ".DS_Store").write_text("")
    for name in ("bob.zip", "bob.ZIP"):
        with zipfile.ZipFile(class_dir / name, "w") as archive:
            archive.writestr("common/functions.py", "x = 1\n")
    (class_dir / "link").symlink_to(class_dir / "kim")
    os.mkdir(os.fsencode(class_dir) + b"/" + "김민지".encode("cp949"))  # made on Korean Windows
    os.mkdir(os.fsencode(class_dir) + b"/" + b"bad\xff\xfename")
    out = tmp_path / "out"
    summary = run_batch(class_dir, out, chapters=("ch04",), jobs=2)
    rows = {row["entry"]: row for row in read_grades(out)}
    graded = {"a", "_lee", "Ada", "ａｄａ", "kim", "bob.zip", "bob.ZIP", "김민지", "bad\\xff\\xfename"}
    assert {entry for entry, row in rows.items() if row["status"] == "graded"} == graded
    assert {entry: row["status"] for entry, row in rows.items() if entry not in graded} == {
        "a.txt": "skipped", ".DS_Store": "skipped", "link": "skipped"}
    assert summary["students"] == len(graded) and not summary["not_graded"]
    assert set(summary["flagged"]) == {"Ada", "ａｄａ", "bob.zip", "bob.ZIP", "bad\\xff\\xfename"}
    assert rows["bob.zip"]["folder"] != rows["bob.ZIP"]["folder"]
    folders = {row["folder"] for row in rows.values() if row["folder"]}
    assert len(folders) == len(graded)
    for folder in folders:
        assert (out / folder / "results.json").is_file() and (out / folder / "feedback.txt").is_file()


def test_one_students_failure_costs_only_that_student(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "prepare_dataset", lambda: None)
    good = fake_child()

    def sometimes_broken(student, *args):
        if student.name == "bad":
            raise UnicodeEncodeError("utf-8", "x", 0, 1, "a surprise")
        return good(student, *args)

    monkeypatch.setattr(batch, "_grade_in_child", sometimes_broken)
    class_dir = tmp_path / "class"
    class_dir.mkdir()
    for name in ("bad", "fine"):
        (class_dir / name).mkdir()
    summary = run_batch(class_dir, tmp_path / "out", chapters=("ch04",), jobs=2)
    rows = {row["student"]: row for row in read_grades(tmp_path / "out")}
    assert rows["fine"]["status"] == "graded" and rows["bad"]["status"] == "not graded"
    assert "UnicodeEncodeError" in summary["not_graded"]["bad"]


def make_deep(folder, depth):
    """``folder/d/d/.../d``, ``depth`` levels: deeper than any path a name could spell out."""
    fd = os.open(folder, os.O_RDONLY)
    for _ in range(depth):
        os.mkdir("d", dir_fd=fd)
        inner = os.open("d", os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = inner
    os.close(fd)


def remove_deep(folder, depth):
    """Undo ``make_deep`` without recursion (shutil.rmtree's recursion is too shallow)."""
    fds = [os.open(folder, os.O_RDONLY)]
    for _ in range(depth - 1):
        fds.append(os.open("d", os.O_RDONLY, dir_fd=fds[-1]))
    while fds:
        fd = fds.pop()
        os.rmdir("d", dir_fd=fd)
        os.close(fd)


@pytest.mark.slow
def test_deep_many_and_large_submissions_are_not_graded_with_what_was_found(tmp_path, quick):
    class_dir = tmp_path / "class"
    class_dir.mkdir()
    (class_dir / "deep").mkdir()
    make_deep(class_dir / "deep", 1200)
    try:
        check_too_large(class_dir, tmp_path / "out")
    finally:
        remove_deep(class_dir / "deep", 1200)


def check_too_large(class_dir, out):
    (class_dir / "many").mkdir()
    for i in range(WALK_LIMITS["files"] + 1):
        (class_dir / "many" / f"f{i}").write_bytes(b"")
    (class_dir / "huge").mkdir()
    with open(class_dir / "huge" / "data.bin", "wb") as f:
        f.truncate(2 * 1024**3)  # sparse: 2 GiB that take no disk
    (class_dir / "ok").mkdir()
    summary = run_batch(class_dir, out, chapters=("ch04",), jobs=2)
    assert set(summary["not_graded"]) == {"deep", "many", "huge"}
    assert "too large" in summary["not_graded"]["deep"] and "nested more than 32 deep" in summary["not_graded"]["deep"]
    assert "more than 5000 files" in summary["not_graded"]["many"]
    assert "MiB of files, at data.bin" in summary["not_graded"]["huge"]
    rows = {row["student"]: row["status"] for row in read_grades(out)}
    assert rows == {"deep": "not graded", "many": "not graded", "huge": "not graded", "ok": "graded"}


def test_links_and_special_files_are_not_read_and_a_note_says_so(tmp_path):
    (tmp_path / "kim").mkdir()
    (tmp_path / "kim" / "a.py").write_text("x = 1\n")
    before = content_hash(survey_students(tmp_path)[0][0])
    os.mkfifo(tmp_path / "kim" / "pipe")
    (tmp_path / "kim" / "passwd").symlink_to("/etc/passwd")
    digest, notes = content_hash(survey_students(tmp_path)[0][0])
    assert digest == before[0] and [note.id for note in notes] == ["batch.skipped_special"]
    assert notes[0].params["count"] == 2


@pytest.mark.slow
def test_hashing_streams_a_2_gib_file_in_bounded_memory(tmp_path):
    """In a child process, so that its peak memory is its own."""
    path = tmp_path / "huge.bin"
    with open(path, "wb") as f:
        f.truncate(2 * 1024**3)
    code = ("import hashlib, resource, sys; from grader.frontends.batch import hash_file; "
            "peak = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss; before = peak(); "
            "d = hashlib.sha256(); n = hash_file(sys.argv[1], d); "
            "print(n, peak() - before)")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=300,
                          cwd=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    read, grown_kib = map(int, done.stdout.split())
    assert read == 2 * 1024**3
    # What hashing added to the peak (the imports before it are not hashing's).
    assert grown_kib < 64 * 1024, f"hashing 2 GiB raised the peak memory by {grown_kib} KiB"


def test_a_size_limit_stops_reading_a_growing_file(tmp_path):
    import hashlib

    path = tmp_path / "f"
    path.write_bytes(b"x" * 5000)
    assert hash_file(path, hashlib.sha256(), limit=1000) == 1000


def test_too_large_says_what_was_found():
    exc = TooLarge(batch.Message("batch.found_files", count=5000))
    assert "5000" in str(exc)

