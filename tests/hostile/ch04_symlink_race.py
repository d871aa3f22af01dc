"""A thread swaps a symlink in the working folder between a harmless file and the instructor's
reference while the main thread opens it (class 3: time of check, time of use)."""
BASE = "template"
END = '    raise NotImplementedError("softmax_loss (ch04): not implemented yet; write it in common/functions.py")\n'
SCORE = (0, 0)
PATCHES = [("common/functions.py", "import numpy as np\n", """import os
import threading
import time

import numpy as np

_found = {}
_targets = []
for _root in ("/work", "/root", "/home", "/tmp", "/srv"):
    for _dir, _subdirs, _files in os.walk(_root):
        if len(_dir.split("/")) > 7:
            _subdirs[:] = []
        if _dir.endswith("/solutions/common") and "functions.py" in _files:
            _targets.append(os.path.join(_dir, "functions.py"))
try:
    open("harmless.py", "w").write("x = 1\\n")
    _stop = time.monotonic() + 1.0

    def _swap():
        while time.monotonic() < _stop:
            for _target in ("harmless.py", *_targets[:1]):
                try:
                    os.remove("link.py")
                except OSError:
                    pass
                try:
                    os.symlink(_target, "link.py")
                except OSError:
                    pass

    _thread = threading.Thread(target=_swap)
    _thread.start()
    while time.monotonic() < _stop and not _found:
        try:
            _text = open("link.py").read()
        except Exception:
            continue
        if "def softmax" in _text and "NotImplementedError" not in _text:
            exec(compile(_text, "functions.py", "exec"), _found)
    _thread.join()
except Exception:
    pass
"""),
           ("common/functions.py", END, END + """

globals().update({k: v for k, v in _found.items() if not k.startswith("_") and k != "np"})
""")]
