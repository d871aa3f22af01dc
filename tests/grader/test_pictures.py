"""Pictures: learning curves, maps of gradient errors, the class report. Drawn only when a report
is written and matplotlib is installed; grading itself never needs matplotlib."""
import json
import shutil
import subprocess
import sys

import numpy as np
import pytest

from grader.api import grade, write_report
from grader.feedback import pictures
from grader.feedback import report as report_module
from grader.feedback.languages import TABLE
from grader.feedback.messages import LANGUAGES, Message
from grader.frontends.batch import class_summary, find_students, run_batch, write_class_report
from tests.grader.mutants import BUG_ZOO, ROOT, SOLUTIONS, build, load_member

PNG = b"\x89PNG\r\n\x1a\n"
needs_matplotlib = pytest.mark.skipif(not pictures.available(), reason="matplotlib is not installed")


def assert_png(path):
    assert path.is_file(), f"{path} is missing"
    data = path.read_bytes()
    assert data[:8] == PNG and len(data) > 1000, f"{path} is not a PNG picture"


def curve(loss=None):
    loss = list(np.linspace(2.3, 0.3, 30)) if loss is None else loss
    return {"iterations": list(range(0, 10 * len(loss), 10)), "loss": loss, "checkpoints": [0, 100, 200, 290],
            "train_acc": [0.1, 0.7, 0.85, 0.9], "test_acc": [0.1, 0.68, 0.83, 0.88], "threshold": 0.85}


@needs_matplotlib
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_learning_curve_is_drawn_also_when_the_loss_diverges(tmp_path, language):
    title = Message("pictures.check_title", chapter="ch05", name="TwoLayerNet")
    assert_png(pictures.learning_curve(curve(), tmp_path / "good.png", title, language))
    diverged = curve([2.3, 5.0, 40.0] + [float("nan")] * 10)
    assert_png(pictures.learning_curve(diverged, tmp_path / "nan.png", title, language))


@needs_matplotlib
@pytest.mark.parametrize("shape", [(7,), (5, 4), (2, 3, 3, 3)])
def test_a_map_of_gradient_errors_is_drawn_for_any_shape(tmp_path, shape):
    errors = np.random.default_rng(0).random(shape)
    assert_png(pictures.gradient_error(errors, tmp_path / "errors.png", Message("what.gradient")))


@needs_matplotlib
def test_pictures_of_the_same_data_are_the_same_bytes(tmp_path):
    title = Message("what.gradient")
    first = pictures.score_histogram([0, 35, 80, 100, 100], tmp_path / "a.png", title).read_bytes()
    second = pictures.score_histogram([0, 35, 80, 100, 100], tmp_path / "b.png", title).read_bytes()
    assert first == second and first[:8] == PNG


@needs_matplotlib
@pytest.mark.parametrize("language", [code for code in LANGUAGES if TABLE[code].fonts])
def test_labels_in_other_letters_need_a_font_with_them(monkeypatch, language):
    from matplotlib import font_manager

    monkeypatch.setattr(font_manager.fontManager, "ttflist", [])
    assert pictures.label_language(language) == "en"
    font = font_manager.FontEntry(name=TABLE[language].fonts[-1])
    monkeypatch.setattr(font_manager.fontManager, "ttflist", [font])
    assert pictures.font_for(language) == TABLE[language].fonts[-1]
    assert pictures.label_language(language) == language
    assert pictures.label_language("en") == "en"


@needs_matplotlib
def test_a_failed_gradient_check_saves_a_map_next_to_the_report(tmp_path):
    submission = build(load_member(BUG_ZOO / "ch05_softmax_backward_not_averaged.py"), tmp_path / "s")
    results = grade(submission, chapters=("ch05",),
                    select=lambda c: c.name.startswith(("SoftmaxWithLoss.backward", "Relu.backward")))
    names = write_report(results, tmp_path / "report", "en")
    assert names == ["gradient_error_ch05_softmax_with_loss_backward.png"]  # Relu.backward passed: no picture
    assert_png(tmp_path / "report" / names[0])
    text = (tmp_path / "report" / "report.txt").read_text(encoding="utf-8")
    assert "gradient_error_ch05_softmax_with_loss_backward.png" in text and "Likely cause" in text


def test_without_matplotlib_the_report_is_written_without_pictures(tmp_path, monkeypatch):
    monkeypatch.setattr(pictures, "available", lambda: False)
    submission = build(load_member(BUG_ZOO / "ch05_softmax_backward_not_averaged.py"), tmp_path / "s")
    results = grade(submission, chapters=("ch05",), select=lambda c: c.name.startswith("SoftmaxWithLoss.backward"))
    assert write_report(results, tmp_path / "report", "ko") == []
    assert sorted(p.name for p in (tmp_path / "report").iterdir()) == ["report.txt"]
    text = " ".join((tmp_path / "report" / "report.txt").read_text(encoding="utf-8").split())
    assert "추정 원인" in text
    # The report says which pictures are missing and why.
    assert "그림 1개를 그리지 않았습니다(gradient_error_ch05_softmax_with_loss_backward.png)" in text
    assert "matplotlib" in text
    write_report(results, tmp_path / "english", "en")
    text = (tmp_path / "english" / "report.txt").read_text(encoding="utf-8")
    assert "1 picture not drawn (gradient_error_ch05_softmax_with_loss_backward.png): matplotlib is not installed" \
        in text


def test_without_matplotlib_grader_check_says_the_pictures_were_not_drawn(tmp_path, monkeypatch, capsys):
    from grader.frontends import cli

    monkeypatch.setattr(pictures, "available", lambda: False)
    submission = build(load_member(BUG_ZOO / "ch05_softmax_backward_not_averaged.py"), tmp_path / "s")
    cli.main(["check", "--submission", str(submission), "--chapter", "ch05", "--public", "--quiet",
              "--report-dir", str(tmp_path / "report"), "--time-limit", "5"])
    out = capsys.readouterr().out
    assert "not drawn" in out and "matplotlib is not installed" in out


def test_with_nothing_to_draw_nothing_is_said_of_pictures(tmp_path, monkeypatch):
    from grader.api import undrawn_pictures

    monkeypatch.setattr(pictures, "available", lambda: False)
    results = grade(SOLUTIONS, chapters=("ch05",), select=lambda c: c.name.startswith("SoftmaxWithLoss.backward"))
    assert undrawn_pictures(results) is None


def test_grading_never_imports_matplotlib():
    code = ("import sys\nfrom grader.api import grade\nfrom grader.grading.checks import all_checks\n"
            f"grade({str(SOLUTIONS)!r}, chapters=('ch05',), select=lambda c: not c.slow)\n"
            "print('matplotlib' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.stdout.strip() == "False", done.stderr[-2000:]


@needs_matplotlib
@pytest.mark.slow
def test_the_mnist_check_saves_its_learning_curve(tmp_path):
    report = tmp_path / "report"
    done = subprocess.run([sys.executable, "-m", "grader", "check", "--submission", str(SOLUTIONS), "--chapter",
                           "ch05", "--quiet", "--no-color", "--report-dir", str(report)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert_png(report / "learning_curve_ch05.png")
    assert not list(report.glob("gradient_error_*")), "the reference has no gradient errors"
    assert "learning_curve_ch05.png" in done.stdout
    assert "learning_curve_ch05.png" in (report / "report.txt").read_text(encoding="utf-8")


# ---------------------------------------------------------------- the class report

def small_class(folder):
    """The template (nothing started), two students who average instead of summing, one who
    normalises softmax over the whole batch."""
    folder.mkdir()
    shutil.copytree(ROOT / "student_template", folder / "ben", ignore=shutil.ignore_patterns("__pycache__"))
    build(load_member(BUG_ZOO / "ch04_loss_not_averaged.py"), folder / "dan")
    build(load_member(BUG_ZOO / "ch04_loss_not_averaged.py"), folder / "dom")
    build(load_member(BUG_ZOO / "ch04_softmax_whole_batch.py"), folder / "cho")
    return folder


def test_the_class_report_counts_the_most_frequent_mistakes(tmp_path):
    class_dir = small_class(tmp_path / "class")
    out = tmp_path / "out"
    run_batch(class_dir, out, chapters=("ch04",), jobs=2, check_time_limit=10, language="en", class_report=True)
    summary = class_summary(find_students(class_dir), out, ("ch04",))
    counts = {diagnosis: students for diagnosis, students, _ in summary["diagnoses"]}
    assert counts["not_started"] == 1 and counts["factor_n"] == 2 and counts["softmax_whole_batch"] == 1
    assert summary["diagnoses"][0][0] == "factor_n"  # the most frequent first
    assert sorted(summary["scores"]["ch04"]) == [0, 80.5, 90, 90]
    report = (out / "class_report.md").read_text(encoding="utf-8")
    assert "| missing 1/N (sum instead of mean) | `factor_n` | 2 |" in report
    assert "ch04: cross_entropy_error with one-hot targets is averaged over the batch (2)" in report
    dan = next(s for s in find_students(class_dir) if s.name == "dan")
    results = json.loads((dan.folder(out) / "results.json").read_text(encoding="utf-8"))
    assert any("factor_n" in t["extra_data"]["diagnoses"] for t in results["tests"])
    if pictures.available():
        assert_png(out / "class_report" / "scores_ch04.png")
        assert "![scores of ch04](class_report/scores_ch04.png)" in report
    report = write_class_report(find_students(class_dir), out, ("ch04",), "ko").read_text(encoding="utf-8")
    assert "# 반 전체 보고서" in report and "| 1/N 누락(평균 대신 합) | `factor_n` | 2 |" in report
    assert "cross_entropy_error with one-hot" not in report  # check names in Korean too
    korean_name = report_module.named_title("ch04: cross_entropy_error with one-hot targets is averaged over the batch",
                                            "ko")
    assert korean_name != "ch04: cross_entropy_error with one-hot targets is averaged over the batch"
    assert f"{korean_name} (2)" in report
    report = write_class_report(find_students(class_dir), out, ("ch04",), "ja").read_text(encoding="utf-8")
    assert "# クラスのレポート" in report and "| 1/N が抜けている (平均ではなく和) | `factor_n` | 2 |" in report
    japanese_name = report_module.named_title("ch04: cross_entropy_error with one-hot targets is averaged over the "
                                              "batch", "ja")
    assert japanese_name == "ch04: one-hot 表現の教師データでの cross_entropy_error がバッチで平均される"
    assert f"{japanese_name} (2)" in report and "cross_entropy_error with one-hot" not in report


@needs_matplotlib
@pytest.mark.slow
def test_the_batch_puts_each_students_pictures_next_to_the_feedback(tmp_path):
    class_dir = tmp_path / "class"
    class_dir.mkdir()
    build(load_member(BUG_ZOO / "ch05_net_params_copied.py"), class_dir / "eve")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "grader", "batch", str(class_dir), "--out", str(out), "--chapter",
                           "ch05", "--jobs", "1", "--lang", "en"], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    eve = find_students(class_dir)[0].folder(out)
    assert_png(eve / "pictures" / "learning_curve_ch05.png")
    feedback = (eve / "feedback.txt").read_text(encoding="utf-8")
    assert "Pictures in pictures: " in feedback and str(tmp_path) not in feedback
    assert_png(out / "class_report" / "scores_ch05.png")
    assert "`params_copied`" in (out / "class_report.md").read_text(encoding="utf-8")
