"""The networks: TwoLayerNet, MultiLayerNet, MultiLayerNetExtend and SimpleConvNet.

Backpropagation is checked, key by key, against a numerical gradient of the loss that the
test computes itself (and against the network's own ``numerical_gradient``)."""
import numpy as np
import pytest

from ch05.two_layer_net import TwoLayerNet
from ch07.simple_convnet import SimpleConvNet
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
from common.multi_layer_net import MultiLayerNet
from common.multi_layer_net_extend import MultiLayerNetExtend

# The loss is -log(y + 1e-7): its exact derivative differs from the backpropagated (y - t) / N
# by a relative 1e-7 / y, a few 1e-6 for the small networks here; hence 1e-5, not 1e-6.
TOL = 1e-5
# Gradients that are zero in theory (a bias followed by batch normalisation) are compared
# against this absolute scale instead of their own.
GRAD_FLOOR = 1e-4


def softmax_rows(a):
    e = np.exp(a - a.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def mean_ce(scores, labels):
    return -np.mean(np.log(softmax_rows(scores)[np.arange(len(labels)), labels]))


def check_gradients(helpers, net, grads, loss, tol=TOL):
    """grads (from backpropagation) against central differences of loss(), key by key."""
    assert set(grads) == set(net.params)
    for key, value in net.params.items():
        assert grads[key].shape == value.shape, key
        numeric = helpers.numerical_grad(loss, value)
        err = helpers.grad_error(grads[key], numeric, floor=GRAD_FLOOR)
        assert err < tol, f"{key}: relative gradient error {err:.3e}"


def classification_data(rng, n, d, k):
    x = rng.normal(size=(n, d))
    labels = rng.integers(0, k, size=n)
    return x, labels


# ----------------------------------------------------------------------- TwoLayerNet


def test_two_layer_net_structure():
    net = TwoLayerNet(784, 50, 10)
    assert {k: v.shape for k, v in net.params.items()} == {
        "W1": (784, 50), "b1": (50,), "W2": (50, 10), "b2": (10,)}
    assert list(net.layers) == ["Affine1", "Relu1", "Affine2"]
    assert isinstance(net.layers["Affine1"], Affine)
    assert isinstance(net.layers["Relu1"], Relu)
    assert isinstance(net.layers["Affine2"], Affine)
    assert isinstance(net.lastLayer, SoftmaxWithLoss)
    # weight_init_std * standard normal, zero biases
    assert np.std(net.params["W1"]) == pytest.approx(0.01, rel=0.03)
    assert np.mean(net.params["W1"]) == pytest.approx(0.0, abs=5e-4)
    np.testing.assert_array_equal(net.params["b1"], 0.0)
    np.testing.assert_array_equal(net.params["b2"], 0.0)
    assert np.std(TwoLayerNet(784, 50, 10, weight_init_std=0.1).params["W1"]) == pytest.approx(0.1, rel=0.03)


def test_two_layer_net_predict_and_loss_formulas(rng):
    net = TwoLayerNet(4, 5, 3, weight_init_std=0.7)
    x, labels = classification_data(rng, 6, 4, 3)
    p = net.params
    scores = np.maximum(x @ p["W1"] + p["b1"], 0) @ p["W2"] + p["b2"]
    np.testing.assert_allclose(net.predict(x), scores, rtol=1e-12)
    assert net.loss(x, labels) == pytest.approx(mean_ce(scores, labels), rel=1e-5)


def test_two_layer_net_params_are_shared_with_layers(rng):
    net = TwoLayerNet(4, 5, 3, weight_init_std=0.7)
    x = rng.normal(size=(3, 4))
    before = net.predict(x)
    net.params["W1"] *= 2.0
    net.params["b2"] += 1.0
    p = net.params
    after = net.predict(x)
    assert not np.allclose(after, before)
    np.testing.assert_allclose(after, np.maximum(x @ p["W1"] + p["b1"], 0) @ p["W2"] + p["b2"], rtol=1e-12)


@pytest.mark.parametrize("targets", ["labels", "one_hot"])
def test_two_layer_net_gradient(rng, helpers, targets):
    net = TwoLayerNet(4, 5, 3, weight_init_std=0.7)
    x, labels = classification_data(rng, 6, 4, 3)
    t = labels if targets == "labels" else helpers.one_hot(labels, 3)
    grads = {k: v.copy() for k, v in net.gradient(x, t).items()}
    check_gradients(helpers, net, grads, lambda: net.loss(x, t))
    own = net.numerical_gradient(x, t)
    for key in net.params:
        assert helpers.grad_error(grads[key], own[key], floor=GRAD_FLOOR) < TOL, key


def test_two_layer_net_gradient_leaves_params_unchanged(rng):
    net = TwoLayerNet(4, 5, 3, weight_init_std=0.7)
    x, labels = classification_data(rng, 6, 4, 3)
    before = {k: v.copy() for k, v in net.params.items()}
    net.gradient(x, labels)
    net.numerical_gradient(x, labels)
    for key in before:
        np.testing.assert_array_equal(net.params[key], before[key])


def test_two_layer_net_accuracy(rng, helpers):
    net = TwoLayerNet(4, 5, 3, weight_init_std=0.7)
    x = rng.normal(size=(8, 4))
    predicted = np.argmax(net.predict(x), axis=1)
    labels = predicted.copy()
    labels[:3] = (labels[:3] + 1) % 3  # three wrong out of eight
    for t in (labels, helpers.one_hot(labels, 3)):
        acc = net.accuracy(x, t)
        assert 0.0 <= acc <= 1.0
        assert acc == pytest.approx(5 / 8)
    assert net.accuracy(x, predicted) == pytest.approx(1.0)


# --------------------------------------------------------------------- MultiLayerNet


def test_multi_layer_net_structure():
    net = MultiLayerNet(5, [6, 4], 3, activation="sigmoid")
    assert list(net.layers) == [
        "Affine1", "Activation_function1", "Affine2", "Activation_function2", "Affine3"]
    assert isinstance(net.layers["Activation_function1"], Sigmoid)
    assert isinstance(net.last_layer, SoftmaxWithLoss)
    assert {k: v.shape for k, v in net.params.items()} == {
        "W1": (5, 6), "b1": (6,), "W2": (6, 4), "b2": (4,), "W3": (4, 3), "b3": (3,)}
    relu_net = MultiLayerNet(5, [6], 3)
    assert list(relu_net.layers) == ["Affine1", "Activation_function1", "Affine2"]
    assert isinstance(relu_net.layers["Activation_function1"], Relu)


@pytest.mark.parametrize(
    ("init", "factor"),
    [("relu", 2.0), ("he", 2.0), ("He", 2.0), ("sigmoid", 1.0), ("xavier", 1.0), ("Xavier", 1.0)],
)
def test_multi_layer_net_named_initialisation(init, factor):
    net = MultiLayerNet(1000, [400], 300, weight_init_std=init)
    assert np.std(net.params["W1"]) == pytest.approx(np.sqrt(factor / 1000), rel=0.02)
    assert np.std(net.params["W2"]) == pytest.approx(np.sqrt(factor / 400), rel=0.02)
    assert np.mean(net.params["W1"]) == pytest.approx(0.0, abs=0.002)
    np.testing.assert_array_equal(net.params["b1"], 0.0)
    np.testing.assert_array_equal(net.params["b2"], 0.0)


def test_multi_layer_net_numeric_initialisation():
    net = MultiLayerNet(500, [300], 200, weight_init_std=0.05)
    assert np.std(net.params["W1"]) == pytest.approx(0.05, rel=0.02)
    assert np.std(net.params["W2"]) == pytest.approx(0.05, rel=0.02)


def test_multi_layer_net_default_initialisation_is_he():
    net = MultiLayerNet(800, [500], 100)
    assert np.std(net.params["W1"]) == pytest.approx(np.sqrt(2 / 800), rel=0.02)


def test_multi_layer_net_predict_formula(rng):
    x = rng.normal(size=(4, 5))
    for activation, act in (("relu", lambda a: np.maximum(a, 0)), ("sigmoid", lambda a: 1 / (1 + np.exp(-a)))):
        net = MultiLayerNet(5, [6, 4], 3, activation=activation, weight_init_std=0.8)
        p = net.params
        h = act(x @ p["W1"] + p["b1"])
        h = act(h @ p["W2"] + p["b2"])
        np.testing.assert_allclose(net.predict(x), h @ p["W3"] + p["b3"], rtol=1e-12)


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
@pytest.mark.parametrize("decay", [0.0, 0.2])
@pytest.mark.parametrize("targets", ["labels", "one_hot"])
def test_multi_layer_net_gradient(rng, helpers, activation, decay, targets):
    net = MultiLayerNet(5, [6, 4], 3, activation=activation, weight_init_std=activation,
                        weight_decay_lambda=decay)
    x, labels = classification_data(rng, 7, 5, 3)
    t = labels if targets == "labels" else helpers.one_hot(labels, 3)
    grads = {k: v.copy() for k, v in net.gradient(x, t).items()}
    check_gradients(helpers, net, grads, lambda: net.loss(x, t))
    own = net.numerical_gradient(x, t)
    for key in net.params:
        assert helpers.grad_error(grads[key], own[key], floor=GRAD_FLOOR) < TOL, key


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
def test_multi_layer_net_weight_decay(rng, activation):
    lam = 0.3
    x, labels = classification_data(rng, 6, 5, 3)
    np.random.seed(5)
    plain = MultiLayerNet(5, [6, 4], 3, activation=activation)
    np.random.seed(5)
    decayed = MultiLayerNet(5, [6, 4], 3, activation=activation, weight_decay_lambda=lam)
    for key in plain.params:
        np.testing.assert_array_equal(plain.params[key], decayed.params[key])
    sum_sq = sum(np.sum(plain.params[f"W{i}"] ** 2) for i in (1, 2, 3))
    assert decayed.loss(x, labels) - plain.loss(x, labels) == pytest.approx(0.5 * lam * sum_sq, rel=1e-9)
    g_plain = plain.gradient(x, labels)
    g_decayed = decayed.gradient(x, labels)
    for key in plain.params:
        extra = lam * plain.params[key] if key.startswith("W") else 0.0
        np.testing.assert_allclose(g_decayed[key] - g_plain[key], extra, rtol=1e-9, atol=1e-12)


def test_multi_layer_net_params_are_shared_with_layers(rng):
    net = MultiLayerNet(5, [6], 3)
    x = rng.normal(size=(3, 5))
    before = net.predict(x)
    net.params["W2"] += 0.5
    p = net.params
    expected = np.maximum(x @ p["W1"] + p["b1"], 0) @ p["W2"] + p["b2"]
    np.testing.assert_allclose(net.predict(x), expected, rtol=1e-12)
    assert not np.allclose(before, expected)


def test_multi_layer_net_accuracy(rng, helpers):
    net = MultiLayerNet(5, [6], 4)
    x = rng.normal(size=(10, 5))
    labels = np.argmax(net.predict(x), axis=1)
    labels[::5] = (labels[::5] + 1) % 4  # two wrong out of ten
    for t in (labels, helpers.one_hot(labels, 4)):
        assert net.accuracy(x, t) == pytest.approx(0.8)


# --------------------------------------------------------------- MultiLayerNetExtend


def test_extend_structure_with_batchnorm_and_dropout():
    net = MultiLayerNetExtend(5, [6, 4], 3, use_dropout=True, dropout_ration=0.3, use_batchnorm=True)
    assert list(net.layers) == [
        "Affine1", "BatchNorm1", "Activation_function1", "Dropout1",
        "Affine2", "BatchNorm2", "Activation_function2", "Dropout2",
        "Affine3"]
    assert isinstance(net.layers["BatchNorm1"], BatchNormalization)
    assert isinstance(net.layers["Dropout2"], Dropout)
    assert net.layers["Dropout1"].dropout_ratio == 0.3
    assert set(net.params) == {"W1", "b1", "gamma1", "beta1", "W2", "b2", "gamma2", "beta2", "W3", "b3"}
    np.testing.assert_array_equal(net.params["gamma1"], np.ones(6))
    np.testing.assert_array_equal(net.params["beta2"], np.zeros(4))


def test_extend_without_options_is_a_multi_layer_net(rng):
    x = rng.normal(size=(4, 5))
    np.random.seed(3)
    plain = MultiLayerNet(5, [6, 4], 3)
    np.random.seed(3)
    extended = MultiLayerNetExtend(5, [6, 4], 3)
    assert list(extended.layers) == list(plain.layers)
    np.testing.assert_allclose(extended.predict(x), plain.predict(x), rtol=1e-12)


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
@pytest.mark.parametrize("decay", [0.0, 0.1])
def test_extend_batchnorm_gradient(rng, helpers, activation, decay):
    # small initial weights keep every class probability well above the 1e-7 in the loss
    net = MultiLayerNetExtend(5, [6, 4], 3, activation=activation, weight_init_std=0.3,
                              weight_decay_lambda=decay, use_batchnorm=True)
    # gamma and beta away from their initial ones and zeros, so that their gradients matter
    for key in ("gamma1", "gamma2"):
        net.params[key][...] = rng.uniform(0.5, 1.5, size=net.params[key].shape)
    for key in ("beta1", "beta2"):
        net.params[key][...] = rng.normal(scale=0.5, size=net.params[key].shape)
    x, labels = classification_data(rng, 8, 5, 3)
    grads = {k: v.copy() for k, v in net.gradient(x, labels).items()}
    check_gradients(helpers, net, grads, lambda: net.loss(x, labels, train_flg=True))


@pytest.mark.parametrize("use_batchnorm", [False, True])
def test_extend_dropout_gradient_with_a_fixed_mask(rng, helpers, use_batchnorm):
    net = MultiLayerNetExtend(5, [6, 4], 3, weight_init_std=0.3, use_dropout=True, dropout_ration=0.25,
                              use_batchnorm=use_batchnorm)
    x, labels = classification_data(rng, 8, 5, 3)

    def loss():
        np.random.seed(11)  # the same dropout masks on every call
        return net.loss(x, labels, train_flg=True)

    np.random.seed(11)
    grads = {k: v.copy() for k, v in net.gradient(x, labels).items()}
    check_gradients(helpers, net, grads, loss)


def test_extend_dropout_predict_modes(rng):
    net = MultiLayerNetExtend(5, [6], 3, use_dropout=True, dropout_ration=0.5)
    x = rng.normal(size=(4, 5))
    # test mode (the default) is deterministic and scales the hidden units by 1 - ratio
    first, second = net.predict(x), net.predict(x, train_flg=False)
    np.testing.assert_array_equal(first, second)
    p = net.params
    expected = 0.5 * np.maximum(x @ p["W1"] + p["b1"], 0) @ p["W2"] + p["b2"]
    np.testing.assert_allclose(first, expected, rtol=1e-12)
    assert not np.allclose(net.predict(x, train_flg=True), net.predict(x, train_flg=True))


def test_extend_batchnorm_test_mode_uses_running_statistics(rng):
    net = MultiLayerNetExtend(5, [6], 3, use_batchnorm=True)
    x, labels = classification_data(rng, 10, 5, 3)
    bn = net.layers["BatchNorm1"]
    net.gradient(x, labels)  # one training forward: running stats = 0.1 * batch stats
    a = x @ net.params["W1"] + net.params["b1"]
    np.testing.assert_allclose(bn.running_mean, 0.1 * a.mean(axis=0), rtol=1e-10)
    np.testing.assert_allclose(bn.running_var, 0.1 * a.var(axis=0), rtol=1e-10)
    out = net.predict(x[:1])  # test mode works on a single sample
    normalised = (a[:1] - bn.running_mean) / np.sqrt(bn.running_var + 1e-7)
    expected = np.maximum(normalised, 0) @ net.params["W2"] + net.params["b2"]
    np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-8)


def test_extend_accuracy_in_unit_interval(rng, helpers):
    net = MultiLayerNetExtend(5, [6, 4], 3, use_dropout=True, use_batchnorm=True)
    x, labels = classification_data(rng, 12, 5, 3)
    net.gradient(x, labels)
    predicted = np.argmax(net.predict(x, train_flg=False), axis=1)
    expected = np.mean(predicted == labels)
    for t in (labels, helpers.one_hot(labels, 3)):
        acc = net.accuracy(x, t)
        assert 0.0 <= acc <= 1.0
        assert acc == pytest.approx(expected)


# --------------------------------------------------------------------- SimpleConvNet

TINY = dict(input_dim=(1, 6, 6), conv_param={"filter_num": 2, "filter_size": 3, "pad": 0, "stride": 1},
            hidden_size=4, output_size=3, weight_init_std=0.5)
# odd conv output (5x5, pooled to 2x2), two channels, padding
TINY_PADDED = dict(input_dim=(2, 5, 5), conv_param={"filter_num": 3, "filter_size": 3, "pad": 1, "stride": 1},
                   hidden_size=4, output_size=3, weight_init_std=0.5)


def conv_net_forward(helpers, net, x):
    """Conv -> ReLU -> 2x2 max pool -> Affine -> ReLU -> Affine, from the test's own loops."""
    p = net.params
    stride, pad = net.layers["Conv1"].stride, net.layers["Conv1"].pad
    h = np.maximum(helpers.naive_conv(x, p["W1"], p["b1"], stride, pad), 0)
    h = helpers.naive_max_pool(h, 2, 2, 2).reshape(x.shape[0], -1)
    h = np.maximum(h @ p["W2"] + p["b2"], 0)
    return h @ p["W3"] + p["b3"]


def test_simple_convnet_structure():
    net = SimpleConvNet(**TINY)
    assert {k: v.shape for k, v in net.params.items()} == {
        "W1": (2, 1, 3, 3), "b1": (2,), "W2": (2 * 2 * 2, 4), "b2": (4,), "W3": (4, 3), "b3": (3,)}
    assert list(net.layers) == ["Conv1", "Relu1", "Pool1", "Affine1", "Relu2", "Affine2"]
    assert isinstance(net.layers["Conv1"], Convolution)
    assert isinstance(net.layers["Pool1"], Pooling)
    assert isinstance(net.last_layer, SoftmaxWithLoss)
    padded = SimpleConvNet(**TINY_PADDED)
    assert padded.params["W1"].shape == (3, 2, 3, 3)
    assert padded.params["W2"].shape == (3 * 2 * 2, 4)


def test_simple_convnet_book_default_shapes():
    net = SimpleConvNet()
    assert net.params["W1"].shape == (30, 1, 5, 5)
    assert net.params["W2"].shape == (30 * 12 * 12, 100)
    assert net.params["W3"].shape == (100, 10)
    assert np.std(net.params["W2"]) == pytest.approx(0.01, rel=0.02)


@pytest.mark.parametrize("config", [TINY, TINY_PADDED], ids=["tiny", "tiny_padded"])
def test_simple_convnet_predict_formula(rng, helpers, config):
    net = SimpleConvNet(**config)
    x = rng.normal(size=(3, *config["input_dim"]))
    np.testing.assert_allclose(net.predict(x), conv_net_forward(helpers, net, x), rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("config", [TINY, TINY_PADDED], ids=["tiny", "tiny_padded"])
@pytest.mark.parametrize("targets", ["labels", "one_hot"])
def test_simple_convnet_gradient(rng, helpers, config, targets):
    net = SimpleConvNet(**config)
    x = rng.normal(size=(3, *config["input_dim"]))
    labels = rng.integers(0, 3, size=3)
    t = labels if targets == "labels" else helpers.one_hot(labels, 3)
    grads = {k: v.copy() for k, v in net.gradient(x, t).items()}
    check_gradients(helpers, net, grads, lambda: net.loss(x, t))
    own = net.numerical_gradient(x, t)
    for key in net.params:
        assert helpers.grad_error(grads[key], own[key], floor=GRAD_FLOOR) < TOL, key


def test_simple_convnet_params_are_shared_with_layers(rng, helpers):
    net = SimpleConvNet(**TINY)
    x = rng.normal(size=(2, 1, 6, 6))
    before = net.predict(x)
    net.params["W1"] *= -1.5
    net.params["b3"] += 0.25
    after = net.predict(x)
    assert not np.allclose(before, after)
    np.testing.assert_allclose(after, conv_net_forward(helpers, net, x), rtol=1e-10, atol=1e-12)


def test_simple_convnet_accuracy_does_not_depend_on_batch_size(rng, helpers):
    net = SimpleConvNet(**TINY)
    x = rng.normal(size=(7, 1, 6, 6))
    labels = np.argmax(net.predict(x), axis=1)
    labels[[0, 3, 6]] = (labels[[0, 3, 6]] + 1) % 3  # three wrong out of seven
    for t in (labels, helpers.one_hot(labels, 3)):
        for batch_size in (1, 2, 3, 7, 100):
            assert net.accuracy(x, t, batch_size=batch_size) == pytest.approx(4 / 7)
        assert net.accuracy(x, t) == pytest.approx(4 / 7)


def test_simple_convnet_save_and_load(rng, tmp_path):
    path = tmp_path / "params.pkl"
    net = SimpleConvNet(**TINY)
    x = rng.normal(size=(3, 1, 6, 6))
    expected = net.predict(x)
    saved = {k: v.copy() for k, v in net.params.items()}
    net.save_params(str(path))
    assert path.exists()

    np.random.seed(99)
    other = SimpleConvNet(**TINY)
    assert not np.allclose(other.predict(x), expected)
    other.load_params(str(path))
    for key in saved:
        np.testing.assert_array_equal(other.params[key], saved[key])
    np.testing.assert_allclose(other.predict(x), expected, rtol=1e-12)
    # the loaded network keeps training: a gradient step through params reaches the layers
    grads = other.gradient(x, np.array([0, 1, 2]))
    for key in other.params:
        other.params[key] -= 0.1 * grads[key]
    assert not np.allclose(other.predict(x), expected)
