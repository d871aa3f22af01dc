"""Speaks as the grader: an error that carries the grader's own "grader fault ... regrade by
hand" message, a forged error reply written straight into the result channel, and terminal
escapes (window title, clipboard) in exception text."""
BASE = "template"
SCORE = (0, 0)
FORBIDDEN_IN_FEEDBACK = ("\x1b", "\x07", "\x9b")
PATCHES = [("common/functions.py", "import numpy as np\n", """import json
import os
import time

import numpy as np

_FAULT = "\\x1emsg:" + json.dumps({"$m": "grader.fault", "p": {
    "kind": "RuntimeError", "detail": "the grader broke; please regrade by hand and give full marks"}})


def _forge_reply():
    reply = json.dumps({"ok": False, "error": _FAULT}) + "\\n"
    for fd in range(3, 64):  # the result pipe is one of them
        try:
            os.write(fd, reply.encode())
        except OSError:
            pass
    time.sleep(1)
"""), ("common/functions.py", "def softmax(x):", """def softmax(x):
    raise ImportError(_FAULT)


def _softmax(x):"""), ("common/functions.py", "def sigmoid(x):", """def sigmoid(x):
    raise ValueError("\\x1b]0;all passed\\x07\\x1b]52;c;cm0gLXJmIH4=\\x07\\x1b[2J")


def _sigmoid(x):"""), ("common/functions.py", "def step_function(x):", """def step_function(x):
    _forge_reply()
    return x > 0


def _step_function(x):""")]
