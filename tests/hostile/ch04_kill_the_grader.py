"""Tries to kill the grading process and to lift its own limits."""
BASE = "reference"
SCORE = (100, 100)
PATCHES = [("common/functions.py", "import numpy as np\n", """import os
import resource
import signal

import numpy as np

for _attack in (lambda: os.kill(os.getppid(), signal.SIGKILL),
                lambda: os.killpg(os.getpgid(0), signal.SIGKILL),
                lambda: resource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))):
    try:
        _attack()
    except Exception:
        pass
""")]
