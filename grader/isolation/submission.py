"""Access to submission code from inside the worker, and plain-language errors.

Probes call ``load('common.layers', 'Affine')`` instead of importing; a missing file,
a syntax error or a missing name becomes one sentence a student can act on. The sentence is
a grader.feedback.messages.Message, packed into the text of the worker's reply, so that the grader
renders it in the student's language.
"""
import importlib
import os
import traceback

from grader.feedback.messages import Message as M
from grader.feedback.messages import pack, render
from grader.grading.contract import ACCEPTED_NAMES
from grader.isolation.sandbox import GraderPermissionError


class MissingItem(Exception):
    """The submission lacks a file, a class or a function that the contract requires."""

    def __init__(self, message):
        super().__init__(render(message, "en"))
        self.message = message


class RefusedModule(ImportError):
    """A module the worker refuses to import at once (it hung or killed an earlier worker).
    ``packed``: why, a message the grader packed (``runner.cannot_import``), relayed as it is."""

    def __init__(self, packed, name):
        super().__init__(name, name=name)
        self.packed = packed


def module_file(module_name):
    return module_name.replace(".", "/") + ".py"


def load(module_name, name=None):
    """Import ``module_name`` from the submission; return the module or its ``name``."""
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and module_name.startswith(exc.name):
            raise MissingItem(M("error.missing_file", file=module_file(module_name))) from None
        raise
    if name is None:
        return module
    try:
        return getattr(module, name)
    except AttributeError:
        for other in ACCEPTED_NAMES.get((module_name, name), ()):
            if hasattr(module, other):
                return getattr(module, other)
        raise MissingItem(M("error.missing_name", file=module_file(module_name), name=name)) from None


_NUMPY_ALIASES = ("int", "float", "bool", "object", "str", "complex", "long", "unicode")


def describe_error(exc, submission):
    """One line, packed for the grader: the error, and where in the submission it happened."""
    if isinstance(exc, RefusedModule):
        return exc.packed
    return pack(explain_error(exc, submission))


def explain_error(exc, submission):
    """The Message for ``exc``, raised by submission code."""
    if isinstance(exc, MissingItem):
        return exc.message
    if isinstance(exc, SyntaxError):
        where = _relative(exc.filename or "?", submission)
        return M("error.syntax", file=where, line=exc.lineno, detail=str(exc.msg))
    message = _shorten(_safe_str(exc))
    kind = type(exc).__name__
    frame = _innermost_in(exc, submission)
    if isinstance(exc, NotImplementedError):
        if frame is not None:
            return M("error.not_started", file=frame["file"], function=frame["function"])
        return M("error.not_started_plain", detail=message or kind)
    if isinstance(exc, SystemExit):
        return M("error.exit", detail=message)
    if isinstance(exc, KeyboardInterrupt):
        return M("error.interrupt")
    if isinstance(exc, MemoryError):
        return M("error.memory")
    if isinstance(exc, GraderPermissionError) and isinstance(getattr(exc, "message", None), M):
        message = exc.message  # the sandbox's refusal, as it said it
    elif isinstance(exc, AttributeError) and message.startswith("module 'numpy' has no attribute '"):
        alias = message.split("'")[3] if message.count("'") >= 4 else ""
        if alias in _NUMPY_ALIASES and frame is not None:
            return M("error.numpy_alias", alias=alias, location=_location(frame))
    if frame is None:
        return M("error.plain", kind=kind, detail=message)
    return M("error.located", kind=kind, detail=message, location=_location(frame))


def _location(frame):
    if frame is None:
        return ""
    if frame["code"]:
        return M("error.location", file=frame["file"], line=frame["line"], code=frame["code"])
    return M("error.location_plain", file=frame["file"], line=frame["line"])


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
    """File, line, code and function (``Relu.forward``) of the deepest frame inside the
    submission, or None."""
    root = os.path.abspath(submission) + os.sep
    found = None
    tb = exc.__traceback__
    while tb is not None:
        if os.path.abspath(tb.tb_frame.f_code.co_filename).startswith(root):
            found = tb
        tb = tb.tb_next
    if found is None:
        return None
    code = found.tb_frame.f_code
    summary = traceback.extract_tb(found, limit=1)[0]
    function = getattr(code, "co_qualname", None)
    if not function:  # Python 3.10: the class from self
        owner = found.tb_frame.f_locals.get("self")
        function = f"{type(owner).__name__}.{code.co_name}" if owner is not None else code.co_name
    return {"file": _relative(summary.filename, submission), "line": summary.lineno,
            "code": _shorten(summary.line or "", 80), "function": function}
