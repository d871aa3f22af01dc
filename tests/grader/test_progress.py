"""`python -m grader check` prints each check once: a progress line while grading, overwritten
by the next and cleared at the end, on a terminal only; then the table."""
import io
import sys
from collections import Counter

import pytest

from grader.frontends import cli
from grader.grading.checks import checks_for
from tests.grader.mutants import SOLUTIONS


class Terminal(io.StringIO):
    def isatty(self):
        return True


def screen(text):
    """What a terminal shows of ``text``: a carriage return goes back to the start of the line,
    whose characters the next ones overwrite."""
    lines = []
    for raw in text.split("\n"):
        line = []
        for part_index, part in enumerate(raw.split("\r")):
            if part_index:
                line[:len(part)] = list(part)
            else:
                line = list(part)
        lines.append("".join(line).rstrip())
    return "\n".join(lines)


def grade_ch04(monkeypatch, stderr, *options):
    stdout = io.StringIO()
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(sys, "stderr", stderr)
    assert cli.main(["check", "--submission", str(SOLUTIONS), "--chapter", "ch04", "--no-color", *options]) == 0
    return stdout.getvalue(), stderr.getvalue()


@pytest.fixture
def names():
    """The start of each check's name (the table wraps long names; the line is cut to the width)."""
    return Counter(check.name[:25] for check in checks_for("ch04"))


def test_on_a_terminal_each_check_is_shown_once_the_progress_line_is_gone(monkeypatch, names):
    table, progress = grade_ch04(monkeypatch, Terminal())
    assert any(name in progress for name in names), "a progress line was shown while grading"
    shown = screen(progress) + "\n" + table
    for name, count in names.items():
        assert shown.count(name) == count, name
    assert progress.count("\n") == 1, "one line of its own: the 'Grading ...' line"


def test_elsewhere_or_quiet_there_is_no_progress_line(monkeypatch, names):
    for stderr, options in ((io.StringIO(), ()), (Terminal(), ("--quiet",))):
        table, progress = grade_ch04(monkeypatch, stderr, *options)
        assert "\r" not in progress and not any(name in progress for name in names)
        assert all(table.count(name) == count for name, count in names.items())
