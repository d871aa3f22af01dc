"""Writes its own replies on the worker's result pipe (class 11): deeply nested JSON, a huge
integer, an unknown message id, a reply of the wrong form and a 100 MB line; each must cost
only the check that read it, never make the grader fail."""
BASE = "template"
SCORE = (0, 0)
PATCHES = [("common/functions.py", "import numpy as np\n", """import os

import numpy as np

_n = [0]


def _forge():
    _n[0] += 1
    replies = [
        "[" * 100000 + "]" * 100000,
        '{"ok": true, "value": ' + "9" * 4000 + "}",
        '{"ok": false, "error": "\\\\u001emsg:{\\\\"$m\\\\": \\\\"no.such.id\\\\", \\\\"p\\\\": {}}"}',
        '{"ok": true, "value": "not what the probe returns"}',
        '{"ok": true, "value": {"result": {"__ndarray__": ["<f8", [1000000000, 1000000000], ""]}}}',
        '{"ok": true, "value": "' + "y" * (100 * 1024 * 1024) + '"}',
    ]
    text = replies[_n[0] % len(replies)] + "\\n"
    for fd in range(3, 64):
        try:
            os.write(fd, text.encode())
        except OSError:
            pass
"""), ("common/functions.py", "def step_function(x):\n", "def step_function(x):\n    _forge()\n")]
