"""Reports of a grading run: a table for the terminal and Gradescope's results.json, in the
language of the moment (grader.feedback.messages; English unless --lang or the locale chooses
another language).

In results.json every test keeps the check's English name as its identifier ("ch05: <name>");
in another language the translated name follows it ("ch05: <English name> / <한국어 이름>"). Each test
also carries ``extra_data``: the check's English name and the ids of the diagnosed mistakes
(grader.grading.diagnose), which the class report of ``grader batch`` counts.
"""
import json
import os
import re
import shutil
import sys
import unicodedata
from collections import OrderedDict

from grader.feedback.messages import Message as M
from grader.feedback.messages import check_title, current_language, render
from grader.feedback.sanitise import visible
from grader.files import atomic_write

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


OPENING, CLOSING = "([{", ")]}"
OPERATOR = re.compile(r"(?:[-+*/%@<>=!&|^]|\*\*|//|[-+*/%@<>=!]=|->)")
CODE_MARK = re.compile(r"[0-9_.,()\[\]{}=*+\-/'\"<>@:%]")
# Letters of prose in scripts without capitals: Hangul, kana, kanji and their punctuation.
WIDE_LETTER = "\uac00-\ud7a3\u3000-\u30ff\u4e00-\u9fff\uff01-\uff60"
HANGUL_START = re.compile(rf"^[(\[{{]?[{WIDE_LETTER}]")
# Japanese is written without spaces: a line may break after any kana or kanji, but not before
# closing brackets and punctuation or a small kana.
JAPANESE_BREAK = re.compile(r"(?<=[\u3040-\u30ff\u4e00-\u9fff\u3001\u3002\u300d\u300f\uff09])"
                            r"(?=[^)\]},.:;!?\u3001\u3002\u300d\u300f\uff09\uff0c\u30fc\u3041\u3043\u3045\u3047\u3049"
                            r"\u3063\u3083\u3085\u3087\u30c3\u30e3\u30e5\u30e7\u30a1\u30a3\u30a5\u30a7\u30a9])")
SHORT_WORDS = {"a", "an", "or", "of", "to", "on", "at", "by", "as", "be", "it", "no", "so", "we", "he"}


def _code_like(word):
    """A token of an expression rather than a word of prose: it carries code's punctuation or
    digits, or is a name of one or two letters (x, dW, lr); never one that starts with Hangul."""
    if HANGUL_START.match(word):
        return False
    return bool(CODE_MARK.search(word)) or (len(word) <= 2 and word.lower() not in SHORT_WORDS)


def _brackets(word, stack):
    """Push and pop the brackets of ``word`` on ``stack``: True for a bracket of code, False for
    one of prose (a Hangul letter right before or after it, as in 입니다(규칙: or (책)."""
    for i, c in enumerate(word):
        if c in OPENING:
            near = word[i - 1:i] + word[i + 1:i + 2]
            stack.append(not re.search(f"[{WIDE_LETTER}]", near))
        elif c in CLOSING and stack:
            stack.pop()


def _glues_inside(word):
    """A word that may join an expression inside brackets: no Hangul, or Hangul only after the
    bracket that closes it (``6)이어야``)."""
    hangul = re.search(f"[{WIDE_LETTER}]", word)
    return not hangul or any(c in CLOSING for c in word[:hangul.start()])


def units(text):
    """The words of ``text``, each code expression kept whole: tokens joined by an operator
    (``y - t``), and tokens inside the brackets of an expression (``(2, 6)``, ``(dout * y,
    dout * x)``). Brackets of prose (``(책 5.7.2 ...)``, ``입니다(규칙: ...)``) hold no expression."""
    found, stack = [], []
    for word in text.split():
        previous = found[-1].rsplit(" ", 1)[-1] if found else ""
        inside = (stack and stack[-1] and _glues_inside(word) and _glues_inside(previous)
                  and (_code_like(previous) or _code_like(word)))
        if found and (inside or OPERATOR.fullmatch(word) or OPERATOR.fullmatch(previous)):
            found[-1] += " " + word
        else:
            found.append(word)
        _brackets(word, stack)
    return found


def wrap(text, width, initial_indent="", subsequent_indent=""):
    """Lines of at most ``width`` columns (Hangul takes two), broken at spaces but never inside
    a code expression (``units``): an expression too long for the rest of a line starts the
    next one, and one longer than a whole line stands on a line of its own."""
    lines, line, prefix = [], "", initial_indent
    for unit in units(text):
        for index, piece in enumerate(JAPANESE_BREAK.split(unit)):
            glue = " " if index == 0 else ""
            candidate = f"{line}{glue}{piece}" if line else piece
            if line and display_width(prefix + candidate) > width:
                lines.append(prefix + line)
                prefix, line = subsequent_indent, piece
            else:
                line = candidate
    lines.append(prefix + line)
    return lines


def status_text(status, language=None):
    return render(M(f"report.status.{status}"), language)


def status_width(language=None):
    """Columns of the longest status in ``language`` (a column of statuses lines up)."""
    return max(display_width(status_text(status, language)) for status in COLOURS)


def title(check, language=None):
    """The check's name for a reader, in ``language``."""
    return check_title(check, language)


def named_title(test_name, language=None):
    """'chNN: <name in the reader's language>' for a test named 'chNN: <English check name>'
    (results.json); the name as it is when no check has it."""
    from grader.grading.checks import all_checks

    chapter, _, name = test_name.partition(": ")
    check = next((c for c in all_checks((chapter,)) if c.name == name), None)
    if check is None:
        return test_name
    return f"{chapter}: {check_title(check, language)}"


def table(results, colour=False, width=None, language=None, isolation=None):
    """The terminal report: per check its status, points and name, and under a check that
    lost points the reason; then chapter totals and the overall total."""
    width = width or shutil.get_terminal_size((100, 24)).columns
    indent = " " * 20
    width_of_status = status_width(language)
    lines = []
    for chapter, rows in by_chapter(results).items():
        lines.append(f"== {chapter} " + "=" * max(0, min(width - 1, 100) - len(f"== {chapter} ")))
        for r in rows:
            status = pad(status_text(r.status, language), width_of_status)
            points = f"{_fmt(r.score):>5}/{_fmt(r.check.points):<3}"
            title_indent = " " * display_width(f"  {status}  {points}  ")
            title_lines = wrap(title(r.check, language), max(40, width - 1), title_indent, title_indent)
            status = f"{COLOURS[r.status]}{status}{RESET}" if colour else status
            lines.append(f"  {status}  {points}  " + title_lines[0][len(title_indent):])
            lines.extend(title_lines[1:])
            reason = visible(r.reason_in(language))
            if reason:
                lines.extend(wrap(reason, max(40, width - 1), initial_indent=indent + "-> ",
                                  subsequent_indent=indent + "   "))
        earned, possible = totals(rows)
        lines.append("  " + render(M("report.chapter_total", chapter=chapter, earned=_fmt(earned),
                                     possible=_fmt(possible)), language))
        lines.append("")
    lines.extend(by_cause(results, width, language))
    earned, possible = totals(results)
    lines.append(render(M("report.total", earned=_fmt(earned), possible=_fmt(possible)), language))
    if isolation:
        from grader.isolation.levels import describe

        lines.append(render(describe(isolation), language))
    return "\n".join(lines)


def by_cause(results, width=100, language=None):
    """The lines that list the failures by cause, first cause first, each failure that a cause
    explains under it (grader.grading.causes); none when no failure explains another."""
    from grader.grading.causes import groups

    found = groups(results)
    if not any(group.consequences for group in found):
        return []
    width = max(40, min(width, 101) - 1)

    def entry(result):
        if result.status == "passed":
            state = render(M("report.causes.note"), language)
        else:
            state = render(M("report.causes.points", earned=_fmt(result.score), possible=_fmt(result.check.points)),
                           language)
        return f"{result.check.chapter}: {title(result.check, language)} ({state})"

    lines = wrap(render(M("report.causes.title"), language), width)
    for number, group in enumerate(found, 1):
        head = f"  {number}. "
        lines.extend(wrap(entry(group.cause), width, head, " " * len(head)))
        for result in group.consequences:
            lines.extend(wrap(entry(result), width, " " * len(head) + "-> ", " " * (len(head) + 3)))
    lines.append("")
    return lines


def test_name(check, language=None):
    """'ch05: <English name>', with the translated name after it in another language."""
    language = language or current_language()
    name = check.name
    translated = check_title(check, language)
    if translated != check.name:
        name = f"{check.name} / {translated}"
    return f"{check.chapter}: {name}"


def gradescope(results, visibility="visible", language=None, isolation=None):
    """Gradescope's results.json: score, max_score and one entry per check; ``isolation``, the
    level the submission's code ran under, in ``extra_data``."""
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
            "extra_data": {"check": r.check.name, "diagnoses": r.diagnoses,
                           "caused_by": [f"{c.check.chapter}: {c.check.name}" for c in r.caused_by]},
        })
    data = {"score": earned, "max_score": possible, "tests": tests}
    if isolation:
        data["extra_data"] = {"isolation": isolation}
    return data


def write_json(results, path, language=None, isolation=None):
    """Write results.json atomically (a reader never sees half a file)."""
    data = json.dumps(gradescope(results, language=language, isolation=isolation), indent=2, ensure_ascii=False)
    atomic_write(path, data + "\n")


def pictures_line(names, folder, language=None):
    """The line that says where the report's pictures were written."""
    return render(M("report.pictures", folder=folder, names=", ".join(names)), language)
