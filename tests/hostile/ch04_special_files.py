"""Hands in a symlink to /proc/self/mem, a FIFO and a link to the grader's reference: hashing or
copying them must neither hang nor kill the batch, nor read them (class 9). Built by MAKE."""
import os

BASE = "template"
SCORE = (0, 0)
PATCHES = []


def MAKE(folder):
    os.symlink("/proc/self/mem", folder / "memory.py")
    os.mkfifo(folder / "common" / "pipe.py")
    os.symlink(os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "solutions", "common",
                                            "functions.py")), folder / "common" / "functions_link.py")
