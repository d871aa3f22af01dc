"""The grader's own mathematics: what every answer should be, from first principles.

Written for clarity, not speed (naive loops where the definition is a loop), in float64.
Nothing here is shared with the reference solution or the student template.
"""
import numpy as np

NUMERICAL_STEP = 1e-6


def numerical_gradient(f, x, h=NUMERICAL_STEP):
    """Central differences of the scalar function f at x (x: float64 array, restored)."""
    x = np.array(x, dtype=np.float64)
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        original = x[index]
        x[index] = original + h
        up = f(x)
        x[index] = original - h
        down = f(x)
        x[index] = original
        grad[index] = (up - down) / (2 * h)
    return grad


def numerical_gradients(loss, params, h=NUMERICAL_STEP):
    """Numerical gradient of ``loss(params)`` for every array of the dict ``params``."""
    params = {k: np.array(v, dtype=np.float64) for k, v in params.items()}
    grads = {}
    for key in params:
        def with_key(value, key=key):
            return loss({**params, key: value})
        grads[key] = numerical_gradient(with_key, params[key], h)
    return grads


def output_gradient(forward, x, dout):
    """Gradient of sum(forward(x) * dout) with respect to x: what a layer's backward
    should return for the upstream gradient dout."""
    return numerical_gradient(lambda v: float(np.sum(forward(v) * dout)), x)


# ------------------------------------------------------------------ functions

def sigmoid(x):
    x = np.asarray(x, dtype=np.float64)
    return np.where(x >= 0, 1 / (1 + np.exp(-np.abs(x))), np.exp(-np.abs(x)) / (1 + np.exp(-np.abs(x))))


def relu(x):
    return np.where(x > 0, x, 0.0)


def softmax(x):
    x = np.asarray(x, dtype=np.float64)
    z = x - x.max(axis=-1, keepdims=True)
    return np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)


def batch_and_labels(y, t):
    """(N, K) float64 scores or probabilities and (N,) integer labels, from a batch or
    from one sample, with t given as labels or one-hot."""
    y = np.asarray(y, dtype=np.float64)
    t = np.asarray(t)
    if y.ndim == 1:
        y = y[None, :]
        t = t.reshape(1, -1) if t.size == y.size else t.reshape(1)
    labels = t.argmax(axis=1) if t.ndim == 2 else t.astype(int)
    return y, labels


def cross_entropy(y, t):
    """Mean over the batch of -log y[n, t_n]; exact (no small constant)."""
    y, labels = batch_and_labels(y, t)
    return float(-np.mean(np.log(y[np.arange(len(y)), labels])))


def softmax_cross_entropy(x, t):
    """Mean cross-entropy of softmax(x) against labels or one-hot t, by log-sum-exp."""
    x, labels = batch_and_labels(x, t)
    m = x.max(axis=1, keepdims=True)
    log_z = (m + np.log(np.exp(x - m).sum(axis=1, keepdims=True)))[:, 0]
    return float(np.mean(log_z - x[np.arange(len(x)), labels]))


# ------------------------------------------------------------------ layers

def affine(x, W, b):
    x = np.asarray(x, dtype=np.float64)
    return x.reshape(x.shape[0], -1) @ W + b


def batchnorm_train(x, gamma, beta, eps=1e-7):
    """Batch normalisation of (N, D) or (N, C, H, W) flattened to (N, C*H*W), as in the book."""
    x2 = np.asarray(x, dtype=np.float64).reshape(len(x), -1)
    mean = x2.mean(axis=0)
    var = x2.var(axis=0)
    out = gamma * (x2 - mean) / np.sqrt(var + eps) + beta
    return out.reshape(np.shape(x)), mean, var


def conv_output_size(size, filter_size, stride, pad):
    return (size + 2 * pad - filter_size) // stride + 1


def convolution(x, W, b, stride=1, pad=0):
    """out[n, f, i, j] = sum over c, p, q of x_pad[n, c, i*s+p, j*s+q] * W[f, c, p, q] + b[f]."""
    x = np.pad(np.asarray(x, dtype=np.float64), [(0, 0), (0, 0), (pad, pad), (pad, pad)])
    n, _, h, w = x.shape
    fn, _, fh, fw = W.shape
    out_h = (h - fh) // stride + 1
    out_w = (w - fw) // stride + 1
    out = np.zeros((n, fn, out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            window = x[:, :, i * stride:i * stride + fh, j * stride:j * stride + fw]
            out[:, :, i, j] = np.tensordot(window, W, axes=([1, 2, 3], [1, 2, 3])) + b
    return out


def max_pooling(x, pool_h, pool_w, stride, pad=0):
    x = np.pad(np.asarray(x, dtype=np.float64), [(0, 0), (0, 0), (pad, pad), (pad, pad)],
               constant_values=0.0)
    n, c, h, w = x.shape
    out_h = (h - pool_h) // stride + 1
    out_w = (w - pool_w) // stride + 1
    out = np.zeros((n, c, out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            out[:, :, i, j] = x[:, :, i * stride:i * stride + pool_h, j * stride:j * stride + pool_w].max(axis=(2, 3))
    return out


def im2col(x, filter_h, filter_w, stride=1, pad=0):
    """Rows (n, i, j), columns (c, p, q): the book's layout, by a plain loop."""
    x = np.pad(np.asarray(x, dtype=np.float64), [(0, 0), (0, 0), (pad, pad), (pad, pad)])
    n, c, h, w = x.shape
    out_h = (h - filter_h) // stride + 1
    out_w = (w - filter_w) // stride + 1
    rows = []
    for image in range(n):
        for i in range(out_h):
            for j in range(out_w):
                rows.append(x[image, :, i * stride:i * stride + filter_h, j * stride:j * stride + filter_w].ravel())
    return np.array(rows).reshape(n * out_h * out_w, c * filter_h * filter_w)


# ------------------------------------------------------------------ networks

def small_constant_room(scores, labels):
    """How far the book's + 1e-7 inside the log may move a mean cross-entropy loss (twice that):
    log(p + 1e-7) - log(p) is about 1e-7 / p, p the target's probability."""
    p = softmax(scores)[np.arange(len(labels)), labels]
    return 2e-7 * float(np.mean(1 / p))


def mlp_scores(params, x, hidden_layers, activation="relu", batchnorm=False):
    """Scores (before softmax) of the book's MultiLayerNet(Extend) (dropout off) at ``params``."""
    act = relu if activation == "relu" else sigmoid
    h = np.asarray(x, dtype=np.float64)
    for i in range(1, hidden_layers + 1):
        h = affine(h, params[f"W{i}"], params[f"b{i}"])
        if batchnorm:
            h = batchnorm_train(h, params[f"gamma{i}"], params[f"beta{i}"])[0]
        h = act(h)
    last = hidden_layers + 1
    return affine(h, params[f"W{last}"], params[f"b{last}"])


def mlp_loss(params, x, t, hidden_layers, activation="relu", weight_decay=0.0, batchnorm=False):
    """Loss of the book's MultiLayerNet(Extend) (dropout off) at ``params``."""
    scores = mlp_scores(params, x, hidden_layers, activation, batchnorm)
    decay = sum(np.sum(params[f"W{i}"] ** 2) for i in range(1, hidden_layers + 2))
    return softmax_cross_entropy(scores, t) + 0.5 * weight_decay * decay


def simple_convnet_scores(params, x, stride, pad):
    h = relu(convolution(x, params["W1"], params["b1"], stride, pad))
    h = max_pooling(h, 2, 2, 2)
    h = relu(affine(h, params["W2"], params["b2"]))
    return affine(h, params["W3"], params["b3"])


def simple_convnet_loss(params, x, t, stride, pad):
    return softmax_cross_entropy(simple_convnet_scores(params, x, stride, pad), t)
