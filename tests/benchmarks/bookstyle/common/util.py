"""im2col and col2im with a Python loop over the filter offsets, as in the book."""
import numpy as np


def conv_output_size(input_size, filter_size, stride=1, pad=0):
    return (input_size + 2 * pad - filter_size) // stride + 1


def im2col(input_data, filter_h, filter_w, stride=1, pad=0):
    N, C, H, W = input_data.shape
    out_h = conv_output_size(H, filter_h, stride, pad)
    out_w = conv_output_size(W, filter_w, stride, pad)

    img = np.pad(input_data, [(0, 0), (0, 0), (pad, pad), (pad, pad)], "constant")
    col = np.zeros((N, C, filter_h, filter_w, out_h, out_w))

    # For each position (y, x) inside the filter, copy the pixels that this filter
    # element sees at every output position.
    for y in range(filter_h):
        y_stop = y + stride * out_h
        for x in range(filter_w):
            x_stop = x + stride * out_w
            col[:, :, y, x, :, :] = img[:, :, y:y_stop:stride, x:x_stop:stride]

    col = col.transpose(0, 4, 5, 1, 2, 3).reshape(N * out_h * out_w, -1)
    return col


def col2im(col, input_shape, filter_h, filter_w, stride=1, pad=0):
    N, C, H, W = input_shape
    out_h = conv_output_size(H, filter_h, stride, pad)
    out_w = conv_output_size(W, filter_w, stride, pad)
    col = col.reshape(N, out_h, out_w, C, filter_h, filter_w).transpose(0, 3, 4, 5, 1, 2)

    img = np.zeros((N, C, H + 2 * pad + stride - 1, W + 2 * pad + stride - 1))
    # Overlapping windows share pixels: their contributions add up.
    for y in range(filter_h):
        y_stop = y + stride * out_h
        for x in range(filter_w):
            x_stop = x + stride * out_w
            img[:, :, y:y_stop:stride, x:x_stop:stride] += col[:, :, y, x, :, :]

    return img[:, :, pad:H + pad, pad:W + pad]
