"""Generate the student template from the reference solution.

Every region of a reference module between ``### BEGIN SOLUTION`` and ``### END SOLUTION``
(nbgrader's markers), inside a function or class, is replaced by a ``raise NotImplementedError``
that names the item and its chapter. A region ends its block, so that no line of the template
follows the raise unreachable (a ``return out`` naming a variable the student has yet to make).
What only the reference needs, an import of its own (``sliding_window_view``) included, sits
inside a region. Everything else (signatures, docstrings with shape contracts and hints, the
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
    """A reference module whose solution markers do not pair up, or sit where a stub cannot."""


def _enclosing_name(tree, line):
    """Qualified name ('Class.method', 'function', 'Class') of the innermost
    function or class that contains ``line``, or None at module level."""
    best: list[str] = []

    def visit(node, trail):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.ClassDef)):
                if child.lineno <= line <= child.end_lineno:
                    best[:] = [*trail, child.name]
                    visit(child, [*trail, child.name])

    visit(tree, [])
    return ".".join(best) or None


def _stub(indent, item, module_path):
    if item.endswith(".__init__"):
        item = item[: -len(".__init__")] + " constructor"
    chapter = chapter_of(module_path, item)
    return f'{indent}raise NotImplementedError("{item} ({chapter}): not implemented yet; write it in {module_path}")\n'


def strip_solutions(source, module_path):
    """Return ``source`` with every solution region replaced by a NotImplementedError. Raises
    MarkerError for markers that do not pair up, a region outside a function or class, and a
    region followed by code its raise would make unreachable."""
    tree = ast.parse(source)
    out = []
    region_start = None
    for number, line in enumerate(source.splitlines(keepends=True), start=1):
        stripped = line.strip()
        if stripped == BEGIN:
            if region_start is not None:
                raise MarkerError(f"{module_path}:{number}: nested {BEGIN}")
            region_start = number
            item = _enclosing_name(tree, number)
            if item is None:
                raise MarkerError(f"{module_path}:{number}: a solution region must sit inside a function or class")
            out.append(_stub(line[: len(line) - len(line.lstrip())], item, module_path))
        elif stripped == END:
            if region_start is None:
                raise MarkerError(f"{module_path}:{number}: {END} without {BEGIN}")
            region_start = None
        elif region_start is None:
            out.append(line)
    if region_start is not None:
        raise MarkerError(f"{module_path}:{region_start}: {BEGIN} is never closed")
    text = "".join(out)
    unreachable = unreachable_after_stubs(text)
    if unreachable:
        line, code = unreachable[0]
        raise MarkerError(f"{module_path}: line {line} of the template follows a solution region's raise and never "
                          f"runs ({code}): end the region with its block")
    return text


def unreachable_after_stubs(source):
    """[(line, code)] of every statement of ``source`` that follows, in the same block, a
    ``raise NotImplementedError`` (a stub of the template)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        for field in ("body", "orelse", "finalbody"):
            block = getattr(node, field, None)
            if not isinstance(block, list):
                continue
            for statement, after in zip(block, block[1:]):
                if _is_stub(statement):
                    found.append((after.lineno, ast.unparse(after).splitlines()[0][:80]))
    return sorted(found)


def _is_stub(statement):
    if not isinstance(statement, ast.Raise) or statement.exc is None:
        return False
    exc = statement.exc.func if isinstance(statement.exc, ast.Call) else statement.exc
    return isinstance(exc, ast.Name) and exc.id == "NotImplementedError"


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
