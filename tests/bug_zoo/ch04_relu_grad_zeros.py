"""The book's relu_grad: np.zeros(x) instead of np.zeros_like(x)."""
CHECK = "ch04: sigmoid_grad and relu_grad are the derivatives"
DIAGNOSIS = "zeros_not_zeros_like"
PATCHES = [("common/functions.py",
            "    return (x > 0).astype(np.float64)",
            """    grad = np.zeros(x)
    grad[x >= 0] = 1
    return grad""")]
