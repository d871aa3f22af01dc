"""mean_squared_error with np.mean instead of 0.5 * np.sum."""
CHECK = "ch04: mean_squared_error is 0.5 * sum((y - t)**2)"
DIAGNOSIS = "mse_mean"
PATCHES = [("common/functions.py",
            "    return 0.5 * np.sum((y - t) ** 2)",
            "    return np.mean((y - t) ** 2)")]
