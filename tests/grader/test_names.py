"""Near-miss names: the message says what was found and what the book calls it, and
--lenient-names grades it under the book's name and lists the mismatch."""
import io
import os
import shutil

import pytest

from grader.api import grade
from grader.grading import names
from tests.grader.mutants import SOLUTIONS, run_check

RELU_CHECK = "Relu.forward gives max(0, x) for any shape"


@pytest.mark.parametrize("wanted, written", [
    ("Relu", "ReLU"), ("Relu", "ReLu"), ("RMSprop", "RMSProp"), ("SimpleConvNet", "SimpleConvnet"),
    ("SoftmaxWithLoss", "Softmax_With_Loss"), ("BatchNormalization", "BatchNormalisation"), ("Affine", "Affline"),
    ("functions", "function"), ("layers", "layer"),
])
def test_the_book_name_written_differently_is_found(wanted, written):
    assert names.closest(wanted, ["Something", written, "Else"]) == written


@pytest.mark.parametrize("wanted, others", [
    ("MulLayer", ["AddLayer"]), ("im2col", ["col2im"]), ("Momentum", ["Nesterov", "SGD"]), ("Relu", ["Affine"]),
])
def test_other_names_are_not_near_misses(wanted, others):
    assert names.closest(wanted, others) is None


def renamed_submission(tmp_path, replacements, moves=()):
    """The reference with every file's text changed by ``replacements`` and files moved."""
    target = tmp_path / "submission"
    shutil.copytree(SOLUTIONS, target, ignore=shutil.ignore_patterns("__pycache__"))
    for path in target.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for before, after in replacements:
            text = text.replace(before, after)
        path.write_text(text, encoding="utf-8")
    for before, after in moves:
        (target / before).rename(target / after)
    return target


def test_a_class_of_the_book_is_not_matched_with_a_function_or_another_book_file(tmp_path):
    submission = renamed_submission(tmp_path, [("class Sigmoid:", "class _Unwritten:")])
    (submission / "common" / "layers.py").write_text("from common.functions import sigmoid\n" + (
        submission / "common" / "layers.py").read_text(encoding="utf-8"), encoding="utf-8")
    assert names.near_name(submission, "common/layers.py", "Sigmoid") is None  # sigmoid is an imported function
    (submission / "common" / "multi_layer_net.py").unlink()
    assert names.near_file(submission, "common/multi_layer_net.py") is None  # not multi_layer_net_extend.py


def test_a_near_miss_name_is_told_and_graded_under_the_books_name_when_asked(tmp_path):
    submission = renamed_submission(tmp_path, [("Relu", "ReLU")])
    (result,) = grade(submission, chapters=("ch05",), select=lambda c: c.name == RELU_CHECK)
    assert result.status == "failed"
    assert "common/layers.py defines no Relu; found ReLU, which the book calls Relu" in result.reason_in("en")
    assert "찾은 이름: ReLU" in result.reason_in("ko")
    assert result.diagnosis == "missing_item"
    renamed = []
    (result,) = grade(submission, chapters=("ch05",), select=lambda c: c.name == RELU_CHECK, lenient_names=True,
                      renamed=renamed)
    assert result.status == "passed"
    assert renamed == [names.NearMiss("name", "common/layers.py", "Relu", "ReLU")]
    assert "class ReLU" in (submission / "common" / "layers.py").read_text(encoding="utf-8")  # the original untouched
    assert "Relu = " not in (submission / "common" / "layers.py").read_text(encoding="utf-8")


def test_a_near_miss_file_is_told_and_graded_with_lenient_names_on_the_command_line(tmp_path):
    submission = renamed_submission(tmp_path, [("common.functions", "common.function")],
                                    moves=[("common/functions.py", "common/function.py")])
    strict = run_check("--submission", str(submission), "--chapter", "ch04", "--public")
    assert strict.returncode == 1
    assert "common/functions.py is missing from the submission; found common/function.py" in " ".join(
        strict.stdout.split())
    lenient = run_check("--submission", str(submission), "--chapter", "ch04", "--public", "--lenient-names")
    assert lenient.returncode == 0, lenient.stdout
    assert "common/function.py is graded as common/functions.py, the book's file" in lenient.stdout


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_the_lenient_copy_never_writes_through_a_link(tmp_path):
    outside = tmp_path / "outside.py"
    outside.write_text("class ReLU:\n    pass\n", encoding="utf-8")
    submission = renamed_submission(tmp_path, [])
    (submission / "common" / "layers.py").unlink()
    (submission / "common" / "layers.py").symlink_to(outside)
    names.book_named_copy(submission, tmp_path / "copy")
    assert outside.read_text(encoding="utf-8") == "class ReLU:\n    pass\n"


def test_the_book_names_are_those_of_the_template():
    from grader.grading.contract import BOOK_NAMES, MODULE_CHAPTER
    from tests.grader.mutants import TEMPLATE

    assert set(BOOK_NAMES) == set(MODULE_CHAPTER)
    for file, book_names in BOOK_NAMES.items():
        defined = names.defined_names(TEMPLATE / file)
        assert set(book_names) <= set(defined), (file, set(book_names) - set(defined))


def test_the_batch_grader_passes_lenient_names_on_and_the_feedback_lists_the_mismatch(tmp_path):
    from grader.frontends.batch import find_students, run_batch

    classroom = tmp_path / "class"
    classroom.mkdir()
    student = renamed_submission(tmp_path, [("common.functions", "common.function")],
                                 moves=[("common/functions.py", "common/function.py")])
    student.rename(classroom / "kim")
    out = tmp_path / "grades"
    run_batch(classroom, out, chapters=("ch04",), jobs=1, stream=io.StringIO(), lenient_names=True)
    (kim,) = find_students(classroom)
    feedback = (kim.folder(out) / "feedback.txt").read_text(encoding="utf-8")
    assert "common/function.py is graded as common/functions.py, the book's file" in feedback
    assert "ch04 total: 100 / 100" in feedback


def test_a_near_miss_is_found_in_a_file_saved_with_a_byte_order_mark(tmp_path):
    """Windows editors start UTF-8 files with a byte order mark, which Python accepts."""
    submission = renamed_submission(tmp_path, [("Relu", "ReLU")])
    layers = submission / "common" / "layers.py"
    layers.write_text("\ufeff" + layers.read_text(encoding="utf-8").replace("\n", "\r\n"), encoding="utf-8")
    assert names.near_name(submission, "common/layers.py", "Relu") == "ReLU"
    (result,) = grade(submission, chapters=("ch05",), select=lambda c: c.name == RELU_CHECK, lenient_names=True)
    assert result.status == "passed"
