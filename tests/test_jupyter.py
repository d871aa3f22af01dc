"""The Colab and Jupyter route: ``from grader import check; check("ch05")`` and the student kit's
starter notebooks, executed in a real kernel as a student runs them: one table per grading
cell, each check in it once, nothing on standard error, pictures inline."""
import re
import shutil
import sys

import pytest

from grader.feedback.messages import Message, render
from grader.frontends.release import build_release
from grader.frontends.starter_notebooks import SETUP, starter_files, starter_notebook
from grader.grading.checks import checks_for
from grader.grading.contract import CHAPTERS
from tests.grader.mutants import SOLUTIONS, TEMPLATE

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")


def total_line(earned, possible, language="en"):
    return render(Message("report.total", earned=earned, possible=possible), language)


def check_titles(chapter, language="en"):
    """The start of each check's title as the table shows it (long titles wrap), each unique."""
    from grader.feedback.report import title

    starts = [title(check, language)[:30] for check in checks_for(chapter, include_hidden=False)]
    assert len(set(starts)) == len(starts)
    return starts


def done_line(count, language):
    """The progress line's last state, as a pattern (the seconds vary)."""
    return re.escape(render(Message("jupyter.done", count=count, seconds=1.5), language)).replace(
        re.escape("1.5"), r"\d+\.\d")


# ---------------------------------------------------------------- check() in this process

def test_check_prints_one_table_and_nothing_on_stderr(capsys):
    from grader import check

    assert check("ch04", submission=SOLUTIONS) is None
    out, err = capsys.readouterr()
    assert err == ""
    assert out.count(total_line(100, 100)) == 1
    for title in check_titles("ch04"):
        assert out.count(title) == 1, title
    assert out.count("== ch04 ") == 1


def test_check_speaks_the_students_language(capsys):
    from grader import check

    check("ch04", submission=TEMPLATE, lang="ko")
    out, err = capsys.readouterr()
    assert err == ""
    assert total_line(0, 100, "ko") in out and total_line(0, 100, "en") not in out


@pytest.mark.parametrize("chapter", ["ch09", "", ["ch04", "ch9"], 5])
def test_an_unknown_chapter_is_said_not_raised(capsys, chapter):
    from grader import check

    check(chapter, submission=SOLUTIONS)
    out, err = capsys.readouterr()
    assert err == "" and out.startswith("error: no chapter") and "ch04, ch05, ch06, ch07" in out


def test_a_folder_without_the_books_layout_is_said_not_raised(capsys, tmp_path):
    from grader import check

    (tmp_path / "notes.txt").write_text("nothing to grade")
    check("ch04", submission=tmp_path)
    out, err = capsys.readouterr()
    assert err == "" and "found none of the graded files" in out


def test_the_package_exposes_check_lazily():
    import subprocess

    code = ("import sys, grader; assert 'grader.frontends.jupyter' not in sys.modules; "
            "from grader import check; assert 'grader.frontends.jupyter' in sys.modules; "
            "assert check.__module__ == 'grader.frontends.jupyter'")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=SOLUTIONS.parent, timeout=120)
    import grader

    with pytest.raises(AttributeError):
        grader.no_such_name  # noqa: B018


# ---------------------------------------------------------------- starter notebooks

def test_a_starter_notebook_per_chapter_from_one_place():
    files = starter_files("https://example.org/course/kit.git")
    assert sorted(files) == [f"notebooks/{chapter}.ipynb" for chapter in CHAPTERS]
    for chapter in CHAPTERS:
        notebook = nbformat.reads(files[f"notebooks/{chapter}.ipynb"], as_version=4)
        nbformat.validate(notebook)
        code = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
        assert code[0].startswith(SETUP.splitlines()[0]) and 'KIT = "https://example.org/course/kit.git"' in code[0]
        assert code[-1] == f'check("{chapter}")'
    # The course's address is data: quotes in it cannot break the cell.
    odd = starter_notebook("ch04", 'https://x/"; import os; "')
    compile(odd["cells"][1]["source"].replace("get_ipython()", "None"), "setup", "exec")


def test_the_release_holds_the_starter_notebooks(tmp_path):
    folder, _ = build_release(tmp_path, kit_url="https://example.org/course/kit.git")
    for path, text in starter_files("https://example.org/course/kit.git").items():
        assert (folder / path).read_text(encoding="utf-8") == text


def execute(notebook, folder, timeout=900):
    """Run every cell of ``notebook`` in a fresh Python kernel whose folder is ``folder``."""
    client = nbclient.NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                                     resources={"metadata": {"path": str(folder)}})
    client.execute()
    return notebook


def outputs_text(cell):
    """(text of stdout streams, text of displays, stderr streams, error outputs) of ``cell``."""
    stdout, shown, stderr, errors = [], [], [], []
    for output in cell.outputs:
        if output.output_type == "stream":
            (stdout if output.name == "stdout" else stderr).append(output.text)
        elif output.output_type in ("display_data", "execute_result"):
            shown.append(output.get("data", {}).get("text/plain", ""))
        elif output.output_type == "error":
            errors.append(output)
    return "".join(stdout), "\n".join(shown), stderr, errors


@pytest.fixture(scope="module")
def kit_with_the_reference(tmp_path_factory):
    """The student kit as released, with the reference as the student's work."""
    folder, _ = build_release(tmp_path_factory.mktemp("release"))
    shutil.rmtree(folder / "student_template")
    shutil.copytree(SOLUTIONS, folder / "student_template", ignore=shutil.ignore_patterns("__pycache__"))
    return folder


def test_the_starter_notebook_runs_and_grades_in_one_table(kit_with_the_reference):
    """The ch04 starter notebook as a student runs it from the kit (its folder: notebooks/), and a
    cell that grades in Korean."""
    kit = kit_with_the_reference
    notebook = nbformat.read(kit / "notebooks" / "ch04.ipynb", as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell('check("ch04", lang="ko")'))
    execute(notebook, kit / "notebooks")
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    for cell in code:
        _, _, stderr, errors = outputs_text(cell)
        assert not errors, (cell.source, errors)
        assert not stderr, (cell.source, stderr)
    setup_out, _, _, _ = outputs_text(code[0])
    assert str(kit / "student_template") in setup_out
    for cell, language in ((code[-2], "en"), (code[-1], "ko")):
        printed, shown, _, _ = outputs_text(cell)
        everything = printed + shown
        assert everything.count(total_line(100, 100, language)) == 1, everything
        assert everything.count("== ch04 ") == 1
        for title in check_titles("ch04", language):
            assert everything.count(title) == 1, title  # in the table, never in the progress line too
        # The progress line ends as one line that counts the checks.
        assert re.fullmatch(done_line(len(check_titles("ch04")), language), shown.strip()), shown


@pytest.mark.slow
def test_an_mnist_chapter_shows_its_learning_curve_inline(kit_with_the_reference):
    kit = kit_with_the_reference
    notebook = nbformat.read(kit / "notebooks" / "ch05.ipynb", as_version=4)
    execute(notebook, kit / "notebooks")
    grading = notebook.cells[-1]
    printed, _, stderr, errors = outputs_text(grading)
    assert not errors and not stderr
    assert printed.count(total_line(100, 100)) == 1
    images = [o for o in grading.outputs if o.output_type == "display_data" and "image/png" in o.get("data", {})]
    assert len(images) == 1  # the learning curve of the MNIST check
