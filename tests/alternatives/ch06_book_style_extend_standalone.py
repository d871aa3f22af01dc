"""MultiLayerNetExtend written the way the book's repository does: a class of its own (not a
subclass of MultiLayerNet), a name-mangled private ``__init_weight``, layers chosen by string
concatenation ('Affine' + str(idx)), train_flg sent only to the layers whose key holds 'Dropout'
or 'BatchNorm', weight decay summed with np.square, and gradients read back from the layers by key."""
from tests.grader.mutants import SOLUTIONS

CHAPTERS = ["ch06"]

STANDALONE = '''"""MultiLayerNet with Dropout and Batch Normalization, as a class of its own."""
from collections import OrderedDict

import numpy as np

from common.gradient import numerical_gradient
from common.layers import Affine, BatchNormalization, Dropout, Relu, Sigmoid, SoftmaxWithLoss


class MultiLayerNetExtend:
    def __init__(self, input_size, hidden_size_list, output_size, activation='relu', weight_init_std='relu',
                 weight_decay_lambda=0, use_dropout=False, dropout_ration=0.5, use_batchnorm=False):
        self.input_size = input_size
        self.output_size = output_size
        self.hidden_size_list = hidden_size_list
        self.hidden_layer_num = len(hidden_size_list)
        self.use_dropout = use_dropout
        self.weight_decay_lambda = weight_decay_lambda
        self.use_batchnorm = use_batchnorm
        self.params = {}
        self.__init_weight(weight_init_std)

        activation_classes = {'sigmoid': Sigmoid, 'relu': Relu}
        self.layers = OrderedDict()
        for idx in range(1, self.hidden_layer_num + 1):
            self.layers['Affine' + str(idx)] = Affine(self.params['W' + str(idx)], self.params['b' + str(idx)])
            if self.use_batchnorm:
                self.params['gamma' + str(idx)] = np.ones(hidden_size_list[idx - 1])
                self.params['beta' + str(idx)] = np.zeros(hidden_size_list[idx - 1])
                self.layers['BatchNorm' + str(idx)] = BatchNormalization(self.params['gamma' + str(idx)],
                                                                         self.params['beta' + str(idx)])
            self.layers['Activation_function' + str(idx)] = activation_classes[activation]()
            if self.use_dropout:
                self.layers['Dropout' + str(idx)] = Dropout(dropout_ration)

        idx = self.hidden_layer_num + 1
        self.layers['Affine' + str(idx)] = Affine(self.params['W' + str(idx)], self.params['b' + str(idx)])
        self.last_layer = SoftmaxWithLoss()

    def __init_weight(self, weight_init_std):
        sizes = [self.input_size] + self.hidden_size_list + [self.output_size]
        for idx in range(1, len(sizes)):
            scale = weight_init_std
            if str(weight_init_std).lower() in ('relu', 'he'):
                scale = np.sqrt(2.0 / sizes[idx - 1])
            elif str(weight_init_std).lower() in ('sigmoid', 'xavier'):
                scale = np.sqrt(1.0 / sizes[idx - 1])
            self.params['W' + str(idx)] = scale * np.random.randn(sizes[idx - 1], sizes[idx])
            self.params['b' + str(idx)] = np.zeros(sizes[idx])

    def predict(self, x, train_flg=False):
        for key, layer in self.layers.items():
            if "Dropout" in key or "BatchNorm" in key:
                x = layer.forward(x, train_flg)
            else:
                x = layer.forward(x)
        return x

    def loss(self, x, t, train_flg=False):
        y = self.predict(x, train_flg)
        decay = 0
        for idx in range(1, self.hidden_layer_num + 2):
            W = self.params['W' + str(idx)]
            decay += 0.5 * self.weight_decay_lambda * np.sum(np.square(W))
        return self.last_layer.forward(y, t) + decay

    def accuracy(self, X, T):
        Y = np.argmax(self.predict(X, train_flg=False), axis=1)
        if T.ndim != 1:
            T = np.argmax(T, axis=1)
        return np.sum(Y == T) / float(X.shape[0])

    def numerical_gradient(self, X, T):
        loss_of_W = lambda W: self.loss(X, T, train_flg=True)  # noqa: E731
        grads = {}
        for key in self.params:
            grads[key] = numerical_gradient(loss_of_W, self.params[key])
        return grads

    def gradient(self, x, t):
        self.loss(x, t, train_flg=True)
        dout = self.last_layer.backward(1)
        layers = list(self.layers.values())
        layers.reverse()
        for layer in layers:
            dout = layer.backward(dout)

        grads = {}
        for idx in range(1, self.hidden_layer_num + 2):
            affine = self.layers['Affine' + str(idx)]
            grads['W' + str(idx)] = affine.dW + self.weight_decay_lambda * affine.W
            grads['b' + str(idx)] = affine.db
            if self.use_batchnorm and idx != self.hidden_layer_num + 1:
                grads['gamma' + str(idx)] = self.layers['BatchNorm' + str(idx)].dgamma
                grads['beta' + str(idx)] = self.layers['BatchNorm' + str(idx)].dbeta
        return grads
'''

PATCHES = [("common/multi_layer_net_extend.py",
            (SOLUTIONS / "common" / "multi_layer_net_extend.py").read_text(encoding="utf-8"), STANDALONE)]
