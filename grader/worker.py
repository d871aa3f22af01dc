"""The worker: the only process that imports and runs submission code.

Started by ``grader.runner`` as ``python -s -B worker.py SUBMISSION KIT_ROOT RESULT_FD SCRATCH``
in the folder SCRATCH, the only one it may write to (see ``grader.sandbox``).
It reads one request per line from stdin ({"probe": "module:function", "inputs": {...},
"seed": int}), runs the probe (grader code that calls the submission) and writes one
reply per line to RESULT_FD. Everything the submission prints goes to stdout/stderr,
which keep only their last few kilobytes; the result channel is a separate pipe.
"""
import importlib
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


def _bootstrap(kit_root):
    """Import the grader and the kit's dataset loader, then drop the kit from sys.path,
    so that a submission can import neither solutions/ nor anything else of the kit."""
    sys.path.insert(0, kit_root)
    import numpy  # noqa: F401  (imported before the submission can shadow it)
    import numpy.linalg  # noqa: F401  (numpy loads these lazily: load them while the kit is open)
    import numpy.random  # noqa: F401

    import dataset.mnist  # noqa: F401  (the kit's loader wins over a submission's copy)
    import grader.checks  # noqa: F401  (every probe, before the sandbox closes the kit)
    import grader.sandbox  # noqa: F401
    import grader.submission  # noqa: F401
    import grader.wire  # noqa: F401

    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") not in {
        os.path.abspath(kit_root), os.path.dirname(os.path.abspath(__file__))}]


class RefuseModules:
    """An import hook that refuses, at once and with the reason, modules known to hang or
    to kill the worker when imported."""

    def __init__(self, reasons):
        self.reasons = reasons

    def find_spec(self, name, path=None, target=None):
        if name in self.reasons:
            raise ImportError(self.reasons[name], name=name)
        return None


def _reset_numpy_state():
    import numpy as np

    np.seterr(all="warn", under="ignore")
    np.set_printoptions()
    warnings.resetwarnings()
    warnings.simplefilter("ignore")


def serve(submission, result_fd):
    import numpy as np

    from grader.submission import describe_error
    from grader.wire import WireError, dumps, loads

    sys.path.insert(0, submission)
    results = os.fdopen(result_fd, "w", encoding="utf-8", closefd=True)
    results.write(dumps({"ready": True}) + "\n")
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
            reply = dumps({"ok": True, "value": value})
        except WireError as exc:
            reply = dumps({"ok": False, "error": f"returned something that is not numbers: {exc}"})
        except BaseException as exc:  # noqa: B036  (SystemExit, KeyboardInterrupt from student code too)
            reply = dumps({"ok": False, "error": describe_error(exc, submission)})
        results.write(reply + "\n")
        results.flush()


def main():
    submission, kit_root, result_fd, scratch = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    _bootstrap(kit_root)
    import json

    sys.meta_path.insert(0, RefuseModules(json.loads(sys.argv[5])))
    from grader.sandbox import install

    install(submission, kit_root, scratch)
    try:
        serve(submission, result_fd)
    except BaseException:  # noqa: B036
        os.write(2, traceback.format_exc().encode(errors="replace")[-20000:])  # the real stderr: the log
        os._exit(3)
    os._exit(0)


if __name__ == "__main__":
    main()
