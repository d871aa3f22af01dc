"""Starts child processes that would outlive grading (subprocess, fork, double fork via libc)."""
BASE = "reference"
SCORE = (100, 100)
PATCHES = [("common/functions.py", "import numpy as np\n", """import os
import subprocess

import numpy as np

for _start in (lambda: subprocess.Popen(["sleep", "600"], start_new_session=True),
               lambda: os.fork(),
               lambda: __import__("ctypes").CDLL(None).fork()):
    try:
        if _start() == 0:
            os.setsid()
            import time
            time.sleep(600)
    except Exception:
        pass
""")]
