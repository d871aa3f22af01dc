"""Convolution.backward sums dout over everything for db (one number) instead of per filter."""
CHECK = "ch07: Convolution.backward matches numerical gradients (dx, dW, db)"
DIAGNOSIS = "sum_without_axis"
BOOK_STYLE = ["Convolution"]
PATCHES = [("common/layers.py",
            '        self.db = np.sum(dout, axis=0)\n        self.dW = np.dot(self.col.T, dout)',
            '        self.db = np.sum(dout)\n        self.dW = np.dot(self.col.T, dout)')]
