"""Hostile and broken submissions: the batch finishes, nobody forges a score, nothing is left running.

Each member of tests/hostile/ patches the untouched template (a cheater who wrote nothing) or
the reference (an honest submission that misbehaves) and states the score range it must get
in the chapter its name starts with (``ch05_...``: graded on ch05). The members of a chapter
are graded together in one batch, two at a time, as an instructor would. No feedback shows a
terminal escape, and nothing a submission says is shown as the grader's own words.
"""
import json
import os
from pathlib import Path

import pytest

from grader.batch import find_students, run_batch
from grader.messages import Message, render
from tests.grader.mutants import ROOT, SOLUTIONS, TEMPLATE, build, load_member, members

HOSTILE = ROOT / "tests" / "hostile"
MEMBERS = members(HOSTILE)


def build_member(member, target):
    return build(member, target, base={"template": TEMPLATE, "reference": SOLUTIONS}[member.BASE])


def processes_mentioning(text):
    """Pids of running processes whose command line contains ``text``."""
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if text in cmdline and int(pid) != os.getpid():
            found.append(int(pid))
    return found


def test_the_corpus_is_big_enough():
    assert len(MEMBERS) >= 15


def chapter_of(path):
    return path.stem.split("_", 1)[0]


CHAPTERS_OF_MEMBERS = sorted({chapter_of(path) for path in MEMBERS})
GRADER_FAULT = render(Message("grader.fault", kind="", detail=""), "en").split(":")[0]


def test_every_member_names_a_chapter():
    assert set(CHAPTERS_OF_MEMBERS) <= {"ch04", "ch05", "ch06", "ch07"}


@pytest.mark.slow
@pytest.mark.parametrize("chapter", CHAPTERS_OF_MEMBERS)
def test_hostile_corpus_in_one_batch(tmp_path, chapter):
    class_dir = tmp_path / "class"
    out_dir = tmp_path / "out"
    members = {path.stem: load_member(path) for path in MEMBERS if chapter_of(path) == chapter}
    for name, member in members.items():
        build_member(member, class_dir / name)

    summary = run_batch(class_dir, out_dir, chapters=(chapter,), jobs=2, check_time_limit=3)  # must not raise

    raised, outside, shown_raw = [], [], []
    for student in find_students(class_dir):
        name, member = student.name, members[student.name]
        results = json.loads((student.folder(out_dir) / "results.json").read_text())
        assert results["status"] == "graded", f"{name}: {results['problem']}"
        low, high = member.SCORE
        if results["score"] > high:
            raised.append(f"{name}: {results['score']} > {high}")
        if not low <= results["score"] <= high:
            outside.append(f"{name}: {results['score']} not in {member.SCORE}")
        feedback = (student.folder(out_dir) / "feedback.txt").read_text(encoding="utf-8")
        feedback += json.dumps(results, ensure_ascii=False)
        for bad in ("\x1b", "\x07", "\x9b", "\u202e"):
            if bad in feedback:
                shown_raw.append(f"{name}: {bad!r} in its feedback")
        if GRADER_FAULT in feedback:  # what a submission sends is never shown as the grader's fault
            shown_raw.append(f"{name}: a grader fault in its feedback")
    assert not raised, "scores raised: " + "; ".join(raised)
    assert not outside, "; ".join(outside)
    assert not shown_raw, "; ".join(shown_raw)
    assert summary["not_graded"] == {}
    assert processes_mentioning(str(class_dir)) == [], "processes left running"
    assert sorted(p.name for p in out_dir.iterdir()) == ["grades.csv", "students"]
    assert not any(p.name == "results.json" for p in class_dir.rglob("*")), "a forged results file appeared"
