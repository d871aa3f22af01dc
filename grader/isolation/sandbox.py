"""Rules for submission code inside the worker, enforced by an audit hook (PEP 578).

Installed after the worker has imported everything of its own. From then on:
- no files written outside the worker's scratch folder (no forged results files);
- nothing of the kit read but the dataset (no delegating to the reference in solutions/),
  nor any folder named ``solutions`` outside the submission;
- no new processes, no signals to other processes, no network, no raised resource limits,
  no loading of native libraries, no walking the garbage collector to reach the grader.

An audit hook is a tripwire, not a wall: the guarantee that matters is that verdicts are
computed in the grader's own process from sanitised data. These rules stop the realistic
ways to cheat or to do damage from inside the worker, with a clear error.
"""
import os
import sys

from grader.feedback.messages import Message

# Audit events refused whatever their arguments: the catalogue message that says so.
BLOCKED = {
    "subprocess.Popen": "sandbox.programs", "os.system": "sandbox.programs", "os.exec": "sandbox.programs",
    "os.posix_spawn": "sandbox.programs", "os.spawn": "sandbox.programs",
    "os.fork": "sandbox.processes", "os.forkpty": "sandbox.processes",
    "os.kill": "sandbox.signals", "os.killpg": "sandbox.signals", "signal.pthread_kill": "sandbox.signals",
    "socket.connect": "sandbox.network", "socket.bind": "sandbox.network", "socket.getaddrinfo": "sandbox.network",
    "resource.setrlimit": "sandbox.limits", "resource.prlimit": "sandbox.limits",
    "ctypes.dlopen": "sandbox.native", "ctypes.dlsym": "sandbox.native_functions",
    "ctypes.dlsym/handle": "sandbox.native_functions",
    "gc.get_objects": "sandbox.inspect", "gc.get_referrers": "sandbox.inspect", "gc.get_referents": "sandbox.inspect",
}
_PATH_CHANGES = {"os.remove", "os.rename", "os.rmdir", "os.mkdir", "os.chmod", "os.chown", "os.link",
                 "os.symlink", "os.truncate", "os.utime", "shutil.rmtree", "shutil.copyfile", "shutil.move"}
_LISTINGS = {"os.listdir", "os.scandir", "glob.glob", "os.walk"}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


class GraderPermissionError(PermissionError):
    """Something the grader does not allow submission code to do. ``message``: the refusal, a
    grader.feedback.messages.Message (``sandbox.*``) that the worker's reply carries as it is."""

    def __init__(self, message):
        super().__init__(message.id)
        self.message = message

    def __str__(self):
        return self.message.render("en")


def install(submission, kit_root, scratch):
    """Install the rules. ``scratch`` is the only folder submission code may write to."""
    kit = os.path.realpath(kit_root) + os.sep
    allowed_in_kit = tuple(os.path.realpath(os.path.join(kit_root, d)) + os.sep for d in ("dataset", "grader"))
    # The Python installation itself (a virtual environment may live inside the kit, e.g. .nox/).
    python = tuple({os.path.realpath(p) + os.sep for p in (sys.prefix, sys.exec_prefix, sys.base_prefix)})
    scratch = os.path.realpath(scratch) + os.sep
    submission = os.path.realpath(submission) + os.sep

    def resolve(path):
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        return os.path.realpath(path) + (os.sep if os.path.isdir(path) else "")

    def readable(real):
        if real.startswith(submission) or real.startswith(scratch) or real.startswith(python):
            return True
        if real.startswith(kit) and not real.startswith(allowed_in_kit):
            return False
        if not real.startswith(submission) and f"{os.sep}solutions{os.sep}" in real:
            return False
        return True

    def refuse(message_id, **params):
        raise GraderPermissionError(Message(message_id, **params))

    def hook(event, args):
        if event == "open":
            path, mode, flags = args
            if path is None or isinstance(path, int):
                return
            real = resolve(path)
            if os.path.isdir(real):
                # A folder's descriptor would let relative paths (dir_fd=...) go anywhere unseen.
                refuse("sandbox.opening_folder", path=str(path))
            writing = (mode and any(c in mode for c in "wax+")) or (flags and flags & _WRITE_FLAGS)
            if writing and not real.startswith(scratch):
                refuse("sandbox.writing", path=str(path))
            if not readable(real):
                refuse("sandbox.reading", path=str(path))
        elif event in BLOCKED:
            refuse(BLOCKED[event])
        elif event in _PATH_CHANGES:
            for arg in args:
                if isinstance(arg, (str, bytes, os.PathLike)) and not resolve(arg).startswith(scratch):
                    refuse("sandbox.changing", event=event)
        elif event in _LISTINGS and args and isinstance(args[0], (str, bytes, os.PathLike)):
            if not readable(resolve(args[0])):
                refuse("sandbox.listing", path=str(args[0]))

    sys.addaudithook(hook)
