"""The student kit's starter notebooks, ``notebooks/chNN.ipynb``, one per chapter, generated here
(``python -m grader release`` writes them; never edit them by hand).

A starter notebook is the Colab and Jupyter route: its first cell sets everything up (finds
the kit around the notebook, or fetches it from ``KIT``: the course's repository, a folder or
the kit's zip in Google Drive; installs it when its dependencies are missing; opens the work
folder ``student_template/``), a cell tries the student's code, and the last cell grades the
chapter with ``from grader import check``. Student code is written in the modules, as in the
book; the notebook only runs and grades it.
"""
import json

from grader.grading.contract import CHAPTERS, MODULE_CHAPTER

PLACEHOLDER_URL = "https://github.com/YOUR-COURSE/dlfs-kit.git"

TITLES = {
    "ch04": "Neural network learning: loss functions and numerical gradients",
    "ch05": "Backpropagation",
    "ch06": "Training techniques: optimizers, initial weights, batch normalization, dropout",
    "ch07": "Convolutional neural networks",
}

# A first call of the chapter's code, to run after editing a module (the grader does far more).
TRIES = {
    "ch04": ("import numpy as np\nfrom common.functions import softmax\n\n"
             "softmax(np.array([0.3, 2.9, 4.0]))  # probabilities that sum to 1"),
    "ch05": ("import numpy as np\nfrom common.layers import Relu\n\n"
             "Relu().forward(np.array([[-1.0, 2.0], [3.0, -4.0]]))  # negatives become 0"),
    "ch06": ("import numpy as np\nfrom common.optimizer import SGD\n\n"
             "params, grads = {'W': np.ones(3)}, {'W': np.full(3, 0.5)}\n"
             "SGD(lr=0.1).update(params, grads)\nparams['W']  # each weight moved by -0.1 * 0.5"),
    "ch07": ("import numpy as np\nfrom common.util import im2col\n\n"
             "im2col(np.arange(16.0).reshape(1, 1, 4, 4), 2, 2).shape  # (9, 4): one row per window"),
}

SETUP = '''\
# Set-up: run this cell first, each time the notebook starts. It finds the kit around this
# notebook or fetches it from KIT, installs what grading needs (MNIST is in the kit), and opens
# your work folder, student_template/, where you write your code.
# KIT: your course's repository, or in Colab the kit in your Google Drive, where your work is
# kept between sessions: "/content/drive/MyDrive/dlfs-kit" (the folder) or ".../dlfs-kit.zip".
KIT = {kit_url}

import importlib
import os
import subprocess
import sys
import zipfile
from pathlib import Path


def find_kit():
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "student_template").is_dir() and (folder / "grader").is_dir():
            return folder  # the notebook is inside the kit
    if KIT.startswith("/content/drive/"):
        from google.colab import drive

        drive.mount("/content/drive")
    kit = Path(KIT)
    if kit.suffix == ".zip" and kit.is_file():
        if not (kit.parent / kit.stem).is_dir():
            with zipfile.ZipFile(kit) as archive:
                archive.extractall(kit.parent)
        return kit.parent / kit.stem
    if kit.is_dir():
        return kit.resolve()
    clone = Path("dlfs-kit").resolve()
    if not clone.is_dir():
        subprocess.run(["git", "clone", "--quiet", "--depth", "1", KIT, str(clone)], check=True)
    return clone


kit = find_kit()
if importlib.util.find_spec("hypothesis") is None:  # a fresh Python (Colab): install the kit
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", str(kit)], check=True)
    importlib.invalidate_caches()
work = kit / "student_template"
os.chdir(work)
sys.path[:0] = [str(work)]  # your modules, as in the book: from common.layers import Affine
sys.path.append(str(kit))  # the kit's grader and dataset, when the kit is not installed
get_ipython().run_line_magic("load_ext", "autoreload")
get_ipython().run_line_magic("autoreload", "2")  # a module you edited is reloaded when you run a cell
from grader import check

print("Your work folder:", work)'''


def _cell(cell_type, source, cell_id):
    cell = {"cell_type": cell_type, "id": cell_id, "metadata": {}, "source": source}
    if cell_type == "code":
        cell.update({"execution_count": None, "outputs": []})
    return cell


def modules_of(chapter):
    return [module for module, owner in MODULE_CHAPTER.items() if owner == chapter]


def starter_notebook(chapter, kit_url=PLACEHOLDER_URL):
    """The starter notebook of ``chapter`` (a dict in nbformat 4)."""
    number = int(chapter[2:])
    files = "\n".join(f"- `student_template/{module}`" for module in modules_of(chapter))
    earlier = "" if chapter == "ch04" else (
        "\n\nThe chapter builds on your earlier chapters' modules (`common/functions.py`, ...): they are "
        "in the same folder, so finish those first.")
    intro = (f"# Chapter {number}: {TITLES[chapter]}\n\n"
             f"You write your code in the kit's modules, as in the book, where they raise "
             f"`NotImplementedError` (each docstring gives the shapes and a hint):\n\n{files}{earlier}\n\n"
             "In Colab, open a module from the Files panel (the folder icon on the left): a double click "
             "opens it in an editor, and Ctrl+S saves it. In Jupyter, open it from the file browser. "
             "This notebook runs and grades your modules; code written in the notebook itself is not graded.")
    grade_text = (f"## Grade chapter {number}\n\n"
                  "Every check prints its points and, when it lost points, why. The pictures (learning "
                  "curves, where a gradient is wrong) appear below the table when matplotlib is installed "
                  "(it is in Colab). For feedback in Korean: `check(\"" + chapter + "\", lang=\"ko\")`.")
    if chapter != "ch04":
        grade_text += " The MNIST checks train your network for a few seconds to a minute."
    cells = [
        _cell("markdown", intro, f"{chapter}-intro"),
        _cell("code", SETUP.replace("{kit_url}", json.dumps(kit_url)), f"{chapter}-setup"),
        _cell("markdown", "## Try your code\n\nRun this after each change to a module: the module is reloaded.",
              f"{chapter}-try-text"),
        _cell("code", TRIES[chapter], f"{chapter}-try"),
        _cell("markdown", grade_text, f"{chapter}-grade-text"),
        _cell("code", f'check("{chapter}")', f"{chapter}-grade"),
    ]
    metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                "language_info": {"name": "python"}, "colab": {"provenance": []}}
    return {"cells": cells, "metadata": metadata, "nbformat": 4, "nbformat_minor": 5}


def starter_files(kit_url=PLACEHOLDER_URL):
    """{path in the student kit: text} of every starter notebook."""
    return {f"notebooks/{chapter}.ipynb": json.dumps(starter_notebook(chapter, kit_url), indent=1,
                                                     ensure_ascii=False, sort_keys=True) + "\n"
            for chapter in CHAPTERS}
