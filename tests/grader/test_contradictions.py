"""Two likely causes that contradict each other are never printed together, in any language: a
diagnosis that another mistake of the chapter explains gives way to it, and a reason that
points at one cause carries no diagnosis that names another."""
import pytest

from grader.api import grade
from grader.feedback.messages import Message
from grader.grading import diagnose
from grader.grading.checking import Case, Check, Result, reconcile
from tests.grader.mutants import BUG_ZOO, build, load_member

LANGUAGES = ("en", "ko")


def result(chapter, name, *diagnoses, book=None):
    check = Check(chapter, name, 1.0, lambda ctx: None, book=book)
    cases = [Case(f"case {i}", 1.0, False, "wrong", d, Message(f"diagnosis.{d}")) for i, d in enumerate(diagnoses)]
    return Result(check, cases)


def test_a_diagnosis_gives_way_to_the_one_that_explains_it():
    assert diagnose.explained_by("numgrad_copy", {"params_copied", "curve_flat"}) == "params_copied"
    assert diagnose.explained_by("numgrad_copy", {"curve_flat"}) is None
    assert diagnose.explained_by("params_copied", {"numgrad_copy"}) is None
    assert diagnose.explained_by(None, {"params_copied"}) is None


def test_every_explaining_diagnosis_is_a_known_kind():
    for explained, others in diagnose.EXPLAINED_BY.items():
        assert explained in diagnose.KINDS and all(o in diagnose.KINDS for o in others)


def test_reconcile_works_per_chapter_and_replaces_the_advice():
    shared = result("ch05", "layers share params", "params_copied", book="5.7.2")
    numerical = result("ch05", "numerical gradient", "numgrad_copy", book="4.4.2")
    elsewhere = result("ch04", "numerical_gradient", "numgrad_copy")
    reconcile([shared, numerical, elsewhere])
    assert numerical.diagnoses == ["params_copied"]
    advice = numerical.cases[0].advice
    assert advice.id == "advice.see_book" and advice.params["advice"].id == "diagnosis.params_copied"
    assert advice.params["section"].id == "book.5.7.2"  # the section of the check that found it
    assert elsewhere.diagnoses == ["numgrad_copy"]  # another chapter: its own mistake


def printed(results, language):
    """Everything the reports print for ``results``: every case, passed or not."""
    return "\n".join(c.describe(language) for r in results for c in r.cases) + "\n".join(
        r.reason_in(language) for r in results)


def test_copied_params_are_not_blamed_on_numerical_gradient(tmp_path):
    member = load_member(BUG_ZOO / "ch05_net_params_copied.py")
    results = grade(build(member, tmp_path / "s"), chapters=("ch05",), select=lambda c: not c.slow)
    numerical = next(r for r in results if r.check.name.startswith("TwoLayerNet.numerical_gradient"))
    assert numerical.score == 0 and numerical.diagnoses == ["params_copied"]
    assert "closure" not in printed(results, "en") and "클로저" not in printed(results, "ko")


@pytest.mark.parametrize("language, state_hint, default_cause", [
    ("en", "look at the state", "the defaults differ"),
    ("ko", "상태(첫 호출 때", "기본값이 책과 다릅니다"),
])
def test_a_wrong_default_is_not_also_blamed_on_the_state(tmp_path, language, state_hint, default_cause):
    member = load_member(BUG_ZOO / "ch06_momentum_default_momentum.py")
    name = member.CHECK.partition(": ")[2]
    (momentum,) = grade(build(member, tmp_path / "s"), chapters=("ch06",), select=lambda c: c.name == name)
    assert momentum.diagnoses == ["default_hyperparameters"]
    text = printed([momentum], language)
    assert default_cause in text and state_hint not in text, text
