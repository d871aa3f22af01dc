"""Every realistic mistake of the bug zoo loses points on the check named for it."""
import pytest

from grader.api import grade
from tests.grader.mutants import BUG_ZOO, build, load_member, members

ZOO = members(BUG_ZOO)


def test_the_zoo_is_big_enough():
    assert len(ZOO) >= 30


@pytest.mark.parametrize("path", ZOO, ids=[p.stem for p in ZOO])
def test_mistake_loses_points_on_its_check(path, tmp_path):
    member = load_member(path)
    chapter, _, name = member.CHECK.partition(": ")
    submission = build(member, tmp_path / "submission")
    results = grade(submission, chapters=(chapter,), select=lambda c: c.name == name)
    assert len(results) == 1, f"no check named {member.CHECK!r}"
    (result,) = results
    assert not result.grader_fault, result.reason
    assert result.score < result.check.points, f"{path.stem} got full marks on {member.CHECK}"
    assert result.reason, "a failing check must say why"
