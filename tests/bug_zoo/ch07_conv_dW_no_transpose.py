"""Convolution.backward reshapes col.T @ dout, of shape (C*FH*FW, FN), to (FN, C, FH, FW) without transposing."""
CHECK = "ch07: Convolution.backward matches numerical gradients (dx, dW, db)"
DIAGNOSIS = "misplaced_values"
BOOK_STYLE = ["Convolution"]
PATCHES = [("common/layers.py",
            '        self.dW = np.dot(self.col.T, dout).T.reshape(FN, C, FH, FW)',
            '        self.dW = np.dot(self.col.T, dout).reshape(FN, C, FH, FW)')]
