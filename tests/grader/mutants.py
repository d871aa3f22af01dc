"""Submissions made from the reference by small text patches: the bug zoo (realistic
mistakes, each of which must lose points on a named check) and the alternatives
(correct implementations written differently, each of which must get full marks).

A member is a module in tests/bug_zoo/ or tests/alternatives/ with
    PATCHES = [("common/layers.py", "text in the reference", "replacement"), ...]
and, for the bug zoo, CHECK = "chNN: <check name>" (the check that must lose points);
for the alternatives, CHAPTERS = ["chNN", ...] (graded to full marks).
Each "text in the reference" must occur exactly once in its file, so that a change of the
reference that breaks a member is noticed at once.

Most students write Convolution and Pooling the book's way (im2col, argmax, col2im), which
the reference does not. A member may set BOOK_STYLE = ["Convolution", ...]: those classes of
the reference's common/layers.py are first replaced by the ones of the benchmarks' book-style
implementation (tests/benchmarks/bookstyle/common/layers.py), and its patches then quote that text.
"""
import ast
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[2]
SOLUTIONS = ROOT / "solutions"
TEMPLATE = ROOT / "student_template"
BUG_ZOO = ROOT / "tests" / "bug_zoo"
ALTERNATIVES = ROOT / "tests" / "alternatives"
BOOK_STYLE_LAYERS = ROOT / "tests" / "benchmarks" / "bookstyle" / "common" / "layers.py"


def members(folder):
    return sorted(p for p in folder.glob("ch*.py"))


def load_member(path):
    spec = importlib.util.spec_from_file_location(f"mutant_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def class_spans(source):
    """{class name: (first line, last line)} of the top-level classes of a module (0-based, inclusive)."""
    tree = ast.parse(source)
    return {node.name: (node.lineno - 1, node.end_lineno - 1) for node in tree.body if isinstance(node, ast.ClassDef)}


def replace_classes(path, names, donor_path):
    """Replace the classes ``names`` of the module at path by the same-named classes of donor_path."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    donor = donor_path.read_text(encoding="utf-8")
    donor_lines = donor.splitlines(keepends=True)
    donor_spans = class_spans(donor)
    # From the last class up, so that the line numbers of the classes above stay valid.
    spans = class_spans("".join(lines))
    for name in sorted(names, key=lambda n: spans[n][0], reverse=True):
        first, last = spans[name]
        donor_first, donor_last = donor_spans[name]
        lines[first : last + 1] = donor_lines[donor_first : donor_last + 1]
    path.write_text("".join(lines), encoding="utf-8")


def book_style_body(class_name, method_name):
    """The body (the lines after the ``def`` line) of a method of the book-style layers, as written:
    the text an alternative replaces when it rewrites that method."""
    source = BOOK_STYLE_LAYERS.read_text(encoding="utf-8")
    lines = source.splitlines(keepends=True)
    for node in ast.parse(source).body:
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == method_name:
                    return "".join(lines[item.body[0].lineno - 1 : item.end_lineno]).rstrip("\n")
    raise LookupError(f"{class_name}.{method_name} is not in {BOOK_STYLE_LAYERS}")


def build(member, target, base=SOLUTIONS):
    """Copy ``base`` (the reference) to ``target``, swap in book-style classes if asked, apply the
    member's patches."""
    shutil.copytree(base, target, ignore=shutil.ignore_patterns("__pycache__"))
    book_style = getattr(member, "BOOK_STYLE", ())
    if book_style:
        replace_classes(Path(target) / "common" / "layers.py", book_style, BOOK_STYLE_LAYERS)
    for relative, before, after in member.PATCHES:
        path = Path(target) / relative
        text = path.read_text(encoding="utf-8")
        count = text.count(before)
        if count != 1:
            raise AssertionError(f"{member.__name__}: the text to replace occurs {count} times in {relative}")
        path.write_text(text.replace(before, after), encoding="utf-8")
    return Path(target)


def patched(name, relative, before, after):
    """A one-patch member, made on the spot: ``build(patched(...), target)``."""
    return SimpleNamespace(__name__=name, PATCHES=[(relative, before, after)])


def run_check(*args, cwd=ROOT, env=None, timeout=600):
    """``python -m grader check --quiet --no-color ARGS`` in a subprocess, as a student runs it."""
    return subprocess.run([sys.executable, "-m", "grader", "check", "--quiet", "--no-color", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout, env=env)
