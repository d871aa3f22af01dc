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
        ### BEGIN SOLUTION
        self.mask = x <= 0
        return np.maximum(x, 0)
        ### END SOLUTION

    def backward(self, dout):
        """dout: shape of the forward output. Returns dx: dout where x > 0, else 0."""
        ### BEGIN SOLUTION
        # A product with the 0/1 mask costs no branch per element, unlike np.where or
        # dout[mask] = 0 (several times slower when the signs of x are random).
        return dout * ~self.mask
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
        # In the weights' dtype: float32 images times float64 weights would take numpy's
        # mixed-type product, several times slower than BLAS with two threads.
        self.x = x.reshape(x.shape[0], -1).astype(np.result_type(x, self.W), copy=False)
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
        return out.reshape(self.input_shape)
        ### END SOLUTION

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
        return dx.reshape(self.input_shape)
        ### END SOLUTION


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
        ### BEGIN SOLUTION
        from numpy.lib.stride_tricks import sliding_window_view

        # im2col's idea, with the images stored channels last, (H, W, N, C): each window then
        # covers whole runs of N * C numbers, and so does each strided view that the next
        # layers (Relu, Pooling) take of the output.
        fn, c, fh, fw = self.W.shape
        n, _, h, w = x.shape
        s, p = self.stride, self.pad
        out_h, out_w = conv_output_size(h, fh, s, p), conv_output_size(w, fw, s, p)
        k = c * fh * fw
        self.x = x
        # In the weights' dtype: a float32 x float64 product takes a slow mixed-type path.
        img = np.pad(x, [(0, 0), (0, 0), (p, p), (p, p)]).transpose(2, 3, 0, 1)
        img = img.astype(np.result_type(x, self.W))
        windows = sliding_window_view(img, (fh, fw), axis=(0, 1))[::s, ::s]  # (out_h, out_w, N, C, FH, FW)
        # col: one column per (output position, image); one row per (channel, filter row,
        # filter column), the order of W.reshape(FN, -1), and a last row of ones that
        # multiplies the bias, so that one product gives W x + b (and, backward, db).
        self.col = np.empty((k + 1, out_h * out_w * n), dtype=img.dtype)
        self.col[:k].reshape(c, fh, fw, out_h, out_w, n)[...] = windows.transpose(3, 4, 5, 0, 1, 2)
        self.col[k] = 1
        weights = np.concatenate([self.W.reshape(fn, k), self.b.reshape(fn, 1)], axis=1)  # (FN, K + 1)
        out = self.col.T @ weights.T  # (out_h * out_w * N, FN)
        # Returned as an (N, FN, out_h, out_w) view of the (out_h, out_w, N, FN) product.
        return out.reshape(out_h, out_w, n, fn).transpose(2, 3, 0, 1)
        ### END SOLUTION

    def backward(self, dout):
        """dout: (N, FN, out_h, out_w). Sets dW, db; returns dx: (N, C, H, W)."""
        ### BEGIN SOLUTION
        fn, c, fh, fw = self.W.shape
        n, _, h, w = self.x.shape
        s, p = self.stride, self.pad
        out_h, out_w = dout.shape[2:]
        k = c * fh * fw
        dout = dout.transpose(2, 3, 0, 1).reshape(-1, fn)  # (out_h * out_w * N, FN), as in forward
        dweights = self.col @ dout  # (K + 1, FN); the row of ones sums dout into db
        self.dW = dweights[:k].T.reshape(fn, c, fh, fw)
        self.db = dweights[k]
        dcol = (self.W.reshape(fn, k).T @ dout.T).reshape(c, fh, fw, out_h, out_w, n)
        # col2im, channels last: every filter offset adds its windows' values back onto the
        # pixels they were read from (+=, because windows overlap when stride < filter size).
        dimg = np.zeros((h + 2 * p, w + 2 * p, n, c), dtype=dcol.dtype)
        for y in range(fh):
            for x in range(fw):
                dimg[y : y + s * out_h : s, x : x + s * out_w : s] += dcol[:, y, x].transpose(1, 2, 3, 0)
        return dimg[p : h + p, p : w + p].transpose(2, 3, 0, 1)
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
        self.x_padded = None
        self.out = None
        self.offsets = None
        self.new_max = None

    def forward(self, x):
        """x: (N, C, H, W). Returns (N, C, out_h, out_w)."""
        ### BEGIN SOLUTION
        n, c, h, w = x.shape
        s, p = self.stride, self.pad
        out_h, out_w = conv_output_size(h, self.pool_h, s, p), conv_output_size(w, self.pool_w, s, p)
        self.x = x
        # Zero padding, as im2col pads: a padded zero can be a window's maximum.
        self.x_padded = np.pad(x, [(0, 0), (0, 0), (p, p), (p, p)]) if p else x
        # One (rows, columns) pair of slices per offset inside the window, in row-major
        # order: x_padded[:, :, rows, columns] holds that offset's element of every window.
        self.offsets = [(slice(i, i + s * out_h, s), slice(j, j + s * out_w, s))
                        for i in range(self.pool_h) for j in range(self.pool_w)]
        # The running maximum over pool_h * pool_w strided views: no window is copied out,
        # unlike im2col. new_max[k] marks the windows whose maximum strictly rose at offset k;
        # the last such offset holds the window's maximum (the first of tied maxima, the one
        # np.argmax would choose). Comparing now, while x is fresh in the CPU cache, is much
        # cheaper than comparing again in backward.
        rows, columns = self.offsets[0]
        self.out = self.x_padded[:, :, rows, columns].copy(order="K")  # keeps x's memory order
        self.new_max = [np.ones_like(self.out, dtype=bool)]
        for rows, columns in self.offsets[1:]:
            element = self.x_padded[:, :, rows, columns]
            self.new_max.append(element > self.out)
            np.maximum(self.out, element, out=self.out)
        return self.out
        ### END SOLUTION

    def backward(self, dout):
        """dout: (N, C, out_h, out_w). Returns dx: (N, C, H, W), nonzero only at window maxima."""
        ### BEGIN SOLUTION
        # dout in the memory order of out (channels last when x came from Convolution), so
        # that the loop below walks every array in the same order.
        dtype = np.result_type(self.out, dout)
        ordered = np.empty_like(self.out, dtype=dtype)
        ordered[...] = dout
        overlapping = self.stride < max(self.pool_h, self.pool_w)
        # Windows that tile the image (the book's 2x2, stride 2, even size) write every pixel
        # below: no need to fill dx with zeros first.
        _, _, h_padded, w_padded = self.x_padded.shape
        tiled = self.stride == self.pool_h == self.pool_w and (h_padded % self.stride, w_padded % self.stride) == (0, 0)
        dx_padded = (np.empty_like if tiled else np.zeros_like)(self.x_padded, dtype=dtype)
        given = np.zeros_like(self.out, dtype=bool)  # windows whose gradient has been given
        # From the last offset back: each window's gradient goes to the last offset where its
        # maximum rose, and only there (with ties, the maximum occurs at several offsets).
        for (rows, columns), new_max in zip(reversed(self.offsets), reversed(self.new_max)):
            at_max = new_max & ~given
            given |= at_max
            if overlapping:  # a pixel can be the maximum of several windows: add up
                dx_padded[:, :, rows, columns] += ordered * at_max
            else:  # each pixel is in one window at most: write in place
                np.multiply(ordered, at_max, out=dx_padded[:, :, rows, columns])
        h, w = self.x.shape[2:]
        p = self.pad
        return dx_padded[:, :, p : h + p, p : w + p]
        ### END SOLUTION
