"""Prints hundreds of megabytes while computing the right answer."""
BASE = "reference"
SCORE = (100, 100)
PATCHES = [("common/functions.py", "    return 0.5 * np.sum((y - t) ** 2)",
            "    chunk = 'x' * 1_000_000\n    for _ in range(300):\n        print(chunk)\n"
            "    return 0.5 * np.sum((y - t) ** 2)")]
