"""Writes into the result pipe a reply just under the size limit made of small nested lists:
a few bytes each on the wire, but a hundred times that as the grader's Python objects (about
6 GB and two minutes of parsing for 64 MB). It must cost the check that read it, never the
grader's memory."""
BASE = "template"
SCORE = (0, 0)
PATCHES = [("common/layers.py", "import numpy as np\n", """import os
import sys

import numpy as np


def _result_pipe():
    frame = sys._getframe()
    while frame is not None:
        if frame.f_code.co_name == "serve" and "results" in frame.f_locals:
            return frame.f_locals["results"]
        frame = frame.f_back
    return None


_pipe = _result_pipe()
if _pipe is not None:
    _unit = "[" * 20 + "0" + "]" * 20 + ","
    _line = '{"ok": true, "id": 1, "value": [' + _unit * ((60 << 20) // len(_unit)) + '0]}\\n'
    _pipe.flush()
    os.write(_pipe.fileno(), _line.encode())
""")]
