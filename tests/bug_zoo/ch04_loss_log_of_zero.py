"""cross_entropy_error without the small constant: log(0) gives inf."""
CHECK = "ch04: cross_entropy_error is finite when a probability is 0"
DIAGNOSIS = "log_of_zero"
PATCHES = [("common/functions.py",
            "    return -np.sum(np.log(y[np.arange(n), t] + 1e-7)) / n",
            "    return -np.sum(np.log(y[np.arange(n), t])) / n")]
