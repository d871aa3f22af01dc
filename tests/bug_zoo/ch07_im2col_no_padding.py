"""im2col computes the output size with the padding but forgets to pad the image."""
CHECK = "ch07: im2col unfolds every window into one row in the book's order"
DIAGNOSIS = "padding_ignored"
PATCHES = [("common/util.py",
            "    img = np.pad(input_data, [(0, 0), (0, 0), (pad, pad), (pad, pad)])\n    windows",
            "    img = input_data\n    windows")]
