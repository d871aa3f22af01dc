"""Affine.backward sums dout over everything for db (np.sum(dout) without axis=0)."""
CHECK = "ch05: Affine.backward sets dW and db matching the numerical gradient"
DIAGNOSIS = "sum_without_axis"
PATCHES = [("common/layers.py",
            """        self.dW = self.x.T @ dout
        self.db = dout.sum(axis=0)""",
            """        self.dW = self.x.T @ dout
        self.db = np.sum(dout)""")]
