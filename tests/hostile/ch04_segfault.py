"""Crashes the interpreter through ctypes."""
BASE = "reference"
SCORE = (82, 90)
PATCHES = [("common/functions.py", "    return np.exp(-np.logaddexp(0.0, -x))",
            "    import ctypes\n    ctypes.string_at(0)")]
