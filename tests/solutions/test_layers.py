"""common/layers.py (and ch05/layer_naive.py): forward against independent formulas, backward
against a numerical gradient of sum(forward(x) * dout) for a random dout."""
import hypothesis.extra.numpy as hnp
import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from ch05.layer_naive import AddLayer, MulLayer
from common.layers import (
    Affine,
    BatchNormalization,
    Convolution,
    Dropout,
    Pooling,
    Relu,
    Sigmoid,
    SoftmaxWithLoss,
)

TOL = 1e-6


def away_from_zero(rng, shape, low=0.1, high=2.0):
    """Values with |x| >= low, so that a step of h never crosses a kink at 0."""
    return rng.uniform(low, high, size=shape) * rng.choice([-1.0, 1.0], size=shape)


# ------------------------------------------------------------------ computational graph


def test_mul_layer_book_example():
    apple, num, tax = 100.0, 2.0, 1.1
    mul_apple, mul_tax = MulLayer(), MulLayer()
    price = mul_tax.forward(mul_apple.forward(apple, num), tax)
    assert price == pytest.approx(220.0)
    dapple_price, dtax = mul_tax.backward(1.0)
    dapple, dnum = mul_apple.backward(dapple_price)
    assert (dapple, dnum, dtax) == (pytest.approx(2.2), pytest.approx(110.0), pytest.approx(200.0))


def test_add_layer_passes_gradient_through():
    add = AddLayer()
    assert add.forward(3.0, 4.5) == pytest.approx(7.5)
    dx, dy = add.backward(1.7)
    assert (dx, dy) == (pytest.approx(1.7), pytest.approx(1.7))


def test_mul_and_add_layers_on_arrays(rng):
    x, y, dout = rng.normal(size=(3, 2)), rng.normal(size=(3, 2)), rng.normal(size=(3, 2))
    mul = MulLayer()
    np.testing.assert_allclose(mul.forward(x, y), x * y)
    dx, dy = mul.backward(dout)
    np.testing.assert_allclose(dx, dout * y)
    np.testing.assert_allclose(dy, dout * x)
    add = AddLayer()
    np.testing.assert_allclose(add.forward(x, y), x + y)
    dx, dy = add.backward(dout)
    np.testing.assert_allclose(dx, dout)
    np.testing.assert_allclose(dy, dout)


# ----------------------------------------------------------------------------- Relu


def test_relu_forward_and_mask():
    x = np.array([[-1.0, 0.0, 2.0], [3.0, -0.5, 0.25]])
    before = x.copy()
    layer = Relu()
    out = layer.forward(x)
    np.testing.assert_array_equal(out, [[0.0, 0.0, 2.0], [3.0, 0.0, 0.25]])
    np.testing.assert_array_equal(layer.mask, x <= 0)
    np.testing.assert_array_equal(x, before)
    out[...] = 9.0
    np.testing.assert_array_equal(x, before)


def test_relu_backward_hand_case():
    layer = Relu()
    layer.forward(np.array([[-1.0, 2.0], [0.0, 3.0]]))
    dout = np.array([[5.0, 6.0], [7.0, 8.0]])
    np.testing.assert_array_equal(layer.backward(dout), [[0.0, 6.0], [0.0, 8.0]])
    np.testing.assert_array_equal(dout, [[5.0, 6.0], [7.0, 8.0]])


@pytest.mark.parametrize("shape", [(1, 1), (3, 5), (2, 3, 4), (2, 3, 4, 5)])
def test_relu_backward_numerical(rng, helpers, shape):
    x = away_from_zero(rng, shape)
    dout = rng.normal(size=shape)
    layer = Relu()
    layer.forward(x)
    dx = layer.backward(dout)
    numeric = helpers.numerical_input_grad(lambda v: Relu().forward(v), x, dout)
    helpers.assert_grad_close(dx, numeric, TOL)


@given(hnp.arrays(np.float64, hnp.array_shapes(min_dims=1, max_dims=4, max_side=5), elements=st.floats(-5, 5)))
def test_relu_property(x):
    layer = Relu()
    before = x.copy()
    out = layer.forward(x)
    np.testing.assert_array_equal(out, np.maximum(x, 0.0))
    dout = np.arange(x.size, dtype=float).reshape(x.shape) + 1.0
    np.testing.assert_array_equal(layer.backward(dout), np.where(x > 0, dout, 0.0))
    np.testing.assert_array_equal(x, before)


# -------------------------------------------------------------------------- Sigmoid


@pytest.mark.parametrize("shape", [(1, 1), (4, 3), (2, 3, 2, 2)])
def test_sigmoid_layer(rng, helpers, shape):
    x = rng.normal(scale=2.0, size=shape)
    before = x.copy()
    dout = rng.normal(size=shape)
    layer = Sigmoid()
    out = layer.forward(x)
    np.testing.assert_allclose(out, 1.0 / (1.0 + np.exp(-x)), rtol=1e-12)
    np.testing.assert_allclose(layer.out, out)
    dx = layer.backward(dout)
    np.testing.assert_allclose(dx, dout * out * (1 - out), rtol=1e-12)
    numeric = helpers.numerical_input_grad(lambda v: Sigmoid().forward(v), x, dout)
    helpers.assert_grad_close(dx, numeric, TOL)
    np.testing.assert_array_equal(x, before)


def test_sigmoid_layer_large_inputs_finite():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        out = Sigmoid().forward(np.array([[-1000.0, 1000.0]]))
    np.testing.assert_allclose(out, [[0.0, 1.0]], atol=1e-300)


# --------------------------------------------------------------------------- Affine


def test_affine_forward_hand_case():
    W = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    b = np.array([0.5, -1.0])
    x = np.array([[1.0, 0.0, -1.0]])
    np.testing.assert_allclose(Affine(W, b).forward(x), [[-3.5, -5.0]])


@pytest.mark.parametrize("x_shape", [(1, 3), (4, 6), (5, 2, 3), (2, 3, 2, 2)])
def test_affine_forward_backward(rng, helpers, x_shape):
    d = int(np.prod(x_shape[1:]))
    m = 3
    x = rng.normal(size=x_shape)
    W = rng.normal(size=(d, m))
    b = rng.normal(size=m)
    dout = rng.normal(size=(x_shape[0], m))
    x0, W0, b0, dout0 = x.copy(), W.copy(), b.copy(), dout.copy()

    layer = Affine(W, b)
    out = layer.forward(x)
    assert out.shape == (x_shape[0], m)
    np.testing.assert_allclose(out, x.reshape(x_shape[0], -1) @ W + b, rtol=1e-12)
    dx = layer.backward(dout)
    assert dx.shape == x_shape
    assert layer.dW.shape == W.shape and layer.db.shape == b.shape
    dW, db = layer.dW.copy(), layer.db.copy()
    for arr, arr0 in ((x, x0), (W, W0), (b, b0), (dout, dout0)):
        np.testing.assert_array_equal(arr, arr0)

    probe = Affine(W, b)
    helpers.assert_grad_close(dx, helpers.numerical_input_grad(probe.forward, x, dout), TOL)
    helpers.assert_grad_close(dW, helpers.numerical_grad(lambda: np.sum(probe.forward(x) * dout), W), TOL)
    helpers.assert_grad_close(db, helpers.numerical_grad(lambda: np.sum(probe.forward(x) * dout), b), TOL)


def test_affine_keeps_the_given_arrays(rng):
    W, b = rng.normal(size=(2, 2)), np.zeros(2)
    layer = Affine(W, b)
    x = np.array([[1.0, 1.0]])
    first = layer.forward(x)
    W += 1.0  # in place: the layer must see it, as a network's params are shared with its layers
    np.testing.assert_allclose(layer.forward(x), first + 2.0)


@given(st.integers(1, 4), st.integers(1, 6), st.integers(1, 5), st.integers(0, 2**31 - 1))
def test_affine_property(n, d, m, seed):
    rng = np.random.default_rng(seed)
    x, W, b = rng.normal(size=(n, d)), rng.normal(size=(d, m)), rng.normal(size=m)
    dout = rng.normal(size=(n, m))
    layer = Affine(W, b)
    np.testing.assert_allclose(layer.forward(x), x @ W + b, rtol=1e-10, atol=1e-12)
    dx = layer.backward(dout)
    np.testing.assert_allclose(dx, dout @ W.T, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(layer.dW, x.T @ dout, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(layer.db, dout.sum(axis=0), rtol=1e-10, atol=1e-12)


# ------------------------------------------------------------------- SoftmaxWithLoss


def test_softmax_with_loss_hand_case(helpers):
    x = np.array([[0.0, np.log(3.0)], [0.0, 0.0]])
    labels = np.array([1, 0])
    expected_loss = -(np.log(0.75) + np.log(0.5)) / 2
    expected_dx = (np.array([[0.25, 0.75], [0.5, 0.5]]) - helpers.one_hot(labels, 2)) / 2
    for t in (labels, helpers.one_hot(labels, 2)):
        layer = SoftmaxWithLoss()
        loss = layer.forward(x, t)
        assert loss == pytest.approx(expected_loss, rel=1e-6)
        assert layer.loss == pytest.approx(expected_loss, rel=1e-6)
        np.testing.assert_allclose(layer.y, [[0.25, 0.75], [0.5, 0.5]], rtol=1e-12)
        np.testing.assert_array_equal(layer.t, t)
        np.testing.assert_allclose(layer.backward(), expected_dx, rtol=1e-12)


@pytest.mark.parametrize("n", [1, 3, 8])
@pytest.mark.parametrize("targets", ["labels", "one_hot"])
def test_softmax_with_loss_backward(rng, helpers, n, targets):
    k = 4
    x = rng.normal(size=(n, k))
    labels = rng.integers(0, k, size=n)
    t = labels if targets == "labels" else helpers.one_hot(labels, k)
    x0, t0 = x.copy(), t.copy()
    layer = SoftmaxWithLoss()
    loss = layer.forward(x, t)
    y = np.exp(x) / np.exp(x).sum(axis=1, keepdims=True)
    assert loss == pytest.approx(-np.mean(np.log(y[np.arange(n), labels])), rel=1e-5)
    dx = layer.backward()
    np.testing.assert_allclose(dx, (y - helpers.one_hot(labels, k)) / n, rtol=1e-10, atol=1e-14)
    numeric = helpers.numerical_grad(lambda: SoftmaxWithLoss().forward(x, t), x)
    # the 1e-7 inside the log makes the numerical gradient differ by about 1e-7 / y
    helpers.assert_grad_close(dx, numeric, 1e-5)
    np.testing.assert_array_equal(x, x0)
    np.testing.assert_array_equal(t, t0)


def test_softmax_with_loss_large_scores_finite():
    x = np.array([[1000.0, 0.0, -1000.0], [0.0, 1000.0, 0.0]])
    layer = SoftmaxWithLoss()
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        loss = layer.forward(x, np.array([2, 1]))
        dx = layer.backward()
    assert np.isfinite(loss)
    assert np.all(np.isfinite(dx))


# -------------------------------------------------------------------------- Dropout


def test_dropout_train_mode_zeroes_about_the_ratio(rng):
    x = rng.uniform(1.0, 2.0, size=(200, 500))
    before = x.copy()
    for ratio in (0.2, 0.5, 0.7):
        layer = Dropout(ratio)
        out = layer.forward(x, train_flg=True)
        dropped = out == 0
        assert abs(dropped.mean() - ratio) < 0.01
        # kept units pass unchanged (no rescaling while training, as in the book)
        np.testing.assert_array_equal(out[~dropped], x[~dropped])
        np.testing.assert_array_equal(np.asarray(layer.mask, dtype=bool), ~dropped)
    np.testing.assert_array_equal(x, before)


def test_dropout_default_ratio_is_one_half(rng):
    x = np.ones((100, 400))
    out = Dropout().forward(x)
    assert abs((out == 0).mean() - 0.5) < 0.01


def test_dropout_test_mode_scales(rng):
    x = rng.normal(size=(4, 5))
    np.testing.assert_allclose(Dropout(0.3).forward(x, train_flg=False), x * 0.7, rtol=1e-12)
    np.testing.assert_allclose(Dropout().forward(x, train_flg=False), x * 0.5, rtol=1e-12)


def test_dropout_backward_uses_the_forward_mask(rng):
    x = rng.uniform(1.0, 2.0, size=(6, 7, 3))
    dout = rng.normal(size=x.shape)
    dout0 = dout.copy()
    layer = Dropout(0.4)
    out = layer.forward(x, train_flg=True)
    kept = out != 0
    np.testing.assert_array_equal(layer.backward(dout), np.where(kept, dout, 0.0))
    np.testing.assert_array_equal(dout, dout0)


def test_dropout_draws_a_new_mask_each_training_call():
    x = np.ones((50, 50))
    layer = Dropout(0.5)
    first = layer.forward(x, train_flg=True)
    second = layer.forward(x, train_flg=True)
    assert not np.array_equal(first, second)


def test_dropout_is_reproducible_under_a_seed():
    x = np.ones((10, 10))
    np.random.seed(7)
    first = Dropout(0.5).forward(x, train_flg=True)
    np.random.seed(7)
    second = Dropout(0.5).forward(x, train_flg=True)
    np.testing.assert_array_equal(first, second)


# --------------------------------------------------------------- BatchNormalization

BN_EPS_RTOL = 1e-5  # the book adds 1e-6, the reference 1e-7: both agree to this tolerance


def bn_reference(x2, gamma, beta, mean, var, eps=1e-7):
    return gamma * (x2 - mean) / np.sqrt(var + eps) + beta


@pytest.mark.parametrize("shape", [(5, 3), (8, 1), (2, 4), (4, 2, 3, 3), (3, 1, 2, 2)])
def test_batchnorm_train_forward(rng, shape):
    x = rng.normal(loc=2.0, scale=3.0, size=shape)
    before = x.copy()
    d = int(np.prod(shape[1:]))
    gamma = rng.uniform(0.5, 2.0, size=d)
    beta = rng.normal(size=d)
    layer = BatchNormalization(gamma, beta)
    out = layer.forward(x, train_flg=True)
    assert out.shape == shape
    x2 = x.reshape(shape[0], -1)
    expected = bn_reference(x2, gamma, beta, x2.mean(axis=0), x2.var(axis=0))
    np.testing.assert_allclose(out.reshape(shape[0], -1), expected, rtol=BN_EPS_RTOL, atol=1e-6)
    np.testing.assert_array_equal(x, before)


def test_batchnorm_train_forward_standardises_columns(rng):
    x = rng.normal(loc=-3.0, scale=5.0, size=(50, 4))
    out = BatchNormalization(np.ones(4), np.zeros(4)).forward(x)
    np.testing.assert_allclose(out.mean(axis=0), 0.0, atol=1e-10)
    np.testing.assert_allclose(out.std(axis=0), 1.0, rtol=1e-6)


def test_batchnorm_running_statistics(rng):
    d = 3
    layer = BatchNormalization(np.ones(d), np.zeros(d), momentum=0.8)
    x1 = rng.normal(loc=1.0, scale=2.0, size=(6, d))
    x2 = rng.normal(loc=-1.0, scale=0.5, size=(6, d))
    layer.forward(x1, train_flg=True)
    # running statistics start at zero
    np.testing.assert_allclose(layer.running_mean, 0.2 * x1.mean(axis=0), rtol=1e-12)
    np.testing.assert_allclose(layer.running_var, 0.2 * x1.var(axis=0), rtol=1e-12)
    layer.forward(x2, train_flg=True)
    rm = 0.8 * 0.2 * x1.mean(axis=0) + 0.2 * x2.mean(axis=0)
    rv = 0.8 * 0.2 * x1.var(axis=0) + 0.2 * x2.var(axis=0)
    np.testing.assert_allclose(layer.running_mean, rm, rtol=1e-12)
    np.testing.assert_allclose(layer.running_var, rv, rtol=1e-12)


def test_batchnorm_default_momentum_is_0_9(rng):
    x = rng.normal(size=(5, 2))
    layer = BatchNormalization(np.ones(2), np.zeros(2))
    layer.forward(x)
    np.testing.assert_allclose(layer.running_mean, 0.1 * x.mean(axis=0), rtol=1e-12)


def test_batchnorm_test_mode_uses_running_statistics(rng):
    d = 4
    gamma, beta = rng.uniform(0.5, 2.0, size=d), rng.normal(size=d)
    rm, rv = rng.normal(size=d), rng.uniform(0.5, 2.0, size=d)
    layer = BatchNormalization(gamma, beta, running_mean=rm.copy(), running_var=rv.copy())
    x = rng.normal(size=(3, d))
    out = layer.forward(x, train_flg=False)
    np.testing.assert_allclose(out, bn_reference(x, gamma, beta, rm, rv), rtol=BN_EPS_RTOL)
    # test mode leaves the running statistics alone, and one sample is enough
    np.testing.assert_allclose(layer.running_mean, rm)
    np.testing.assert_allclose(layer.running_var, rv)
    out1 = layer.forward(x[:1], train_flg=False)
    np.testing.assert_allclose(out1, out[:1], rtol=1e-12)


def test_batchnorm_4d_test_mode_after_training(rng):
    shape = (6, 2, 2, 2)
    d = 8
    layer = BatchNormalization(np.ones(d), np.zeros(d), momentum=0.5)
    x = rng.normal(size=shape)
    for _ in range(3):
        layer.forward(x, train_flg=True)
    x2 = x.reshape(6, -1)
    factor = 1 - 0.5**3
    np.testing.assert_allclose(layer.running_mean, factor * x2.mean(axis=0), rtol=1e-12)
    np.testing.assert_allclose(layer.running_var, factor * x2.var(axis=0), rtol=1e-12)
    out = layer.forward(x, train_flg=False)
    assert out.shape == shape
    expected = bn_reference(x2, 1.0, 0.0, factor * x2.mean(axis=0), factor * x2.var(axis=0))
    np.testing.assert_allclose(out.reshape(6, -1), expected, rtol=BN_EPS_RTOL, atol=1e-7)


@pytest.mark.parametrize("shape", [(6, 3), (3, 5), (4, 2, 3, 3), (3, 2, 2, 1)])
def test_batchnorm_backward_numerical(rng, helpers, shape):
    d = int(np.prod(shape[1:]))
    x = rng.normal(loc=1.0, scale=2.0, size=shape)
    gamma = rng.uniform(0.5, 2.0, size=d)
    beta = rng.normal(size=d)
    dout = rng.normal(size=shape)
    x0, dout0 = x.copy(), dout.copy()
    layer = BatchNormalization(gamma, beta)
    layer.forward(x, train_flg=True)
    dx = layer.backward(dout)
    assert dx.shape == shape
    assert layer.dgamma.shape == (d,) and layer.dbeta.shape == (d,)
    dgamma, dbeta = layer.dgamma.copy(), layer.dbeta.copy()
    np.testing.assert_array_equal(x, x0)
    np.testing.assert_array_equal(dout, dout0)

    probe = BatchNormalization(gamma, beta)

    def objective():
        return np.sum(probe.forward(x, train_flg=True) * dout)

    helpers.assert_grad_close(dx, helpers.numerical_grad(objective, x), TOL)
    helpers.assert_grad_close(dgamma, helpers.numerical_grad(objective, gamma), TOL)
    helpers.assert_grad_close(dbeta, helpers.numerical_grad(objective, beta), TOL)


# ---------------------------------------------------------------------- Convolution

# (N, C, H, W), (FN, FH, FW), stride, pad
CONV_CASES = [
    ((1, 1, 4, 4), (1, 3, 3), 1, 0),
    ((2, 3, 5, 5), (2, 3, 3), 1, 0),
    ((2, 2, 7, 7), (3, 3, 3), 2, 1),
    ((1, 2, 5, 6), (2, 2, 3), 1, 1),
    ((3, 1, 6, 5), (2, 3, 2), 2, 0),
    ((1, 3, 4, 4), (2, 1, 1), 1, 0),
    ((2, 1, 5, 5), (1, 3, 3), 3, 2),
]


def test_convolution_hand_case():
    x = np.arange(16.0).reshape(1, 1, 4, 4)
    W = np.array([[[[1.0, 0.0], [0.0, -1.0]]]])
    out = Convolution(W, np.array([10.0])).forward(x)
    # x[i, j] - x[i+1, j+1] = -5 everywhere, plus the bias
    np.testing.assert_allclose(out, np.full((1, 1, 3, 3), 5.0))


@pytest.mark.parametrize(("x_shape", "f_shape", "stride", "pad"), CONV_CASES)
def test_convolution_forward_backward(rng, helpers, x_shape, f_shape, stride, pad):
    fn, fh, fw = f_shape
    c = x_shape[1]
    x = rng.normal(size=x_shape)
    W = rng.normal(size=(fn, c, fh, fw))
    b = rng.normal(size=fn)
    x0, W0, b0 = x.copy(), W.copy(), b.copy()
    layer = Convolution(W, b, stride=stride, pad=pad)
    out = layer.forward(x)
    expected = helpers.naive_conv(x, W, b, stride, pad)
    assert out.shape == expected.shape
    np.testing.assert_allclose(out, expected, rtol=1e-10, atol=1e-12)

    dout = rng.normal(size=out.shape)
    dout0 = dout.copy()
    dx = layer.backward(dout)
    assert dx.shape == x.shape
    assert layer.dW.shape == W.shape and layer.db.shape == b.shape
    dW, db = layer.dW.copy(), layer.db.copy()
    for arr, arr0 in ((x, x0), (W, W0), (b, b0), (dout, dout0)):
        np.testing.assert_array_equal(arr, arr0)

    probe = Convolution(W, b, stride=stride, pad=pad)

    def objective():
        return np.sum(probe.forward(x) * dout)

    helpers.assert_grad_close(dx, helpers.numerical_grad(objective, x), TOL)
    helpers.assert_grad_close(dW, helpers.numerical_grad(objective, W), TOL)
    helpers.assert_grad_close(db, helpers.numerical_grad(objective, b), TOL)


def test_convolution_default_stride_and_pad(rng, helpers):
    x = rng.normal(size=(1, 2, 5, 5))
    W, b = rng.normal(size=(2, 2, 3, 3)), rng.normal(size=2)
    np.testing.assert_allclose(Convolution(W, b).forward(x), helpers.naive_conv(x, W, b, 1, 0), rtol=1e-10)


@given(
    st.integers(1, 2),
    st.integers(1, 3),
    st.integers(1, 3),
    st.integers(3, 7),
    st.integers(3, 7),
    st.integers(1, 3),
    st.integers(1, 3),
    st.integers(1, 2),
    st.integers(0, 1),
    st.integers(0, 2**31 - 1),
)
def test_convolution_forward_property(helpers, n, c, fn, h, w, fh, fw, stride, pad, seed):
    assume(fh <= h + 2 * pad and fw <= w + 2 * pad)
    rng = np.random.default_rng(seed)
    x, W, b = rng.normal(size=(n, c, h, w)), rng.normal(size=(fn, c, fh, fw)), rng.normal(size=fn)
    out = Convolution(W, b, stride, pad).forward(x)
    np.testing.assert_allclose(out, helpers.naive_conv(x, W, b, stride, pad), rtol=1e-10, atol=1e-12)


# -------------------------------------------------------------------------- Pooling

# (N, C, H, W), pool_h, pool_w, stride, pad
POOL_CASES = [
    ((1, 1, 4, 4), 2, 2, 2, 0),
    ((2, 3, 4, 6), 2, 2, 2, 0),
    ((2, 2, 5, 5), 2, 2, 2, 0),
    ((1, 2, 5, 5), 3, 3, 2, 0),
    ((2, 1, 4, 5), 2, 3, 1, 0),
    ((1, 2, 4, 4), 2, 2, 2, 1),
]


def test_pooling_hand_case():
    x = np.array([[[[1.0, 2.0, 5.0, 0.0], [3.0, 4.0, 1.0, 2.0], [0.0, 9.0, 7.0, 8.0], [6.0, 1.0, 3.0, 2.0]]]])
    layer = Pooling(2, 2, stride=2)
    np.testing.assert_array_equal(layer.forward(x), [[[[4.0, 5.0], [9.0, 8.0]]]])
    dx = layer.backward(np.array([[[[10.0, 20.0], [30.0, 40.0]]]]))
    expected = np.zeros((1, 1, 4, 4))
    expected[0, 0, 1, 1], expected[0, 0, 0, 2], expected[0, 0, 2, 1], expected[0, 0, 2, 3] = 10, 20, 30, 40
    np.testing.assert_array_equal(dx, expected)


@pytest.mark.parametrize(("shape", "ph", "pw", "stride", "pad"), POOL_CASES)
def test_pooling_forward_backward(rng, helpers, shape, ph, pw, stride, pad):
    # Distinct values (no ties); with padding, positive values so that the zero padding
    # never wins a window.
    offset = 1.0 if pad else -0.05 * np.prod(shape)
    x = helpers.distinct_values(rng, shape, spacing=0.1, offset=offset)
    x0 = x.copy()
    layer = Pooling(ph, pw, stride=stride, pad=pad)
    out = layer.forward(x)
    expected = helpers.naive_max_pool(x, ph, pw, stride, pad)
    assert out.shape == expected.shape
    np.testing.assert_array_equal(out, expected)

    dout = rng.normal(size=out.shape)
    dout0 = dout.copy()
    dx = layer.backward(dout)
    assert dx.shape == shape
    np.testing.assert_array_equal(x, x0)
    np.testing.assert_array_equal(dout, dout0)
    numeric = helpers.numerical_input_grad(Pooling(ph, pw, stride=stride, pad=pad).forward, x, dout)
    helpers.assert_grad_close(dx, numeric, TOL)


def test_pooling_gradient_goes_to_each_window_maximum(rng, helpers):
    x = helpers.distinct_values(rng, (2, 3, 4, 4))
    layer = Pooling(2, 2, stride=2)
    out = layer.forward(x)
    dx = layer.backward(np.ones_like(out))
    # one nonzero per window, exactly where the window's maximum is
    assert np.count_nonzero(dx) == out.size
    np.testing.assert_array_equal(np.sort(x[dx != 0]), np.sort(out.reshape(-1)))
