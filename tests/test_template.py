"""student_template/ is generated from solutions/ and gives nothing away."""
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
])
def test_unbalanced_or_misplaced_markers_are_refused(source):
    with pytest.raises(MarkerError):
        strip_solutions(source, "common/functions.py")
