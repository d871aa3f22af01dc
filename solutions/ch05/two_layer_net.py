"""A two-layer network built from layers, trained by backpropagation (chapter 5.7)."""
from collections import OrderedDict

import numpy as np

from common.gradient import numerical_gradient
from common.layers import Affine, Relu, SoftmaxWithLoss


class TwoLayerNet:
    """Affine1 -> Relu1 -> Affine2, then SoftmaxWithLoss.

    params: W1 (input_size, hidden_size), b1 (hidden_size,), W2 (hidden_size, output_size),
    b2 (output_size,). The layers hold the same arrays as ``params``: updating
    ``params['W1']`` in place changes what Affine1 computes.
    """

    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01):
        self.params = {
            "W1": weight_init_std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": weight_init_std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }
        ### BEGIN SOLUTION
        self.layers = OrderedDict()
        self.layers["Affine1"] = Affine(self.params["W1"], self.params["b1"])
        self.layers["Relu1"] = Relu()
        self.layers["Affine2"] = Affine(self.params["W2"], self.params["b2"])
        self.lastLayer = SoftmaxWithLoss()
        ### END SOLUTION

    def predict(self, x):
        """x: (N, input_size). Returns scores (N, output_size), before softmax."""
        ### BEGIN SOLUTION
        for layer in self.layers.values():
            x = layer.forward(x)
        return x
        ### END SOLUTION

    def loss(self, x, t):
        """Mean cross-entropy loss; t one-hot (N, output_size) or labels (N,)."""
        ### BEGIN SOLUTION
        return self.lastLayer.forward(self.predict(x), t)
        ### END SOLUTION

    def accuracy(self, x, t):
        """Fraction of samples whose highest score is the target class (a float in [0, 1])."""
        ### BEGIN SOLUTION
        y = np.argmax(self.predict(x), axis=1)
        if t.ndim != 1:
            t = np.argmax(t, axis=1)
        return float(np.mean(y == t))
        ### END SOLUTION

    def numerical_gradient(self, x, t):
        """Gradients of the loss by central differences; a dict keyed like ``params``."""
        ### BEGIN SOLUTION
        def loss_of_params(_):
            return self.loss(x, t)

        return {key: numerical_gradient(loss_of_params, value) for key, value in self.params.items()}
        ### END SOLUTION

    def gradient(self, x, t):
        """Gradients of the loss by backpropagation; a dict keyed like ``params``.

        Hint: forward (loss), then call backward on lastLayer and on the layers in
        reverse order; the Affine layers then hold dW and db.
        """
        ### BEGIN SOLUTION
        self.loss(x, t)
        dout = self.lastLayer.backward(1)
        for layer in reversed(self.layers.values()):
            dout = layer.backward(dout)
        return {
            "W1": self.layers["Affine1"].dW,
            "b1": self.layers["Affine1"].db,
            "W2": self.layers["Affine2"].dW,
            "b2": self.layers["Affine2"].db,
        }
        ### END SOLUTION
