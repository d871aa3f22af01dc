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
        raise NotImplementedError("TwoLayerNet constructor (ch05): not implemented yet; write it in ch05/two_layer_net.py")

    def predict(self, x):
        """x: (N, input_size). Returns scores (N, output_size), before softmax."""
        raise NotImplementedError("TwoLayerNet.predict (ch05): not implemented yet; write it in ch05/two_layer_net.py")

    def loss(self, x, t):
        """Mean cross-entropy loss; t one-hot (N, output_size) or labels (N,)."""
        raise NotImplementedError("TwoLayerNet.loss (ch05): not implemented yet; write it in ch05/two_layer_net.py")

    def accuracy(self, x, t):
        """Fraction of samples whose highest score is the target class (a float in [0, 1])."""
        raise NotImplementedError("TwoLayerNet.accuracy (ch05): not implemented yet; write it in ch05/two_layer_net.py")

    def numerical_gradient(self, x, t):
        """Gradients of the loss by central differences; a dict keyed like ``params``."""
        raise NotImplementedError("TwoLayerNet.numerical_gradient (ch05): not implemented yet; write it in ch05/two_layer_net.py")

    def gradient(self, x, t):
        """Gradients of the loss by backpropagation; a dict keyed like ``params``.

        Hint: forward (loss), then call backward on lastLayer and on the layers in
        reverse order; the Affine layers then hold dW and db.
        """
        raise NotImplementedError("TwoLayerNet.gradient (ch05): not implemented yet; write it in ch05/two_layer_net.py")
