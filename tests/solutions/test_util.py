"""common/util.py: conv_output_size, im2col / col2im, smooth_curve, shuffle_dataset."""
import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from common.util import col2im, conv_output_size, im2col, shuffle_dataset, smooth_curve


def naive_im2col(x, fh, fw, stride, pad):
    n, c, h, w = x.shape
    out_h = (h + 2 * pad - fh) // stride + 1
    out_w = (w + 2 * pad - fw) // stride + 1
    padded = np.zeros((n, c, h + 2 * pad, w + 2 * pad), dtype=x.dtype)
    padded[:, :, pad : pad + h, pad : pad + w] = x
    rows = []
    for i in range(n):
        for r in range(out_h):
            for s in range(out_w):
                rows.append(padded[i, :, r * stride : r * stride + fh, s * stride : s * stride + fw].ravel())
    return np.array(rows)


def naive_col2im(col, shape, fh, fw, stride, pad):
    n, c, h, w = shape
    out_h = (h + 2 * pad - fh) // stride + 1
    out_w = (w + 2 * pad - fw) // stride + 1
    padded = np.zeros((n, c, h + 2 * pad, w + 2 * pad))
    row = 0
    for i in range(n):
        for r in range(out_h):
            for s in range(out_w):
                padded[i, :, r * stride : r * stride + fh, s * stride : s * stride + fw] += col[row].reshape(
                    c, fh, fw
                )
                row += 1
    return padded[:, :, pad : pad + h, pad : pad + w]


# Geometry: (N, C, H, W), filter_h, filter_w, stride, pad
GEOMETRIES = [
    ((1, 1, 4, 4), 2, 2, 1, 0),
    ((2, 3, 7, 7), 3, 3, 1, 0),
    ((2, 3, 7, 7), 3, 3, 2, 1),
    ((1, 2, 5, 6), 2, 3, 1, 1),
    ((3, 1, 6, 5), 3, 2, 2, 0),
    ((2, 2, 4, 4), 2, 2, 2, 0),
    ((1, 3, 5, 5), 5, 5, 1, 2),
    ((2, 1, 8, 8), 3, 3, 3, 1),
]


@pytest.mark.parametrize(
    ("input_size", "filter_size", "stride", "pad", "expected"),
    [(28, 5, 1, 0, 24), (7, 3, 2, 1, 4), (4, 2, 2, 0, 2), (4, 3, 1, 1, 4), (5, 2, 2, 0, 2), (8, 3, 3, 1, 3)],
)
def test_conv_output_size(input_size, filter_size, stride, pad, expected):
    assert conv_output_size(input_size, filter_size, stride, pad) == expected


def test_conv_output_size_defaults():
    assert conv_output_size(6, 3) == 4


@pytest.mark.parametrize(("shape", "fh", "fw", "stride", "pad"), GEOMETRIES)
def test_im2col_shape_and_contents(rng, shape, fh, fw, stride, pad):
    x = rng.normal(size=shape)
    before = x.copy()
    n, c, h, w = shape
    out_h = (h + 2 * pad - fh) // stride + 1
    out_w = (w + 2 * pad - fw) // stride + 1
    col = im2col(x, fh, fw, stride=stride, pad=pad)
    assert col.shape == (n * out_h * out_w, c * fh * fw)
    np.testing.assert_array_equal(col, naive_im2col(x, fh, fw, stride, pad))
    np.testing.assert_array_equal(x, before)


def test_im2col_hand_case():
    x = np.arange(9.0).reshape(1, 1, 3, 3)
    col = im2col(x, 2, 2)
    np.testing.assert_array_equal(col, [[0, 1, 3, 4], [1, 2, 4, 5], [3, 4, 6, 7], [4, 5, 7, 8]])


def test_im2col_rows_match_filter_layout(rng):
    # A convolution is col @ W.reshape(FN, -1).T: channel first, then filter row, then column.
    x = rng.normal(size=(1, 2, 3, 3))
    col = im2col(x, 3, 3)
    np.testing.assert_array_equal(col[0], x[0].reshape(-1))


@pytest.mark.parametrize(("shape", "fh", "fw", "stride", "pad"), GEOMETRIES)
def test_col2im_shape_and_contents(rng, shape, fh, fw, stride, pad):
    n, c, h, w = shape
    out_h = (h + 2 * pad - fh) // stride + 1
    out_w = (w + 2 * pad - fw) // stride + 1
    col = rng.normal(size=(n * out_h * out_w, c * fh * fw))
    before = col.copy()
    img = col2im(col, shape, fh, fw, stride=stride, pad=pad)
    assert img.shape == shape
    np.testing.assert_allclose(img, naive_col2im(col, shape, fh, fw, stride, pad), rtol=1e-12, atol=1e-12)
    np.testing.assert_array_equal(col, before)


def test_col2im_sums_overlaps():
    # 3x3 image, 2x2 windows, stride 1: the centre pixel is in all four windows.
    col = np.ones((4, 4))
    img = col2im(col, (1, 1, 3, 3), 2, 2)
    np.testing.assert_array_equal(img[0, 0], [[1, 2, 1], [2, 4, 2], [1, 2, 1]])


def test_col2im_inverts_im2col_without_overlap(rng):
    x = rng.normal(size=(2, 3, 6, 4))
    np.testing.assert_allclose(col2im(im2col(x, 2, 2, stride=2), x.shape, 2, 2, stride=2), x, rtol=1e-15)


@given(
    st.integers(1, 2),
    st.integers(1, 3),
    st.integers(2, 7),
    st.integers(2, 7),
    st.integers(1, 3),
    st.integers(1, 3),
    st.integers(1, 3),
    st.integers(0, 2),
    st.integers(0, 2**31 - 1),
)
def test_col2im_is_the_adjoint_of_im2col(n, c, h, w, fh, fw, stride, pad, seed):
    # <im2col(x), col> == <x, col2im(col)> for every x and col
    assume(fh <= h + 2 * pad and fw <= w + 2 * pad)
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, c, h, w))
    col_x = im2col(x, fh, fw, stride, pad)
    np.testing.assert_array_equal(col_x, naive_im2col(x, fh, fw, stride, pad))
    col = rng.normal(size=col_x.shape)
    img = col2im(col, x.shape, fh, fw, stride, pad)
    assert img.shape == x.shape
    assert np.sum(col_x * col) == pytest.approx(np.sum(x * img), rel=1e-10, abs=1e-10)


def test_smooth_curve_keeps_length_and_constants():
    x = np.full(50, 3.0)
    out = smooth_curve(x)
    assert len(out) == len(x)
    np.testing.assert_allclose(out, 3.0, rtol=1e-12)


def test_smooth_curve_reduces_noise(rng):
    t = np.linspace(0, 1, 200)
    clean = np.sin(2 * np.pi * t)
    noisy = clean + rng.normal(scale=0.3, size=t.size)
    out = smooth_curve(noisy)
    assert len(out) == len(noisy)
    assert np.mean((out - clean) ** 2) < 0.5 * np.mean((noisy - clean) ** 2)


@pytest.mark.parametrize("x_shape", [(10, 3), (10, 1, 2, 2)])
def test_shuffle_dataset_uses_one_permutation(x_shape):
    n = x_shape[0]
    x = np.arange(np.prod(x_shape), dtype=float).reshape(x_shape)
    t = np.arange(n) * 10
    xs, ts = shuffle_dataset(x.copy(), t.copy())
    assert xs.shape == x.shape and ts.shape == t.shape
    assert sorted(ts.tolist()) == sorted(t.tolist())
    for row, label in zip(xs, ts):
        np.testing.assert_array_equal(row, x[label // 10])
