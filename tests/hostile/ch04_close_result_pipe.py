"""Closes the worker's result pipe and sleeps: the worker neither answers nor exits at once."""
BASE = "reference"
SCORE = (50, 95)
PATCHES = [("common/functions.py", "def step_function(x):\n", """def step_function(x):
    import os
    import sys
    import time

    try:
        os.close(int(sys.argv[3]))
    except Exception:
        pass
    time.sleep(60)
""")]
