"""Raises errors whose text is the hidden checks' source, so that the feedback would carry it
back to students (class 8)."""
BASE = "template"
SCORE = (0, 0)  # graded on ch05, where the hidden checks are
PATCHES = [("common/layers.py", "import numpy as np\n", """import os

import numpy as np

_leak = ""
try:
    import grader
    _hidden = os.path.join(os.path.dirname(os.path.abspath(grader.__file__)), "checks", "hidden")
    for _name in sorted(os.listdir(_hidden)):
        if _name.endswith(".py") and _name not in ("probes.py", "__init__.py"):
            _leak += open(os.path.join(_hidden, _name)).read()
except Exception:
    pass
if _leak:
    raise RuntimeError("LEAKED-HIDDEN-SOURCE " + _leak[:3000])
""")]
