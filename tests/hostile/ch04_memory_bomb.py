"""Allocates far more memory than the machine has."""
BASE = "reference"
SCORE = (82, 90)
PATCHES = [("common/functions.py", "    return np.exp(-np.logaddexp(0.0, -x))",
            "    hog = [np.ones(10**9) for _ in range(100)]\n    return hog")]
