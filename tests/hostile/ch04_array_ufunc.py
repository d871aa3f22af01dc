"""Returns objects that hijack every numpy operation through __array_ufunc__ and __array_function__."""
BASE = "template"
SCORE = (0, 0)
PATCHES = [("common/functions.py", "import numpy as np\n", """import numpy as np


class Hijack:
    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs): return True
    def __array_function__(self, func, types, args, kwargs): return True
    def __array__(self, dtype=None, copy=None): return np.zeros(3)


def _hijack(*args, **kwargs):
    return Hijack()
"""), ("common/functions.py", "def softmax(x):", "softmax = _hijack\n\n\ndef _softmax(x):"),
    ("common/functions.py", "def relu(x):", "relu = _hijack\n\n\ndef _relu(x):")]
