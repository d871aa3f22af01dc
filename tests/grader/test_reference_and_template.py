"""The two fixed points of the grader: the reference gets every point, the untouched
student template gets none, and no check passes on it vacuously."""
import pytest

from grader.api import grade
from grader.grading.checks import POINTS_PER_CHAPTER, all_checks, checks_for
from grader.grading.contract import CHAPTERS
from tests.grader.mutants import ROOT


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_chapter_is_worth_100_points(chapter):
    checks = checks_for(chapter, include_hidden=False)  # hidden checks add their points on top
    assert checks, f"{chapter} has no checks"
    assert sum(c.points for c in checks) == POINTS_PER_CHAPTER


def test_check_names_are_unique_and_say_what_they_test():
    names = [(c.chapter, c.name) for c in all_checks()]
    assert len(names) == len(set(names))
    for _, name in names:
        assert len(name.split()) >= 3, name


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_reference_gets_full_marks_on_fast_checks(chapter):
    results = grade(ROOT / "solutions", chapters=(chapter,), select=lambda c: not c.slow)
    lost = [f"{r.check.name}: {r.reason}" for r in results if r.status != "passed"]
    assert not lost, "\n".join(lost)


@pytest.mark.slow
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_reference_gets_full_marks_on_mnist_checks(chapter):
    results = grade(ROOT / "solutions", chapters=(chapter,), select=lambda c: c.slow)
    lost = [f"{r.check.name}: {r.reason}" for r in results if r.status != "passed"]
    assert not lost, "\n".join(lost)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_template_fails_every_check(chapter):
    results = grade(ROOT / "student_template", chapters=(chapter,))
    assert results
    for r in results:
        assert not r.grader_fault, f"{r.check.name}: {r.reason}"
        assert r.score == 0, f"{r.check.name} gives {r.score} points to the untouched template"
        assert all(not case.passed for case in r.cases), \
            f"{r.check.name}: cases pass on the template: {[c.label for c in r.cases if c.passed]}"
        assert "not started yet" in r.reason or "not implemented" in r.reason, r.reason
