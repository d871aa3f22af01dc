"""Every chapter of the contract (grader.grading.contract.CHAPTERS) has everything a chapter needs,
and nothing is left of a chapter that is not there: the checklist of docs/maintainers.md.

The checks package and the worker's probes are imported from CHAPTERS; the notebook's groups,
its text and the bug zoo are written by hand, so this test is what keeps them in step."""
import pytest

from grader.frontends import notebook
from grader.grading.checks import checks_for
from grader.grading.contract import CHAPTERS, ITEM_CHAPTER, MODULE_CHAPTER
from grader.isolation.worker import probe_modules
from tests.grader.mutants import ALTERNATIVES, BUG_ZOO, ROOT, load_member, members

GRADER = ROOT / "grader"


def chapters_named_by(paths, stem=lambda p: p.stem):
    """The chapter prefixes (``ch05``) of files named ``chNN`` or ``chNN_...``."""
    return {stem(p).split("_")[0] for p in paths if stem(p).startswith("ch")}


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_a_chapter_owns_files_of_the_contract(chapter):
    assert chapter in MODULE_CHAPTER.values() or chapter in ITEM_CHAPTER.values()


def test_the_contract_names_no_other_chapter():
    assert set(MODULE_CHAPTER.values()) | set(ITEM_CHAPTER.values()) <= set(CHAPTERS)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_a_chapter_has_its_checks_and_its_probes(chapter):
    assert (GRADER / "grading" / "checks" / f"{chapter}.py").is_file()
    assert (GRADER / "grading" / "probes" / f"{chapter}.py").is_file()
    assert checks_for(chapter, include_hidden=False)
    assert f"grader.grading.probes.{chapter}" in probe_modules()


def test_no_checks_or_probes_of_a_chapter_outside_the_contract():
    for folder in ("checks", "probes"):
        found = chapters_named_by((GRADER / "grading" / folder).glob("ch*.py"))
        assert found == set(CHAPTERS), f"grader/grading/{folder}: {sorted(found ^ set(CHAPTERS))}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_a_chapter_has_its_notebook_groups_and_text(chapter):
    """Every check in exactly one group, every group in the notebook text (build_notebook says so)."""
    assert notebook.GROUPS.get(chapter), f"no notebook groups for {chapter} in grader/frontends/notebook.py"
    text = ROOT / "assignments" / "text" / f"{chapter}.md"
    assert text.is_file(), f"no notebook text {text.relative_to(ROOT)}"
    built = notebook.build_notebook(chapter, text.read_text(encoding="utf-8"))
    graded = [c for c in built["cells"] if c["metadata"].get("nbgrader", {}).get("grade") and c["cell_type"] == "code"]
    assert len(graded) >= len(notebook.GROUPS[chapter])


def test_no_notebook_groups_or_text_of_a_chapter_outside_the_contract():
    assert set(notebook.GROUPS) == set(CHAPTERS)
    assert chapters_named_by((ROOT / "assignments" / "text").glob("*.md")) == set(CHAPTERS)


# Checks that no bug zoo member names yet (other tests make them fail: the template, the
# mutants of test_diagnoses). A new check is not added here: it comes with its member. A check
# that gets a member leaves this list (the test below says so).
WITHOUT_BUG_ZOO_MEMBER = {
    "ch04: softmax equals exp(x) / sum(exp(x)) per row, whatever constant is added to a row",
    "ch05: TwoLayerNet has the book's params, layers and methods",
    "ch05: TwoLayerNet.numerical_gradient approximates the gradient of the loss",
    "ch05: TwoLayerNet learns MNIST with SGD and backpropagation",
    "ch06: MultiLayerNet.gradient matches numerical gradient (relu and sigmoid)",
    "ch06: MultiLayerNetExtend trained by Trainer with Adam learns MNIST",
    "ch07: SimpleConvNet learns MNIST (trained with Adam)",
}


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_a_chapter_has_bug_zoo_members_for_its_checks(chapter):
    """The bug zoo proves a check can fail on a realistic mistake: the chapter has members
    tests/bug_zoo/chNN_*.py, and every public check of it is named by one (test_bug_zoo grades
    them), but for the few listed above."""
    zoo = [load_member(p) for p in members(BUG_ZOO) if p.stem.startswith(f"{chapter}_")]
    assert zoo, f"no tests/bug_zoo/{chapter}_*.py"
    named = {member.CHECK for member in zoo}
    checks = {f"{chapter}: {c.name}" for c in checks_for(chapter, include_hidden=False)}
    assert not sorted(checks - named - WITHOUT_BUG_ZOO_MEMBER), "checks no bug zoo member names"
    listed = {name for name in WITHOUT_BUG_ZOO_MEMBER if name.startswith(f"{chapter}: ")}
    assert listed <= checks - named, f"listed without a member, but it has one or is gone: {listed - (checks - named)}"


def test_no_bug_zoo_or_alternative_of_a_chapter_outside_the_contract():
    for folder in (BUG_ZOO, ALTERNATIVES):
        assert chapters_named_by(members(folder)) <= set(CHAPTERS), folder.name
