"""A small convolutional network for MNIST (chapter 7.5)."""
import pickle
from collections import OrderedDict

import numpy as np

from common.gradient import numerical_gradient
from common.layers import Affine, Convolution, Pooling, Relu, SoftmaxWithLoss


class SimpleConvNet:
    """Conv1 -> Relu1 -> Pool1 (2x2, stride 2) -> Affine1 -> Relu2 -> Affine2 -> SoftmaxWithLoss.

    input_dim: (C, H, W) with H == W. conv_param: filter_num FN, filter_size FS, pad, stride.
    params: W1 (FN, C, FS, FS), b1 (FN,), W2 (FN * P * P, hidden_size), b2 (hidden_size,),
    W3 (hidden_size, output_size), b3 (output_size,), where P = conv output size // 2.
    """

    def __init__(self, input_dim=(1, 28, 28),
                 conv_param={"filter_num": 30, "filter_size": 5, "pad": 0, "stride": 1},
                 hidden_size=100, output_size=10, weight_init_std=0.01):
        filter_num = conv_param["filter_num"]
        filter_size = conv_param["filter_size"]
        pad = conv_param["pad"]
        stride = conv_param["stride"]
        raise NotImplementedError("SimpleConvNet constructor (ch07): not implemented yet; write it in ch07/simple_convnet.py")

    def predict(self, x):
        """x: (N, C, H, W). Returns scores (N, output_size)."""
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        """Mean cross-entropy loss; t one-hot or labels."""
        return self.last_layer.forward(self.predict(x), t)

    def accuracy(self, x, t, batch_size=100):
        """Fraction of correctly classified samples, evaluated batch_size samples at a time."""
        if t.ndim != 1:
            t = np.argmax(t, axis=1)
        correct = 0
        for start in range(0, x.shape[0], batch_size):
            y = self.predict(x[start : start + batch_size])
            correct += np.sum(np.argmax(y, axis=1) == t[start : start + batch_size])
        return correct / x.shape[0]

    def numerical_gradient(self, x, t):
        """Gradients by central differences (slow: for checking tiny networks only)."""
        def loss_of_params(_):
            return self.loss(x, t)

        return {key: numerical_gradient(loss_of_params, value) for key, value in self.params.items()}

    def gradient(self, x, t):
        """Gradients by backpropagation; a dict keyed like ``params``."""
        raise NotImplementedError("SimpleConvNet.gradient (ch07): not implemented yet; write it in ch07/simple_convnet.py")

    def save_params(self, file_name="params.pkl"):
        """Write params to a pickle file."""
        with open(file_name, "wb") as f:
            pickle.dump({key: value for key, value in self.params.items()}, f)

    def load_params(self, file_name="params.pkl"):
        """Read params from a pickle file into the existing arrays (the layers keep seeing them)."""
        with open(file_name, "rb") as f:
            saved = pickle.load(f)
        for key, value in saved.items():
            self.params[key][...] = value
