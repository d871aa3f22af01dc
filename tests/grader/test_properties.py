"""Credit for nothing: a case that judges a property wrong results can have too (in place, input
unchanged, deterministic, shape) counts only when a value case of its check passed."""
from grader.feedback.messages import LANGUAGES, render
from grader.grading.checking import Case, Check, Result, withhold_properties

CHECK = Check("ch05", "a check", 6, None)


def result(*cases):
    return withhold_properties(Result(CHECK, list(cases)))


def test_properties_alone_earn_nothing():
    graded = result(Case("values", 3, False, "wrong"), Case("in place", 2, True, property_only=True),
                    Case("unchanged", 1, True, property_only=True))
    assert graded.score == 0
    assert all(c.withheld for c in graded.cases[1:])
    # The reason shown is the wrong values, not the withheld properties.
    assert graded.reason_in("en").startswith("values: wrong")
    for language in LANGUAGES:
        assert render(graded.cases[1].reason, language)


def test_properties_count_with_a_right_value_case():
    graded = result(Case("values", 3, True), Case("other values", 1, False, "wrong"),
                    Case("in place", 2, True, property_only=True))
    assert graded.score == 5
    assert not graded.cases[2].withheld


def test_a_failed_property_stays_failed_and_notes_do_not_open_the_gate():
    graded = result(Case("note", 0, True), Case("in place", 2, False, "copied", property_only=True),
                    Case("unchanged", 1, True, property_only=True))
    assert graded.score == 0
    assert not graded.cases[1].withheld and graded.cases[1].reason == "copied"
    assert graded.cases[2].withheld
