"""The isolation levels: which one is in force, what every report says of it, and that grading
for credit is refused below the kernel-enforced levels unless the instructor allows it."""
import json
import sys

import pytest

from grader.api import grade
from grader.frontends.batch import run_batch
from grader.isolation import levels as isolation
from grader.isolation.runner import Worker
from tests.grader.mutants import ROOT, SOLUTIONS, TEMPLATE

LINUX = sys.platform.startswith("linux")


@pytest.fixture
def force(monkeypatch):
    """force(level): make ``level`` the one in force for this test."""

    def set_level(level):
        monkeypatch.setenv(isolation.ENV_VAR, level)
        isolation.level.cache_clear()

    yield set_level
    isolation.level.cache_clear()


def only_ch04_softmax(check):
    return check.chapter == "ch04" and check.name.startswith("softmax")


def test_the_strongest_available_level_is_chosen(force, monkeypatch):
    monkeypatch.delenv(isolation.ENV_VAR, raising=False)
    isolation.level.cache_clear()
    assert isolation.level() == isolation.available()[0]
    assert isolation.available()[-1] == isolation.AUDIT_HOOK


def test_a_forced_level_that_is_unknown_is_an_error_not_a_downgrade(force):
    force("chroot")
    with pytest.raises(isolation.IsolationError, match="expected one of"):
        isolation.level()


@pytest.mark.parametrize("allow", [False, True])
def test_grading_for_credit_below_the_kernel_levels_needs_the_instructors_word(force, monkeypatch, allow):
    force(isolation.AUDIT_HOOK)
    if allow:
        monkeypatch.setenv(isolation.ALLOW_WEAK_ENV, "1")
        assert grade(SOLUTIONS, ("ch04",), for_credit=True, select=only_ch04_softmax)
    else:
        monkeypatch.delenv(isolation.ALLOW_WEAK_ENV, raising=False)
        with pytest.raises(isolation.IsolationError, match="--allow-weak-isolation"):
            grade(SOLUTIONS, ("ch04",), for_credit=True, select=only_ch04_softmax)
    assert grade(SOLUTIONS, ("ch04",), select=only_ch04_softmax)  # a self-check always runs


def test_a_batch_refuses_weak_isolation_before_grading_anyone(force, tmp_path):
    force(isolation.AUDIT_HOOK)
    (tmp_path / "class" / "ann").mkdir(parents=True)
    with pytest.raises(isolation.IsolationError):
        run_batch(tmp_path / "class", tmp_path / "out", chapters=("ch04",), jobs=1)
    assert not (tmp_path / "out").exists()


def test_gradescope_refuses_with_a_results_json_that_says_why(force, tmp_path, monkeypatch):
    from grader.frontends.gradescope import run

    force(isolation.AUDIT_HOOK)
    monkeypatch.delenv(isolation.ALLOW_WEAK_ENV, raising=False)
    import shutil

    shutil.copytree(TEMPLATE, tmp_path / "submission")
    data = run(tmp_path, ("ch04",))
    assert data["score"] == 0 and "refusing to grade for credit" in data["output"]
    assert json.loads((tmp_path / "results" / "results.json").read_text())["output"] == data["output"]


@pytest.mark.skipif(not LINUX, reason="kernel isolation is Linux only")
@pytest.mark.parametrize("level", [level for level in isolation.KERNEL_LEVELS if level in isolation.available()])
def test_a_kernel_level_worker_reports_its_layers_and_the_report_names_the_level(force, level, tmp_path):
    from grader.feedback import report
    from grader.grading.probes import import_module

    force(level)
    with Worker(SOLUTIONS) as worker:
        assert worker.call(import_module, {"module": "common.functions"}, 0, 30) is True
        assert worker.layers["seccomp"] is True
        assert worker.layers["landlock"] == isolation.landlock_abi()
    results = grade(SOLUTIONS, ("ch04",), select=only_ch04_softmax)
    assert level in report.table(results, isolation=level)
    assert report.gradescope(results, isolation=level)["extra_data"] == {"isolation": level}


@pytest.mark.parametrize("include_hidden", [True, False])
def test_the_worker_gets_probes_not_checks(include_hidden):
    """No check logic, expected value, threshold or hidden check reaches the worker's files."""
    root = isolation.worker_code_root(include_hidden)
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.py"))
    assert "grader/isolation/worker.py" in files and "grader/grading/probes/ch05.py" in files
    assert not [f for f in files if f.startswith("grader/grading/checks") or f.endswith(("checking.py", "diagnose.py"))]
    assert ("grader/grading/probes/hidden.py" in files) == include_hidden
    # Its MNIST loader is the one without the test labels.
    worker_loader = ROOT / "grader" / "isolation" / "worker_dataset.py"
    assert (root / "dataset" / "mnist.py").read_text() == worker_loader.read_text()
