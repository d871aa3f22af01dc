"""The book's step_function: np.int, which numpy 1.24 removed."""
CHECK = "ch04: step_function, sigmoid, relu and identity_function give the right values"
DIAGNOSIS = "numpy_alias_removed"
PATCHES = [("common/functions.py",
            "    return (x > 0).astype(np.int64)",
            "    return np.array(x > 0, dtype=np.int)")]
