"""Layers with forward and backward passes (chapters 5 to 7).

Each layer keeps what its backward pass needs from the last forward call. ``backward``
receives dout, the gradient of the loss with respect to the layer's output, and returns
the gradient with respect to its input; layers with parameters also store the
parameter gradients (``dW``, ``db``, ...). No layer modifies the arrays it is given.
"""
import numpy as np

from common.functions import cross_entropy_error, sigmoid, softmax
from common.util import col2im, im2col


class Relu:
    """out = max(0, x). ``mask`` marks where x <= 0 (where no gradient flows)."""

    def __init__(self):
        self.mask = None

    def forward(self, x):
        """x: any shape. Returns an array of x's shape; x itself is left unchanged."""
        ### BEGIN SOLUTION
        self.mask = x <= 0
        return np.where(self.mask, 0, x)
        ### END SOLUTION

    def backward(self, dout):
        """dout: shape of the forward output. Returns dx: dout where x > 0, else 0."""
        ### BEGIN SOLUTION
        return np.where(self.mask, 0, dout)
        ### END SOLUTION


class Sigmoid:
    """out = 1 / (1 + exp(-x)). Keeps ``out``: the derivative is out * (1 - out)."""

    def __init__(self):
        self.out = None

    def forward(self, x):
        """x: any shape. Returns sigmoid(x)."""
        ### BEGIN SOLUTION
        self.out = sigmoid(x)
        return self.out
        ### END SOLUTION

    def backward(self, dout):
        """Returns dx = dout * out * (1 - out)."""
        ### BEGIN SOLUTION
        return dout * self.out * (1.0 - self.out)
        ### END SOLUTION


class Affine:
    """Fully connected layer: out = x @ W + b.

    W: (D, M), b: (M,). An N-D input (N, d1, d2, ...) is flattened to (N, D) first.
    After backward: dW: (D, M), db: (M,).
    """

    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.original_x_shape = None
        self.dW = None
        self.db = None

    def forward(self, x):
        """x: (N, D) or (N, d1, d2, ...) with d1 * d2 * ... = D. Returns (N, M)."""
        ### BEGIN SOLUTION
        self.original_x_shape = x.shape
        self.x = x.reshape(x.shape[0], -1)
        return self.x @ self.W + self.b
        ### END SOLUTION

    def backward(self, dout):
        """dout: (N, M). Sets dW = x^T dout and db = column sums of dout; returns dx in x's shape."""
        ### BEGIN SOLUTION
        self.dW = self.x.T @ dout
        self.db = dout.sum(axis=0)
        dx = dout @ self.W.T
        return dx.reshape(self.original_x_shape)
        ### END SOLUTION


class SoftmaxWithLoss:
    """Softmax followed by the cross-entropy loss, averaged over the batch.

    Keeps ``y`` (the softmax output), ``t`` (the targets) and ``loss``.
    """

    def __init__(self):
        self.loss = None
        self.y = None
        self.t = None

    def forward(self, x, t):
        """x: (N, K) scores; t: (N, K) one-hot or (N,) labels. Returns the mean loss (float)."""
        ### BEGIN SOLUTION
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss
        ### END SOLUTION

    def backward(self, dout=1):
        """Returns dx: (N, K) = dout * (y - t) / N, with t as one-hot.

        Hint: with labels, subtract 1 at y[np.arange(N), t] instead of building one-hot t.
        """
        ### BEGIN SOLUTION
        n = self.y.shape[0]
        dx = self.y.copy()
        if self.t.size == self.y.size:
            dx -= self.t
        else:
            dx[np.arange(n), self.t] -= 1
        return dx * (dout / n)
        ### END SOLUTION


class Dropout:
    """Randomly silences units while training (Srivastava et al., 2014).

    Training: each unit is kept with probability 1 - dropout_ratio (``mask`` marks the
    kept ones). Test: every unit is kept and the output is scaled by 1 - dropout_ratio,
    so that the expected training output equals the test output.
    """

    def __init__(self, dropout_ratio=0.5):
        self.dropout_ratio = dropout_ratio
        self.mask = None

    def forward(self, x, train_flg=True):
        """x: any shape. Draws a new mask with np.random on every training call."""
        ### BEGIN SOLUTION
        if train_flg:
            self.mask = np.random.rand(*x.shape) > self.dropout_ratio
            return x * self.mask
        return x * (1.0 - self.dropout_ratio)
        ### END SOLUTION

    def backward(self, dout):
        """Gradient flows only through the units kept in the last training forward."""
        ### BEGIN SOLUTION
        return dout * self.mask
        ### END SOLUTION


class BatchNormalization:
    """Batch normalisation (Ioffe and Szegedy, 2015).

    gamma, beta: (D,). A 2-D input x: (N, D) is normalised per column; a 4-D input
    (N, C, H, W) is flattened to (N, C*H*W) first, as in the book (so D = C*H*W).
    Training uses the batch mean and variance and updates the running averages:
    running = momentum * running + (1 - momentum) * batch statistic. Test mode uses the
    running averages. After backward: dgamma, dbeta: (D,).
    """

    def __init__(self, gamma, beta, momentum=0.9, running_mean=None, running_var=None):
        self.gamma = gamma
        self.beta = beta
        self.momentum = momentum
        self.input_shape = None
        self.running_mean = running_mean
        self.running_var = running_var
        self.batch_size = None
        self.xc = None
        self.std = None
        self.xn = None
        self.dgamma = None
        self.dbeta = None

    def forward(self, x, train_flg=True):
        """x: (N, D) or (N, C, H, W). Returns an array of x's shape."""
        self.input_shape = x.shape
        x2 = x.reshape(x.shape[0], -1)
        ### BEGIN SOLUTION
        eps = 1e-7
        if self.running_mean is None:
            self.running_mean = np.zeros(x2.shape[1])
            self.running_var = np.zeros(x2.shape[1])
        if train_flg:
            mean = x2.mean(axis=0)
            self.xc = x2 - mean
            var = np.mean(self.xc**2, axis=0)
            self.std = np.sqrt(var + eps)
            self.xn = self.xc / self.std
            self.batch_size = x2.shape[0]
            self.running_mean = self.momentum * self.running_mean + (1 - self.momentum) * mean
            self.running_var = self.momentum * self.running_var + (1 - self.momentum) * var
            xn = self.xn
        else:
            xn = (x2 - self.running_mean) / np.sqrt(self.running_var + eps)
        out = self.gamma * xn + self.beta
        ### END SOLUTION
        return out.reshape(self.input_shape)

    def backward(self, dout):
        """dout: x's shape. Returns dx in x's shape; sets dgamma and dbeta.

        Hint: with xn = xc / std, dx = (dxn - mean(dxn) - xn * mean(dxn * xn)) / std
        where dxn = gamma * dout and the means are over the batch.
        """
        dout2 = dout.reshape(dout.shape[0], -1)
        ### BEGIN SOLUTION
        self.dbeta = dout2.sum(axis=0)
        self.dgamma = np.sum(self.xn * dout2, axis=0)
        dxn = self.gamma * dout2
        dx = (dxn - dxn.mean(axis=0) - self.xn * np.mean(dxn * self.xn, axis=0)) / self.std
        ### END SOLUTION
        return dx.reshape(self.input_shape)


class Convolution:
    """2-D convolution (cross-correlation, as in every deep learning library).

    W: (FN, C, FH, FW) filters, b: (FN,). Input x: (N, C, H, W); output
    (N, FN, out_h, out_w) with out_h = (H + 2*pad - FH) // stride + 1 (likewise out_w).
    After backward: dW: (FN, C, FH, FW), db: (FN,).
    """

    def __init__(self, W, b, stride=1, pad=0):
        self.W = W
        self.b = b
        self.stride = stride
        self.pad = pad
        self.x = None
        self.col = None
        self.col_W = None
        self.dW = None
        self.db = None

    def forward(self, x):
        """x: (N, C, H, W). Returns (N, FN, out_h, out_w).

        Hint: im2col turns the convolution into one matrix product with W.reshape(FN, -1).T.
        """
        ### BEGIN SOLUTION
        fn, _, fh, fw = self.W.shape
        n, _, h, w = x.shape
        out_h = (h + 2 * self.pad - fh) // self.stride + 1
        out_w = (w + 2 * self.pad - fw) // self.stride + 1
        self.x = x
        self.col = im2col(x, fh, fw, self.stride, self.pad)
        self.col_W = self.W.reshape(fn, -1).T
        out = self.col @ self.col_W + self.b
        return out.reshape(n, out_h, out_w, fn).transpose(0, 3, 1, 2)
        ### END SOLUTION

    def backward(self, dout):
        """dout: (N, FN, out_h, out_w). Sets dW, db; returns dx: (N, C, H, W)."""
        ### BEGIN SOLUTION
        fn, c, fh, fw = self.W.shape
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, fn)
        self.db = dout.sum(axis=0)
        self.dW = (self.col.T @ dout).T.reshape(fn, c, fh, fw)
        dcol = dout @ self.col_W.T
        return col2im(dcol, self.x.shape, fh, fw, self.stride, self.pad)
        ### END SOLUTION


class Pooling:
    """Max pooling over pool_h x pool_w windows, channel by channel.

    Input x: (N, C, H, W); output (N, C, out_h, out_w). The gradient of each window goes
    to the position of its maximum.
    """

    def __init__(self, pool_h, pool_w, stride=2, pad=0):
        self.pool_h = pool_h
        self.pool_w = pool_w
        self.stride = stride
        self.pad = pad
        self.x = None
        self.arg_max = None

    def forward(self, x):
        """x: (N, C, H, W). Returns (N, C, out_h, out_w)."""
        ### BEGIN SOLUTION
        n, c, h, w = x.shape
        out_h = (h + 2 * self.pad - self.pool_h) // self.stride + 1
        out_w = (w + 2 * self.pad - self.pool_w) // self.stride + 1
        # One row per (image, output position, channel), one column per window element.
        col = im2col(x, self.pool_h, self.pool_w, self.stride, self.pad)
        col = col.reshape(-1, self.pool_h * self.pool_w)
        self.x = x
        self.arg_max = np.argmax(col, axis=1)
        out = col[np.arange(col.shape[0]), self.arg_max]
        return out.reshape(n, out_h, out_w, c).transpose(0, 3, 1, 2)
        ### END SOLUTION

    def backward(self, dout):
        """dout: (N, C, out_h, out_w). Returns dx: (N, C, H, W), nonzero only at window maxima."""
        ### BEGIN SOLUTION
        pool_size = self.pool_h * self.pool_w
        dout = dout.transpose(0, 2, 3, 1).reshape(-1)
        dmax = np.zeros((dout.size, pool_size), dtype=dout.dtype)
        dmax[np.arange(dout.size), self.arg_max] = dout
        n, c = self.x.shape[:2]
        dcol = dmax.reshape(-1, c * pool_size)
        return col2im(dcol, self.x.shape, self.pool_h, self.pool_w, self.stride, self.pad)
        ### END SOLUTION
