"""Generate the student template from the reference solution.

Every region of a reference module between ``### BEGIN SOLUTION`` and ``### END SOLUTION``
(nbgrader's markers) is replaced by a ``raise NotImplementedError`` that names the item and
its chapter. Everything else (signatures, docstrings with shape contracts and hints, the
code a student is given) is kept as it is.

Usage: python -m grader template [--check] [SOLUTIONS_DIR TEMPLATE_DIR]
"""
import argparse
import ast
import sys
from pathlib import Path

from grader.files import stale_paths, sync_tree
from grader.grading.contract import chapter_of

BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
ROOT = Path(__file__).resolve().parents[2]


class MarkerError(ValueError):
    """A reference module whose solution markers do not pair up."""


def _enclosing_name(tree, line):
    """Qualified name ('Class.method', 'function', 'Class') of the innermost
    function or class that contains ``line``."""
    best = []

    def visit(node, trail):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.ClassDef)):
                if child.lineno <= line <= child.end_lineno:
                    best[:] = [*trail, child.name]
                    visit(child, [*trail, child.name])

    visit(tree, [])
    if not best:
        raise MarkerError(f"line {line}: a solution region must sit inside a function or class")
    return ".".join(best)


def strip_solutions(source, module_path):
    """Return ``source`` with every solution region replaced by a NotImplementedError."""
    tree = ast.parse(source)
    out = []
    region_start = None
    for number, line in enumerate(source.splitlines(keepends=True), start=1):
        stripped = line.strip()
        if stripped == BEGIN:
            if region_start is not None:
                raise MarkerError(f"{module_path}:{number}: nested {BEGIN}")
            region_start = number
            indent = line[: len(line) - len(line.lstrip())]
            item = _enclosing_name(tree, number)
            if item.endswith(".__init__"):
                item = item[: -len(".__init__")] + " constructor"
            chapter = chapter_of(module_path, item)
            out.append(
                f'{indent}raise NotImplementedError("{item} ({chapter}): '
                f'not implemented yet; write it in {module_path}")\n'
            )
        elif stripped == END:
            if region_start is None:
                raise MarkerError(f"{module_path}:{number}: {END} without {BEGIN}")
            region_start = None
        elif region_start is None:
            out.append(line)
    if region_start is not None:
        raise MarkerError(f"{module_path}:{region_start}: {BEGIN} is never closed")
    return "".join(out)


def generate(solutions_dir):
    """Map each relative path of the template to its generated text."""
    files = {}
    for path in sorted(Path(solutions_dir).rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        relative = path.relative_to(solutions_dir).as_posix()
        source = path.read_text(encoding="utf-8")
        files[relative] = strip_solutions(source, relative) if BEGIN in source else source
    return files


def differences(files, template_dir):
    """Relative paths where ``template_dir`` differs from ``files`` (extra files included)."""
    template_dir = Path(template_dir)
    present = {
        p.relative_to(template_dir).as_posix()
        for p in template_dir.rglob("*.py")
        if "__pycache__" not in p.parts
    }
    return stale_paths(files, template_dir, present)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only report whether the template is out of date (exit 1 if so)")
    parser.add_argument("solutions", nargs="?", default=ROOT / "solutions")
    parser.add_argument("template", nargs="?", default=ROOT / "student_template")
    args = parser.parse_args(argv)
    files = generate(args.solutions)
    stale = differences(files, args.template)
    if args.check:
        for rel in stale:
            print(f"out of date: {rel}")
        return 1 if stale else 0
    sync_tree(files, args.template, stale)
    print(f"student template: {len(files)} files, {len(stale)} rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
