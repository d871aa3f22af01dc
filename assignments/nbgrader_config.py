"""nbgrader configuration of the course (this folder is the course root).

The grading kit (the folder that holds grader/ and dataset/) is $DLFS_KIT, by default the
folder above this one. nbgrader passes the variable on to the kernels that run the notebooks,
whose locked cells grade through the kit's grader.
"""
import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821  (provided by nbgrader when it reads this file)

COURSE = Path(__file__).resolve().parent
c.CourseDirectory.root = str(COURSE)
c.CourseDirectory.course_id = "dlfs"

# Students hand in the modules released with each assignment (common/layers.py, ...). By
# default autograde copies every released file of source/ over the submission, and every
# student would be graded on the untouched template. Keep the students' modules.
c.Autograde.exclude_overwriting = {
    folder.name: sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.py") if "__pycache__" not in p.parts)
    for folder in sorted((COURSE / "source").iterdir()) if folder.is_dir()
}

KIT = Path(os.environ.setdefault("DLFS_KIT", str(COURSE.parent))).resolve()

# Kernels start in safe-path mode: a file handed in beside the notebook (ipykernel_launcher.py,
# or any module the kernel imports) never shadows the real one. `prepare-submissions` also sets
# such files aside. An autograding kernel grades for credit (docs/isolation.md).
# Set for the kernels of the nbgrader command only (not for a process that merely reads this file).
RUN_BY_NBGRADER = Path(sys.argv[0]).name == "nbgrader" or Path(sys.argv[0]).parent.name == "nbgrader"
if RUN_BY_NBGRADER:
    os.environ["PYTHONSAFEPATH"] = "1"
    if sys.argv[1:2] == ["autograde"]:
        os.environ["DLFS_AUTOGRADE"] = "1"
if not (KIT / "grader" / "api.py").is_file():
    raise RuntimeError(f"DLFS_KIT={KIT} is not the grading kit (no grader/api.py there): set DLFS_KIT to "
                       "the folder that holds grader/ and dataset/")
if str(KIT) not in sys.path:
    sys.path.insert(0, str(KIT))

from nbgrader.converters import Autograde, GenerateFeedback  # noqa: E402

from grader.frontends.notebook import kernel_timeout, with_student_code_removed, with_student_markdown_escaped  # noqa: E402

# Student code runs only in the grader's worker, never in the kernel: code cells that are not
# the instructor's locked cells are removed before the notebook runs. Students' markdown
# answers are escaped: no <script> or <img onerror> of theirs reaches the feedback HTML.
c.Autograde.sanitize_preprocessors = with_student_code_removed(
    Autograde.class_traits()["sanitize_preprocessors"].default())
c.GenerateFeedback.preprocessors = with_student_markdown_escaped(
    GenerateFeedback.class_traits()["preprocessors"].default())

# The time limit per cell (30 s by default) from the grader's own budget: the longest group of
# checks, with every check at its own time limit, and a margin.
c.Execute.timeout = kernel_timeout()
