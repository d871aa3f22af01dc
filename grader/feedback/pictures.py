"""Pictures, where a student would rather look than read: the learning curve of an MNIST
check, where in a weight matrix a gradient goes wrong, and the scores of a class.

matplotlib is optional. Grading never imports it: checks only keep plain data
(``Result.plots``, ``Case.plot``); pictures are drawn when a report is written
(``grader check --report-dir``, ``grader batch``) and matplotlib can be imported. Labels
follow the report's language; a language written in other letters than Latin needs a font
with them (its ``fonts`` in grader.feedback.languages: NanumGothic for Korean, Noto Sans CJK
JP or IPAexGothic for Japanese, ...); without one the pictures are labelled in English.

Files are PNG, written atomically and byte-identical for identical data (no timestamps).
"""
import io
import textwrap
from pathlib import Path

import numpy as np

from grader.feedback.languages import SOURCE, TABLE
from grader.feedback.messages import Message as M
from grader.feedback.messages import check_title, current_language, render
from grader.files import atomic_write


def available():
    """Whether matplotlib can be imported (pictures can be drawn)."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def _pyplot():
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return plt


def font_for(language):
    """The name of an installed font with the letters of ``language``, or None."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return next((name for name in TABLE[language].fonts if name in installed), None)


def label_language(language=None):
    """The language of the labels: ``language``, but English where it needs a font with its
    letters and none is installed."""
    language = language or current_language()
    if not TABLE[language].fonts or font_for(language):
        return language
    return SOURCE


def _setup(language):
    """(language of the labels, matplotlib settings) for ``language``."""
    language = label_language(language)
    settings = {"font.size": 9, "axes.titlesize": 10}
    if TABLE[language].fonts:
        settings["font.family"] = [font_for(language), "DejaVu Sans"]
        settings["axes.unicode_minus"] = False
    return language, settings


def _save(fig, path):
    plt = _pyplot()
    buffer = io.BytesIO()
    try:
        fig.savefig(buffer, format="png", dpi=100, metadata={"Software": None})
    finally:
        plt.close(fig)
    return atomic_write(path, buffer.getvalue())


def _text(message, language):
    return render(message, language)


def _title(message, language, width):
    """A title rendered in ``language`` and wrapped to lines of about ``width`` characters."""
    return "\n".join(textwrap.fill(line, width) for line in _text(message, language).split("\n"))


def learning_curve(curve, path, title, language=None):
    """Training loss per iteration (left) and train/test accuracy at the checkpoints (right).

    curve: {"iterations": [...], "loss": [...], "checkpoints": [...], "train_acc": [...],
    "test_acc": [...], "threshold": optional accuracy the check asks for}."""
    plt = _pyplot()
    language, settings = _setup(language)
    with plt.rc_context(settings):
        fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.4))
        iterations = np.asarray(curve.get("iterations", []), dtype=float)
        loss = np.asarray(curve.get("loss", []), dtype=float)
        if loss.size:
            finite = np.isfinite(loss)
            left.plot(iterations[finite], loss[finite], color="tab:blue", linewidth=1.2)
            if not np.all(finite):
                first = iterations[int(np.argmax(~finite))]
                left.axvline(first, color="tab:red", linestyle="--", linewidth=1)
                left.annotate(_text(M("pictures.loss_not_finite"), language), (first, 0.95),
                              xycoords=("data", "axes fraction"), color="tab:red", ha="right", va="top")
        left.set_xlabel(_text(M("pictures.iteration"), language))
        left.set_ylabel(_text(M("pictures.loss"), language))
        left.grid(alpha=0.3)
        checkpoints = np.asarray(curve.get("checkpoints", []), dtype=float)
        for key, colour, label in (("train_acc", "tab:orange", "pictures.train_acc"),
                                   ("test_acc", "tab:green", "pictures.test_acc")):
            values = np.asarray(curve.get(key, []), dtype=float)
            count = min(values.size, checkpoints.size)
            if count:
                right.plot(checkpoints[:count], values[:count], marker="o", color=colour,
                           label=_text(M(label), language))
        threshold = curve.get("threshold")
        if threshold is not None:
            right.axhline(threshold, color="gray", linestyle="--", linewidth=1,
                          label=_text(M("pictures.threshold", value=float(threshold)), language))
        right.set_ylim(0, 1)
        right.set_xlabel(_text(M("pictures.iteration"), language))
        right.set_ylabel(_text(M("pictures.accuracy"), language))
        right.grid(alpha=0.3)
        if right.lines:
            right.legend(loc="lower right")
        fig.suptitle(_title(title, language, 110))
        fig.tight_layout()
        return _save(fig, path)


def gradient_error(errors, path, title, language=None):
    """A heatmap of the relative error of each entry of a gradient (0: right, 1: wrong in
    sign or far off). Arrays of more than two axes are shown with the axes after the first
    flattened; a vector as one row."""
    plt = _pyplot()
    language, settings = _setup(language)
    errors = np.asarray(errors, dtype=float)
    flattened = errors.ndim > 2
    grid = errors.reshape(1, -1) if errors.ndim <= 1 else errors.reshape(errors.shape[0], -1)
    with plt.rc_context(settings):
        width = min(9.0, 2.5 + 0.35 * grid.shape[1])
        height = min(7.0, 1.6 + 0.35 * grid.shape[0])
        fig, ax = plt.subplots(figsize=(max(width, 6.5), max(height, 3.2)))
        image = ax.imshow(np.nan_to_num(grid, nan=1.0), cmap="magma", vmin=0.0, vmax=1.0, aspect="auto",
                          interpolation="nearest")
        worst = np.unravel_index(int(np.nanargmax(grid)), grid.shape)
        ax.plot(worst[1], worst[0], marker="s", markersize=10, markerfacecolor="none", markeredgecolor="cyan")
        colourbar = fig.colorbar(image, ax=ax)
        colourbar.set_label(_text(M("pictures.relative_error"), language))
        ax.set_xlabel(_text(M("pictures.axes_after_first" if flattened else "pictures.columns"), language))
        ax.set_ylabel(_text(M("pictures.rows"), language))
        ax.set_title(_title(title, language, 70))
        fig.tight_layout()
        return _save(fig, path)


def score_histogram(scores, path, title, possible=100, language=None):
    """How many students scored in each tenth of ``possible``."""
    plt = _pyplot()
    language, settings = _setup(language)
    scores = np.asarray(scores, dtype=float)
    with plt.rc_context(settings):
        fig, ax = plt.subplots(figsize=(6, 3.2))
        bins = np.linspace(0, possible, 11)
        ax.hist(scores, bins=bins, color="tab:blue", edgecolor="white")
        if scores.size:
            ax.axvline(float(np.mean(scores)), color="tab:red", linestyle="--", linewidth=1,
                       label=_text(M("pictures.mean", value=float(np.mean(scores))), language))
            ax.legend(loc="upper left")
        ax.set_xlim(0, possible)
        ax.set_xlabel(_text(M("pictures.score"), language))
        ax.set_ylabel(_text(M("pictures.students"), language))
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.set_title(_text(title, language))
        fig.tight_layout()
        return _save(fig, path)


def planned(results):
    """(file name, kind, data) of every picture ``results`` call for, without drawing."""
    found = []
    for result in results:
        curve = result.plots.get("learning_curve")
        if curve:
            found.append((f"learning_curve_{result.check.chapter}.png", "learning_curve", result))
        plot = next((c.plot for c in result.cases if not c.passed and c.plot), None)
        if plot and plot.get("kind") == "gradient_error" and np.ndim(plot.get("errors")) >= 1:
            found.append((f"gradient_error_{result.check.slug}.png", "gradient_error", result))
    return found


def save_result_pictures(results, folder, language=None):
    """Draw the pictures of ``results`` into ``folder``; returns the file names written.
    Imports matplotlib only when there is something to draw."""
    todo = planned(results)
    if not todo:
        return []
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    language = label_language(language)
    names = []
    for name, kind, result in todo:
        title = M("pictures.check_title", chapter=result.check.chapter, name=check_title(result.check, language))
        if kind == "learning_curve":
            learning_curve(result.plots["learning_curve"], folder / name, title, language)
        else:
            plot = next(c.plot for c in result.cases if not c.passed and c.plot)
            what = M("pictures.gradient_title", what=plot["what"])
            gradient_error(plot["errors"], folder / name, M("pictures.two_lines", first=title, second=what), language)
        names.append(name)
    return names
