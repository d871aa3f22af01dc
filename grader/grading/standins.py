"""The grader's stand-in layers: a network check measures the network's own code on them, so
that a mistake in a layer costs the layer's checks and not the network's as well.

Each stand-in has the book's constructor, attributes and ``forward``/``backward``. Its forward
is the grader's formula (grader.grading.oracles); its backward is the numerical derivative of that
forward (central differences of sum(forward(x) * dout)): no analytic backward of a layer is
written anywhere in the grader. They run in the worker, inside ``swapped_in``, which replaces
the layer classes that the submission's network module (and common/layers.py) name, and puts
the student's classes back afterwards.

The networks of the checks are tiny (a few hundred numbers per array), so the numerical
backward costs well under a second per gradient.
"""
import contextlib
import sys
from collections.abc import Callable
from typing import Any

import numpy as np

from grader.feedback.messages import Message as M
from grader.grading import oracles
from grader.isolation.submission import MissingItem, load

NO_FORWARD = "error.standin_no_forward"  # the catalogue's message: backward called before any forward


def _input(layer):
    """The input of the layer's last forward (an error naming the layer when there was none)."""
    if layer.x is None:
        raise MissingItem(M(NO_FORWARD, layer=type(layer).__name__))
    return layer.x


def _numerical(forward, value, dout):
    """d sum(forward(value) * dout) / d value, by central differences."""
    return oracles.output_gradient(forward, np.array(value, dtype=np.float64), np.asarray(dout, dtype=np.float64))


class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b  # the network's own arrays: in-place updates reach the layer
        self.x = self.dW = self.db = None

    def forward(self, x):
        self.x = np.array(x, dtype=np.float64)
        return oracles.affine(self.x, self.W, self.b)

    def backward(self, dout):
        x, W, b = _input(self), np.asarray(self.W, dtype=np.float64), np.asarray(self.b, dtype=np.float64)
        self.dW = _numerical(lambda v: oracles.affine(x, v, b), W, dout)
        self.db = _numerical(lambda v: oracles.affine(x, W, v), b, dout)
        return _numerical(lambda v: oracles.affine(v, W, b), x, dout)


class _Elementwise:
    function: Callable[[np.ndarray], np.ndarray]  # the activation, set by each subclass

    def __init__(self):
        self.x = self.out = self.mask = None

    def forward(self, x):
        self.x = np.array(x, dtype=np.float64)
        self.mask = self.x <= 0
        self.out = type(self).function(self.x)
        return self.out

    def backward(self, dout):
        # Elementwise: the derivative of each output needs only its own input.
        x = _input(self)
        up, down = type(self).function(x + 1e-6), type(self).function(x - 1e-6)
        return np.asarray(dout, dtype=np.float64) * (up - down) / 2e-6


class Relu(_Elementwise):
    function = staticmethod(oracles.relu)


class Sigmoid(_Elementwise):
    function = staticmethod(oracles.sigmoid)


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = self.y = self.t = self.x = None

    def forward(self, x, t):
        self.x, self.t = np.array(x, dtype=np.float64), np.asarray(t)
        self.y = oracles.softmax(self.x)
        self.loss = oracles.softmax_cross_entropy(self.x, self.t)
        return self.loss

    def backward(self, dout=1):
        t = self.t
        return _numerical(lambda v: oracles.softmax_cross_entropy(v, t), _input(self), dout)


class Convolution:
    def __init__(self, W, b, stride=1, pad=0):
        self.W, self.b, self.stride, self.pad = W, b, stride, pad
        self.x = self.dW = self.db = None

    def forward(self, x):
        self.x = np.array(x, dtype=np.float64)
        return oracles.convolution(self.x, np.asarray(self.W, dtype=np.float64), self.b, self.stride, self.pad)

    def backward(self, dout):
        x, W, b = _input(self), np.asarray(self.W, dtype=np.float64), np.asarray(self.b, dtype=np.float64)
        s, p = self.stride, self.pad
        self.dW = _numerical(lambda v: oracles.convolution(x, v, b, s, p), W, dout)
        self.db = _numerical(lambda v: oracles.convolution(x, W, v, s, p), b, dout)
        return _numerical(lambda v: oracles.convolution(v, W, b, s, p), x, dout)


class Pooling:
    def __init__(self, pool_h, pool_w, stride=2, pad=0):
        self.pool_h, self.pool_w, self.stride, self.pad = pool_h, pool_w, stride, pad
        self.x = None

    def forward(self, x):
        self.x = np.array(x, dtype=np.float64)
        return oracles.max_pooling(self.x, self.pool_h, self.pool_w, self.stride, self.pad)

    def backward(self, dout):
        x, settings = _input(self), (self.pool_h, self.pool_w, self.stride, self.pad)
        return _numerical(lambda v: oracles.max_pooling(v, *settings), x, dout)


class BatchNormalization:
    """Training mode: the batch's mean and variance (the running averages follow them with
    ``momentum``); test mode: the running averages. Backward is that of training mode."""

    def __init__(self, gamma, beta, momentum=0.9, running_mean=None, running_var=None):
        self.gamma, self.beta, self.momentum = gamma, beta, momentum
        self.running_mean, self.running_var = running_mean, running_var
        self.x = self.dgamma = self.dbeta = None

    def forward(self, x, train_flg=True):
        self.x = np.array(x, dtype=np.float64)
        gamma, beta = np.asarray(self.gamma, dtype=np.float64), np.asarray(self.beta, dtype=np.float64)
        x2 = self.x.reshape(len(self.x), -1)
        if self.running_mean is None:
            self.running_mean, self.running_var = np.zeros(x2.shape[1]), np.zeros(x2.shape[1])
        if not train_flg:
            out = gamma * (x2 - self.running_mean) / np.sqrt(self.running_var + 1e-7) + beta
            return out.reshape(self.x.shape)
        out, mean, var = oracles.batchnorm_train(self.x, gamma, beta)
        self.running_mean = self.momentum * self.running_mean + (1 - self.momentum) * mean
        self.running_var = self.momentum * self.running_var + (1 - self.momentum) * var
        return out

    def backward(self, dout):
        x = _input(self)
        gamma, beta = np.asarray(self.gamma, dtype=np.float64), np.asarray(self.beta, dtype=np.float64)
        self.dgamma = _numerical(lambda v: oracles.batchnorm_train(x, v, beta)[0], gamma, dout)
        self.dbeta = _numerical(lambda v: oracles.batchnorm_train(x, gamma, v)[0], beta, dout)
        return _numerical(lambda v: oracles.batchnorm_train(v, gamma, beta)[0], x, dout)


STAND_INS = {cls.__name__: cls for cls in (Affine, Relu, Sigmoid, SoftmaxWithLoss, Convolution, Pooling,
                                           BatchNormalization)}
SUBMISSION_PACKAGES = ("common.", "ch05.", "ch07.")


@contextlib.contextmanager
def swapped_in(network_module, names=tuple(STAND_INS)):
    """Inside the block, the classes ``names`` are the stand-ins in every module of the
    submission that is loaded (``network_module``, the modules it imports, common/layers.py),
    wherever the submission defines or imports them."""
    module = load(network_module)
    targets = [module] + [m for name, m in list(sys.modules.items())
                          if name.startswith(SUBMISSION_PACKAGES) and m is not module and m is not None]
    replaced, entries = [], []
    try:
        originals = {}  # id of a student's class -> the name of its stand-in
        for target in targets:
            for name in names:
                if name in vars(target):
                    originals[id(vars(target)[name])] = name
                    replaced.append((target, name, vars(target)[name]))
                    setattr(target, name, STAND_INS[name])
        # Tables of layer classes made at import ({'relu': Relu, ...}) hold the classes too.
        for target in targets:
            for table in [v for v in vars(target).values() if type(v) is dict]:
                for key, value in list(table.items()):
                    if id(value) in originals:
                        entries.append((table, key, value))
                        table[key] = STAND_INS[originals[id(value)]]
        yield
    finally:
        for table, key, original in reversed(entries):
            table[key] = original
        for target, name, original in reversed(replaced):
            setattr(target, name, original)


def stand_ins_in(network):
    """The names of the stand-in classes that ``network`` holds in ``layers`` and as its last
    layer (``lastLayer`` or ``last_layer``)."""
    layers: Any = getattr(network, "layers", None)  # the submission's: anything
    held = list(layers.values()) if hasattr(layers, "values") else []
    held += [getattr(network, name, None) for name in ("lastLayer", "last_layer")]
    return sorted({type(layer).__name__ for layer in held if type(layer) in STAND_INS.values()})
