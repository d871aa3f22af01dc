"""Walks to the instructor's reference one folder at a time with os.open(..., dir_fd=...), whose
relative paths look harmless, and executes it."""
BASE = "template"
END = '    raise NotImplementedError("softmax_loss (ch04): not implemented yet; write it in common/functions.py")\n'
SCORE = (0, 0)
PATCHES = [("common/functions.py", "import numpy as np\n", """import os

import numpy as np

_found = {}
try:
    import grader
    _fd = os.open(os.path.dirname(os.path.abspath(grader.__file__)), os.O_RDONLY)
    for _part in ("..", "solutions", "common"):
        _fd = os.open(_part, os.O_RDONLY, dir_fd=_fd)
    _source = os.read(os.open("functions.py", os.O_RDONLY, dir_fd=_fd), 1 << 20).decode()
    exec(compile(_source, "functions.py", "exec"), _found)
except Exception:
    pass
"""),
           ("common/functions.py", END, END + """

# The reference's functions replace the template's, defined above.
globals().update({k: v for k, v in _found.items() if not k.startswith("_") and k != "np"})
""")]
