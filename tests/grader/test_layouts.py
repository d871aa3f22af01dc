"""The book's layout is found wherever it sits in a submission, by the files it holds: never
by a folder's name, so that an assignment folder named like a chapter is not the book's."""
import shutil

import pytest

from grader.api import SubmissionNotFound, grade, locate_submission
from tests.grader.mutants import SOLUTIONS

LAYOUTS = {
    # name: (where the book's layout goes, inside the submission)
    "the folder itself": "",
    "one folder down (an unzip)": "dlfs-main",
    "two folders down": "hw/dlfs-main",
    "nbgrader's assignment folder named ch05": "ch05",
    "a released ch07 folder inside an upload": "upload/ch07",
}


@pytest.mark.parametrize("inside", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_the_layout_is_found_by_its_files(tmp_path, inside):
    submission = tmp_path / "submission"
    shutil.copytree(SOLUTIONS, submission / inside, ignore=shutil.ignore_patterns("__pycache__"))
    (submission / "notes").mkdir(exist_ok=True)  # an unrelated folder beside it
    assert locate_submission(submission) == (submission / inside if inside else submission)


def test_a_chapter_named_folder_around_the_layout_gets_full_marks(tmp_path):
    """nbgrader's submitted/STUDENT/ch05/ holds common/ and ch05/ of its own: graded, not zero."""
    folder = tmp_path / "submitted" / "ann" / "ch05"
    shutil.copytree(SOLUTIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    results = grade(locate_submission(tmp_path / "submitted" / "ann"), ("ch05",),
                    select=lambda check: not check.slow)
    assert results and all(r.status == "passed" for r in results)


def test_a_submission_without_any_graded_file_is_not_graded_and_says_why(tmp_path):
    (tmp_path / "ch05").mkdir()
    (tmp_path / "ch05" / "notes.txt").write_text("my answers")
    with pytest.raises(SubmissionNotFound, match="found none of the graded files"):
        locate_submission(tmp_path)


def test_a_file_given_as_the_submission_says_which_folder_to_give(tmp_path):
    notebook = tmp_path / "work" / "ch05.ipynb"
    notebook.parent.mkdir()
    notebook.write_text("{}")
    with pytest.raises(SubmissionNotFound) as caught:
        locate_submission(notebook)
    assert "is a file" in str(caught.value) and f"--submission {notebook.parent}" in str(caught.value)
    assert "does not exist" not in str(caught.value)


def test_a_notebook_without_its_modules_is_told_the_notebooks_way(tmp_path, capsys):
    """nbgrader's students never saw student_template/: they are told of the modules handed out
    with the notebook."""
    from grader.frontends.notebook import grade_group

    (tmp_path / "ch05.ipynb").write_text("{}")
    assert grade_group("ch05", "affine", submission=tmp_path) == 0.0
    said = capsys.readouterr()
    assert said.err == ""
    assert "student_template" not in said.out
    assert "0 / " in said.out and "common/layers.py" in said.out and "ch05/two_layer_net.py" in said.out
    assert "common/optimizer.py" not in said.out
