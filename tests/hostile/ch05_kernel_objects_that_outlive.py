"""Makes kernel objects that outlive their process: System V shared memory (touched, so that
it holds memory), message queues and semaphores, a POSIX message queue, keys in its user's
keyring; and opens userfaultfd and perf_event_open, kernel surface that numerical code never
needs. The System V objects must not exist after grading; a worker that got a key, a
userfaultfd or a perf event says so in an error that reaches the feedback."""
BASE = "template"
SCORE = (0, 0)
PATCHES = [("common/layers.py", "import numpy as np\n", """import ctypes
import os
import struct
import sys

import numpy as np

_sandbox = sys.modules.get("grader.isolation.sandbox")
if _sandbox is not None:  # the audit hook looks these up at every event: emptied, it refuses nothing
    _sandbox._BLOCKED.clear()

_libc = ctypes.CDLL(None, use_errno=True)
_libc.shmat.restype = ctypes.c_void_p
_IPC_CREAT = 0o1000


def _objects():
    got = []
    segment = _libc.syscall(29, 0, ctypes.c_size_t(16 << 20), _IPC_CREAT | 0o600)  # shmget
    if segment >= 0:
        address = _libc.shmat(segment, None, 0)
        if address not in (None, ctypes.c_void_p(-1).value):
            ctypes.memset(address, 1, 16 << 20)
            _libc.shmdt(ctypes.c_void_p(address))
    _libc.syscall(68, 0, _IPC_CREAT | 0o600)  # msgget
    _libc.syscall(64, 0, 1, _IPC_CREAT | 0o600)  # semget
    if _libc.syscall(240, b"dlfs-hostile", os.O_CREAT | os.O_RDWR, 0o600, None) >= 0:  # mq_open
        got.append("posix-message-queue")
    if _libc.syscall(248, b"user", b"dlfs-hostile", b"x", ctypes.c_size_t(1), -4) >= 0:  # add_key
        got.append("key")
    if _libc.syscall(323, 1) >= 0:  # userfaultfd(UFFD_USER_MODE_ONLY)
        got.append("userfaultfd")
    attr = ctypes.create_string_buffer(struct.pack("<IIQ", 1, 128, 0) + bytes(112), 128)  # a software clock
    if _libc.syscall(298, attr, 0, -1, -1, 0) >= 0:  # perf_event_open
        got.append("perf-event")
    return got


try:
    _got = _objects()
except Exception:
    _got = []
if _got:
    raise RuntimeError("ESCAPED-KERNEL-OBJECTS " + " ".join(_got))
""")]
