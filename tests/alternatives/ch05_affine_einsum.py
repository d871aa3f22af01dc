"""Affine with np.einsum and np.tensordot, flattening with np.reshape(x, (len(x), -1))."""
CHAPTERS = ["ch05"]
PATCHES = [("common/layers.py",
            """        self.original_x_shape = x.shape
        # In the weights' dtype: float32 images times float64 weights would take numpy's
        # mixed-type product, several times slower than BLAS with two threads.
        self.x = x.reshape(x.shape[0], -1).astype(np.result_type(x, self.W), copy=False)
        return self.x @ self.W + self.b""",
            """        self.original_x_shape = x.shape
        self.x = np.reshape(x, (len(x), -1))
        return np.einsum("nd,dm->nm", self.x, self.W) + self.b[np.newaxis, :]"""),
           ("common/layers.py",
            """        self.dW = self.x.T @ dout
        self.db = dout.sum(axis=0)
        dx = dout @ self.W.T
        return dx.reshape(self.original_x_shape)""",
            """        self.dW = np.einsum("nd,nm->dm", self.x, dout)
        self.db = np.einsum("nm->m", dout)
        dx = np.tensordot(dout, self.W, axes=([1], [1]))
        return np.reshape(dx, self.original_x_shape)""")]
