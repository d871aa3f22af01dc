"""Reports of a grading run: a table for the terminal and Gradescope's results.json."""
import json
import os
import shutil
import sys
import textwrap
from collections import OrderedDict

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


def table(results, colour=False, width=None):
    """The terminal report: per check its status, points and name, and under a check that
    lost points the reason; then chapter totals and the overall total."""
    width = width or shutil.get_terminal_size((100, 24)).columns
    indent = " " * 20
    lines = []
    for chapter, rows in by_chapter(results).items():
        lines.append(f"== {chapter} " + "=" * max(0, min(width, 100) - 7))
        for r in rows:
            status = f"{COLOURS[r.status]}{r.status:<7}{RESET}" if colour else f"{r.status:<7}"
            points = f"{_fmt(r.score):>5}/{_fmt(r.check.points):<3}"
            lines.append(f"  {status}  {points}  {r.check.name}")
            if r.reason:
                lines.extend(textwrap.wrap(r.reason, width=max(40, width - 1), initial_indent=indent + "-> ",
                                           subsequent_indent=indent + "   "))
        earned, possible = totals(rows)
        lines.append(f"  {chapter} total: {_fmt(earned)} / {_fmt(possible)}")
        lines.append("")
    earned, possible = totals(results)
    lines.append(f"TOTAL: {_fmt(earned)} / {_fmt(possible)}")
    return "\n".join(lines)


def gradescope(results, visibility="visible"):
    """Gradescope's results.json: score, max_score and one entry per check."""
    earned, possible = totals(results)
    tests = []
    for r in results:
        output = r.reason or "passed"
        if len([c for c in r.cases]) > 1:
            output += "\n" + "\n".join(
                f"  [{'x' if c.passed else ' '}] {c.label}" + ("" if c.passed else f": {c.reason}")
                for c in r.cases)
        tests.append({
            "name": f"{r.check.chapter}: {r.check.name}",
            "score": r.score,
            "max_score": r.check.points,
            "output": output,
            "visibility": "after_published" if r.check.hidden else visibility,
            "status": "passed" if r.status == "passed" else "failed",
        })
    return {"score": earned, "max_score": possible, "tests": tests}


def write_json(results, path):
    """Write results.json atomically (a reader never sees half a file)."""
    data = json.dumps(gradescope(results), indent=2, ensure_ascii=False)
    tmp = f"{path}.tmp{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(data + "\n")
    os.replace(tmp, path)
