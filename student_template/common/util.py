"""Helpers: curve smoothing, shuffling, and the im2col / col2im pair (chapter 7)."""
import numpy as np


def smooth_curve(x, window_len=11):
    """Smooth a 1-D curve (e.g. a loss history) for plotting.

    x: (T,) values. Returns (T,) values: a moving average with a Kaiser window, the ends
    padded by reflection so that the output is as long as the input.
    """
    x = np.asarray(x, dtype=np.float64)
    if x.size < window_len:
        return x.copy()
    weights = np.kaiser(window_len, 2)
    weights /= weights.sum()
    half = window_len // 2
    padded = np.pad(x, half, mode="reflect")
    return np.convolve(padded, weights, mode="valid")


def shuffle_dataset(x, t):
    """Shuffle samples and their targets with the same permutation.

    x: (N, ...) samples, t: (N, ...) targets. Returns the shuffled pair (new arrays).
    """
    order = np.random.permutation(x.shape[0])
    return x[order], t[order]


def conv_output_size(input_size, filter_size, stride=1, pad=0):
    """Output length of a convolution or pooling along one axis.

    (input_size + 2 * pad - filter_size) // stride + 1
    """
    raise NotImplementedError("conv_output_size (ch07): not implemented yet; write it in common/util.py")


def im2col(input_data, filter_h, filter_w, stride=1, pad=0):
    """Unfold every filter-sized window of a batch of images into one row.

    input_data: (N, C, H, W). Returns col: (N * out_h * out_w, C * filter_h * filter_w).
    Row n * out_h * out_w + i * out_w + j holds the window whose top-left corner is at
    (i * stride - pad, j * stride - pad) of image n (zero padding outside the image),
    ordered channel first, then filter row, then filter column: the same order as
    ``W.reshape(FN, -1)`` for filters W: (FN, C, filter_h, filter_w).
    Hint: pad with ``np.pad``; ``sliding_window_view`` or a loop over the filter
    offsets (not over pixels) gives all windows at once.
    """
    raise NotImplementedError("im2col (ch07): not implemented yet; write it in common/util.py")


def col2im(col, input_shape, filter_h, filter_w, stride=1, pad=0):
    """Fold rows of windows back into images: the adjoint of im2col.

    col: (N * out_h * out_w, C * filter_h * filter_w), input_shape: (N, C, H, W).
    Returns (N, C, H, W). A pixel covered by several windows receives the sum of their
    values (this is what makes col2im the backward pass of im2col); padding is cut off.
    Hint: loop over the filter offsets (y, x) and add a strided slice at a time; use
    ``+=``, not ``=``, because windows overlap when stride < filter size.
    """
    raise NotImplementedError("col2im (ch07): not implemented yet; write it in common/util.py")
