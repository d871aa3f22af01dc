"""Hostile and broken submissions: the batch finishes, nobody forges a score, nothing is left running.

Each member of tests/hostile/ patches the untouched template (a cheater who wrote nothing) or
the reference (an honest submission that misbehaves) and states the ch04 score range it must
get. All of them are graded together in one batch, two at a time, as an instructor would.
"""
import json
import os
from pathlib import Path

import pytest

from grader.batch import run_batch
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


@pytest.mark.slow
def test_hostile_corpus_in_one_batch(tmp_path):
    class_dir = tmp_path / "class"
    out_dir = tmp_path / "out"
    members = {path.stem: load_member(path) for path in MEMBERS}
    for name, member in members.items():
        build_member(member, class_dir / name)

    summary = run_batch(class_dir, out_dir, chapters=("ch04",), jobs=2, check_time_limit=3)  # must not raise

    raised, outside = [], []
    for name, member in members.items():
        results = json.loads((out_dir / "results" / f"{name}.json").read_text())
        assert results["status"] == "graded", f"{name}: {results['problem']}"
        low, high = member.SCORE
        if results["score"] > high:
            raised.append(f"{name}: {results['score']} > {high}")
        if not low <= results["score"] <= high:
            outside.append(f"{name}: {results['score']} not in {member.SCORE}")
    assert not raised, "scores raised: " + "; ".join(raised)
    assert not outside, "; ".join(outside)
    assert summary["not_graded"] == {}
    assert processes_mentioning(str(class_dir)) == [], "processes left running"
    assert sorted(p.name for p in out_dir.iterdir()) == ["feedback", "grades.csv", "results"]
    assert not any(p.name == "results.json" for p in class_dir.rglob("*")), "a forged results file appeared"
