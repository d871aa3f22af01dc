"""Under --lang ko a hidden check that lost points shows its name and every case label in Korean:
in the terminal, in results.json (after the English identifier) and in the list of its cases."""
from grader.api import grade
from grader.feedback import report
from grader.feedback.messages import check_title, render, using
from tests.grader.mutants import BUG_ZOO, build, load_member
from tests.grader.test_korean import english_words


def test_a_failed_hidden_check_has_korean_name_and_case_labels(tmp_path):
    member = load_member(BUG_ZOO / "ch05_relu_mask_on_the_class.py")
    chapter, _, name = member.CHECK.partition(": ")
    (result,) = grade(build(member, tmp_path / "s"), chapters=(chapter,), select=lambda c: c.name == name)
    assert result.check.hidden and result.score < result.check.points
    korean_name = check_title(result.check, "ko")
    assert korean_name != result.check.name and not english_words(korean_name, "ko")
    with using("ko"):
        table = report.table([result], width=200, language="ko")
        (test,) = report.gradescope([result], language="ko")["tests"]
    assert korean_name in table
    assert test["name"] == f"{chapter}: {result.check.name} / {korean_name}"
    labels = [render(case.label, "ko") for case in result.cases]
    assert len(labels) >= 4
    for label in labels:
        assert not english_words(label, "ko"), label
        assert f"] {label}" in test["output"]
