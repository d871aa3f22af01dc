"""Pooling.backward flattens dout in (N, C, out_h, out_w) order, but the rows of arg_max are (N, out_h, out_w, C)."""
CHECK = "ch07: Pooling.backward sends each window's gradient to its maximum"
DIAGNOSIS = "misplaced_values"
BOOK_STYLE = ["Pooling"]
PATCHES = [("common/layers.py",
            '        grads = dout.transpose(0, 2, 3, 1).flatten()',
            '        grads = dout.flatten()')]
