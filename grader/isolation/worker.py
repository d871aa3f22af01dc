"""The worker: the only process that imports and runs submission code.

Started by ``grader.isolation.runner`` as ``python -s -B worker.py CONFIG`` (JSON: the submission, the
folder of the worker's own code, the result pipe, the scratch folder, modules refused at
once, and what to confine), inside the isolation of ``grader.isolation.levels``. Before any
submission code runs it confines itself (``grader.isolation.confine``: Landlock and seccomp) and installs
the audit hook of ``grader.isolation.sandbox``, which turns the common refusals into clear messages.
It reads one request per line from stdin ({"probe": "module:function", "inputs": {...},
"seed": int}), runs the probe (grader code that calls the submission) and writes one
reply per line to RESULT_FD. Everything the submission prints goes to stdout/stderr,
which keep only their last few kilobytes; the result channel is a separate pipe.
"""
import importlib
import importlib.util
import io
import os
import sys
import traceback
import warnings


class CappedText(io.TextIOBase):
    """A text stream that keeps only the last ``limit`` characters written to it."""

    def __init__(self, limit=4000):
        self.limit = limit
        self.text = ""

    def writable(self):
        return True

    def write(self, s):
        s = str(s)
        self.text = (self.text + s)[-self.limit:]
        return len(s)


def probe_modules():
    """Every probe module: the shared one, one per chapter of the contract, the hidden checks'."""
    from grader.grading.contract import CHAPTERS

    return ("grader.grading.probes", *(f"grader.grading.probes.{chapter}" for chapter in CHAPTERS),
            "grader.grading.probes.hidden")


# The worker's own code: the probes (which call the submission) and what they need, the
# stand-in layers (grader.grading.standins) with the formulas of their forward passes (grader.grading.oracles,
# which the student kit holds too). The checks that judge what the probes return, their
# expected values and thresholds, and the hidden checks' logic are not in the worker.
WORKER_FILES = ("__init__.py",
                "isolation/__init__.py", "isolation/worker.py", "isolation/wire.py", "isolation/submission.py",
                "isolation/sandbox.py", "isolation/confine.py",
                "feedback/__init__.py", "feedback/messages.py", "feedback/particles.py", "feedback/po.py",
                "feedback/languages.py", "feedback/locale",
                "grading/__init__.py", "grading/contract.py", "grading/standins.py", "grading/oracles.py",
                "grading/probes")


def _bootstrap(kit_root):
    """Import the probes and the kit's dataset loader, then drop the kit from sys.path,
    so that a submission can import neither solutions/ nor anything else of the kit."""
    sys.path.insert(0, kit_root)
    import numpy  # noqa: F401  (imported before the submission can shadow it)
    import numpy.linalg  # noqa: F401  (numpy loads these lazily: load them while the kit is open)
    import numpy.random  # noqa: F401

    import dataset.mnist  # noqa: F401  (the kit's loader wins over a submission's copy)
    import grader.isolation.sandbox  # noqa: F401
    import grader.isolation.submission  # noqa: F401
    import grader.isolation.wire  # noqa: F401

    for module in probe_modules():  # every probe, before the sandbox closes the kit
        if importlib.util.find_spec(module) is not None:
            importlib.import_module(module)

    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") not in {
        os.path.abspath(kit_root), os.path.dirname(os.path.abspath(__file__))}]


class RefuseModules:
    """An import hook that refuses, at once and with the reason (packed by the grader), modules
    known to hang or to kill the worker when imported."""

    def __init__(self, reasons):
        self.reasons = reasons

    def find_spec(self, name, path=None, target=None):
        if name in self.reasons:
            from grader.isolation.submission import RefusedModule

            raise RefusedModule(self.reasons[name], name)
        return None


def _reset_numpy_state():
    import numpy as np

    np.seterr(all="warn", under="ignore")
    np.set_printoptions()
    warnings.resetwarnings()
    warnings.simplefilter("ignore")


def serve(submission, result_fd, layers):
    import numpy as np

    from grader.feedback.messages import Message, pack
    from grader.isolation.submission import describe_error
    from grader.isolation.wire import WireError, dumps, loads

    sys.path.insert(0, submission)
    results = os.fdopen(result_fd, "w", encoding="utf-8", closefd=True)
    results.write(dumps({"ready": True, **layers}) + "\n")
    results.flush()
    requests = sys.stdin
    sys.stdin = io.StringIO()
    sys.stdout = sys.stderr = CappedText()
    for line in requests:
        if not line.strip():
            continue
        request = loads(line)
        _reset_numpy_state()
        np.random.seed(int(request.get("seed", 0)) % (2**32))
        try:
            module_name, _, func_name = request["probe"].partition(":")
            probe = getattr(importlib.import_module(module_name), func_name)
            value = probe(**request.get("inputs", {}))
            reply = dumps({"ok": True, "value": value, "id": request.get("id")})
        except WireError as exc:
            reply = dumps({"ok": False, "error": pack(Message("runner.not_numbers", detail=str(exc))),
                           "id": request.get("id")})
        except BaseException as exc:  # noqa: B036  (SystemExit, KeyboardInterrupt from student code too)
            reply = dumps({"ok": False, "error": describe_error(exc, submission), "id": request.get("id")})
        results.write(reply + "\n")
        results.flush()


def main():
    import json

    config = json.loads(sys.argv[1])
    if config.get("uid") is not None:  # started as root: first of all, become nobody in particular
        sys.path.insert(0, config["code"])
        from grader.isolation.confine import drop_privileges

        drop_privileges(config["uid"], keep_read_search=config.get("keep_read_search", False))
    submission, kit_root, result_fd, scratch = (config["submission"], config["code"], int(config["result_fd"]),
                                                config["scratch"])
    _bootstrap(kit_root)
    sys.meta_path.insert(0, RefuseModules(config["refused"]))
    layers = {"landlock": 0, "seccomp": False}
    if config.get("confine"):
        from grader.isolation.confine import confine

        try:
            layers = confine(read=config["read"], write=[scratch])
        except OSError as exc:  # the parent asked for a kernel layer: never run unconfined
            os.write(2, f"cannot confine the worker: {exc}\n".encode())
            os._exit(4)
    from grader.isolation.sandbox import install

    install(submission, kit_root, scratch)
    try:
        serve(submission, result_fd, layers)
    except BaseException:  # noqa: B036
        os.write(2, traceback.format_exc().encode(errors="replace")[-20000:])  # the real stderr: the log
        os._exit(3)
    os._exit(0)


if __name__ == "__main__":
    main()
