"""Looks through the whole filesystem for another student's finished common/functions.py during a
batch and uses it (class 4)."""
BASE = "template"
END = '    raise NotImplementedError("softmax_loss (ch04): not implemented yet; write it in common/functions.py")\n'
SCORE = (0, 0)
PATCHES = [("common/functions.py", "import numpy as np\n", """import os

import numpy as np

_found = {}
try:
    for _dir, _subdirs, _files in os.walk("/"):
        _subdirs[:] = [d for d in _subdirs if d not in ("proc", "sys", "dev", "usr")]
        if len(_dir.split("/")) > 9:
            _subdirs[:] = []
        if _dir.endswith("/common") and "functions.py" in _files:
            try:
                _text = open(os.path.join(_dir, "functions.py")).read()
            except OSError:
                continue
            if "def softmax" in _text and "not implemented yet" not in _text:
                exec(compile(_text, "functions.py", "exec"), _found)
                break
except Exception:
    pass
"""),
           ("common/functions.py", END, END + """

globals().update({k: v for k, v in _found.items() if not k.startswith("_") and k != "np"})
""")]
