"""Prototype: faster layers with the book's API, to be ported to solutions/common/.

A drop-in replacement for ``common/layers.py`` (same classes, constructors, attributes and
results as the reference), with ``im2col``/``col2im`` and the optimizers SGD and Adam.
``bench_speed.py`` runs the reference's own networks (``ch05/two_layer_net.py``,
``ch07/simple_convnet.py``) on these classes, so its timings show what porting would give;
``test_bookstyle.py`` checks that the results equal the reference's. Everything stays float64.

In a SimpleConvNet step numpy spends its time moving (N, 30, 24, 24) float64 arrays (14 MB
each) through memory, and on branches, more than on arithmetic. The changes:

1. Max pooling loops over the pool_h * pool_w offsets inside the window, as col2im does:
   each offset is one strided view of the image, and the output is the elementwise maximum
   of those views. No im2col copy, no argmax over rows of 4, no col2im. The backward pass
   gives each window's gradient to the first offset (in row-major order) that holds the
   maximum: argmax's tie rule, which matters (MNIST's blank background makes whole windows
   tie at the conv bias).
2. Convolution computes one matrix product per image, W.reshape(FN, -1) @ cols[n], with
   cols from ``im2col_by_image`` (for each image, one window per column: im2col's rows,
   transposed). The product is already in the (N, FN, out_h, out_w) order of the output,
   and the backward products come out in the order ``col2im_by_image`` reads, so neither
   pass makes a transposing copy. The input images (not their 25 times larger windows) are
   cast to the weights' dtype, so that every product is float64 x float64.
3. Relu uses ``np.maximum`` forward and a multiplication by the mask backward, both free of
   branches. ``np.where`` and ``dout[mask] = 0`` branch on every element: several times
   slower on a random mask, a little slower on MNIST's fairly regular ones.
4. Affine casts its input to the weights' dtype. float32 images times float64 weights take
   numpy's mixed-type product: a little slower with one BLAS thread, 3 to 5 times slower
   with two (TwoLayerNet's first layer).
5. Adam updates its moments in place (the book's form) rather than building new arrays.
"""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

# ----------------------------------------------------------------------------- helpers


def softmax(x):
    """Softmax over the last axis (rows of a 2-D x)."""
    shifted = x - np.max(x, axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    """Mean cross-entropy of probabilities y (N, K) against one-hot (N, K) or labels (N,)."""
    if y.ndim == 1:
        y = y.reshape(1, -1)
        t = t.reshape(1, -1) if t.size == y.size else t.reshape(1)
    if t.size == y.size:
        t = t.argmax(axis=1)
    n = y.shape[0]
    return -np.sum(np.log(y[np.arange(n), t] + 1e-7)) / n


def conv_output_size(input_size, filter_size, stride=1, pad=0):
    return (input_size + 2 * pad - filter_size) // stride + 1


def window_offsets(filter_h, filter_w, stride, out_h, out_w):
    """Yield (y, x, index) for every offset (y, x) inside a filter_h x filter_w window, in
    row-major order. In a padded (N, C, H, W) array, ``index`` selects the element at that
    offset of every window: an (N, C, out_h, out_w) strided view."""
    for y in range(filter_h):
        for x in range(filter_w):
            rows = slice(y, y + stride * out_h, stride)
            cols = slice(x, x + stride * out_w, stride)
            yield y, x, (slice(None), slice(None), rows, cols)


def im2col(input_data, filter_h, filter_w, stride=1, pad=0):
    """(N, C, H, W) -> (N * out_h * out_w, C * filter_h * filter_w): the book's layout, one
    row per window. The same numbers as im2col_by_image, arranged differently."""
    cols = im2col_by_image(input_data, filter_h, filter_w, stride, pad)
    return cols.transpose(0, 2, 1).reshape(-1, cols.shape[1])


def col2im(col, input_shape, filter_h, filter_w, stride=1, pad=0):
    """Adjoint of im2col: adds every window (a row of col) back onto (N, C, H, W)."""
    n = input_shape[0]
    cols = col.reshape(n, -1, col.shape[1]).transpose(0, 2, 1)
    return col2im_by_image(cols, input_shape, filter_h, filter_w, stride, pad)


def im2col_by_image(input_data, filter_h, filter_w, stride=1, pad=0):
    """(N, C, H, W) -> (N, C * filter_h * filter_w, out_h * out_w): for each image, one
    column per window (im2col's rows of that image, transposed).

    Column p of image n holds the window whose top-left corner is output position p
    (row-major over out_h x out_w), ordered channel, filter row, filter column, like
    ``W.reshape(FN, -1)``. So ``W.reshape(FN, -1) @ cols`` is the convolution, already in
    the (N, FN, out_h * out_w) order of the output: no transpose is needed afterwards.
    """
    n, c, h, w = input_data.shape
    out_h = conv_output_size(h, filter_h, stride, pad)
    out_w = conv_output_size(w, filter_w, stride, pad)
    img = np.pad(input_data, [(0, 0), (0, 0), (pad, pad), (pad, pad)]) if pad else input_data
    windows = sliding_window_view(img, (filter_h, filter_w), axis=(2, 3))
    windows = windows[:, :, : (out_h - 1) * stride + 1 : stride, : (out_w - 1) * stride + 1 : stride]
    # (N, C, out_h, out_w, filter_h, filter_w) -> (N, C, filter_h, filter_w, out_h, out_w): the
    # copy made by reshape then reads whole image rows at a time.
    return windows.transpose(0, 1, 4, 5, 2, 3).reshape(n, c * filter_h * filter_w, out_h * out_w)


def col2im_by_image(cols, input_shape, filter_h, filter_w, stride=1, pad=0):
    """Adjoint of im2col_by_image: (N, C * filter_h * filter_w, out_h * out_w) -> (N, C, H, W).

    A pixel covered by several windows receives the sum of their values.
    """
    n, c, h, w = input_shape
    out_h = conv_output_size(h, filter_h, stride, pad)
    out_w = conv_output_size(w, filter_w, stride, pad)
    windows = cols.reshape(n, c, filter_h, filter_w, out_h, out_w)
    img = np.zeros((n, c, h + 2 * pad, w + 2 * pad), dtype=cols.dtype)
    for y, x, index in window_offsets(filter_h, filter_w, stride, out_h, out_w):
        img[index] += windows[:, :, y, x]
    return img[:, :, pad : h + pad, pad : w + pad]


# ----------------------------------------------------------------------------- layers


class Relu:
    """out = max(0, x); ``mask`` marks where x <= 0."""

    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x <= 0
        return np.maximum(x, 0)

    def backward(self, dout):
        # ~mask is 1 where the input was positive: a multiplication, no branch per element.
        return dout * ~self.mask


class Affine:
    """out = x @ W + b, with an N-D input flattened to (N, D)."""

    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.original_x_shape = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.original_x_shape = x.shape
        x = x.reshape(x.shape[0], -1)
        self.x = x.astype(np.result_type(x, self.W), copy=False)
        return self.x @ self.W + self.b

    def backward(self, dout):
        self.dW = self.x.T @ dout
        self.db = dout.sum(axis=0)
        return (dout @ self.W.T).reshape(self.original_x_shape)


class SoftmaxWithLoss:
    """Softmax and cross-entropy; backward gives (y - t) / N."""

    def __init__(self):
        self.loss = None
        self.y = None
        self.t = None

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        n = self.y.shape[0]
        dx = self.y.copy()
        if self.t.size == self.y.size:
            dx -= self.t
        else:
            dx[np.arange(n), self.t] -= 1
        return dx * (dout / n)


class Convolution:
    """Convolution as one matrix product per image: out[n] = W_rows @ cols[n].

    W_rows = W.reshape(FN, C * FH * FW); cols[n] holds one window of image n per column
    (im2col_by_image). The product comes out as (N, FN, out_h * out_w), which is already the
    memory order of the (N, FN, out_h, out_w) output, and the backward products come out in
    the order col2im_by_image reads. The book's single product col @ W_rows.T gives the same
    numbers in (N, out_h, out_w, FN) order, which costs a transposing copy both ways.
    """

    def __init__(self, W, b, stride=1, pad=0):
        self.W = W
        self.b = b
        self.stride = stride
        self.pad = pad
        self.x = None
        self.cols = None
        self.dW = None
        self.db = None

    def forward(self, x):
        fn, _, fh, fw = self.W.shape
        n, _, h, w = x.shape
        out_h = conv_output_size(h, fh, self.stride, self.pad)
        out_w = conv_output_size(w, fw, self.stride, self.pad)
        # Cast the images (small) rather than their windows (fh * fw times larger): a float32
        # x float64 product takes a much slower path than a float64 one.
        self.x = x.astype(np.result_type(x, self.W), copy=False)
        self.cols = im2col_by_image(self.x, fh, fw, self.stride, self.pad)
        out = self.W.reshape(fn, -1) @ self.cols  # (N, FN, out_h * out_w)
        out += self.b[:, np.newaxis]
        return out.reshape(n, fn, out_h, out_w)

    def backward(self, dout):
        fn, c, fh, fw = self.W.shape
        n = dout.shape[0]
        dout = dout.reshape(n, fn, -1)  # (N, FN, out_h * out_w)
        self.db = dout.sum(axis=(0, 2))
        # dW = sum over images of dout[n] @ cols[n].T
        self.dW = (dout @ self.cols.transpose(0, 2, 1)).sum(axis=0).reshape(fn, c, fh, fw)
        dcols = self.W.reshape(fn, -1).T @ dout  # (N, C * FH * FW, out_h * out_w)
        return col2im_by_image(dcols, self.x.shape, fh, fw, self.stride, self.pad)


class Pooling:
    """Max pooling with a loop over the offsets inside the window (no im2col)."""

    def __init__(self, pool_h, pool_w, stride=2, pad=0):
        self.pool_h = pool_h
        self.pool_w = pool_w
        self.stride = stride
        self.pad = pad
        self.x = None
        self.x_padded = None
        self.out = None

    def _offsets(self, out_h, out_w):
        return window_offsets(self.pool_h, self.pool_w, self.stride, out_h, out_w)

    def forward(self, x):
        n, c, h, w = x.shape
        out_h = conv_output_size(h, self.pool_h, self.stride, self.pad)
        out_w = conv_output_size(w, self.pool_w, self.stride, self.pad)
        p = self.pad
        # Zero padding, as the book's im2col does (a padded zero can be a window's maximum).
        x_padded = np.pad(x, [(0, 0), (0, 0), (p, p), (p, p)]) if p else x
        out = None
        for _, _, index in self._offsets(out_h, out_w):
            # x_padded[index]: (N, C, out_h, out_w), the element at one offset of every window.
            out = x_padded[index].copy() if out is None else np.maximum(out, x_padded[index])
        self.x = x
        self.x_padded = x_padded
        self.out = out
        return out

    def backward(self, dout):
        out_h, out_w = self.out.shape[2:]
        dx_padded = np.zeros_like(self.x_padded)
        found = np.zeros(dout.shape, dtype=bool)  # windows whose maximum has been met already
        for _, _, index in self._offsets(out_h, out_w):
            # The first offset (in row-major order) that holds its window's maximum takes the
            # whole gradient, as with argmax; later ties get nothing.
            is_first_max = (self.x_padded[index] == self.out) & ~found
            found |= is_first_max
            dx_padded[index] += dout * is_first_max
        _, _, h, w = self.x.shape
        p = self.pad
        return dx_padded[:, :, p : h + p, p : w + p]


# ----------------------------------------------------------------------------- optimizers


class SGD:
    """W <- W - lr * dW, in place."""

    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params:
            params[key] -= self.lr * grads[key]


class Adam:
    """Adam with the bias corrections folded into the step size; moments updated in place."""

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.iter = 0
        self.m = None
        self.v = None

    def update(self, params, grads):
        if self.m is None:
            self.m = {key: np.zeros_like(value) for key, value in params.items()}
            self.v = {key: np.zeros_like(value) for key, value in params.items()}
        self.iter += 1
        lr_t = self.lr * np.sqrt(1.0 - self.beta2**self.iter) / (1.0 - self.beta1**self.iter)
        for key in params:
            g = grads[key]
            m, v = self.m[key], self.v[key]
            # m <- beta1 * m + (1 - beta1) * g, written as an in-place step towards g.
            m += (1 - self.beta1) * (g - m)
            v += (1 - self.beta2) * (g * g - v)
            params[key] -= lr_t * m / (np.sqrt(v) + 1e-7)
