"""Affine.forward multiplies x by W as given, without flattening an (N, C, H, W) input to (N, -1)."""
CHECK = "ch05: Affine.forward gives x @ W + b, flattening N-D input"
DIAGNOSIS = "affine_no_flatten"
PATCHES = [("common/layers.py",
            """        self.original_x_shape = x.shape
        # In the weights' dtype: float32 images times float64 weights would take numpy's
        # mixed-type product, several times slower than BLAS with two threads.
        self.x = x.reshape(x.shape[0], -1).astype(np.result_type(x, self.W), copy=False)
        return self.x @ self.W + self.b""",
            """        self.original_x_shape = x.shape
        self.x = x
        return np.dot(self.x, self.W) + self.b""")]
