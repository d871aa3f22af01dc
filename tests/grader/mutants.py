"""Submissions made from the reference by small text patches: the bug zoo (realistic
mistakes, each of which must lose points on a named check) and the alternatives
(correct implementations written differently, each of which must get full marks).

A member is a module in tests/bug_zoo/ or tests/alternatives/ with
    PATCHES = [("common/layers.py", "text in the reference", "replacement"), ...]
and, for the bug zoo, CHECK = "chNN: <check name>" (the check that must lose points);
for the alternatives, CHAPTERS = ["chNN", ...] (graded to full marks).
Each "text in the reference" must occur exactly once in its file, so that a change of the
reference that breaks a member is noticed at once.
"""
import importlib.util
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOLUTIONS = ROOT / "solutions"
BUG_ZOO = ROOT / "tests" / "bug_zoo"
ALTERNATIVES = ROOT / "tests" / "alternatives"


def members(folder):
    return sorted(p for p in folder.glob("ch*.py"))


def load_member(path):
    spec = importlib.util.spec_from_file_location(f"mutant_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(member, target):
    """Copy the reference to ``target`` and apply the member's patches."""
    shutil.copytree(SOLUTIONS, target, ignore=shutil.ignore_patterns("__pycache__"))
    for relative, before, after in member.PATCHES:
        path = Path(target) / relative
        text = path.read_text(encoding="utf-8")
        count = text.count(before)
        if count != 1:
            raise AssertionError(f"{member.__name__}: the text to replace occurs {count} times in {relative}")
        path.write_text(text.replace(before, after), encoding="utf-8")
    return Path(target)
