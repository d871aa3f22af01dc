"""Dropout draws its mask on the first training call only and reuses it forever."""
CHECK = "ch06: Dropout.forward drops units in training and keeps the expected output in test mode"
DIAGNOSIS = "dropout_mask_reused"
PATCHES = [("common/layers.py",
            "            self.mask = np.random.rand(*x.shape) > self.dropout_ratio",
            """            if self.mask is None:
                self.mask = np.random.rand(*x.shape) > self.dropout_ratio""")]
