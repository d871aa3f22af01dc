"""numerical_gradient with np.nditer, relu and step with np.where, sigmoid by 1 / (1 + exp(-x))."""
CHAPTERS = ["ch04"]
PATCHES = [("common/gradient.py",
            """    for idx in np.ndindex(x.shape):
        original = x[idx]
        try:
            x[idx] = original + h
            f_plus = f(x)
            x[idx] = original - h
            f_minus = f(x)
        finally:
            x[idx] = original
        grad[idx] = (f_plus - f_minus) / (2 * h)
    return grad""",
            """    it = np.nditer(x, flags=["multi_index"], op_flags=["readwrite"])
    while not it.finished:
        i = it.multi_index
        keep = float(x[i])
        x[i] = keep + h
        up = f(x)
        x[i] = keep - h
        down = f(x)
        grad[i] = (up - down) / (2 * h)
        x[i] = keep
        it.iternext()
    return grad"""),
           ("common/functions.py", "    return np.maximum(0, x)", "    return np.where(x > 0, x, 0)"),
           ("common/functions.py", "    return (x > 0).astype(np.int64)", "    return np.where(x > 0, 1, 0)"),
           ("common/functions.py", "    return np.exp(-np.logaddexp(0.0, -x))", "    return 1 / (1 + np.exp(-x))")]
