"""MNIST checks measure learning: at random steps of the training, the gradient the submission
returned is compared, at random coordinates, with central differences of the grader's own loss
(grader.grading.checks.ch05.check_spot_gradients). A gradient that is not the loss's (zeros, a
scaled one, one of another batch) fails, the right one passes."""
import numpy as np
import pytest

from grader.grading.checking import Mismatch
from grader.grading.checks import ch05
from grader.grading.checks.common import mnist_images, mnist_labels


def backprop(params, x, labels):
    """The gradient of the mean cross-entropy of Affine-Relu-Affine-softmax (the test's own)."""
    hidden = np.maximum(x @ params["W1"] + params["b1"], 0)
    scores = hidden @ params["W2"] + params["b2"]
    y = np.exp(scores - scores.max(axis=1, keepdims=True))
    y /= y.sum(axis=1, keepdims=True)
    dscores = y.copy()
    dscores[np.arange(len(x)), labels] -= 1
    dscores /= len(x)
    dhidden = (dscores @ params["W2"].T) * (hidden > 0)
    return {"W1": x.T @ dhidden, "b1": dhidden.sum(axis=0), "W2": hidden.T @ dscores, "b2": dscores.sum(axis=0)}


@pytest.fixture(scope="module")
def spot():
    rng = np.random.default_rng(7)
    params = {"W1": 0.05 * rng.standard_normal((784, 50)), "b1": 0.01 * rng.standard_normal(50),
              "W2": 0.05 * rng.standard_normal((50, 10)), "b2": np.zeros(10)}
    x_train, _ = mnist_images()
    train_labels, _ = mnist_labels()
    batch = rng.choice(x_train.shape[0], 20)
    grads = backprop(params, np.asarray(x_train[batch], dtype=np.float64), train_labels[batch])
    return {"step": 3, "batch": batch, "params": params, "grads": grads}


def judge(spot, **grads):
    ch05.check_spot_gradients([{**spot, "grads": {**spot["grads"], **grads}}], [3], np.random.default_rng(0))


def test_the_loss_gradient_passes(spot):
    judge(spot)


@pytest.mark.parametrize("wrong", ["zeros", "scaled", "other batch"])
def test_a_gradient_that_is_not_the_loss_gradient_fails(spot, wrong):
    if wrong == "zeros":
        grads = {key: np.zeros_like(value) for key, value in spot["grads"].items()}
    elif wrong == "scaled":
        grads = {key: 1.5 * value for key, value in spot["grads"].items()}
    else:
        x_train, _ = mnist_images()
        train_labels, _ = mnist_labels()
        grads = backprop(spot["params"], np.asarray(x_train[:20], dtype=np.float64), train_labels[:20])
    with pytest.raises(Mismatch) as caught:
        judge(spot, **grads)
    assert caught.value.message.id == "ch05.mnist.spot_wrong"


def test_missing_or_other_steps_fail(spot):
    with pytest.raises(Mismatch):
        ch05.check_spot_gradients([spot], [4], np.random.default_rng(0))
    with pytest.raises(Mismatch):
        ch05.check_spot_gradients([], [3], np.random.default_rng(0))
