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
        ### BEGIN SOLUTION
        for key in params:
            params[key] -= self.lr * grads[key]
        ### END SOLUTION


class Momentum:
    """Momentum SGD: v <- momentum * v - lr * dW; W <- W + v (v starts at 0)."""

    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None

    def update(self, params, grads):
        ### BEGIN SOLUTION
        if self.v is None:
            self.v = {key: np.zeros_like(value) for key, value in params.items()}
        for key in params:
            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]
            params[key] += self.v[key]
        ### END SOLUTION


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
        ### BEGIN SOLUTION
        if self.v is None:
            self.v = {key: np.zeros_like(value) for key, value in params.items()}
        mu = self.momentum
        for key in params:
            params[key] += mu * mu * self.v[key] - (1 + mu) * self.lr * grads[key]
            self.v[key] = mu * self.v[key] - self.lr * grads[key]
        ### END SOLUTION


class AdaGrad:
    """AdaGrad: h <- h + dW**2; W <- W - lr * dW / (sqrt(h) + 1e-7) (h starts at 0)."""

    def __init__(self, lr=0.01):
        self.lr = lr
        self.h = None

    def update(self, params, grads):
        ### BEGIN SOLUTION
        if self.h is None:
            self.h = {key: np.zeros_like(value) for key, value in params.items()}
        for key in params:
            self.h[key] += grads[key] ** 2
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)
        ### END SOLUTION


class RMSprop:
    """RMSprop: h <- decay_rate * h + (1 - decay_rate) * dW**2;
    W <- W - lr * dW / (sqrt(h) + 1e-7) (h starts at 0).
    """

    def __init__(self, lr=0.01, decay_rate=0.99):
        self.lr = lr
        self.decay_rate = decay_rate
        self.h = None

    def update(self, params, grads):
        ### BEGIN SOLUTION
        if self.h is None:
            self.h = {key: np.zeros_like(value) for key, value in params.items()}
        for key in params:
            self.h[key] = self.decay_rate * self.h[key] + (1 - self.decay_rate) * grads[key] ** 2
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)
        ### END SOLUTION


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
        ### BEGIN SOLUTION
        if self.m is None:
            self.m = {key: np.zeros_like(value) for key, value in params.items()}
            self.v = {key: np.zeros_like(value) for key, value in params.items()}
        self.iter += 1
        # Folding both bias corrections into the step size saves two array passes.
        lr_t = self.lr * np.sqrt(1.0 - self.beta2**self.iter) / (1.0 - self.beta1**self.iter)
        for key in params:
            g = grads[key]
            # m <- beta1 * m + (1 - beta1) * g, as an in-place step from m towards g.
            self.m[key] += (1 - self.beta1) * (g - self.m[key])
            self.v[key] += (1 - self.beta2) * (g * g - self.v[key])
            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)
        ### END SOLUTION
