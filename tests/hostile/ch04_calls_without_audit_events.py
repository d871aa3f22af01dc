"""Calls that raise no audit event (class 2): a process by _posixsubprocess, a UDP datagram and a
TCP connection to a port the test listens on, a FIFO and a device node, a sqlite database and a
readline history file written outside the working folder, and last a signal by pidfd to its
parent. The honest reference code around it must still pass."""
BASE = "reference"
SCORE = (0, 100)
PATCHES = [("common/functions.py", "import numpy as np\n", """import os

import numpy as np

_CANARY = "/tmp/dlfs-hostile-canary/no_audit_events"


def _attempts():
    def spawn():
        import _posixsubprocess
        args = [b"/bin/sh", b"-c", ("echo escaped > " + _CANARY + "-process").encode()]
        _posixsubprocess.fork_exec(args, [args[0]], True, (), None, None, -1, -1, -1, -1, -1, -1,
                                   -1, -1, False, False, -1, None, None, None, -1, None, False)

    def udp():
        import socket
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.sendto(b"escaped", ("127.0.0.1", 47231))

    def tcp():
        import socket
        socket.create_connection(("127.0.0.1", 47231), timeout=1).sendall(b"escaped")

    def fifo():
        os.mkfifo(_CANARY + "-fifo")

    def node():
        os.mknod(_CANARY + "-node")

    def database():
        import sqlite3
        sqlite3.connect(_CANARY + "-db").execute("create table t (x)")

    def history():
        import readline
        readline.write_history_file(_CANARY + "-history")

    def signal_parent():
        import signal
        signal.pidfd_send_signal(os.pidfd_open(os.getppid()), signal.SIGKILL)

    return (spawn, udp, tcp, fifo, node, database, history, signal_parent)


for _attempt in _attempts():
    try:
        _attempt()
    except BaseException:
        pass
""")]
