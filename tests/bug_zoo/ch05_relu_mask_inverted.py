"""Relu.forward multiplies x by its mask, but the mask marks x <= 0, so it keeps the negative part."""
CHECK = "ch05: Relu.forward gives max(0, x) for any shape"
DIAGNOSIS = "mask_inverted"
PATCHES = [("common/layers.py",
            """        self.mask = x <= 0
        return np.maximum(x, 0)""",
            """        self.mask = x <= 0
        return x * self.mask""")]
