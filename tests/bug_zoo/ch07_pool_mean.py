"""Pooling.forward averages each window instead of taking its maximum."""
CHECK = "ch07: Pooling.forward takes the maximum of every window"
DIAGNOSIS = "mean_pooling"
BOOK_STYLE = ["Pooling"]
PATCHES = [("common/layers.py",
            '        out = np.max(col, axis=1)',
            '        out = np.mean(col, axis=1)')]
