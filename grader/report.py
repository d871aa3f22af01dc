"""Reports of a grading run: a table for the terminal and Gradescope's results.json, in the
language of the moment (grader.messages; English unless --lang or the locale says Korean).

In results.json every test keeps the check's English name as its identifier ("ch05: <name>");
in Korean the Korean display name follows it ("ch05: <English name> / <한국어 이름>"). Each test
also carries ``extra_data``: the check's English name and the ids of the diagnosed mistakes
(grader.diagnose), which the class report of ``grader batch`` counts.
"""
import json
import os
import shutil
import sys
import unicodedata
from collections import OrderedDict

from grader.files import atomic_write
from grader.messages import Message as M
from grader.messages import check_title, current_language, render
from grader.sanitise import visible

COLOURS = {"passed": "\033[32m", "partial": "\033[33m", "failed": "\033[31m", "error": "\033[35m"}
RESET = "\033[0m"


def use_colour(stream=sys.stdout):
    if os.environ.get("NO_COLOR") or os.environ.get("CI"):
        return False
    return hasattr(stream, "isatty") and stream.isatty() and os.environ.get("TERM") != "dumb"


def by_chapter(results):
    chapters = OrderedDict()
    for result in results:
        chapters.setdefault(result.check.chapter, []).append(result)
    return chapters


def totals(results):
    """(earned, possible) over ``results``."""
    return round(sum(r.score for r in results), 2), round(sum(r.check.points for r in results), 2)


def _fmt(x):
    return f"{x:g}"


def display_width(text):
    """Columns ``text`` takes in a terminal (Hangul takes two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text, width):
    return text + " " * max(0, width - display_width(text))


def wrap(text, width, initial_indent="", subsequent_indent=""):
    """Lines of at most ``width`` columns, broken at spaces (counting Hangul as two columns)."""
    lines, line, prefix = [], "", initial_indent
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and display_width(prefix + candidate) > width:
            lines.append(prefix + line)
            prefix, line = subsequent_indent, word
        else:
            line = candidate
    lines.append(prefix + line)
    return lines


def status_text(status, language=None):
    return render(M(f"report.status.{status}"), language)


def title(check, language=None):
    """The check's name for a reader: English, or the Korean display name."""
    return check_title(check, language)


def table(results, colour=False, width=None, language=None):
    """The terminal report: per check its status, points and name, and under a check that
    lost points the reason; then chapter totals and the overall total."""
    width = width or shutil.get_terminal_size((100, 24)).columns
    indent = " " * 20
    lines = []
    for chapter, rows in by_chapter(results).items():
        lines.append(f"== {chapter} " + "=" * max(0, min(width, 100) - 7))
        for r in rows:
            status = pad(status_text(r.status, language), 7)
            status = f"{COLOURS[r.status]}{status}{RESET}" if colour else status
            points = f"{_fmt(r.score):>5}/{_fmt(r.check.points):<3}"
            lines.append(f"  {status}  {points}  {title(r.check, language)}")
            reason = visible(r.reason_in(language))
            if reason:
                lines.extend(wrap(reason, max(40, width - 1), initial_indent=indent + "-> ",
                                  subsequent_indent=indent + "   "))
        earned, possible = totals(rows)
        lines.append("  " + render(M("report.chapter_total", chapter=chapter, earned=_fmt(earned),
                                     possible=_fmt(possible)), language))
        lines.append("")
    earned, possible = totals(results)
    lines.append(render(M("report.total", earned=_fmt(earned), possible=_fmt(possible)), language))
    return "\n".join(lines)


def test_name(check, language=None):
    """'ch05: <English name>', with the Korean display name after it in Korean."""
    language = language or current_language()
    name = check.name
    korean = check_title(check, "ko")
    if language == "ko" and korean != check.name:
        name = f"{check.name} / {korean}"
    return f"{check.chapter}: {name}"


def gradescope(results, visibility="visible", language=None):
    """Gradescope's results.json: score, max_score and one entry per check."""
    earned, possible = totals(results)
    tests = []
    for r in results:
        output = r.reason_in(language) or status_text("passed", language)
        if len(r.cases) > 1:
            output += "\n" + "\n".join(
                f"  [{'x' if c.passed else ' '}] {render(c.label, language)}"
                + ("" if c.passed else ": " + c.explain(language))
                for c in r.cases)
        tests.append({
            "name": test_name(r.check, language),
            "score": r.score,
            "max_score": r.check.points,
            "output": visible(output, keep_newlines=True),
            "visibility": "after_published" if r.check.hidden else visibility,
            "status": "passed" if r.status == "passed" else "failed",
            "extra_data": {"check": r.check.name, "diagnoses": r.diagnoses},
        })
    return {"score": earned, "max_score": possible, "tests": tests}


def write_json(results, path, language=None):
    """Write results.json atomically (a reader never sees half a file)."""
    data = json.dumps(gradescope(results, language=language), indent=2, ensure_ascii=False)
    atomic_write(path, data + "\n")
