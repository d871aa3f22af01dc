"""Dropout.backward draws a fresh random mask instead of reusing the forward's."""
CHECK = "ch06: Dropout.backward passes the gradient through the units kept by the last forward"
DIAGNOSIS = "dropout_new_mask"
PATCHES = [("common/layers.py",
            "        return dout * self.mask",
            "        return dout * (np.random.rand(*dout.shape) > self.dropout_ratio)")]
