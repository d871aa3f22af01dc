"""The nbgrader course in assignments/: generated from the template and the grader, complete,
and graded cell by cell exactly as the grader grades (no nbgrader needed here)."""
import json
import shutil

import pytest

from grader.api import grade
from grader.frontends.notebook import (
    COURSE_ROOT,
    GROUPS,
    HIDDEN,
    course_differences,
    find_group,
    grade_group,
    group_of,
    group_points,
    groups,
    kernel_timeout,
    prepare_submissions,
    released_modules,
    set_aside_unreleased,
)
from grader.grading.checks import checks_for
from grader.grading.contract import CHAPTERS
from tests.grader.mutants import BUG_ZOO, SOLUTIONS, TEMPLATE, build, load_member
from tests.test_template import solution_regions


def notebook(chapter):
    return json.loads((COURSE_ROOT / "source" / chapter / f"{chapter}.ipynb").read_text(encoding="utf-8"))


def nbgrader_meta(cell):
    return cell["metadata"].get("nbgrader", {})


def test_course_is_what_the_generator_makes():
    stale = course_differences()
    assert not stale, f"run `nox -s course` (python -m grader course build-course): out of date: {stale}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_groups_cover_every_check_of_the_chapter_exactly_once(chapter):
    grouped = [check for _, checks in groups(chapter) for check in checks]
    assert sorted(id(c) for c in grouped) == sorted(id(c) for c in checks_for(chapter))
    public = [c for group, checks in groups(chapter) if not group.hidden for c in checks]
    assert sum(c.points for c in public) == 100
    assert all(group_of(c) == HIDDEN.key for c in checks_for(chapter) if c.hidden)
    assert [g.key for g, _ in groups(chapter)][: len(GROUPS[chapter])] == [g.key for g in GROUPS[chapter]]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_group_has_one_locked_autograded_cell_worth_its_points(chapter):
    cells = notebook(chapter)["cells"]
    graded = {nbgrader_meta(c)["grade_id"]: c for c in cells
              if c["cell_type"] == "code" and nbgrader_meta(c).get("grade")}
    expected = {f"{chapter}-grade-{group.key}": group_points(checks) for group, checks in groups(chapter)}
    assert {key: nbgrader_meta(cell)["points"] for key, cell in graded.items()} == expected
    for key, cell in graded.items():
        meta = nbgrader_meta(cell)
        assert meta["locked"] and not meta["solution"], key
        assert cell["source"].rstrip().endswith(f'grade_group("{chapter}", "{key.split("-grade-")[1]}")') or \
            "### END HIDDEN TESTS" in cell["source"]
    assert sum(nbgrader_meta(c)["points"] for c in graded.values()) == sum(c.points for c in checks_for(chapter))
    code = [c for c in cells if c["cell_type"] == "code"]
    assert nbgrader_meta(code[0])["grade_id"] == f"{chapter}-setup" and nbgrader_meta(code[0])["locked"]
    assert all(nbgrader_meta(c).get("locked") for c in code), "every code cell is the instructor's"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_written_questions_are_graded_by_hand(chapter):
    answers = [c for c in notebook(chapter)["cells"] if nbgrader_meta(c).get("solution")]
    assert len(answers) >= 2
    for cell in answers:
        meta = nbgrader_meta(cell)
        assert cell["cell_type"] == "markdown" and meta["grade"] and meta["points"] > 0 and not meta["locked"]


def test_hidden_checks_sit_between_hidden_test_markers():
    hidden = [c for chapter in CHAPTERS for c in notebook(chapter)["cells"]
              if nbgrader_meta(c).get("grade_id", "").endswith("-grade-hidden")]
    assert hidden, "the kit has hidden checks: at least one notebook has a hidden cell"
    for cell in hidden:
        lines = cell["source"].splitlines()
        call = next(i for i, line in enumerate(lines) if line.startswith("grade_group("))
        assert "### BEGIN HIDDEN TESTS" in lines[:call] and "### END HIDDEN TESTS" in lines[call:]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_released_modules_are_the_template_and_hold_no_solution(chapter):
    source = COURSE_ROOT / "source" / chapter
    released = sorted(p.relative_to(source).as_posix() for p in source.rglob("*.py"))
    assert released == released_modules(chapter)
    leaks = []
    for relative in released:
        text = (source / relative).read_text(encoding="utf-8")
        assert text == (TEMPLATE / relative).read_text(encoding="utf-8"), relative
        inside, outside = solution_regions((SOLUTIONS / relative).read_text(encoding="utf-8"))
        lines = {line.strip() for line in text.splitlines()}
        leaks += [f"{chapter}/{relative}: {line}" for line in inside
                  if line and not line.startswith("#") and line not in outside and line in lines]
        assert "### BEGIN SOLUTION" not in text
    assert not leaks, "\n".join(leaks)


def test_released_modules_are_what_each_chapter_needs():
    assert released_modules("ch04") == ["common/__init__.py", "common/functions.py", "common/gradient.py"]
    ch05 = released_modules("ch05")
    assert {"ch05/layer_naive.py", "ch05/two_layer_net.py", "common/layers.py", "common/functions.py",
            "common/util.py"} <= set(ch05)  # layers.py imports functions and util
    assert "common/optimizer.py" not in ch05


def test_grade_group_returns_a_plain_float_and_writes_nothing_to_stderr(capsys):
    earned = grade_group("ch04", "softmax", submission=SOLUTIONS)
    out, err = capsys.readouterr()
    assert type(earned) is float and earned == 28.0
    assert err == ""
    assert "ch04 Softmax: 28 / 28 points" in out and "passed" in out

    assert grade_group("ch04", "softmax", submission=TEMPLATE) == 0.0
    out, err = capsys.readouterr()
    assert err == "" and "not started yet" in out


def test_grade_group_speaks_the_language_of_the_kernels_locale(capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    assert grade_group("ch04", "softmax", submission=SOLUTIONS) == 28.0
    out, err = capsys.readouterr()
    assert err == "" and "ch04 ソフトマックス関数: 28 / 28 点" in out and "合格" in out and "passed" not in out
    assert "softmax の各行は和が 1 になる確率である" in out


def test_grade_group_gives_the_graders_partial_credit(tmp_path, capsys):
    submission = build(load_member(BUG_ZOO / "ch04_softmax_whole_batch.py"), tmp_path / "s")
    group, checks = find_group("ch04", "softmax")
    expected = round(sum(r.score for r in grade(submission, chapters=("ch04",), select=lambda c: c in checks)), 2)
    earned = grade_group("ch04", "softmax", submission=submission)
    assert type(earned) is float and 0 < earned < group_points(checks)
    assert earned == expected
    assert capsys.readouterr().err == ""


def test_grade_group_reports_problems_instead_of_raising(tmp_path, capsys):
    assert grade_group("ch04", "no_such_group", submission=SOLUTIONS) == 0.0
    assert "no notebook group 'no_such_group'" in capsys.readouterr().out
    (tmp_path / "only-a-notebook").mkdir()
    (tmp_path / "only-a-notebook" / "ch04.ipynb").write_text("{}")
    assert grade_group("ch04", "softmax", submission=tmp_path / "only-a-notebook") == 0.0
    out, err = capsys.readouterr()
    assert "found none of the modules this chapter grades (common/functions.py" in out and err == ""
    assert "student_template" not in out


def test_the_kernel_time_limit_covers_every_group():
    from grader.frontends.notebook import group_budget

    budgets = [group_budget(checks) for chapter in CHAPTERS for _, checks in groups(chapter)]
    assert kernel_timeout() > max(budgets) > 30


def test_prepare_submissions_copies_the_notebook_only_where_it_is_missing(tmp_path):
    course = tmp_path / "course"
    (course / "release" / "ch04").mkdir(parents=True)
    (course / "release" / "ch04" / "ch04.ipynb").write_text('{"released": true}')
    for student in ("ann", "bob"):
        (course / "submitted" / student / "ch04" / "common").mkdir(parents=True)
    (course / "submitted" / "bob" / "ch04" / "ch04.ipynb").write_text('{"bob": true}')
    (course / "submitted" / "cy" / "ch05").mkdir(parents=True)
    assert prepare_submissions(course, "ch04") == [("ann", "ch04.ipynb")]
    assert (course / "submitted" / "ann" / "ch04" / "ch04.ipynb").read_text() == '{"released": true}'
    assert (course / "submitted" / "bob" / "ch04" / "ch04.ipynb").read_text() == '{"bob": true}'
    assert not (course / "submitted" / "cy" / "ch04").exists()
    shutil.rmtree(course / "release")
    with pytest.raises(FileNotFoundError, match="generate_assignment"):
        prepare_submissions(course, "ch04")


def test_files_that_were_not_released_are_set_aside(tmp_path):
    """A module handed in beside the notebook could shadow one the kernel imports."""
    course = tmp_path / "course"
    release = course / "release" / "ch04"
    (release / "common").mkdir(parents=True)
    for name in ("ch04.ipynb", "common/functions.py", "common/__init__.py"):
        (release / name).write_text("released")
    mine = course / "submitted" / "ann" / "ch04"
    (mine / "common").mkdir(parents=True)
    (mine / "extra" / "deep").mkdir(parents=True)
    for name in ("ch04.ipynb", "common/functions.py", "timestamp.txt", "ipykernel_launcher.py",
                 "common/numpy.py", "extra/deep/sitecustomize.py"):
        (mine / name).write_text("ann's")
    (mine / "common" / "link.py").symlink_to(tmp_path)

    moved = set_aside_unreleased(course, "ch04")

    assert moved == [("ann", "common/link.py"), ("ann", "common/numpy.py"), ("ann", "extra/deep/sitecustomize.py"),
                     ("ann", "ipykernel_launcher.py")]
    kept = sorted(p.relative_to(mine).as_posix() for p in mine.rglob("*"))
    assert kept == ["ch04.ipynb", "common", "common/functions.py", "timestamp.txt"]
    aside = course / "set_aside" / "ann" / "ch04"
    assert (aside / "ipykernel_launcher.py").read_text() == "ann's"
    assert (aside / "common" / "link.py").is_symlink()


def test_the_setup_cell_finds_the_kit_above_the_notebook_without_dlfs_kit(tmp_path):
    """An instructor who keeps the course inside the kit's folder sets nothing: the locked setup
    cell finds the kit by walking up from the notebook's folder."""
    import os
    import subprocess
    import sys

    from grader.api import KIT_ROOT
    from grader.frontends.notebook import SETUP_SOURCE

    folder = COURSE_ROOT / "source" / "ch05"
    env = {k: v for k, v in os.environ.items() if k not in ("DLFS_KIT", "PYTHONPATH")}
    probe = SETUP_SOURCE + "\nprint(KIT)\nprint(callable(grade_group))\n"
    done = subprocess.run([sys.executable, "-I", "-c", probe], cwd=folder, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(KIT_ROOT), "True"]
