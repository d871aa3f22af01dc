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
