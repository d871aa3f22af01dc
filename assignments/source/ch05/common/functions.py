"""Activation and loss functions (chapters 3 to 5).

Every function takes numpy arrays and returns new arrays; none modifies its input.
"""
import numpy as np


def identity_function(x):
    """Return x unchanged (the output activation of a regression network)."""
    raise NotImplementedError("identity_function (ch04): not implemented yet; write it in common/functions.py")


def step_function(x):
    """Heaviside step: 1 where x > 0, else 0.

    x: array of any shape. Returns an integer array of the same shape.
    Hint: a boolean comparison, converted with ``astype``.
    """
    raise NotImplementedError("step_function (ch04): not implemented yet; write it in common/functions.py")


def sigmoid(x):
    """Logistic function 1 / (1 + exp(-x)), elementwise.

    x: array of any shape. Must not overflow for large |x| (e.g. x = -1000).
    Hint: 1 / (1 + exp(-x)) = exp(-log(1 + exp(-x))), and ``np.logaddexp(0, -x)``
    computes log(1 + exp(-x)) without overflow.
    """
    raise NotImplementedError("sigmoid (ch04): not implemented yet; write it in common/functions.py")


def sigmoid_grad(x):
    """Derivative of the sigmoid at x: s * (1 - s) with s = sigmoid(x)."""
    raise NotImplementedError("sigmoid_grad (ch04): not implemented yet; write it in common/functions.py")


def relu(x):
    """Rectified linear unit max(0, x), elementwise; a new array."""
    raise NotImplementedError("relu (ch04): not implemented yet; write it in common/functions.py")


def relu_grad(x):
    """Derivative of relu at x: a float array of the same shape, 1.0 where x > 0, else 0.0."""
    raise NotImplementedError("relu_grad (ch04): not implemented yet; write it in common/functions.py")


def softmax(x):
    """Softmax over the last axis: each row of a 2-D x becomes a probability vector.

    x: (N, K) scores, or (K,) for one sample. Returns an array of x's shape whose rows
    are positive and sum to 1.
    Hint: softmax(x) = softmax(x - c) for any constant c per row; subtracting the row's
    maximum keeps exp from overflowing.
    """
    raise NotImplementedError("softmax (ch04): not implemented yet; write it in common/functions.py")


def mean_squared_error(y, t):
    """0.5 * sum((y - t)**2) over all elements (the book's definition; not averaged)."""
    raise NotImplementedError("mean_squared_error (ch04): not implemented yet; write it in common/functions.py")


def cross_entropy_error(y, t):
    """Mean cross-entropy of predicted probabilities y against targets t.

    y: (N, K) probabilities, or (K,) for one sample.
    t: (N, K) one-hot targets, or (N,) integer labels (or (K,) / scalar for one sample).
    Returns a float: -sum(log(y[n, t_n] + 1e-7)) / N. The small constant keeps the
    loss finite when a probability is 0.
    Hint: turn one-hot t into labels with argmax, then pick y[np.arange(N), t].
    """
    raise NotImplementedError("cross_entropy_error (ch04): not implemented yet; write it in common/functions.py")


def softmax_loss(X, t):
    """Cross-entropy of softmax(X) against t (one-hot or labels), averaged over the batch."""
    raise NotImplementedError("softmax_loss (ch04): not implemented yet; write it in common/functions.py")
