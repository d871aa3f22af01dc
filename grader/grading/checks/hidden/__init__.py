"""Hidden checks: run for instructors (batch, nbgrader, Gradescope), never shipped to students.

This package is left out of the student release (``nox -s release``); ``grader.grading.checks``
imports it only when it is present. A hidden check is registered like any other, with
``hidden=True``, in the chapter it belongs to.

Points: a chapter's public checks are worth 100 points, as students see them when they grade
their own work. Hidden checks add their points on top of those 100, so an instructor's total
for a chapter is 100 plus the chapter's hidden points (``grader.grading.checks.checks_for(chapter)``
with and without ``include_hidden``), and no public check loses points to a hidden one.
"""
from grader.grading.checks.hidden import ch05  # noqa: F401  (registration)
