"""Student code that hangs, crashes, exits or does not parse costs points, never the grading."""
import json
import os

import pytest

from grader.api import grade
from tests.grader.mutants import ROOT, SOLUTIONS, build, patched, run_check

FUNCTIONS = "common/functions.py"


def submission_with(tmp_path, relative, before, after):
    return build(patched("isolation", relative, before, after), tmp_path / "submission")


def sigmoid_checks(results):
    return {r.check.name: r for r in results}


SIGMOID = "    return np.exp(-np.logaddexp(0.0, -x))"


@pytest.mark.parametrize("body, words", [
    ("    while True:\n        pass", "did not finish within"),
    ("    import os\n    os._exit(0)", "ended the grading process"),
    ("    import ctypes\n    ctypes.string_at(0)", "segmentation fault"),
    ("    raise SystemExit(3)", "exit()"),
    ("    raise KeyboardInterrupt", "KeyboardInterrupt"),
    ("    return None", "None"),
    ("    return np.ones((60000, 60000)) * x.sum()", "ran out of memory"),
    ("    open('/submission/results.json', 'w').write('{\"score\": 100}')", "does not allow writing"),
    ("    import grader, os\n    open(os.path.join(os.path.dirname(grader.__file__), '..', 'solutions', 'common',"
     " 'functions.py')).read()", "does not allow reading"),
    ("    import subprocess\n    subprocess.run(['true'])", "starting programs"),
    ("    import os\n    os.kill(os.getppid(), 9)", "sending signals"),
])
def test_a_broken_sigmoid_costs_only_the_sigmoid_checks(tmp_path, body, words):
    submission = submission_with(tmp_path, FUNCTIONS, SIGMOID, body)
    results = grade(submission, chapters=("ch04",), time_limit=2)
    broken = sigmoid_checks(results)["step_function, sigmoid, relu and identity_function give the right values"]
    assert broken.status == "partial"
    assert words in broken.reason
    others = [r for r in results if "sigmoid" not in r.check.name]
    assert others and all(r.status == "passed" for r in others), [(r.check.name, r.reason) for r in others]


def test_a_syntax_error_names_the_file_and_line(tmp_path):
    submission = submission_with(tmp_path, FUNCTIONS, "def relu(x):", "def relu(x)")
    results = grade(submission, chapters=("ch04",))
    of_functions = [r for r in results if "numerical_gradient" not in r.check.name]
    assert all(r.score == 0 for r in of_functions)
    assert all("SyntaxError in common/functions.py, line" in r.reason for r in of_functions)
    assert all(r.status == "passed" for r in results if "numerical_gradient" in r.check.name)


def test_a_missing_file_is_named(tmp_path):
    submission = submission_with(tmp_path, FUNCTIONS, "def relu(x):", "def relu(x):")
    os.remove(submission / "common" / "gradient.py")
    results = {r.check.name: r for r in grade(submission, chapters=("ch04",))}
    assert "common/gradient.py is missing" in results["numerical_gradient leaves x unchanged"].reason
    assert results["mean_squared_error is 0.5 * sum((y - t)**2)"].status == "passed"


def test_a_missing_function_is_named(tmp_path):
    submission = submission_with(tmp_path, FUNCTIONS, "def mean_squared_error(y, t):", "def mse(y, t):")
    results = {r.check.name: r for r in grade(submission, chapters=("ch04",))}
    assert "common/functions.py defines no mean_squared_error" in \
        results["mean_squared_error is 0.5 * sum((y - t)**2)"].reason


def test_the_submission_cannot_import_the_reference(tmp_path):
    body = "    from solutions.common.functions import sigmoid as s\n    return s(x)"
    submission = submission_with(tmp_path, FUNCTIONS, SIGMOID, body)
    results = sigmoid_checks(grade(submission, chapters=("ch04",)))
    assert "No module named 'solutions'" in results[
        "step_function, sigmoid, relu and identity_function give the right values"].reason


def test_grading_is_deterministic(tmp_path):
    """Same submission, same scores and reasons (hypothesis shrinks to the same example)."""
    from tests.grader.mutants import BUG_ZOO, build, load_member

    submission = build(load_member(BUG_ZOO / "ch04_softmax_whole_batch.py"), tmp_path / "s")

    def outcome():
        return [(r.check.name, r.score, r.reason) for r in grade(submission, chapters=("ch04",))]

    assert outcome() == outcome()


def run_cli(*args, cwd=ROOT):
    return run_check(*args, cwd=cwd, timeout=300)


def test_cli_exit_status_and_gradescope_json(tmp_path):
    results_json = tmp_path / "results.json"
    passed = run_cli("--submission", str(SOLUTIONS), "--chapter", "ch04", "--json", str(results_json))
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "TOTAL: 100 / 100" in passed.stdout
    data = json.loads(results_json.read_text())
    assert data["score"] == data["max_score"] == 100
    for test in data["tests"]:
        assert set(test) >= {"name", "score", "max_score", "output", "visibility"}
        assert test["score"] == test["max_score"]

    failed = run_cli("--submission", str(ROOT / "student_template"), "--chapter", "ch04")
    assert failed.returncode == 1
    assert "TOTAL: 0 / 100" in failed.stdout

    missing = run_cli("--submission", str(tmp_path / "nowhere"))
    assert missing.returncode == 2
    assert "does not exist" in missing.stderr


def test_a_submission_one_folder_too_deep_is_found(tmp_path):
    import shutil

    shutil.copytree(SOLUTIONS, tmp_path / "student-42" / "dlfs", ignore=shutil.ignore_patterns("__pycache__"))
    done = run_cli("--submission", str(tmp_path / "student-42"), "--chapter", "ch04")
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_grader_never_imports_the_reference():
    for path in (ROOT / "grader").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "import solutions" not in text and "from solutions" not in text, path


@pytest.mark.parametrize("before, after, words", [
    ("from common.functions import", "from common.function import", "No module named 'common.function'"),
    ("    def forward(self, x):\n        \"\"\"x: any shape. Returns an array of x's shape; x itself",
     "    def forward(self, x, y):\n        \"\"\"x: any shape. Returns an array of x's shape; x itself",
     "missing 1 required positional argument"),
    ("        return self.x @ self.W + self.b", "        return (self.x @ self.W + self.b)[:, :1]", "has shape"),
    ("        return self.x @ self.W + self.b", "        return (self.x @ self.W + self.b) * np.nan", "contains nan"),
])
def test_broken_layers_get_a_one_line_reason(tmp_path, before, after, words):
    submission = submission_with(tmp_path, "common/layers.py", before, after)
    results = grade(submission, chapters=("ch05",), select=lambda c: not c.slow)
    assert any(words in r.reason for r in results), [r.reason for r in results]
    assert all("\n" not in r.reason for r in results)


def test_non_utf8_source_is_a_syntax_error_with_file_and_line(tmp_path):
    submission = submission_with(tmp_path, FUNCTIONS, "def relu(x):", "def relu(x):")
    path = submission / FUNCTIONS
    path.write_bytes(path.read_bytes().replace(b"Rectified linear unit", "Rectified – ünit".encode("cp1252")))
    results = grade(submission, chapters=("ch04",), select=lambda c: "mean_squared" in c.name)
    assert "SyntaxError in common/functions.py" in results[0].reason
    assert "utf-8" in results[0].reason


def test_a_notebook_instead_of_modules_is_explained(tmp_path):
    (tmp_path / "hw").mkdir()
    (tmp_path / "hw" / "ch05.ipynb").write_text("{}")
    done = run_cli("--submission", str(tmp_path / "hw"))
    assert done.returncode == 2
    assert "holds notebooks (ch05.ipynb)" in done.stderr
    assert "student_template" not in done.stderr, "a route's students may never have seen student_template/"


def test_a_worker_that_cannot_start_is_the_graders_fault(tmp_path, monkeypatch):
    """Exit status 2, not a student's zero, when the grader itself is broken."""
    import grader.isolation.levels

    (tmp_path / "grader" / "isolation").mkdir(parents=True)
    (tmp_path / "grader" / "isolation" / "worker.py").write_text("raise ImportError('the grader is broken')\n")
    monkeypatch.setattr(grader.isolation.levels, "worker_code_root", lambda include_hidden: tmp_path)
    from grader.frontends.cli import main

    assert main(["check", "--submission", str(SOLUTIONS), "--chapter", "ch04", "--quiet"]) == 2
