"""GitHub Classroom's autograding configuration, generated from the checks:
``python -m grader classroom [--check]`` writes ``.github/classroom/autograding.json``.

One test per group of public checks of each chapter (the groups of the nbgrader notebooks,
grader.frontends.notebook.GROUPS): ``python -m grader check --chapter chNN --group KEY``, worth
the group's points, passed when every check of the group passes. A chapter's tests add up to its
100 public points, so that partly right work gets part of them. Hidden checks are not in the
student kit and have no test. A test of the kit compares the file with what this generates.

Classroom's scores are self-reported: the tests run the grader of the student's own repository
(docs/instructors.md).
"""
import argparse
import json
import math
import sys
from pathlib import Path

from grader.files import atomic_write
from grader.grading.contract import CHAPTERS

KIT_ROOT = Path(__file__).resolve().parents[2]
CONFIG = KIT_ROOT / ".github" / "classroom" / "autograding.json"
SETUP_MARGIN = 120  # seconds for installing numpy and hypothesis and starting Python, per test
LONGEST = 60  # minutes: Classroom's own limit per test


def setup_command():
    """What each test installs first: the `grade` dependency group of pyproject.toml."""
    import shlex

    from grader.frontends.release import _grade_requirements

    def quoted(requirement):  # double quotes read best around a marker's single ones
        plain = not any(c in requirement for c in '"$`\\!')
        return f'"{requirement}"' if plain else shlex.quote(requirement)

    return "python -m pip install --quiet " + " ".join(quoted(r) for r in _grade_requirements())


def autograding_tests(chapters=CHAPTERS):
    """The tests of autograding.json, one per group of public checks, in notebook order."""
    from grader.frontends.notebook import group_budget, group_points, groups

    setup = setup_command()
    tests = []
    for chapter in chapters:
        for group, checks in groups(chapter):
            public = [c for c in checks if not c.hidden]
            if not public:
                continue
            minutes = math.ceil((group_budget(public) + SETUP_MARGIN) / 60)
            tests.append({
                "name": f"{chapter}: {group.title}",
                "setup": setup,
                "run": f"python -m grader check --chapter {chapter} --group {group.key} --public --no-color --quiet",
                "input": "",
                "output": "",
                "comparison": "included",
                "timeout": min(LONGEST, minutes),
                "points": group_points(public),
            })
    return tests


def config_text():
    return json.dumps({"tests": autograding_tests()}, indent=2, ensure_ascii=False) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m grader classroom", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether the file is up to date (exit 1 if not)")
    args = parser.parse_args(argv)
    text = config_text()
    current = CONFIG.read_text(encoding="utf-8") if CONFIG.is_file() else None
    if args.check:
        print(f"{CONFIG.relative_to(KIT_ROOT)}: " + ("up to date" if current == text else "out of date"))
        return 0 if current == text else 1
    if current != text:
        atomic_write(CONFIG, text)
    print(f"{CONFIG.relative_to(KIT_ROOT)}: {len(autograding_tests())} tests")
    return 0


if __name__ == "__main__":
    sys.exit(main())
