"""The two ways grading stops short of a verdict, shared by the grading core and the process layer.

``StudentError``: the submission's code raised, hung or crashed (it costs the check that ran it).
``WorkerStartError``: the worker could not start before any submission code ran (a fault of the
grader or its setup, never a student's loss). ``grader.isolation.runner`` raises both; checks
catch them without importing the process layer.
"""
from grader.feedback.messages import render
from grader.grading.diagnose import diagnosis_of_error


class StudentError(Exception):
    """Submission code raised, hung or crashed; ``message`` (a grader.feedback.messages.Message) is
    for the student. ``kind``: 'error', 'timeout' or 'crash'. ``diagnosis``: the id of the kind of
    mistake (grader.grading.diagnose.KINDS), when known (checks may set it)."""

    def __init__(self, message, kind="error", diagnosis=None):
        super().__init__(message)
        self.message = message
        self.kind = kind
        self.diagnosis = diagnosis or diagnosis_of_error(getattr(message, "id", None), kind)

    def __str__(self):
        return render(self.message)

    @property
    def english(self):
        """The message in English, for checks that look for words of an exception."""
        return render(self.message, "en")


class WorkerStartError(RuntimeError):
    """The worker failed before any submission code ran: a fault of the grader or its setup."""
