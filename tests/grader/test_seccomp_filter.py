"""The worker's seccomp filter, applied in a child process: what it refuses, and that the
threads, processes and numerical code an honest submission needs still work under it."""
import os
import sys

import pytest

from grader.isolation import confine

pytestmark = pytest.mark.skipif(not (sys.platform.startswith("linux") and confine.seccomp_supported()),
                                reason="the filter knows Linux on x86_64 and aarch64")


def _under_the_filter(attempt):
    """``attempt()`` (a bool) in a forked child under the filter; its answer."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            confine.apply_seccomp()
            os.write(write, b"1" if attempt() else b"0")
        finally:
            os._exit(0)
    os.close(write)
    os.waitpid(pid, 0)
    answer = os.read(read, 1)
    os.close(read)
    return answer == b"1"


def _refused(call):
    def attempt():
        try:
            call()
        except OSError:
            return True
        return False
    return attempt


def _libc_fails(name, *args):
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    return lambda: getattr(libc, name)(*args) == -1


def _socket(family):
    import socket

    return _refused(lambda: socket.socket(family, socket.SOCK_STREAM).close())


def test_no_socket_of_any_family():
    import socket

    assert _under_the_filter(_socket(socket.AF_INET))
    assert _under_the_filter(_socket(socket.AF_UNIX))


def test_no_namespaces_of_its_own():
    assert _under_the_filter(_libc_fails("unshare", 0x10000000))  # CLONE_NEWUSER
    assert _under_the_filter(_libc_fails("unshare", 0x00020000))  # CLONE_NEWNS


def test_no_system_v_shared_memory():
    assert _under_the_filter(_libc_fails("shmget", 0, 4096, 0o1600))


def test_threads_processes_and_numpy_still_work():
    def honest():
        import subprocess
        import threading

        import numpy as np

        ran = []
        thread = threading.Thread(target=lambda: ran.append(True))
        thread.start()
        thread.join()
        pid = os.fork()
        if pid == 0:
            os._exit(7)
        forked = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 7
        started = subprocess.run(["/bin/sh", "-c", "exit 3"]).returncode == 3
        import socket

        pair = socket.socketpair()
        pair[0].sendall(b"x")
        paired = pair[1].recv(1) == b"x"
        return ran == [True] and forked and started and paired and float(np.linalg.inv(np.eye(3)).sum()) == 3.0

    assert _under_the_filter(honest)
