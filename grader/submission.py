"""Access to submission code from inside the worker, and plain-language errors.

Probes call ``load('common.layers', 'Affine')`` instead of importing; a missing file,
a syntax error or a missing name becomes one sentence a student can act on.
"""
import importlib
import os
import traceback


class MissingItem(Exception):
    """The submission lacks a file, a class or a function that the contract requires."""


def module_file(module_name):
    return module_name.replace(".", "/") + ".py"


def load(module_name, name=None):
    """Import ``module_name`` from the submission; return the module or its ``name``."""
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and module_name.startswith(exc.name):
            raise MissingItem(f"{module_file(module_name)} is missing from the submission") from None
        raise
    if name is None:
        return module
    try:
        return getattr(module, name)
    except AttributeError:
        raise MissingItem(f"{module_file(module_name)} defines no {name}") from None


def describe_error(exc, submission):
    """One line: the error, and where in the submission it happened."""
    if isinstance(exc, MissingItem):
        return str(exc)
    if isinstance(exc, ImportError) and " cannot be imported: " in str(exc):
        return str(exc)
    if isinstance(exc, SyntaxError):
        where = _relative(exc.filename or "?", submission)
        return f"SyntaxError in {where}, line {exc.lineno}: {exc.msg}"
    message = _shorten(_safe_str(exc))
    kind = type(exc).__name__
    if isinstance(exc, NotImplementedError):
        return f"not started yet: {message}" if message else "NotImplementedError"
    if isinstance(exc, SystemExit):
        return f"the code called exit() ({message})"
    if isinstance(exc, KeyboardInterrupt):
        return "the code raised KeyboardInterrupt"
    if isinstance(exc, MemoryError):
        return "ran out of memory"
    location = _innermost_in(exc, submission)
    return f"{kind}: {message}" + (f" ({location})" if location else "")


def _safe_str(exc):
    try:
        return str(exc)
    except Exception:  # noqa: BLE001  (a hostile __str__)
        return "<unprintable error>"


def _shorten(text, limit=240):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _relative(path, submission):
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(submission))
    except ValueError:
        return os.path.basename(path)
    return rel.replace(os.sep, "/") if not rel.startswith("..") else os.path.basename(path)


def _innermost_in(exc, submission):
    """'common/layers.py, line 42: out = x @ W' for the deepest frame inside the submission."""
    root = os.path.abspath(submission) + os.sep
    found = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if os.path.abspath(frame.filename).startswith(root):
            found = frame
    if found is None:
        return ""
    line = _shorten(found.line or "", 80)
    return f"{_relative(found.filename, submission)}, line {found.lineno}" + (f": {line}" if line else "")

