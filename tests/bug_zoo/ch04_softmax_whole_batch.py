"""softmax normalised over the whole batch instead of each row."""
CHECK = "ch04: softmax rows are probabilities that sum to 1"
DIAGNOSIS = "softmax_whole_batch"
PATCHES = [("common/functions.py",
            "    return e / np.sum(e, axis=-1, keepdims=True)",
            "    return e / np.sum(e)")]
