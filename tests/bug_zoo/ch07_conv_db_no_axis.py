"""Convolution.backward sums dout over everything for db (one number) instead of per filter."""
CHECK = "ch07: Convolution.backward matches numerical gradients (dx, dW, db)"
DIAGNOSIS = "sum_without_axis"
PATCHES = [("common/layers.py",
            "        dout = dout.transpose(0, 2, 3, 1).reshape(-1, fn)\n        self.db = dout.sum(axis=0)",
            "        dout = dout.transpose(0, 2, 3, 1).reshape(-1, fn)\n        self.db = np.sum(dout)")]
