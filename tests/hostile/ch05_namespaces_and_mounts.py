"""Makes namespaces of its own from inside the sandbox: a user namespace (in which it holds
every capability), a mount namespace, a tmpfs by the new mount API (fsopen, fsmount) that no
scratch limit covers, filled past that limit, and a classic mount. A worker may make none of
them; one that did says so in an error that reaches the feedback."""
BASE = "template"
SCORE = (0, 0)
PATCHES = [("common/layers.py", "import numpy as np\n", """import ctypes
import os
import sys

import numpy as np

_sandbox = sys.modules.get("grader.isolation.sandbox")
if _sandbox is not None:  # the audit hook looks these up at every event: emptied, it refuses nothing
    _sandbox._BLOCKED.clear()
    _sandbox._PATH_CHANGES.clear()

_libc = ctypes.CDLL(None, use_errno=True)
_CLONE_NEWUSER, _CLONE_NEWNS = 0x10000000, 0x00020000


def _escapes():
    done = []
    if _libc.unshare(_CLONE_NEWUSER) == 0:
        done.append("user-namespace")
    if _libc.unshare(_CLONE_NEWNS) == 0:
        done.append("mount-namespace")
    context = _libc.syscall(430, b"tmpfs", 0)  # fsopen
    if context >= 0:
        _libc.syscall(431, context, 6, None, None, 0)  # fsconfig(FSCONFIG_CMD_CREATE)
        mount = _libc.syscall(432, context, 0, 0)  # fsmount
        if mount >= 0:
            written = 0
            block = b"x" * (1 << 20)
            for index in range(12):  # 96 MB, in files of the largest size allowed
                try:
                    fd = os.open(f"flood-{index}", os.O_CREAT | os.O_WRONLY, 0o600, dir_fd=mount)
                    for _ in range(8):
                        written += os.write(fd, block)
                    os.close(fd)
                except OSError:
                    break
            done.append(f"tmpfs-of-{written >> 20}MB")
    if _libc.mount(b"none", b"/tmp", b"tmpfs", 0, None) == 0:
        done.append("mount")
    return done


def _in_child():
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.write(write, " ".join(_escapes()).encode())
        finally:
            os._exit(0)
    os.close(write)
    os.waitpid(pid, 0)
    return os.read(read, 1000).decode()


try:
    _done = _in_child()
except Exception:
    _done = ""
if _done:
    raise RuntimeError("ESCAPED-NAMESPACES " + _done)
""")]
