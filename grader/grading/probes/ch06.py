"""The probes of chapter 06's checks: what runs in the worker and calls the submission.

Only these functions and what they need run in the worker (see grader.isolation.levels); the checks
that compare what they return, and the formulas they compare it with, stay in
grader/grading/checks/ch06.py, in the grader's own process.
"""
import inspect

import numpy as np

from grader.grading import standins
from grader.grading.probes import (
    LAYERS,
    copy_array,
    count_calls,
    count_own_calls,
    expect_backprop_at_scale,
    numerical_backward,
)
from grader.isolation.submission import load

OPT = "common.optimizer"




NET = "common.multi_layer_net"


NET_EXTEND = "common.multi_layer_net_extend"


TRAINER = "common.trainer"


def probe_optimizer(cls, init_kwargs, params, grads):
    """Build ``cls(**init_kwargs)`` and call ``update(params, g)`` for each g of ``grads``
    (a list of dicts keyed like ``params``: W1 (3, 4), b1 (4,)).

    After every step: the values of params[key], whether params[key] is still the array
    it was at the start, and what that original array holds.
    """
    Optimizer = load(OPT, cls)
    optimizer = Optimizer(**init_kwargs)
    params = {key: np.array(value, dtype=np.float64) for key, value in params.items()}
    originals = dict(params)
    steps = []
    for g in grads:
        optimizer.update(params, {key: np.array(value, dtype=np.float64) for key, value in g.items()})
        steps.append({
            "values": {key: np.array(params[key], dtype=np.float64) for key in originals},
            "same": {key: params[key] is originals[key] for key in originals},
            "original": {key: originals[key].copy() for key in originals},
        })
    return steps


def probe_dropout(x, dout, init_args, train_calls):
    """Dropout(*init_args): ``train_calls`` training forwards of x, backward(dout) after
    the last, then two test-mode forwards. x: (200, 200)."""
    Dropout = load(LAYERS, "Dropout")
    layer = Dropout(*init_args)
    trains, forward_calls, x_before = [], 0, np.array(x, copy=True)
    for _ in range(train_calls):
        out, forward_calls, _ = count_calls(layer.forward, x, True)
        trains.append(out)
    dx = (_analytic_backward("Dropout", layer, dout, forward_calls, (Dropout, init_args, [x_before, True]))
          if dout is not None else None)
    tests = [layer.forward(x, False) for _ in range(2)]
    return {"trains": trains, "dx": dx, "tests": tests, "x_after": x}


def probe_batchnorm(gamma, beta, batches, init_kwargs=None, dout=None, test_x=None):
    """BatchNormalization(gamma, beta, **init_kwargs): a training forward per batch (x:
    (N, D) or (N, C, H, W)) with the running averages after each; backward(dout) after the
    last; then an optional test-mode forward of test_x and the running averages after it."""
    BatchNormalization = load(LAYERS, "BatchNormalization")
    layer = BatchNormalization(gamma, beta, **(init_kwargs or {}))
    outs, running, forward_calls = [], [], 0
    for x in batches:
        last = np.array(x, copy=True)
        out, forward_calls, _ = count_calls(layer.forward, x, True)
        outs.append(out)
        running.append({"mean": _copy(getattr(layer, "running_mean", None)),
                        "var": _copy(getattr(layer, "running_var", None))})
    result = {"outs": outs, "running": running, "batches_after": batches}
    if dout is not None:
        built = (BatchNormalization, [gamma, beta], [last, True], init_kwargs)
        result["dx"] = _analytic_backward("BatchNormalization", layer, dout, forward_calls, built)
        result["dgamma"] = getattr(layer, "dgamma", None)
        result["dbeta"] = getattr(layer, "dbeta", None)
    if test_x is not None:
        result["test_out"] = layer.forward(test_x, False)
        result["running_after_test"] = {"mean": _copy(getattr(layer, "running_mean", None)),
                                        "var": _copy(getattr(layer, "running_var", None))}
    return result


def _analytic_backward(cls, layer, dout, forward_calls, built):
    """layer.backward(dout); MissingItem for a backward that does many times the work of the
    last forward (``grader.grading.probes.numerical_backward``), or not backprop at scale
    (``expect_backprop_at_scale``): differences, not backprop. ``built``: (the class, its
    constructor's arguments, the forward's arguments[, the constructor's keywords]) of ``layer``."""
    dout_before = np.array(dout, copy=True)
    dx, backward_calls, tampered = count_calls(layer.backward, dout)
    problem = numerical_backward(cls, forward_calls, backward_calls, tampered)
    if problem is not None:
        raise problem
    Layer, init, forward, *init_kwargs = built
    expect_backprop_at_scale(LAYERS, cls, Layer, init, forward, dout_before, copy_array(dx), *init_kwargs)
    return dx


def _copy(value):
    return None if value is None else np.array(value, dtype=np.float64)


def probe_net_init(sizes, weight_init_std, cls="MultiLayerNet"):
    """cls(sizes[0], sizes[1:-1], sizes[-1], weight_init_std=...).params, cls MultiLayerNet
    or MultiLayerNetExtend (which the book writes as a class of its own, with its own
    initialisation)."""
    Net = load(NET if cls == "MultiLayerNet" else NET_EXTEND, cls)
    net = Net(sizes[0], list(sizes[1:-1]), sizes[-1], weight_init_std=weight_init_std)
    return dict(net.params)


def probe_net(cls, init_kwargs, params, x, t, train_flg=None, stand_ins=tuple(standins.STAND_INS)):
    """Build the network with the layer classes ``stand_ins`` replaced by the grader's (by
    default all: its own code is measured, not its layers'; none: the student's own layers),
    copy ``params`` into its arrays in place (the layers hold the same arrays), then
    loss(x, t) and gradient(x, t), and the names of the stand-ins the network held.
    x: (N, D), t: (N,) labels."""
    module = NET if cls == "MultiLayerNet" else NET_EXTEND
    with standins.swapped_in(module, stand_ins):
        return _net_loss_and_gradient(load(module, cls), init_kwargs, params, x, t, train_flg)


def _net_loss_and_gradient(Net, init_kwargs, params, x, t, train_flg):
    net = Net(**init_kwargs)
    for key, value in params.items():
        if key not in net.params:
            return {"problem": "missing", "key": key}
        if np.shape(net.params[key]) != np.shape(value):
            return {"problem": "shape", "key": key, "shape": list(np.shape(net.params[key])),
                    "expected": list(np.shape(value))}
        net.params[key][...] = value
    loss, loss_calls, tampered = count_own_calls(net.loss, x, t, *(() if train_flg is None else (train_flg,)))
    grads, gradient_calls, tampered_in_gradient = count_own_calls(net.gradient, x, t)
    return {"loss": loss, "grads": dict(grads) if isinstance(grads, dict) else grads,
            "calls": {"gradient": gradient_calls, "loss": loss_calls, "tampered": tampered or tampered_in_gradient},
            "stand_ins": standins.stand_ins_in(net)}


def dropout_keyword(Net):
    """The name under which ``Net`` takes its dropout ratio: the book's ``dropout_ration``
    (its typo) or the corrected ``dropout_ratio``."""
    try:
        names = inspect.signature(Net).parameters
    except (TypeError, ValueError):
        return "dropout_ration"
    return "dropout_ratio" if "dropout_ratio" in names and "dropout_ration" not in names else "dropout_ration"


def probe_net_dropout(x, repeats):
    """MultiLayerNetExtend(6, [50], 3, use_dropout=True, dropout_ration=0.3) (or
    ``dropout_ratio=0.3``, whichever the class takes) on the grader's stand-in layers (its own
    Dropout): its params, two test-mode and ``repeats`` training-mode predictions of x: (N, 6)."""
    with standins.swapped_in(NET_EXTEND):
        Net = load(NET_EXTEND, "MultiLayerNetExtend")
        net = Net(6, [50], 3, use_dropout=True, **{dropout_keyword(Net): 0.3})
        params = {key: np.array(value, dtype=np.float64) for key, value in dict(net.params).items()}
        tests = [net.predict(x, False) for _ in range(2)]
        trains = [net.predict(x, True) for _ in range(repeats)]
    return {"params": params, "tests": tests, "trains": trains}


class StubNetwork:
    """Softmax regression with the interface the Trainer uses (params, gradient, loss,
    accuracy); records what the Trainer asks of it. Grader code: it checks the Trainer
    independently of the submission's networks."""

    def __init__(self, W, b):
        self.params = {"W": W, "b": b}
        self.batch_sizes, self.losses, self.accuracies, self.accuracy_sizes = [], [], [], []

    def predict(self, x):
        """Scores: for a Trainer that computes accuracy or loss through the network's predict."""
        return x @ self.params["W"] + self.params["b"]

    def _probabilities(self, x):
        z = self.predict(x)
        z = np.exp(z - z.max(axis=1, keepdims=True))
        return z / z.sum(axis=1, keepdims=True)

    def loss(self, x, t):
        p = self._probabilities(x)
        value = float(-np.mean(np.log(p[np.arange(len(x)), t] + 1e-12)))
        self.losses.append(value)
        return value

    def gradient(self, x, t):
        self.batch_sizes.append(len(x))
        dz = self._probabilities(x)
        dz[np.arange(len(x)), t] -= 1
        dz /= len(x)
        return {"W": x.T @ dz, "b": dz.sum(axis=0)}

    def accuracy(self, x, t):
        value = float(np.mean(np.argmax(self._probabilities(x), axis=1) == t))
        self.accuracies.append(value)
        self.accuracy_sizes.append(len(x))
        return value


def probe_trainer(data, W, b, kwargs):
    """Trainer(StubNetwork(W, b), x_train, t_train, x_test, t_test, **kwargs).train() with
    verbose=False; what the Trainer recorded and what it asked of the network."""
    Trainer = load(TRAINER, "Trainer")
    net = StubNetwork(np.array(W), np.array(b))
    trainer = Trainer(net, data["x_train"], data["t_train"], data["x_test"], data["t_test"],
                      verbose=False, **kwargs)
    trainer.train()
    optimizer = getattr(trainer, "optimizer", None)
    return {
        "train_loss_list": [float(v) for v in trainer.train_loss_list],
        "train_acc_list": [float(v) for v in trainer.train_acc_list],
        "test_acc_list": [float(v) for v in trainer.test_acc_list],
        "batch_sizes": net.batch_sizes, "losses": net.losses,
        "accuracies": net.accuracies, "accuracy_sizes": net.accuracy_sizes,
        "params": dict(net.params),
        "optimizer_class": type(optimizer).__name__ if optimizer is not None else None,
    }


def probe_optimizer_classes():
    """The names of the classes that common/optimizer.py defines or imports."""
    module = load(OPT)
    return sorted(name for name, value in vars(module).items() if isinstance(value, type))


MNIST_TRAIN, MNIST_TEST = 5000, 2000


MNIST_HIDDEN = (100, 100)


def probe_mnist_extend(init):
    """Train MultiLayerNetExtend(784, [100, 100], 10, use_batchnorm=True) with the
    submission's Trainer and Adam(lr=0.001) for 2 epochs of batches of 100 on the first
    5000 training images, from the initial params ``init`` set by the grader (in place: the
    layers keep their arrays). The Trainer's own test set (for its accuracy per epoch) is
    500 held-out training images: the worker never needs the test labels.

    Returns the trained params, the running mean and variance of the layers 'BatchNorm1'
    and 'BatchNorm2', the submission's predicted labels of the first 2000 test images, and the
    Trainer's own lists (loss per iteration, accuracies per epoch) for the learning curve."""
    from dataset.mnist import load_mnist

    (x_train, t_train), (x_test, _) = load_mnist(normalize=True)
    x_held, t_held = x_train[MNIST_TRAIN:MNIST_TRAIN + 500].astype(np.float64), t_train[MNIST_TRAIN:MNIST_TRAIN + 500]
    x_train, t_train = x_train[:MNIST_TRAIN].astype(np.float64), t_train[:MNIST_TRAIN].astype(np.int64)
    x_test = x_test[:MNIST_TEST].astype(np.float64)
    Net = load(NET_EXTEND, "MultiLayerNetExtend")
    Trainer = load(TRAINER, "Trainer")
    net = Net(784, list(MNIST_HIDDEN), 10, use_batchnorm=True)
    for key, value in init.items():
        net.params[key][...] = value
    trainer = Trainer(net, x_train, t_train, x_held, t_held.astype(np.int64), epochs=2, mini_batch_size=100,
                      optimizer="Adam", optimizer_param={"lr": 0.001},
                      evaluate_sample_num_per_epoch=500, verbose=False)
    trainer.train()
    predicted = np.argmax(np.asarray(net.predict(x_test, False)), axis=1)
    lists = {}
    for name in ("train_loss_list", "train_acc_list", "test_acc_list"):
        try:
            lists[name] = [float(v) for v in getattr(trainer, name)]
        except (AttributeError, TypeError, ValueError):
            lists[name] = []
    running = {}
    for i in range(1, len(MNIST_HIDDEN) + 1):
        layer = getattr(net, "layers", {}).get(f"BatchNorm{i}")
        running[f"mean{i}"] = getattr(layer, "running_mean", None)
        running[f"var{i}"] = getattr(layer, "running_var", None)
    return {"params": {key: net.params[key] for key in init}, "running": running, "predicted": predicted,
            "lists": lists, "iter_per_epoch": MNIST_TRAIN // 100}
