"""Affine.forward flattens x by assigning x.shape, which reshapes the caller's array too."""
CHECK = "ch05: Affine.forward gives x @ W + b, flattening N-D input"
DIAGNOSIS = "mutates_input"
PATCHES = [("common/layers.py",
            """        self.original_x_shape = x.shape
        # In the weights' dtype: float32 images times float64 weights would take numpy's
        # mixed-type product, several times slower than BLAS with two threads.
        self.x = x.reshape(x.shape[0], -1).astype(np.result_type(x, self.W), copy=False)""",
            """        self.original_x_shape = x.shape
        x.shape = (x.shape[0], -1)
        self.x = x""")]
