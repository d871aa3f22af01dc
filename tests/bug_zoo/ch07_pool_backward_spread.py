"""Pooling.backward gives every element of a window the window's gradient, not only the maximum."""
CHECK = "ch07: Pooling.backward sends each window's gradient to its maximum"
DIAGNOSIS = "right_only_on_mask"
BOOK_STYLE = ["Pooling"]
PATCHES = [("common/layers.py",
            '        dwindows[np.arange(grads.size), self.arg_max] = grads',
            '        dwindows[:, :] = grads[:, None]')]
