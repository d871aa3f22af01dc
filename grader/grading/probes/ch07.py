"""The probes of chapter 07's checks: what runs in the worker and calls the submission.

Only these functions and what they need run in the worker (see grader.isolation.levels); the checks
that compare what they return, and the formulas they compare it with, stay in
grader/grading/checks/ch07.py, in the grader's own process.
"""
from typing import Any

import numpy as np

from grader.grading import standins
from grader.grading.probes import count_own_calls, update_gradients
from grader.isolation.submission import load

NET = "ch07.simple_convnet"


def build_net(config):
    SimpleConvNet = load(NET, "SimpleConvNet")
    return SimpleConvNet(input_dim=tuple(config["input_dim"]), conv_param=dict(config["conv_param"]),
                         hidden_size=config["hidden_size"], output_size=config["output_size"],
                         weight_init_std=config["weight_init_std"])


def copy_params(net):
    return {key: np.array(value, dtype=np.float64, copy=True) for key, value in net.params.items()}


SHARED = [("Conv1", "W", "W1"), ("Conv1", "b", "b1"), ("Affine1", "W", "W2"), ("Affine1", "b", "b2"),
          ("Affine2", "W", "W3"), ("Affine2", "b", "b3")]


def probe_net_structure(config):
    """params and layer names of a new SimpleConvNet, and which params arrays the layers
    use themselves (the book's optimizers update params in place and rely on it)."""
    net = build_net(config)
    layers: Any = getattr(net, "layers", None)  # the submission's: anything
    layers = dict(layers) if hasattr(layers, "keys") else {}
    params = getattr(net, "params", None)
    params = params if isinstance(params, dict) else {}
    shared = {}
    for name, attribute, key in SHARED:
        held = getattr(layers.get(name), attribute, None)
        shared[key] = bool(isinstance(held, np.ndarray) and isinstance(params.get(key), np.ndarray)
                           and np.shares_memory(held, params[key]))
    return {"params": copy_params(net), "layers": [str(name) for name in layers],
            "has_last_layer": any(getattr(net, name, None) is not None for name in ("last_layer", "lastLayer")),
            "shared": shared}


def probe_net_gradient(config, x, t, stand_ins=tuple(standins.STAND_INS)):
    """params of a new SimpleConvNet, its loss and its gradient(x, t), with the layer classes
    ``stand_ins`` replaced by the grader's (none: the student's own layers)."""
    with standins.swapped_in(NET, stand_ins):
        net = build_net(config)
        params = copy_params(net)
        loss, loss_calls, tampered = count_own_calls(net.loss, x, t)
        grads, gradient_calls, tampered_in_gradient = count_own_calls(net.gradient, x, t)
        return {"params": params, "loss": loss, "grads": {str(k): v for k, v in dict(grads).items()},
                "stand_ins": standins.stand_ins_in(net),
                "calls": {"gradient": gradient_calls, "loss": loss_calls,
                          "tampered": tampered or tampered_in_gradient}}


def probe_net_params(config):
    return copy_params(build_net(config))


def probe_net_accuracy(config, x, t, batch_size):
    """accuracy(x, t, batch_size) of a new SimpleConvNet on the grader's stand-in layers."""
    with standins.swapped_in(NET):
        net = build_net(config)
        return {"params": copy_params(net), "accuracy": net.accuracy(x, t, batch_size=batch_size)}


CURVE_EVERY = 20  # the loss of every 20th mini-batch is recorded for the learning curve


CURVE_SAMPLES = 200  # train and test accuracy on the first 200 images at a few checkpoints


MNIST_KEYS = ("W1", "b1", "W2", "b2", "W3", "b3")


def probe_train_mnist(train_size, test_size, iterations, batch_size, lr, config, init, spot_steps):
    """Train SimpleConvNet on the first train_size MNIST images with Adam (written here, so
    that chapter 7 does not depend on the optimizers of chapter 6), from the initial params
    ``init`` set by the grader (in place: the layers keep their arrays). Test labels are never
    used here. Returns the trained params, the submission's predicted labels of the first
    test_size test images, for every step of ``spot_steps`` (0-based) the batch, the params
    before the step and the gradient returned, and the learning curve: the loss of every
    CURVE_EVERY-th mini-batch (before its step) and the predicted labels of the first
    CURVE_SAMPLES training and test images at five checkpoints (no random draws: the
    training is the same)."""
    from dataset.mnist import load_mnist

    (x_train, t_train), (x_test, _) = load_mnist(normalize=True, flatten=False)
    x_train = np.asarray(x_train[:train_size], dtype=np.float64)
    t_train = np.asarray(t_train[:train_size])
    x_test = np.asarray(x_test[:test_size], dtype=np.float64)
    net = build_net(config)
    for key in MNIST_KEYS:
        net.params[key][...] = init[key]
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    m = {key: np.zeros_like(value) for key, value in net.params.items()}
    v = {key: np.zeros_like(value) for key, value in net.params.items()}
    checkpoints = sorted({0, iterations // 4, iterations // 2, 3 * iterations // 4})
    curve: dict[str, list] = {key: [] for key in ("iterations", "loss", "checkpoints", "train_predicted",
                                                  "test_predicted")}
    spots = []

    def snapshot(step):
        curve["checkpoints"].append(step)
        curve["train_predicted"].append(np.argmax(net.predict(x_train[:CURVE_SAMPLES]), axis=1))
        curve["test_predicted"].append(np.argmax(net.predict(x_test[:CURVE_SAMPLES]), axis=1))

    for step in range(1, iterations + 1):
        if step - 1 in checkpoints:
            snapshot(step - 1)
        batch = np.random.choice(train_size, batch_size)
        if step % CURVE_EVERY == 1 or step == iterations:  # the loss of this batch before the step
            curve["iterations"].append(step - 1)
            curve["loss"].append(float(net.loss(x_train[batch], t_train[batch])))
        spot = step - 1 in spot_steps
        before = {key: np.array(net.params[key], dtype=np.float64) for key in MNIST_KEYS} if spot else None
        grads = update_gradients(net.gradient(x_train[batch], t_train[batch]), net.params, list(net.params))
        if spot:
            spots.append({"step": step - 1, "batch": batch, "params": before,
                          "grads": {key: grads[key] for key in MNIST_KEYS}})
        for key in net.params:
            m[key] = beta1 * m[key] + (1 - beta1) * grads[key]
            v[key] = beta2 * v[key] + (1 - beta2) * grads[key] ** 2
            m_hat = m[key] / (1 - beta1**step)
            v_hat = v[key] / (1 - beta2**step)
            net.params[key] -= lr * m_hat / (np.sqrt(v_hat) + eps)
    predictions = [np.argmax(net.predict(x_test[start:start + 100]), axis=1) for start in range(0, test_size, 100)]
    predicted = np.concatenate(predictions)
    curve["checkpoints"].append(iterations)
    curve["train_predicted"].append(np.argmax(net.predict(x_train[:CURVE_SAMPLES]), axis=1))
    curve["test_predicted"].append(predicted[:CURVE_SAMPLES])
    return {"params": {key: net.params[key] for key in MNIST_KEYS}, "spots": spots, "predicted": predicted,
            "curve": curve}
