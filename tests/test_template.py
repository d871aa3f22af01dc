"""student_template/ is generated from solutions/ and gives nothing away."""
import ast
import subprocess
import sys

import pytest

from grader.frontends.make_template import BEGIN, END, MarkerError, differences, generate, strip_solutions
from tests.grader.mutants import SOLUTIONS, TEMPLATE


def solution_regions(text):
    """The lines inside solution markers, and the lines outside them."""
    inside, outside, in_region = [], [], False
    for line in text.splitlines():
        if line.strip() == BEGIN:
            in_region = True
        elif line.strip() == END:
            in_region = False
        else:
            (inside if in_region else outside).append(line.strip())
    return inside, outside


def test_committed_template_is_what_the_generator_makes():
    stale = differences(generate(SOLUTIONS), TEMPLATE)
    assert not stale, f"run `nox -s template`: out of date: {stale}"


def test_template_contains_no_solution_line():
    leaks = []
    for path in sorted(SOLUTIONS.rglob("*.py")):
        relative = path.relative_to(SOLUTIONS)
        inside, outside = solution_regions(path.read_text(encoding="utf-8"))
        template_lines = {line.strip() for line in (TEMPLATE / relative).read_text(encoding="utf-8").splitlines()}
        # A line that the reference also has outside the regions (e.g. `return x`) is not a leak.
        leaks += [f"{relative}: {line}" for line in inside
                  if line and not line.startswith("#") and line not in outside and line in template_lines]
    assert not leaks, "\n".join(leaks)


def test_template_has_no_markers_and_every_region_became_a_raise():
    for path in sorted(SOLUTIONS.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        template = (TEMPLATE / path.relative_to(SOLUTIONS)).read_text(encoding="utf-8")
        assert "### BEGIN SOLUTION" not in template and "### END SOLUTION" not in template
        assert template.count("raise NotImplementedError(") == text.count(BEGIN)


def test_template_imports_cleanly():
    modules = [p.relative_to(TEMPLATE).with_suffix("").as_posix().replace("/", ".")
               for p in TEMPLATE.rglob("*.py") if p.name != "__init__.py"]
    code = "import importlib, sys\nfor m in sys.argv[1:]: importlib.import_module(m)\n"
    done = subprocess.run([sys.executable, "-c", code, *modules], cwd=TEMPLATE, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_each_stub_names_the_item_and_its_chapter():
    stub = strip_solutions(
        "class Affine:\n    def backward(self, dout):\n        ### BEGIN SOLUTION\n        return dout\n"
        "        ### END SOLUTION\n", "common/layers.py")
    assert 'raise NotImplementedError("Affine.backward (ch05):' in stub
    assert "return dout" not in stub


@pytest.mark.parametrize("source", [
    "def f():\n    ### BEGIN SOLUTION\n    return 1\n",
    "def f():\n    return 1\n    ### END SOLUTION\n",
    "def f():\n    ### BEGIN SOLUTION\n    ### BEGIN SOLUTION\n    return 1\n    ### END SOLUTION\n",
    "### BEGIN SOLUTION\nx = 1\n### END SOLUTION\n",
    "def f(x):\n    ### BEGIN SOLUTION\n    out = x\n    ### END SOLUTION\n    return out\n",
])
def test_unbalanced_or_misplaced_markers_are_refused(source):
    with pytest.raises(MarkerError):
        strip_solutions(source, "common/functions.py")


def template_modules():
    return sorted(p for p in TEMPLATE.rglob("*.py") if "__pycache__" not in p.parts)


def unreachable(tree):
    """Statements that follow a raise or a return in the same block."""
    found = []
    for node in ast.walk(tree):
        for field in ("body", "orelse", "finalbody"):
            block = getattr(node, field, None)
            if isinstance(block, list):
                found += [after for before, after in zip(block, block[1:])
                          if isinstance(before, (ast.Raise, ast.Return, ast.Continue, ast.Break))]
    return found


def test_the_template_has_no_unreachable_statements():
    """Nothing after a stub's raise (a ``return out`` naming a variable not made yet)."""
    lines = [f"{p.relative_to(TEMPLATE)}:{node.lineno}: {ast.unparse(node).splitlines()[0]}"
             for p in template_modules() for node in unreachable(ast.parse(p.read_text(encoding="utf-8")))]
    assert not lines, "\n".join(lines)


# What the book's files import, and so what a student's code may need before the template uses
# it: numpy, OrderedDict (the networks' layers) and the modules of the book's own layout.
BOOK_MODULES = ("numpy", "collections")
BOOK_PACKAGES = ("common", "ch05", "ch07", "dataset")


def unused_imports(tree):
    """(line, module, name bound) of every module-level import whose name the module never reads."""
    read = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    exported = set()
    for node in tree.body:  # names listed in __all__ count as used
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets):
            exported |= {e.value for e in getattr(node.value, "elts", []) if isinstance(e, ast.Constant)}
    found = []
    for node in tree.body:
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name, (a.asname or a.name).split(".")[0]) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found += [(node.lineno, node.module, a.asname or a.name) for a in node.names]
    return [(line, module, name) for line, module, name in found if name not in read | exported]


def test_the_template_imports_nothing_only_the_reference_uses():
    """An import the template does not use yet is one of the book's (numpy, common.*, ...), which
    the student's code will use; anything else (``sliding_window_view``) belongs inside the
    reference's solution region."""
    extra = [f"{p.relative_to(TEMPLATE)}:{line}: {module} ({name})" for p in template_modules()
             for line, module, name in unused_imports(ast.parse(p.read_text(encoding="utf-8")))
             if module not in BOOK_MODULES and module.split(".")[0] not in BOOK_PACKAGES]
    assert not extra, "\n".join(extra)


def test_the_import_check_finds_an_import_only_the_reference_uses():
    source = ("import numpy as np\nfrom numpy.lib.stride_tricks import sliding_window_view\n\n"
              "def f(x):\n    raise NotImplementedError\n")
    assert [m for _, m, _ in unused_imports(ast.parse(source))] == ["numpy", "numpy.lib.stride_tricks"]
