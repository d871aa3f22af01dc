"""Activation and loss functions (chapters 3 to 5).

Every function takes numpy arrays and returns new arrays; none modifies its input.
"""
import numpy as np


def identity_function(x):
    """Return x unchanged (the output activation of a regression network)."""
    ### BEGIN SOLUTION
    return x
    ### END SOLUTION


def step_function(x):
    """Heaviside step: 1 where x > 0, else 0.

    x: array of any shape. Returns an integer array of the same shape.
    Hint: a boolean comparison, converted with ``astype``.
    """
    ### BEGIN SOLUTION
    return (x > 0).astype(np.int64)
    ### END SOLUTION


def sigmoid(x):
    """Logistic function 1 / (1 + exp(-x)), elementwise.

    x: array of any shape. Must not overflow for large |x| (e.g. x = -1000).
    Hint: 1 / (1 + exp(-x)) = exp(-log(1 + exp(-x))), and ``np.logaddexp(0, -x)``
    computes log(1 + exp(-x)) without overflow.
    """
    ### BEGIN SOLUTION
    return np.exp(-np.logaddexp(0.0, -x))
    ### END SOLUTION


def sigmoid_grad(x):
    """Derivative of the sigmoid at x: s * (1 - s) with s = sigmoid(x)."""
    ### BEGIN SOLUTION
    s = sigmoid(x)
    return s * (1.0 - s)
    ### END SOLUTION


def relu(x):
    """Rectified linear unit max(0, x), elementwise; a new array."""
    ### BEGIN SOLUTION
    return np.maximum(0, x)
    ### END SOLUTION


def relu_grad(x):
    """Derivative of relu at x: a float array of the same shape, 1.0 where x > 0, else 0.0."""
    ### BEGIN SOLUTION
    return (x > 0).astype(np.float64)
    ### END SOLUTION


def softmax(x):
    """Softmax over the last axis: each row of a 2-D x becomes a probability vector.

    x: (N, K) scores, or (K,) for one sample. Returns an array of x's shape whose rows
    are positive and sum to 1.
    Hint: softmax(x) = softmax(x - c) for any constant c per row; subtracting the row's
    maximum keeps exp from overflowing.
    """
    ### BEGIN SOLUTION
    shifted = x - np.max(x, axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=-1, keepdims=True)
    ### END SOLUTION


def mean_squared_error(y, t):
    """0.5 * sum((y - t)**2) over all elements (the book's definition; not averaged)."""
    ### BEGIN SOLUTION
    return 0.5 * np.sum((y - t) ** 2)
    ### END SOLUTION


def cross_entropy_error(y, t):
    """Mean cross-entropy of predicted probabilities y against targets t.

    y: (N, K) probabilities, or (K,) for one sample.
    t: (N, K) one-hot targets, or (N,) integer labels (or (K,) / scalar for one sample).
    Returns a float: -sum(log(y[n, t_n] + 1e-7)) / N. The small constant keeps the
    loss finite when a probability is 0.
    Hint: turn one-hot t into labels with argmax, then pick y[np.arange(N), t].
    """
    ### BEGIN SOLUTION
    y = np.asarray(y)
    t = np.asarray(t)
    if y.ndim == 1:
        y = y.reshape(1, -1)
        t = t.reshape(1, -1) if t.size == y.size else t.reshape(1)
    if t.size == y.size:
        t = t.argmax(axis=1)
    n = y.shape[0]
    return -np.sum(np.log(y[np.arange(n), t] + 1e-7)) / n
    ### END SOLUTION


def softmax_loss(X, t):
    """Cross-entropy of softmax(X) against t (one-hot or labels), averaged over the batch."""
    ### BEGIN SOLUTION
    return cross_entropy_error(softmax(X), t)
    ### END SOLUTION
