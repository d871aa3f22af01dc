"""Relu.forward zeroes the negative entries of x itself (x[mask] = 0) and returns x."""
CHECK = "ch05: Relu.forward leaves its input unchanged"
DIAGNOSIS = "mutates_input"
PATCHES = [("common/layers.py",
            """        self.mask = x <= 0
        return np.maximum(x, 0)""",
            """        self.mask = x <= 0
        x[self.mask] = 0
        return x""")]
