"""cross_entropy_error summed over the batch, not averaged."""
CHECK = "ch04: cross_entropy_error with one-hot targets is averaged over the batch"
DIAGNOSIS = "factor_n"
PATCHES = [("common/functions.py",
            "    return -np.sum(np.log(y[np.arange(n), t] + 1e-7)) / n",
            "    return -np.sum(np.log(y[np.arange(n), t] + 1e-7))")]
