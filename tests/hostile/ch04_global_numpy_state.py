"""Changes numpy's global state at import: seed, error handling, print options (honest otherwise)."""
BASE = "reference"
SCORE = (100, 100)
PATCHES = [("common/functions.py", "import numpy as np\n", """import numpy as np

np.random.seed(12345)
np.seterr(all="raise")
np.set_printoptions(precision=1, threshold=3)
""")]
