"""Correct implementations written differently from the reference get full marks."""
import pytest

from grader.api import grade
from tests.grader.mutants import ALTERNATIVES, build, load_member, members

ALTS = members(ALTERNATIVES)


def test_there_are_enough_alternatives():
    assert len(ALTS) >= 8


@pytest.mark.slow
@pytest.mark.parametrize("path", ALTS, ids=[p.stem for p in ALTS])
def test_alternative_gets_full_marks(path, tmp_path):
    member = load_member(path)
    submission = build(member, tmp_path / "submission")
    results = grade(submission, chapters=tuple(member.CHAPTERS))
    lost = [f"{r.check.name}: {r.reason}" for r in results if r.status != "passed"]
    assert not lost, f"{path.stem} lost points:\n" + "\n".join(lost)
