"""sys.exit at import."""
BASE = "reference"
SCORE = (20, 20)
PATCHES = [("common/functions.py", "import numpy as np\n", "import sys\n\nimport numpy as np\n\nsys.exit(0)\n")]
