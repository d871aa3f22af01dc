"""Pooling.backward gives every element of a window the window's gradient, not only the maximum."""
CHECK = "ch07: Pooling.backward sends each window's gradient to its maximum"
DIAGNOSIS = "right_only_on_mask"
PATCHES = [("common/layers.py",
            "        dmax[np.arange(dout.size), self.arg_max] = dout",
            "        dmax[:, :] = dout[:, None]")]
