"""Pooling.forward takes the maximum per row but the argmax per column (axis=0), so backward has the wrong positions."""
CHECK = "ch07: Pooling.backward sends each window's gradient to its maximum"
DIAGNOSIS = "argmax_axis"
BOOK_STYLE = ["Pooling"]
PATCHES = [("common/layers.py",
            '        self.arg_max = np.argmax(col, axis=1)',
            '        self.arg_max = np.argmax(col, axis=0)')]
