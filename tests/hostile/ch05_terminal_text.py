"""Errors whose text acts on a terminal without an escape character: a carriage return and
backspaces that overwrite the line with a forged total, bidi isolates and marks that reorder
it, a next-line control, a line separator; and an exception class whose name and module are
such text."""
BASE = "template"
SCORE = (0, 0)
PATCHES = [("common/layers.py", "import numpy as np\n", """import numpy as np

_FORGED = "\\r" + "\\x08" * 40 + "ch05 total: 100 / 100\\u2066\\u200f\\u2069\\x85\\u2028passed"


class _Forged(Exception):
    pass


_Forged.__name__ = _Forged.__qualname__ = "\\rAll checks passed\\x08\\u2066"
_Forged.__module__ = "\\x85\\u2028grader"
"""), ("common/layers.py",
        '        raise NotImplementedError("Relu.forward (ch05): not implemented yet; '
        'write it in common/layers.py")',
        "        raise _Forged(_FORGED)"),
           ("common/layers.py",
        '        raise NotImplementedError("Sigmoid.forward (ch05): not implemented yet; '
        'write it in common/layers.py")',
        "        raise ValueError(_FORGED)")]
