"""The grader's folders are its layers: what may import what, and no import cycles.

Layers, lowest first (a module may import its own layer and the ones below it):
- ``grader.files``, ``grader.feedback.{particles,sanitise,messages,po,languages}``: shared by everything,
  the worker included;
- ``grader.grading`` and ``grader.isolation``: checks and the worker that runs their probes;
- ``grader.feedback.{report,pictures}``: rendering results;
- ``grader.api``: the library API;
- ``grader.frontends``: command line, batch, Gradescope, nbgrader course, notebooks, nox, release;
  and the package's own ``grader/__init__.py``, whose ``check`` is the notebook front end's.
"""
import ast
from pathlib import Path

import pytest

GRADER = Path(__file__).resolve().parents[2] / "grader"


def module_name(path):
    parts = path.relative_to(GRADER.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path):
    """The grader modules ``path`` imports, at module level or inside functions."""
    found = set()
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return {name for name in found if name in MODULES}


MODULES = {module_name(path): path for path in GRADER.rglob("*.py")}
GRAPH = {name: imports_of(path) - {name} for name, path in MODULES.items()}


def layer(name):
    if name.startswith("grader.frontends") or name in ("grader.__main__", "grader"):
        return 4
    if name == "grader.api":
        return 3
    if name in ("grader.feedback.report", "grader.feedback.pictures"):
        return 2
    if name.startswith(("grader.grading", "grader.isolation")):
        return 1
    return 0


def test_the_graph_was_read():
    assert "grader.grading.checking" in GRAPH["grader.api"]
    assert "grader.api" in GRAPH["grader.frontends.cli"]


@pytest.mark.parametrize("name", sorted(MODULES))
def test_a_module_imports_only_its_layer_and_below(name):
    above = sorted(other for other in GRAPH[name] if layer(other) > layer(name))
    assert not above, f"{name} (layer {layer(name)}) imports {above}"


def test_no_import_cycles():
    """Tarjan's strongly connected components: each must be a single module. Importing a
    package runs its __init__, so a package counts as imported by its modules' importers."""
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in GRAPH[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for name in sorted(GRAPH):
        if name not in index:
            visit(name)
    assert not cycles, f"import cycles: {cycles}"


def test_the_grading_core_does_not_import_the_process_layer():
    """Checks catch StudentError from grader.grading.errors; only the library API starts workers.
    The probes (which run inside the worker) may use the worker's own submission module."""
    allowed = {"grader.isolation.submission"}  # load() and MissingItem, for the probes and stand-ins
    wrong = {name: sorted(other for other in GRAPH[name]
                          if other.startswith("grader.isolation") and other not in allowed)
             for name in MODULES if name.startswith("grader.grading")}
    assert not {name: found for name, found in wrong.items() if found}
