"""os._exit at import: the process that imports it vanishes."""
BASE = "reference"
SCORE = (20, 20)
PATCHES = [("common/functions.py", "import numpy as np\n", "import os\n\nimport numpy as np\n\nos._exit(0)\n")]
