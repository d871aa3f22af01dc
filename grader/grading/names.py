"""Near-miss names: a file or a name of the book's layout that is missing while a close one
exists (``ReLU`` for ``Relu``, ``RMSProp`` for ``RMSprop``, ``common/function.py`` for
``common/functions.py``).

Everything here reads the submission's source with ``ast`` in the grader's process (nothing of
the submission runs). By default a near miss only makes the "missing" message say what was
found; with ``--lenient-names`` the submission is graded from a copy in which each near miss
also answers to the book's name (an alias appended to the file, or a copy of the file under the
book's file name), and the command line lists every such mismatch.
"""
import ast
import difflib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from grader.feedback.messages import Message as M
from grader.grading.contract import ACCEPTED_NAMES, BOOK_NAMES, MODULE_CHAPTER

# Close enough to be the same name written differently (Affline, BatchNormalisation, MaxPooling).
SIMILARITY = 0.8
# Only plain identifiers and file names are ever shown or used (they come from the submission).
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,60}")
_FILE_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,60}\.py")


@dataclass(frozen=True)
class NearMiss:
    """``found`` (a name or a file path relative to the submission) stands for the book's
    ``book`` (a name in ``file``, or the file path itself when kind is "file")."""
    kind: str  # "name" or "file"
    file: str
    book: str
    found: str

    def message(self):
        if self.kind == "file":
            return M("names.file_graded_as", found=self.found, book=self.book)
        return M("names.name_graded_as", file=self.file, found=self.found, book=self.book)


def _normalised(name):
    return name.replace("_", "").replace("-", "").lower()


def defined_names(path):
    """{name: "class" or "function" or "value"} of the top-level definitions of a Python file
    (imports left out); {} when it cannot be read or parsed."""
    try:
        tree = ast.parse(Path(path).read_text(encoding="utf-8-sig", errors="replace"))
    except (OSError, SyntaxError, ValueError):
        return {}
    found = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            found[node.name] = "class"
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found[node.name] = "function"
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = "value"
    return found


def closest(wanted, candidates):
    """The candidate that is ``wanted`` written differently: the same letters in another case
    or with underscores, else the most similar one above SIMILARITY; None if none is."""
    candidates = [c for c in candidates if c != wanted]
    for candidate in candidates:
        if _normalised(candidate) == _normalised(wanted):
            return candidate
    matches = difflib.get_close_matches(wanted, candidates, n=1, cutoff=SIMILARITY)
    return matches[0] if matches else None


def near_name(submission, file, name):
    """A definition of ``file`` in the submission that is ``name`` written differently: of the
    same kind (a class for a class name), not itself one of the file's book names."""
    defined = defined_names(Path(submission) / file)
    if name in defined:
        return None
    wanted_kind = "class" if name[:1].isupper() else "function"
    others = set(BOOK_NAMES.get(file, ())) | set(ACCEPTED_NAMES.get((file[:-3].replace("/", "."), name), ()))
    candidates = [n for n, kind in defined.items() if kind in (wanted_kind, "value") and n not in others
                  and _IDENTIFIER.fullmatch(n)]
    return closest(name, candidates)


def near_file(submission, file):
    """A .py file next to where ``file`` should be whose name is ``file``'s written
    differently (function.py for functions.py), not itself a file of the book's layout."""
    folder = Path(submission) / Path(file).parent
    if (Path(submission) / file).exists() or not folder.is_dir():
        return None
    book_files = {Path(f).name for f in MODULE_CHAPTER if str(Path(f).parent) == str(Path(file).parent)}
    try:
        candidates = [p.stem for p in folder.iterdir() if p.is_file() and not p.is_symlink() and p.suffix == ".py"
                      and p.name not in book_files and _FILE_NAME.fullmatch(p.name)]
    except OSError:
        return None
    found = closest(Path(file).stem, candidates)
    return str(Path(file).parent / f"{found}.py").replace("\\", "/") if found else None


def near_miss_message(message, submission):
    """For a "missing file" or "missing name" message: the same fact, and what was found that
    is close (None when nothing is)."""
    params = getattr(message, "params", {})
    if getattr(message, "id", None) == "error.missing_file":
        found = near_file(submission, params.get("file", ""))
        if found:
            return M("error.missing_file_near", file=params["file"], found=found)
    elif getattr(message, "id", None) == "error.missing_name":
        found = near_name(submission, params.get("file", ""), params.get("name", ""))
        if found:
            return M("error.missing_name_near", file=params["file"], name=params["name"], found=found)
    return None


def explain_near_misses(result, submission):
    """Give the failed cases (and the error) of ``result`` that say "missing" the near miss."""
    for case in result.cases:
        better = None if case.passed else near_miss_message(case.reason, submission)
        if better is not None:
            case.reason = better
    better = near_miss_message(result.error, submission) if result.error else None
    if better is not None:
        result.error = better


def book_named_copy(submission, target):
    """Copy ``submission`` to ``target`` and make each near miss answer to the book's name;
    returns the list of NearMiss applied."""
    shutil.copytree(submission, target, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    applied = []
    for file, book_names in BOOK_NAMES.items():
        path = Path(target) / file
        if path.is_symlink():  # written to below: only the copy's own files
            continue
        if not path.exists():
            other = near_file(target, file)
            if other is None:
                continue
            shutil.copyfile(Path(target) / other, path)
            applied.append(NearMiss("file", file, file, other))
        aliases = []
        for name in book_names:
            accepted = ACCEPTED_NAMES.get((file[:-3].replace("/", "."), name), ())
            defined = defined_names(path)
            if any(n in defined for n in accepted):
                continue
            other = near_name(target, file, name)
            if other is not None:
                aliases.append(f"{name} = {other}\n")
                applied.append(NearMiss("name", file, name, other))
        if aliases:
            text = path.read_text(encoding="utf-8-sig", errors="replace")
            path.write_text(text + ("" if text.endswith("\n") else "\n") + "\n" + "".join(aliases), encoding="utf-8")
    return applied
