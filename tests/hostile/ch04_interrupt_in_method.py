"""KeyboardInterrupt and SystemExit raised from methods."""
BASE = "reference"
SCORE = (68, 90)
PATCHES = [("common/functions.py", "    return np.exp(-np.logaddexp(0.0, -x))", "    raise KeyboardInterrupt"),
           ("common/functions.py", "    return 0.5 * np.sum((y - t) ** 2)", "    raise SystemExit(0)")]
