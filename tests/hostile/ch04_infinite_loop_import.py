"""An endless loop at import of common/functions.py (the gradient module is fine)."""
BASE = "reference"
SCORE = (20, 20)
PATCHES = [("common/functions.py", "import numpy as np\n", "import numpy as np\n\nwhile True:\n    pass\n")]
