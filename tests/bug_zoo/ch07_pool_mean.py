"""Pooling.forward averages each window instead of taking its maximum."""
CHECK = "ch07: Pooling.forward takes the maximum of every window"
DIAGNOSIS = "mean_pooling"
PATCHES = [("common/layers.py",
            "        out = col[np.arange(col.shape[0]), self.arg_max]",
            "        out = np.mean(col, axis=1)")]
