"""cross_entropy_error written for one-hot targets only: labels are multiplied as if one-hot."""
CHECK = "ch04: cross_entropy_error with label targets is averaged over the batch"
DIAGNOSIS = "labels_as_one_hot"
PATCHES = [("common/functions.py",
            """    if t.size == y.size:
        t = t.argmax(axis=1)
    n = y.shape[0]
    return -np.sum(np.log(y[np.arange(n), t] + 1e-7)) / n""",
            """    n = y.shape[0]
    return -np.sum(t * np.log(y + 1e-7)) / n""")]
