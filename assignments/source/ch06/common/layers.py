"""Layers with forward and backward passes (chapters 5 to 7).

Each layer keeps what its backward pass needs from the last forward call. ``backward``
receives dout, the gradient of the loss with respect to the layer's output, and returns
the gradient with respect to its input; layers with parameters also store the
parameter gradients (``dW``, ``db``, ...). No layer modifies the arrays it is given.
"""
import numpy as np

from common.functions import cross_entropy_error, sigmoid, softmax
from common.util import col2im, conv_output_size, im2col  # noqa: F401 (col2im, im2col: the book's way)


class Relu:
    """out = max(0, x). ``mask`` marks where x <= 0 (where no gradient flows)."""

    def __init__(self):
        self.mask = None

    def forward(self, x):
        """x: any shape. Returns an array of x's shape; x itself is left unchanged."""
        raise NotImplementedError("Relu.forward (ch05): not implemented yet; write it in common/layers.py")

    def backward(self, dout):
        """dout: shape of the forward output. Returns dx: dout where x > 0, else 0."""
        raise NotImplementedError("Relu.backward (ch05): not implemented yet; write it in common/layers.py")


class Sigmoid:
    """out = 1 / (1 + exp(-x)). Keeps ``out``: the derivative is out * (1 - out)."""

    def __init__(self):
        self.out = None

    def forward(self, x):
        """x: any shape. Returns sigmoid(x)."""
        raise NotImplementedError("Sigmoid.forward (ch05): not implemented yet; write it in common/layers.py")

    def backward(self, dout):
        """Returns dx = dout * out * (1 - out)."""
        raise NotImplementedError("Sigmoid.backward (ch05): not implemented yet; write it in common/layers.py")


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
        raise NotImplementedError("Affine.forward (ch05): not implemented yet; write it in common/layers.py")

    def backward(self, dout):
        """dout: (N, M). Sets dW = x^T dout and db = column sums of dout; returns dx in x's shape."""
        raise NotImplementedError("Affine.backward (ch05): not implemented yet; write it in common/layers.py")


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
        raise NotImplementedError("SoftmaxWithLoss.forward (ch05): not implemented yet; write it in common/layers.py")

    def backward(self, dout=1):
        """Returns dx: (N, K) = dout * (y - t) / N, with t as one-hot.

        Hint: with labels, subtract 1 at y[np.arange(N), t] instead of building one-hot t.
        """
        raise NotImplementedError("SoftmaxWithLoss.backward (ch05): not implemented yet; write it in common/layers.py")


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
        raise NotImplementedError("Dropout.forward (ch06): not implemented yet; write it in common/layers.py")

    def backward(self, dout):
        """Gradient flows only through the units kept in the last training forward."""
        raise NotImplementedError("Dropout.backward (ch06): not implemented yet; write it in common/layers.py")


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
        raise NotImplementedError("BatchNormalization.forward (ch06): not implemented yet; write it in common/layers.py")

    def backward(self, dout):
        """dout: x's shape. Returns dx in x's shape; sets dgamma and dbeta.

        Hint: with xn = xc / std, dx = (dxn - mean(dxn) - xn * mean(dxn * xn)) / std
        where dxn = gamma * dout and the means are over the batch.
        """
        dout2 = dout.reshape(dout.shape[0], -1)
        raise NotImplementedError("BatchNormalization.backward (ch06): not implemented yet; write it in common/layers.py")


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
        self.dW = None
        self.db = None

    def forward(self, x):
        """x: (N, C, H, W). Returns (N, FN, out_h, out_w).

        Hint: im2col turns the convolution into one matrix product with W.reshape(FN, -1).T.
        """
        raise NotImplementedError("Convolution.forward (ch07): not implemented yet; write it in common/layers.py")

    def backward(self, dout):
        """dout: (N, FN, out_h, out_w). Sets dW, db; returns dx: (N, C, H, W)."""
        raise NotImplementedError("Convolution.backward (ch07): not implemented yet; write it in common/layers.py")


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
        self.x_padded = None
        self.out = None
        self.offsets = None
        self.new_max = None

    def forward(self, x):
        """x: (N, C, H, W). Returns (N, C, out_h, out_w)."""
        raise NotImplementedError("Pooling.forward (ch07): not implemented yet; write it in common/layers.py")

    def backward(self, dout):
        """dout: (N, C, out_h, out_w). Returns dx: (N, C, H, W), nonzero only at window maxima."""
        raise NotImplementedError("Pooling.backward (ch07): not implemented yet; write it in common/layers.py")
