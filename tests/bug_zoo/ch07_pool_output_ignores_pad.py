"""Pooling.forward computes its output size without pad, as the book's own code does, while
im2col pads: with pad > 0 the windows do not fit the reshape."""
CHECK = "ch07: Pooling.forward takes the maximum of every window"
DIAGNOSIS = "pool_output_ignores_pad"
BOOK_STYLE = ["Pooling"]
PATCHES = [("common/layers.py",
            """        out_h = (H + 2 * self.pad - self.pool_h) // self.stride + 1
        out_w = (W + 2 * self.pad - self.pool_w) // self.stride + 1

        # im2col gives""",
            """        out_h = int(1 + (H - self.pool_h) / self.stride)
        out_w = int(1 + (W - self.pool_w) / self.stride)

        # im2col gives""")]
