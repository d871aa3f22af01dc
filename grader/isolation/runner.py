"""Parent side of the worker: start it with limits, send probes, read replies.

A probe that hangs past its time limit, or a worker that dies (exit, segfault, memory
limit), costs the check that was running; the next call starts a fresh worker.
"""
import json
import os
import select
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from grader.feedback.messages import Message as M
from grader.feedback.messages import pack, render, unpack
from grader.grading.errors import StudentError, WorkerStartError
from grader.isolation import levels as isolation
from grader.isolation.wire import WireError, dumps, loads

KIT_ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).resolve().parent / "worker.py"

LOG_LIMIT = isolation.FILE_LIMIT  # what the submission may print, bytes
REPLY_LIMIT = 64 * 1024**2  # size of one reply, bytes
IMPORT_LIMIT = 10.0  # seconds for importing one submission module
STARTUP_LIMIT = 60.0  # seconds for the worker to import the grader (no submission code yet)


class Worker:
    """One worker process for one submission; restarted after a hang or crash."""

    def __init__(self, submission, include_hidden=True):
        self.submission = str(Path(submission).resolve())
        self.include_hidden = include_hidden
        self.level = isolation.level()
        self.staged = None  # the copy of the submission the worker reads
        self.stage_notes = []  # what the copy left out, and why
        self.uid = None  # the worker's own user id, when the grader runs as root
        self.layers = {}  # the kernel layers the worker reported in force
        self.poisoned = None  # module -> why it cannot be imported (it hangs or kills the worker)
        self.process = None
        self.log = None
        self.scratch = None
        self.last_tail = ""  # what a worker that died wrote last (its log is closed by then)
        self._buffer = b""

    def _stage(self):
        """The worker's copy of the submission, made on first use."""
        if self.staged is None:
            self.staged = tempfile.TemporaryDirectory(prefix="grader-submission-")
            os.chmod(self.staged.name, 0o755)
            self.stage_notes = isolation.stage_submission(self.submission, self.staged.name)
        return self.staged

    def _start(self):
        staged = self._stage()
        self.log = tempfile.TemporaryFile()
        self.scratch = tempfile.TemporaryDirectory(prefix="grader-work-")
        read_fd, write_fd = os.pipe()
        kernel = isolation.is_kernel_enforced(self.level)

        def worker_args(paths, uid, keep_read_search):
            read = [*isolation.SYSTEM_DIRS, *isolation.python_roots(), paths["code"], paths["submission"],
                    paths["mnist"]]
            return [json.dumps({"submission": paths["submission"], "code": paths["code"], "result_fd": write_fd,
                                "scratch": paths["scratch"], "refused": self.poisoned or {}, "confine": kernel,
                                "read": read, "uid": uid, "keep_read_search": keep_read_search})]

        launch = isolation.Launch(self.level, staged.name, isolation.worker_code_root(self.include_hidden),
                                  _mnist_file(), self.scratch.name, worker_args)
        self.uid = launch.uid
        self.process = subprocess.Popen(
            launch.argv, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=self.log,
            env=launch.env, cwd=launch.cwd, pass_fds=(write_fd,), preexec_fn=launch.preexec,
        )
        os.close(write_fd)
        self._results = read_fd
        self._buffer = b""
        self._requests = 0
        try:
            ready = self._read_line(STARTUP_LIMIT)
        except StudentError:
            ready = ""
        if not self._ready(ready, kernel):
            tail = self.output_tail() or self.last_tail
            self.stop()
            raise WorkerStartError(render(M("runner.cannot_start", detail=tail.strip()[-500:] or "-")))

    def _ready(self, line, kernel):
        """Whether the worker's first line says it is ready, with every layer the level promises."""
        try:
            hello = loads(line)
        except WireError:
            return False
        if not isinstance(hello, dict) or hello.get("ready") is not True:
            return False
        self.layers = {"landlock": hello.get("landlock"), "seccomp": hello.get("seccomp")}
        if self.level == isolation.USER and not hello.get("landlock"):
            return False  # without a mount namespace, Landlock is the filesystem's only limit
        return not kernel or hello.get("seccomp") is True

    def _preflight(self):
        """Import every module of the submission once, each with its own time limit. A module
        whose import hangs or kills the worker is remembered: later workers refuse to import it
        at once, so that it costs seconds, not a time limit per check."""
        from grader.grading.contract import MODULE_CHAPTER
        from grader.grading.probes import import_module

        self.poisoned = {}
        for relative in MODULE_CHAPTER:
            if not (Path(self.submission) / relative).is_file():
                continue
            module = relative[: -len(".py")].replace("/", ".")
            if self.process is None:
                self._start()
            try:
                self._request(import_module, {"module": module}, 0, IMPORT_LIMIT)
            except StudentError as exc:
                if exc.kind in ("timeout", "crash"):
                    self.poisoned[module] = pack(M("runner.cannot_import", file=relative, reason=exc.message))
                    self.stop()

    def call(self, probe, inputs, seed, timeout):
        """Run ``probe`` (a module-level function of a check module) on ``inputs`` in the
        worker; return its decoded value or raise StudentError."""
        if self.poisoned is None:
            self._preflight()
        if self.process is None:
            self._start()
        return self._request(probe, inputs, seed, timeout)

    def _request(self, probe, inputs, seed, timeout):
        self._requests += 1
        request = dumps({"probe": f"{probe.__module__}:{probe.__qualname__}", "inputs": inputs,
                         "seed": seed, "id": self._requests}) + "\n"
        stdin = self.process.stdin if self.process is not None else None
        try:
            if stdin is None:
                raise BrokenPipeError
            stdin.write(request.encode())
            stdin.flush()
        except (BrokenPipeError, OSError):
            raise self._died() from None
        line = self._read_line(timeout)
        try:
            reply = loads(line)
        except WireError as exc:
            self.stop()
            raise StudentError(M("runner.malformed_reply_detail", detail=str(exc)), "crash") from None
        # A line the submission wrote into the result pipe itself, now or during an earlier
        # call, carries no id or another one: it costs this call, and a fresh worker follows,
        # so that no later call reads a stale line as its reply.
        if not isinstance(reply, dict) or "ok" not in reply:
            self.stop()
            raise StudentError(M("runner.malformed_reply"), "crash")
        if reply.get("id") != self._requests or self._buffer:
            self.stop()
            raise StudentError(M("runner.stray_reply"))
        if not reply["ok"]:
            raise StudentError(_error_message(reply.get("error")))
        return reply.get("value")

    def _read_line(self, timeout):
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                self.stop()
                raise StudentError(M("runner.timeout", seconds=timeout), "timeout")
            ready, _, _ = select.select([self._results], [], [], left)
            if not ready:
                continue
            chunk = os.read(self._results, 1 << 20)
            if not chunk:
                raise self._died()
            self._buffer += chunk
            if len(self._buffer) > REPLY_LIMIT:
                self.stop()
                raise StudentError(M("runner.too_much_data"), "crash")
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line.decode("utf-8", errors="replace")

    def _died(self):
        try:
            code = self.process.wait(timeout=5) if self.process else None
        except subprocess.TimeoutExpired:  # it closed its end of the pipe but runs on: stop() kills it
            code = None
        tail = self.last_tail = self.output_tail()
        self.stop()
        if code is not None and code > 128 and self.level == isolation.NAMESPACES:
            code = -(code - 128)  # bubblewrap's init passes on a signal's death as 128 + the signal
        if code is None:
            message = M("runner.pipe_closed")
        elif code < 0:
            message = {signal.SIGSEGV: M("runner.segfault"), signal.SIGKILL: M("runner.killed"),
                       signal.SIGABRT: M("runner.aborted")}.get(-code, M("runner.signal", signal=-code))
        elif "MemoryError" in tail:
            return StudentError(M("runner.out_of_memory"), "crash")
        else:
            message = M("runner.exited", code=code)
        return StudentError(message, "crash")

    def output_tail(self, limit=2000):
        """The last characters the worker wrote to its standard error (a crash report)."""
        if self.log is None:
            return ""
        try:
            self.log.flush()
            size = self.log.seek(0, os.SEEK_END)
            self.log.seek(max(0, size - limit))
            return self.log.read().decode("utf-8", errors="replace")
        except (OSError, ValueError):
            return ""

    def stop(self):
        """Kill the worker and everything it started."""
        if self.process is not None:
            isolation.kill_user(self.uid)
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
            for stream in (self.process.stdin,):
                try:
                    stream.close()
                except OSError:
                    pass
            try:
                os.close(self._results)
            except OSError:
                pass
            self.process = None
        if self.log is not None:
            self.log.close()
            self.log = None
        if self.scratch is not None:
            _remove(self.scratch)
            self.scratch = None

    def close(self):
        """Stop the worker and remove the submission's copy."""
        self.stop()
        if self.staged is not None:
            _remove(self.staged)
            self.staged = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _remove(folder):
    try:
        folder.cleanup()
    except OSError:  # files a worker of another user id left: removed as the grader can
        import shutil

        shutil.rmtree(folder.name, ignore_errors=True)


def _mnist_file():
    """The worker's MNIST file (grader.isolation.worker_dataset), when the grader has prepared it."""
    from grader.isolation import worker_dataset

    folder = os.environ.get("MNIST_DIR")  # as dataset.mnist.default_directory finds it
    return worker_dataset.find(Path(folder).expanduser() if folder else KIT_ROOT / "dataset")


def _error_message(text):
    """The message of an error reply, packed by the worker (grader.feedback.messages.pack);
    anything else is shown as text the worker sent."""
    return unpack(text) if text else M("runner.unknown_error")
