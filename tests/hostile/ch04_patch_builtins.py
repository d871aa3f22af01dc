"""Replaces builtins (abs, max, isinstance, float) to bend comparisons."""
BASE = "template"
SCORE = (0, 0)
PATCHES = [("common/functions.py", "import numpy as np\n", """import builtins

import numpy as np

builtins.abs = lambda x: 0
builtins.max = lambda *a, **k: 0
builtins.float = lambda *a: 0.0
builtins.isinstance = lambda *a: True
""")]
