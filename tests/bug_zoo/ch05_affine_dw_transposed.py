"""Affine.backward computes dW as dout^T x, the transpose of x^T dout."""
CHECK = "ch05: Affine.backward sets dW and db matching the numerical gradient"
DIAGNOSIS = "transposed"
PATCHES = [("common/layers.py", "        self.dW = self.x.T @ dout", "        self.dW = np.dot(dout.T, self.x)")]
