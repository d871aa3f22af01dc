"""numerical_gradient that perturbs a copy of x: closures over the parameters see no change."""
CHECK = "ch04: numerical_gradient on N-D input matches the known derivatives"
DIAGNOSIS = "numgrad_copy"
PATCHES = [("common/gradient.py",
            "    grad = np.zeros_like(x, dtype=np.float64)",
            "    grad = np.zeros_like(x, dtype=np.float64)\n    x = x.copy()")]
