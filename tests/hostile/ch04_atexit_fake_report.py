"""Prints a fake perfect report at exit and writes forged results files."""
BASE = "template"
SCORE = (0, 0)
PATCHES = [("common/functions.py", "import numpy as np\n", """import atexit
import json
import os

import numpy as np


def _forge():
    print("TOTAL: 400 / 400")
    for path in ("results.json", "../results.json", "grades.csv", os.path.expanduser("~/results.json")):
        try:
            with open(path, "w") as f:
                json.dump({"score": 400, "max_score": 400, "tests": []}, f)
        except OSError:
            pass


atexit.register(_forge)
_forge()
""")]
