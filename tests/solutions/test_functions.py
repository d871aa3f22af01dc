"""common/functions.py: activations and losses, on hand-computed cases and as properties."""
import math

import hypothesis.extra.numpy as hnp
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from common.functions import (
    cross_entropy_error,
    identity_function,
    mean_squared_error,
    relu,
    relu_grad,
    sigmoid,
    sigmoid_grad,
    softmax,
    softmax_loss,
    step_function,
)

# Any shape from a scalar-like (1,) up to 4-D, with odd and non-square sides.
SHAPES = hnp.array_shapes(min_dims=1, max_dims=4, min_side=1, max_side=5)
MODERATE = st.floats(-30, 30, allow_nan=False, allow_infinity=False)
NO_OVERFLOW = dict(over="raise", invalid="raise", divide="raise")

# --------------------------------------------------------------- elementwise functions


def test_identity_returns_its_input_values():
    x = np.array([[-1.5, 0.0], [2.0, 3.25]])
    np.testing.assert_array_equal(identity_function(x), x)


def test_step_function_hand_values_and_integer_dtype():
    x = np.array([-2.0, -0.1, 0.0, 0.1, 5.0])
    out = step_function(x)
    np.testing.assert_array_equal(out, [0, 0, 0, 1, 1])
    assert np.issubdtype(out.dtype, np.integer), out.dtype


def test_step_function_keeps_shape():
    x = np.array([[1.0, -1.0, 0.0], [-3.0, 2.0, 0.5]])
    out = step_function(x)
    assert out.shape == x.shape
    np.testing.assert_array_equal(out, [[1, 0, 0], [0, 1, 1]])


def test_sigmoid_hand_values():
    assert sigmoid(np.array(0.0)) == pytest.approx(0.5)
    # sigmoid(ln 3) = 1 / (1 + 1/3) = 3/4
    np.testing.assert_allclose(sigmoid(np.array([math.log(3.0), -math.log(3.0)])), [0.75, 0.25], rtol=1e-12)


def test_sigmoid_does_not_overflow_for_large_inputs():
    x = np.array([-1000.0, -50.0, 0.0, 50.0, 1000.0])
    with np.errstate(**NO_OVERFLOW):
        out = sigmoid(x)
    assert np.all(np.isfinite(out))
    assert out[0] == pytest.approx(0.0, abs=1e-300)
    assert out[-1] == pytest.approx(1.0)


def test_sigmoid_grad_hand_values_and_numerical_derivative():
    assert sigmoid_grad(np.array(0.0)) == pytest.approx(0.25)
    x = np.linspace(-6, 6, 25)
    h = 1e-5
    numeric = (1 / (1 + np.exp(-(x + h))) - 1 / (1 + np.exp(-(x - h)))) / (2 * h)
    np.testing.assert_allclose(sigmoid_grad(x), numeric, rtol=1e-7, atol=1e-12)


def test_relu_hand_values_and_new_array():
    x = np.array([[-2.0, 0.0], [0.5, 3.0]])
    before = x.copy()
    out = relu(x)
    np.testing.assert_array_equal(out, [[0.0, 0.0], [0.5, 3.0]])
    np.testing.assert_array_equal(x, before)
    out[...] = 7.0
    np.testing.assert_array_equal(x, before)


def test_relu_grad_is_a_float_mask():
    x = np.array([[-2.0, 0.0, 1e-9], [0.5, -1e-9, 3.0]])
    out = relu_grad(x)
    assert out.shape == x.shape
    assert np.issubdtype(out.dtype, np.floating), out.dtype
    np.testing.assert_array_equal(out, [[0.0, 0.0, 1.0], [1.0, 0.0, 1.0]])


@given(hnp.arrays(np.float64, SHAPES, elements=MODERATE))
def test_elementwise_functions_match_their_formulas(x):
    before = x.copy()
    np.testing.assert_allclose(sigmoid(x), 1.0 / (1.0 + np.exp(-x)), rtol=1e-12, atol=1e-300)
    s = 1.0 / (1.0 + np.exp(-x))
    np.testing.assert_allclose(sigmoid_grad(x), s * (1 - s), rtol=1e-9, atol=1e-15)
    np.testing.assert_array_equal(relu(x), np.where(x > 0, x, 0.0))
    np.testing.assert_array_equal(relu_grad(x), (x > 0).astype(float))
    np.testing.assert_array_equal(step_function(x), (x > 0).astype(int))
    for f in (sigmoid, sigmoid_grad, relu, relu_grad, step_function, identity_function):
        assert np.shape(f(x)) == x.shape
    np.testing.assert_array_equal(x, before)


@given(hnp.arrays(np.float64, SHAPES, elements=st.floats(-1e4, 1e4)))
def test_sigmoid_is_symmetric_and_bounded(x):
    with np.errstate(**NO_OVERFLOW):
        s = sigmoid(x)
        s_neg = sigmoid(-x)
    assert np.all((s >= 0) & (s <= 1))
    np.testing.assert_allclose(s + s_neg, 1.0, rtol=0, atol=1e-12)


# --------------------------------------------------------------------------- softmax


def test_softmax_hand_value_1d():
    out = softmax(np.array([0.0, math.log(2.0)]))
    np.testing.assert_allclose(out, [1 / 3, 2 / 3], rtol=1e-12)


def test_softmax_rows_of_a_2d_input():
    x = np.array([[0.0, math.log(2.0)], [math.log(3.0), 0.0], [5.0, 5.0]])
    expected = np.array([[1 / 3, 2 / 3], [3 / 4, 1 / 4], [0.5, 0.5]])
    np.testing.assert_allclose(softmax(x), expected, rtol=1e-12)


def test_softmax_three_classes_hand_value():
    x = np.array([1.0, 2.0, 3.0])
    e = np.array([math.exp(1), math.exp(2), math.exp(3)])
    np.testing.assert_allclose(softmax(x), e / e.sum(), rtol=1e-12)


def test_softmax_large_logits_no_overflow():
    x1 = np.array([1000.0, 1000.0 + math.log(2.0)])
    x2 = np.array([[1000.0, 1000.0, 1000.0], [-1000.0, -1000.0 + math.log(3.0), -1000.0]])
    with np.errstate(all="raise"):
        out1 = softmax(x1)
        out2 = softmax(x2)
    np.testing.assert_allclose(out1, [1 / 3, 2 / 3], rtol=1e-9)
    np.testing.assert_allclose(out2, [[1 / 3] * 3, [0.2, 0.6, 0.2]], rtol=1e-9)


def test_softmax_very_different_logits_stay_finite():
    x = np.array([[1000.0, 0.0, -1000.0]])
    with np.errstate(**NO_OVERFLOW):
        out = softmax(x)
    assert np.all(np.isfinite(out))
    np.testing.assert_allclose(out, [[1.0, 0.0, 0.0]], atol=1e-12)


def test_softmax_does_not_modify_its_input():
    x = np.array([[1.0, 2.0, 3.0], [0.0, -1.0, 4.0]])
    before = x.copy()
    softmax(x)
    np.testing.assert_array_equal(x, before)
    x1 = np.array([1.0, 2.0, 3.0])
    softmax(x1)
    np.testing.assert_array_equal(x1, [1.0, 2.0, 3.0])


@given(
    hnp.arrays(
        np.float64,
        st.tuples(st.integers(1, 6), st.integers(1, 7)),
        elements=st.floats(-50, 50),
    ),
    st.floats(-500, 500),
)
def test_softmax_rows_are_distributions_and_shift_invariant(x, shift):
    with np.errstate(**NO_OVERFLOW):
        out = softmax(x)
        shifted = softmax(x + shift)
        per_row = softmax(x + np.arange(x.shape[0])[:, None] * 100.0)
    assert out.shape == x.shape
    assert np.all(out >= 0)
    np.testing.assert_allclose(out.sum(axis=1), 1.0, rtol=1e-12)
    np.testing.assert_allclose(shifted, out, rtol=1e-7, atol=1e-12)
    np.testing.assert_allclose(per_row, out, rtol=1e-7, atol=1e-12)
    e = np.exp(x - x.max(axis=1, keepdims=True))
    np.testing.assert_allclose(out, e / e.sum(axis=1, keepdims=True), rtol=1e-10, atol=1e-300)
    # each row on its own (1-D) gives the same probabilities
    for row_in, row_out in zip(x, out):
        np.testing.assert_allclose(softmax(row_in), row_out, rtol=1e-12, atol=1e-300)


# ---------------------------------------------------------------------------- losses


def test_mean_squared_error_is_half_the_sum():
    y = np.array([0.1, 0.7, 0.2])
    t = np.array([0.0, 1.0, 0.0])
    # 0.5 * (0.01 + 0.09 + 0.04)
    assert mean_squared_error(y, t) == pytest.approx(0.07, rel=1e-12)


def test_mean_squared_error_batch_is_not_averaged():
    y = np.array([[1.0, 2.0], [3.0, 4.0]])
    t = np.array([[0.0, 0.0], [0.0, 0.0]])
    assert mean_squared_error(y, t) == pytest.approx(0.5 * 30.0)


def test_cross_entropy_one_sample_one_hot_and_label():
    y = np.array([0.1, 0.6, 0.3])
    expected = -math.log(0.6)
    assert cross_entropy_error(y, np.array([0.0, 1.0, 0.0])) == pytest.approx(expected, rel=1e-6)
    assert cross_entropy_error(y, np.int64(1)) == pytest.approx(expected, rel=1e-6)
    assert cross_entropy_error(y, np.array([1])) == pytest.approx(expected, rel=1e-6)


def test_cross_entropy_batch_is_averaged():
    y = np.array([[0.1, 0.6, 0.3], [0.25, 0.25, 0.5]])
    labels = np.array([1, 2])
    t = np.array([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    expected = -(math.log(0.6) + math.log(0.5)) / 2
    assert cross_entropy_error(y, t) == pytest.approx(expected, rel=1e-6)
    assert cross_entropy_error(y, labels) == pytest.approx(expected, rel=1e-6)


def test_cross_entropy_is_finite_when_a_probability_is_zero():
    y = np.array([[0.0, 1.0], [1.0, 0.0]])
    t = np.array([0, 0])
    with np.errstate(divide="raise", invalid="raise"):
        loss = cross_entropy_error(y, t)
    assert np.isfinite(loss)
    # only the first sample is wrong: -(log(1e-7) + log(1 + 1e-7)) / 2
    assert loss == pytest.approx(-math.log(1e-7) / 2, rel=1e-3)


def test_cross_entropy_does_not_modify_inputs():
    y = np.array([[0.2, 0.8], [0.5, 0.5]])
    t = np.array([[0.0, 1.0], [1.0, 0.0]])
    y0, t0 = y.copy(), t.copy()
    cross_entropy_error(y, t)
    cross_entropy_error(y, np.array([1, 0]))
    np.testing.assert_array_equal(y, y0)
    np.testing.assert_array_equal(t, t0)


@given(st.integers(1, 6), st.integers(2, 7), st.data())
def test_cross_entropy_labels_and_one_hot_agree(n, k, data):
    scores = data.draw(hnp.arrays(np.float64, (n, k), elements=st.floats(-10, 10)))
    labels = np.array(data.draw(st.lists(st.integers(0, k - 1), min_size=n, max_size=n)))
    y = softmax(scores)
    t = np.zeros((n, k))
    t[np.arange(n), labels] = 1.0
    expected = -np.mean(np.log(y[np.arange(n), labels] + 1e-7))
    assert cross_entropy_error(y, labels) == pytest.approx(expected, rel=1e-9)
    assert cross_entropy_error(y, t) == pytest.approx(expected, rel=1e-9)
    assert softmax_loss(scores, labels) == pytest.approx(expected, rel=1e-9)
    assert softmax_loss(scores, t) == pytest.approx(expected, rel=1e-9)


def test_softmax_loss_hand_value():
    x = np.array([[0.0, math.log(3.0)], [0.0, 0.0]])
    t = np.array([1, 0])
    expected = -(math.log(0.75) + math.log(0.5)) / 2
    assert softmax_loss(x, t) == pytest.approx(expected, rel=1e-6)
