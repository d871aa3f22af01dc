"""Forms seen in learners' copies of the book's chapter 4 code:
softmax of a batch by transposing it (the first edition's 2-D branch) and of a vector apart;
step_function as np.array(x > 0, dtype=int) (the Japanese repository's fix for the removed np.int);
sigmoid through tanh; cross_entropy_error with one-hot targets as -sum(t * log(y + 1e-7)) / N and
labels picked apart; numerical_gradient over flat positions with float(tmp_val) + h (the Korean
repository's form); a demo that prints when the module is imported, after sys.path.append(os.pardir)."""
CHAPTERS = ["ch04"]
PATCHES = [("common/functions.py",
            """import numpy as np
""",
            """import os
import sys

import numpy as np

sys.path.append(os.pardir)
"""),
           ("common/functions.py",
            """    return (x > 0).astype(np.int64)""",
            """    return np.array(x > 0, dtype=int)"""),
           ("common/functions.py",
            """    return np.exp(-np.logaddexp(0.0, -x))""",
            """    return 0.5 * (1.0 + np.tanh(0.5 * x))"""),
           ("common/functions.py",
            """    shifted = x - np.max(x, axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=-1, keepdims=True)""",
            """    if x.ndim == 2:
        columns = x.T - np.max(x.T, axis=0)
        exps = np.exp(columns)
        return (exps / np.sum(exps, axis=0)).T
    exps = np.exp(x - np.max(x))
    return exps / np.sum(exps)"""),
           ("common/functions.py",
            """    if t.size == y.size:
        t = t.argmax(axis=1)
    n = y.shape[0]
    return -np.sum(np.log(y[np.arange(n), t] + 1e-7)) / n""",
            """    batch_size = y.shape[0]
    if t.size == y.size:
        return -np.sum(t * np.log(y + 1e-7)) / batch_size
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size"""),
           ("common/functions.py",
            """def softmax_loss(X, t):""",
            """print("softmax demo:", softmax(np.array([0.3, 2.9, 4.0])))


def softmax_loss(X, t):"""),
           ("common/gradient.py",
            """    for idx in np.ndindex(x.shape):
        original = x[idx]
        try:
            x[idx] = original + h
            f_plus = f(x)
            x[idx] = original - h
            f_minus = f(x)
        finally:
            x[idx] = original
        grad[idx] = (f_plus - f_minus) / (2 * h)""",
            """    for position in range(x.size):
        idx = np.unravel_index(position, x.shape)
        tmp_val = x[idx]
        x[idx] = float(tmp_val) + h
        fxh1 = f(x)
        x[idx] = tmp_val - h
        fxh2 = f(x)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp_val""")]
