"""A fully connected network of any depth, with weight initialisation by name and
weight decay (chapter 6)."""
from collections import OrderedDict

import numpy as np

from common.gradient import numerical_gradient
from common.layers import Affine, BatchNormalization, Dropout, Relu, Sigmoid, SoftmaxWithLoss

ACTIVATIONS = {"relu": Relu, "sigmoid": Sigmoid}


def weight_scale(weight_init_std, fan_in):
    """Standard deviation of the initial weights of a layer with fan_in inputs.

    weight_init_std: a number (used as is), 'relu' or 'he' (sqrt(2 / fan_in), He et al.),
    or 'sigmoid' or 'xavier' (sqrt(1 / fan_in), Glorot and Bengio).
    """
    raise NotImplementedError("weight_scale (ch06): not implemented yet; write it in common/multi_layer_net.py")


class MultiLayerNet:
    """(Affine -> activation) per hidden layer, a last Affine, then SoftmaxWithLoss.

    params: W1, b1, ..., W{L}, b{L} with L = len(hidden_size_list) + 1; W{i}: (size of
    layer i-1, size of layer i). layers: 'Affine1', 'Activation_function1', ...,
    'Affine{L}'; last_layer: SoftmaxWithLoss.
    The loss adds 0.5 * weight_decay_lambda * sum(W**2) over every W (not the biases);
    the gradient of each W gains weight_decay_lambda * W accordingly.
    """

    def __init__(self, input_size, hidden_size_list, output_size, activation="relu",
                 weight_init_std="relu", weight_decay_lambda=0):
        self.input_size = input_size
        self.output_size = output_size
        self.hidden_size_list = list(hidden_size_list)
        self.hidden_layer_num = len(self.hidden_size_list)
        self.weight_decay_lambda = weight_decay_lambda
        self.params = {}
        self._init_weight(weight_init_std)
        self.layers = OrderedDict()
        for idx in range(1, self.hidden_layer_num + 1):
            self._add_hidden_layer(idx, activation)
        last = self.hidden_layer_num + 1
        self.layers[f"Affine{last}"] = Affine(self.params[f"W{last}"], self.params[f"b{last}"])
        self.last_layer = SoftmaxWithLoss()

    def _init_weight(self, weight_init_std):
        sizes = [self.input_size, *self.hidden_size_list, self.output_size]
        for idx in range(1, len(sizes)):
            scale = weight_scale(weight_init_std, sizes[idx - 1])
            self.params[f"W{idx}"] = scale * np.random.randn(sizes[idx - 1], sizes[idx])
            self.params[f"b{idx}"] = np.zeros(sizes[idx])

    def _add_hidden_layer(self, idx, activation):
        """Append hidden layer idx: 'Affine{idx}', then 'Activation_function{idx}'."""
        raise NotImplementedError("MultiLayerNet._add_hidden_layer (ch06): not implemented yet; write it in common/multi_layer_net.py")

    def predict(self, x, train_flg=False):
        """x: (N, input_size). Returns scores (N, output_size). train_flg reaches the
        layers that behave differently while training (Dropout, BatchNormalization)."""
        for layer in self.layers.values():
            if isinstance(layer, (Dropout, BatchNormalization)):
                x = layer.forward(x, train_flg)
            else:
                x = layer.forward(x)
        return x

    def loss(self, x, t, train_flg=False):
        """Mean cross-entropy plus 0.5 * weight_decay_lambda * (sum of squared weights)."""
        raise NotImplementedError("MultiLayerNet.loss (ch06): not implemented yet; write it in common/multi_layer_net.py")

    def accuracy(self, x, t):
        """Fraction of correctly classified samples (float in [0, 1]); t one-hot or labels."""
        y = np.argmax(self.predict(x, train_flg=False), axis=1)
        if t.ndim != 1:
            t = np.argmax(t, axis=1)
        return float(np.mean(y == t))

    def numerical_gradient(self, x, t):
        """Gradients of the loss (in training mode) by central differences."""
        def loss_of_params(_):
            return self.loss(x, t, train_flg=True)

        return {key: numerical_gradient(loss_of_params, value) for key, value in self.params.items()}

    def gradient(self, x, t):
        """Gradients of the loss (in training mode) by backpropagation, keyed like params."""
        raise NotImplementedError("MultiLayerNet.gradient (ch06): not implemented yet; write it in common/multi_layer_net.py")
