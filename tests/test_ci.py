"""CI runs the README's test command, and that command lints as well as tests."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ci_runs_the_readme_test_command_with_lint():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = [line for line in ci.splitlines() if line.startswith("python -m nox ")]
    assert command == ["python -m nox -s lint tests"], command
    assert command[0] in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_lint_session_runs_ruff_and_a_type_checker():
    noxfile = (ROOT / "noxfile.py").read_text(encoding="utf-8")
    lint = noxfile[noxfile.index("def lint(session):"):].split("\n\n\n")[0]
    assert 'session.run("ruff", "check", "."' in lint and 'session.run("mypy")' in lint
    assert "[tool.mypy]" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
