"""Gradient-based optimizers (chapter 6).

Each optimizer has ``update(params, grads)``: params and grads are dicts of arrays with
the same keys. The update is done in place (``params[key] -= ...``), because the layers
of a network hold the very same arrays; rebinding ``params[key]`` to a new array would
leave the layers with the old weights. State (velocities, squared-gradient sums) is
created on the first call and kept on the optimizer between calls.
"""
import numpy as np


class SGD:
    """Stochastic gradient descent: W <- W - lr * dW."""

    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        raise NotImplementedError("SGD.update (ch06): not implemented yet; write it in common/optimizer.py")


class Momentum:
    """Momentum SGD: v <- momentum * v - lr * dW; W <- W + v (v starts at 0)."""

    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None

    def update(self, params, grads):
        raise NotImplementedError("Momentum.update (ch06): not implemented yet; write it in common/optimizer.py")


class Nesterov:
    """Nesterov's accelerated gradient, in the form that needs only the current gradient
    (Bengio et al., 2013): W <- W + momentum**2 * v - (1 + momentum) * lr * dW, then
    v <- momentum * v - lr * dW (v starts at 0).
    """

    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None

    def update(self, params, grads):
        raise NotImplementedError("Nesterov.update (ch06): not implemented yet; write it in common/optimizer.py")


class AdaGrad:
    """AdaGrad: h <- h + dW**2; W <- W - lr * dW / (sqrt(h) + 1e-7) (h starts at 0)."""

    def __init__(self, lr=0.01):
        self.lr = lr
        self.h = None

    def update(self, params, grads):
        raise NotImplementedError("AdaGrad.update (ch06): not implemented yet; write it in common/optimizer.py")


class RMSprop:
    """RMSprop: h <- decay_rate * h + (1 - decay_rate) * dW**2;
    W <- W - lr * dW / (sqrt(h) + 1e-7) (h starts at 0).
    """

    def __init__(self, lr=0.01, decay_rate=0.99):
        self.lr = lr
        self.decay_rate = decay_rate
        self.h = None

    def update(self, params, grads):
        raise NotImplementedError("RMSprop.update (ch06): not implemented yet; write it in common/optimizer.py")


class Adam:
    """Adam (Kingma and Ba, 2015). At step t = 1, 2, ...:
    m <- beta1 * m + (1 - beta1) * dW;  v <- beta2 * v + (1 - beta2) * dW**2;
    W <- W - lr * m_hat / (sqrt(v_hat) + 1e-7), with the bias corrections
    m_hat = m / (1 - beta1**t) and v_hat = v / (1 - beta2**t).
    """

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.iter = 0
        self.m = None
        self.v = None

    def update(self, params, grads):
        raise NotImplementedError("Adam.update (ch06): not implemented yet; write it in common/optimizer.py")
