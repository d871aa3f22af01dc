"""The probes of chapter 05's checks: what runs in the worker and calls the submission.

Only these functions and what they need run in the worker (see grader.isolation.levels); the checks
that compare what they return, and the formulas they compare it with, stay in
grader/grading/checks/ch05.py, in the grader's own process.
"""
import inspect
from typing import Any

import numpy as np

from grader.feedback.messages import Message as M
from grader.grading import standins
from grader.grading.probes import network_gradient, update_gradients
from grader.isolation.submission import MissingItem, load

NAIVE = "ch05.layer_naive"


NET = "ch05.two_layer_net"


KEYS = ("W1", "b1", "W2", "b2")


def probe_apples(price, count, tax, dout):
    """The book's shopping example: price * count, then * tax, and back again."""
    MulLayer = load(NAIVE, "MulLayer")
    mul_apple, mul_tax = MulLayer(), MulLayer()
    apple_price = mul_apple.forward(price, count)
    total = mul_tax.forward(apple_price, tax)
    d_apple_price, d_tax = mul_tax.backward(dout)
    d_price, d_count = mul_apple.backward(d_apple_price)
    return {"apple_price": apple_price, "total": total, "d_apple_price": d_apple_price, "d_tax": d_tax,
            "d_price": d_price, "d_count": d_count}


def _copies(params):
    if not isinstance(params, dict):
        raise MissingItem(M("ch05.net.params_not_dict", kind=type(params).__name__))
    return {key: np.array(value, dtype=np.float64, copy=True) for key, value in params.items()}


def probe_net_api(input_size, hidden_size, output_size):
    """What the book's code relies on: names, shapes, methods; and the default initialisation."""
    TwoLayerNet = load(NET, "TwoLayerNet")
    net = TwoLayerNet(input_size=input_size, hidden_size=hidden_size, output_size=output_size,
                      weight_init_std=0.5)
    params = getattr(net, "params", None)
    layers: Any = getattr(net, "layers", None)  # the submission's: anything
    # chapter 5's code names the loss layer lastLayer; the book's later networks, last_layer
    last = getattr(net, "lastLayer", None)
    last = getattr(net, "last_layer", None) if last is None else last
    default = TwoLayerNet(input_size, hidden_size, output_size)
    default_params = getattr(default, "params", None)
    declared = declared_default(TwoLayerNet, "weight_init_std")
    return {
        "params": {str(k): list(np.shape(v)) for k, v in params.items()} if isinstance(params, dict) else None,
        "layers": [str(k) for k in layers.keys()] if hasattr(layers, "keys") else None,
        "layer_kinds": {str(k): all(callable(getattr(v, m, None)) for m in ("forward", "backward"))
                        for k, v in layers.items()} if hasattr(layers, "items") else {},
        "last_layer": last is not None and all(callable(getattr(last, m, None)) for m in ("forward", "backward")),
        "methods": {m: callable(getattr(net, m, None))
                    for m in ("predict", "loss", "accuracy", "numerical_gradient", "gradient")},
        "default_params": _copies(default_params) if isinstance(default_params, dict) else None,
        "default_std": declared,
    }


def declared_default(cls, name):
    """The default value of the argument ``name`` of ``cls(...)`` when it is a number, else None."""
    try:
        parameter = inspect.signature(cls).parameters.get(name)
    except (TypeError, ValueError):
        return None
    default = getattr(parameter, "default", None)
    if isinstance(default, (int, float)) and not isinstance(default, bool):
        return float(default)
    return None


def probe_net_outputs(sizes, weight_init_std, x, t, method):
    """Build a TwoLayerNet on the grader's stand-in layers; return its initial params and
    what ``method`` (predict, loss or accuracy) gives for x (and t)."""
    with standins.swapped_in(NET):
        net = load(NET, "TwoLayerNet")(**sizes, weight_init_std=weight_init_std)
        params = _copies(net.params)
        args = (x,) if method == "predict" else (x, t)
        return {"params": params, "value": getattr(net, method)(*args)}


def probe_net_gradient(sizes, weight_init_std, x, t, stand_ins=tuple(standins.STAND_INS)):
    """Build a TwoLayerNet with the layer classes ``stand_ins`` replaced by the grader's
    (none: the student's own layers); return its params, what gradient(x, t) gives there and
    which stand-ins the network holds."""
    with standins.swapped_in(NET, stand_ins):
        net = load(NET, "TwoLayerNet")(**sizes, weight_init_std=weight_init_std)
        params = _copies(net.params)
        grads, calls = network_gradient(net, x, t)
        return {"params": params, "grads": grads, "calls": calls, "stand_ins": standins.stand_ins_in(net)}


def probe_net_shared(sizes, weight_init_std, x, steps):
    """Update net.params in place, as an optimizer does (params[key] -= step); return the
    params afterwards and what predict(x) gives then."""
    net = load(NET, "TwoLayerNet")(**sizes, weight_init_std=weight_init_std)
    net.predict(x)
    for key, step in steps.items():
        net.params[key] -= step
    return {"params": _copies(net.params), "predict": net.predict(x)}


def probe_net_numerical_gradient(sizes, weight_init_std, x, t):
    net = load(NET, "TwoLayerNet")(**sizes, weight_init_std=weight_init_std)
    params = _copies(net.params)
    return {"params": params, "grads": net.numerical_gradient(x, t)}


CURVE_EVERY = 10  # the training loss of every 10th mini-batch is recorded for the learning curve


CURVE_SAMPLES = 1000  # train and test accuracy on the first 1000 images at a few checkpoints


PREDICT_SAMPLES = 1000  # test images on which the submission's predict must agree with the grader's


def probe_train_mnist(iterations, batch_size, lr, init, spot_steps):
    """The book's train_neuralnet.py, shortened: plain SGD on mini-batches drawn with
    np.random, updating net.params in place, from the initial params ``init`` set by the grader
    (in place: the layers keep their arrays). Test labels are never used here.

    Returns the trained params, the submission's predicted labels of the first PREDICT_SAMPLES
    test images, for every step of ``spot_steps`` the batch, the params before the step and
    the gradient returned, and the learning curve: the loss of every CURVE_EVERY-th
    mini-batch (before its step) and the predicted labels of the first CURVE_SAMPLES training
    and test images at five checkpoints (no random draws, so the training is the same)."""
    from dataset.mnist import load_mnist

    (x_train, t_train), (x_test, _) = load_mnist(normalize=True, flatten=True, one_hot_label=True)
    net = load(NET, "TwoLayerNet")(input_size=784, hidden_size=50, output_size=10, weight_init_std=0.01)
    for key in KEYS:
        net.params[key][...] = init[key]
    checkpoints = sorted({0, iterations // 4, iterations // 2, 3 * iterations // 4, iterations})
    curve: dict[str, list] = {key: [] for key in ("iterations", "loss", "checkpoints", "train_predicted",
                                                  "test_predicted")}
    spots = []

    def snapshot(step):
        curve["checkpoints"].append(step)
        curve["train_predicted"].append(np.argmax(net.predict(x_train[:CURVE_SAMPLES]), axis=1))
        curve["test_predicted"].append(np.argmax(net.predict(x_test[:CURVE_SAMPLES]), axis=1))

    for step in range(iterations):
        if step in checkpoints:
            snapshot(step)
        batch = np.random.choice(x_train.shape[0], batch_size)
        if step % CURVE_EVERY == 0 or step == iterations - 1:  # the loss of this batch before the step
            curve["iterations"].append(step)
            curve["loss"].append(float(net.loss(x_train[batch], t_train[batch])))
        before = {key: np.array(net.params[key], dtype=np.float64) for key in KEYS} if step in spot_steps else None
        grads = update_gradients(net.gradient(x_train[batch], t_train[batch]), net.params, KEYS)
        if before is not None:
            spots.append({"step": step, "batch": batch, "params": before, "grads": grads})
        for key in KEYS:
            net.params[key] -= lr * grads[key]
    snapshot(iterations)
    return {"params": {key: net.params[key] for key in KEYS}, "spots": spots,
            "predicted": np.argmax(net.predict(x_test[:PREDICT_SAMPLES]), axis=1), "curve": curve}
