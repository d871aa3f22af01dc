"""MultiLayerNet with Dropout and Batch Normalization (chapter 6.3 and 6.4)."""
import numpy as np

from common.layers import Affine, BatchNormalization, Dropout
from common.multi_layer_net import ACTIVATIONS, MultiLayerNet


class MultiLayerNetExtend(MultiLayerNet):
    """Per hidden layer: 'Affine{i}', ['BatchNorm{i}'], 'Activation_function{i}', ['Dropout{i}'].

    With use_batchnorm, params add gamma{i} (ones) and beta{i} (zeros) of the hidden
    layer's size. ``predict(x, train_flg)`` and ``loss(x, t, train_flg)`` pass train_flg
    to Dropout and BatchNormalization. (The keyword ``dropout_ration`` is the book's
    spelling and is kept for compatibility.)
    """

    def __init__(self, input_size, hidden_size_list, output_size, activation="relu",
                 weight_init_std="relu", weight_decay_lambda=0, use_dropout=False,
                 dropout_ration=0.5, use_batchnorm=False):
        self.use_dropout = use_dropout
        self.dropout_ratio = dropout_ration
        self.use_batchnorm = use_batchnorm
        super().__init__(input_size, hidden_size_list, output_size, activation,
                         weight_init_std, weight_decay_lambda)

    def _add_hidden_layer(self, idx, activation):
        raise NotImplementedError("MultiLayerNetExtend._add_hidden_layer (ch06): not implemented yet; write it in common/multi_layer_net_extend.py")
