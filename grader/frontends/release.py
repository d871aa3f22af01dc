"""Build the student kit: ``python -m grader release [--out build]`` (``nox -s release``).

The kit is what students get: ``student_template/`` (their work), the grader without its hidden
checks and without the instructors' tools, ``dataset/`` (MNIST, without the parsed cache), a
noxfile and a README for students (docs/student-kit/README.md), a starter notebook per chapter
for Colab and Jupyter (``notebooks/chNN.ipynb``, grader.frontends.starter_notebooks; ``--kit-url``
is the course's repository they fetch the kit from), a ``pyproject.toml`` that makes the kit
pip-installable (the grader, its ``dlfs`` command and MNIST), and GitHub Classroom's
autograding configuration. It is
written as a folder and as a zip of that folder (``build/dlfs-kit/`` and ``build/dlfs-kit.zip``);
the zip is byte-identical for identical inputs.
"""
import argparse
import re
import shutil
import sys
import zipfile
from pathlib import Path

from grader.frontends.starter_notebooks import PLACEHOLDER_URL, starter_files

KIT_ROOT = Path(__file__).resolve().parents[2]
NAME = "dlfs-kit"

# Never shipped to students: hidden checks, and tools that need the reference or serve instructors.
INSTRUCTOR_ONLY = ("grader/grading/checks/hidden/", "grader/grading/probes/hidden.py", "grader/frontends/release.py",
                   "grader/frontends/gradescope.py", "grader/frontends/make_template.py",
                   "grader/frontends/starter_notebooks.py")


def _grade_requirements():
    """The `grade` dependency group of pyproject.toml (what grading needs)."""
    text = (KIT_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    try:
        import tomllib

        return list(tomllib.loads(text)["dependency-groups"]["grade"])
    except ImportError:  # Python 3.10
        match = re.search(r"^grade\s*=\s*\[(.*?)\]", text, re.MULTILINE | re.DOTALL)
        return re.findall(r'"([^"]+)"', match.group(1))


def _shipped(relative):
    parts = relative.split("/")
    if any(part == "__pycache__" or part.endswith(".pyc") for part in parts):
        return False
    return not any(relative == entry or relative.startswith(entry) for entry in INSTRUCTOR_ONLY)


def release_files(root=KIT_ROOT, kit_url=PLACEHOLDER_URL):
    """{path in the kit: source path or text} for everything the kit holds."""
    root = Path(root)
    files = {}
    for folder, pattern in (("student_template", "*.py"), ("grader", "*.py")):
        for path in sorted((root / folder).rglob(pattern)):
            relative = path.relative_to(root).as_posix()
            if _shipped(relative):
                files[relative] = path
    for path in sorted((root / "grader" / "feedback" / "locale").glob("*.po*")):  # the catalogue
        files[path.relative_to(root).as_posix()] = path
    for name in ("__init__.py", "mnist.py", ".gitignore"):
        files[f"dataset/{name}"] = root / "dataset" / name
    for path in sorted((root / "dataset").glob("*.gz")):
        files[f"dataset/{path.name}"] = path
    files[".github/classroom/autograding.json"] = root / ".github" / "classroom" / "autograding.json"
    files[".github/workflows/classroom.yml"] = root / ".github" / "classroom" / "classroom.yml"
    requirements = _grade_requirements()
    files["pyproject.toml"] = PYPROJECT.format(requirements=", ".join(f'"{r}"' for r in requirements))
    files.update(starter_files(kit_url))
    files["noxfile.py"] = NOXFILE
    files["README.md"] = root / "docs" / "student-kit" / "README.md"
    files[".gitignore"] = "__pycache__/\n*.pyc\n.nox/\n.hypothesis/\n"
    return files


def build_release(out_dir=KIT_ROOT / "build", name=NAME, kit_url=PLACEHOLDER_URL):
    """Write ``out_dir/name/`` and ``out_dir/name.zip``; returns both paths."""
    out_dir = Path(out_dir)
    folder = out_dir / name
    if folder.exists():
        shutil.rmtree(folder)
    files = release_files(kit_url=kit_url)
    for relative, content in sorted(files.items()):
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            shutil.copyfile(content, target)
        else:
            target.write_text(content, encoding="utf-8")
    archive = out_dir / f"{name}.zip"
    tmp = archive.with_name(archive.name + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for relative in sorted(files):
            info = zipfile.ZipInfo(f"{name}/{relative}", date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED if relative.endswith(".gz") else zipfile.ZIP_DEFLATED
            zf.writestr(info, (folder / relative).read_bytes())
    tmp.replace(archive)
    return folder, archive


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m grader release", description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(KIT_ROOT / "build"), help="output folder (default: build/)")
    parser.add_argument("--kit-url", default=PLACEHOLDER_URL,
                        help="the course's repository of the kit, which the starter notebooks fetch in Colab "
                             f"(default: {PLACEHOLDER_URL}, for students to replace)")
    args = parser.parse_args(argv)
    folder, archive = build_release(args.out, kit_url=args.kit_url)
    count = sum(1 for p in folder.rglob("*") if p.is_file())
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    print(f"student kit: {folder} ({count} files, {size / 1e6:.1f} MB) and {archive} "
          f"({archive.stat().st_size / 1e6:.1f} MB)")
    return 0


PYPROJECT = """\
[project]
name = "dlfs-student-kit"
version = "1.0.0"
description = "Exercises for 'Deep Learning from Scratch', chapters 4 to 7: your work and its grader."
requires-python = ">=3.10"
dependencies = [{requirements}]

[project.scripts]
dlfs = "grader.frontends.cli:main"

[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

# pip install . installs the grader and MNIST; your work stays in student_template/.
[tool.setuptools.packages.find]
include = ["grader", "grader.*", "dataset"]

[tool.setuptools.package-data]
grader = ["feedback/locale/*.po", "feedback/locale/*.pot"]
dataset = ["*.gz"]

[dependency-groups]
grade = [{requirements}]
"""

NOXFILE = '''\
"""Grade your work: `nox -s check-ch05` (also check-ch04, check-ch06, check-ch07, or `check` for all).

Another folder: `nox -s check-ch05 -- --submission PATH`.
"""
import sys
from pathlib import Path

import nox

sys.path.insert(0, str(Path(__file__).resolve().parent))  # nox does not put this folder on the path
from grader.frontends.nox_sessions import define_check_sessions  # noqa: E402

nox.needs_version = ">=2025.2.9"  # nox.project.dependency_groups
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["check"]

define_check_sessions(nox.project.dependency_groups(nox.project.load_toml("pyproject.toml"), "grade"))
'''


if __name__ == "__main__":
    sys.exit(main())
