"""Convolution.backward reshapes col.T @ dout, of shape (C*FH*FW, FN), to (FN, C, FH, FW) without transposing."""
CHECK = "ch07: Convolution.backward matches numerical gradients (dx, dW, db)"
DIAGNOSIS = "misplaced_values"
PATCHES = [("common/layers.py",
            "        self.dW = (self.col.T @ dout).T.reshape(fn, c, fh, fw)",
            "        self.dW = (self.col.T @ dout).reshape(fn, c, fh, fw)")]
