"""An honest reference whose sigmoid, on its first call, also writes a well-formed reply of its
own into the result pipe: without request ids, every later call would read the reply of the
call before it. Only the call that wrote it may lose."""
BASE = "reference"
SCORE = (85, 95)
PATCHES = [("common/functions.py", "import numpy as np\n", """import os

import numpy as np

_written = []


def _write_stale_reply():
    if _written:
        return
    _written.append(True)
    for fd in range(3, 64):
        try:
            os.write(fd, b'{"ok": true, "value": {"result": 0.5, "args_after": []}}\\n')
        except OSError:
            pass
"""), ("common/functions.py", "def sigmoid(x):\n", "def sigmoid(x):\n    _write_stale_reply()\n")]
