"""im2col takes the first out_h x out_w windows side by side (step 1) whatever the stride."""
CHECK = "ch07: im2col unfolds every window into one row in the book's order"
DIAGNOSIS = "stride_ignored"
PATCHES = [("common/util.py",
            "    windows = windows[:, :, : (out_h - 1) * stride + 1 : stride, : (out_w - 1) * stride + 1 : stride]",
            "    windows = windows[:, :, :out_h, :out_w]")]
