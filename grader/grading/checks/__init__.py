"""The checks of every chapter. Importing this package registers them all.

A chapter's checks are the module ``grader.grading.checks.<chapter>`` of every chapter in
``grader.grading.contract.CHAPTERS``, imported here in that order. Each chapter is worth 100
points; ``checks_for`` returns a chapter's checks in the order they are reported.
"""
import importlib
import importlib.util

from grader.grading.checking import REGISTRY
from grader.grading.contract import CHAPTERS

for _chapter in CHAPTERS:  # registration: each module's @check decorators fill REGISTRY
    importlib.import_module(f"{__name__}.{_chapter}")

# Hidden checks (instructors only) are registered when their package is present: the student
# release leaves it out (see grader/grading/checks/hidden/__init__.py).
if importlib.util.find_spec("grader.grading.checks.hidden") is not None:
    import grader.grading.checks.hidden  # noqa: F401

POINTS_PER_CHAPTER = 100


def checks_for(chapter, include_hidden=True):
    return [c for c in REGISTRY if c.chapter == chapter and (include_hidden or not c.hidden)]


def all_checks(chapters=CHAPTERS, include_hidden=True):
    return [c for chapter in chapters for c in checks_for(chapter, include_hidden)]
