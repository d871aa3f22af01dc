"""Affine.forward flattens x by assigning x.shape, which reshapes the caller's array too."""
CHECK = "ch05: Affine.forward gives x @ W + b, flattening N-D input"
DIAGNOSIS = "mutates_input"
PATCHES = [("common/layers.py",
            """        self.original_x_shape = x.shape
        self.x = x.reshape(x.shape[0], -1)""",
            """        self.original_x_shape = x.shape
        x.shape = (x.shape[0], -1)
        self.x = x""")]
